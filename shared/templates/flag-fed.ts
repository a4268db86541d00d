// Questions that only feed risk flags: weight 0, but read by a flag's condition.
import { conditionRefs } from '../domain/conditions';
import type { Template } from '../domain/template';

export function flagFedQuestionIds(template: Template): ReadonlySet<string> {
  const read = new Set<string>();
  for (const section of template.sections) for (const flag of section.flags ?? []) for (const id of conditionRefs(flag.when)) read.add(id);
  const out = new Set<string>();
  for (const section of template.sections) for (const q of section.questions) if (q.weight === 0 && read.has(q.id)) out.add(q.id);
  return out;
}
