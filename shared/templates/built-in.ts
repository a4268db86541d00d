// The templates that ship with the app: their ids and versions known without parsing them, the
// templates themselves parsed on first use (once; every caller gets the same objects, which the
// scoring caches key on).
import { Template } from '../domain/template';
import { INFRASTRUCTURE_DEFINITION } from './infrastructure-definition';

const DEFINITIONS = [INFRASTRUCTURE_DEFINITION] as const;

/** Each built-in template's id and version: what opening a register checks is stored. */
export const BUILT_IN_TEMPLATE_KEYS: readonly { id: string; version: number }[] = DEFINITIONS.map((d) => ({ id: d.id, version: d.version }));

let parsed: readonly Template[] | undefined;

export function builtInTemplates(): readonly Template[] {
  return (parsed ??= DEFINITIONS.map((d) => Template.parse(d)));
}
