// The stored templates a new review can start on, for the selects that choose one (Settings, Add
// provider, Start review): each template once, at its newest version (review.start uses that one).
import { useEffect, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

export interface TemplateOption {
  id: string;
  version: number;
  name: string;
  builtIn: boolean;
  /** What the select shows: "Built-in: …" or the name with its version (and id when two share a name). */
  label: string;
}

/** Newest version of each id; the built-in template first, then by name. */
export function templateOptions(summaries: readonly TemplateSummary[]): TemplateOption[] {
  const newest = new Map<string, TemplateSummary>();
  for (const t of summaries) {
    const seen = newest.get(t.id);
    if (!seen || t.version > seen.version) newest.set(t.id, t);
  }
  const list = [...newest.values()].sort(
    (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const names = new Map<string, number>();
  for (const t of list) names.set(t.name, (names.get(t.name) ?? 0) + 1);
  return list.map((t) => ({
    id: t.id,
    version: t.version,
    name: t.name,
    builtIn: t.builtIn,
    label: t.builtIn ? `Built-in: ${t.name}` : `${t.name} (${names.get(t.name)! > 1 ? `${t.id}, ` : ''}v${t.version})`,
  }));
}

export type TemplateOptionsState =
  | { status: 'loading'; options: null; error: null }
  | { status: 'ready'; options: TemplateOption[]; error: null }
  | { status: 'error'; options: null; error: ApiError };

/** Reads the stored templates each time a chooser opens (an import may have added one since). */
export function useTemplateOptions(active = true): TemplateOptionsState {
  const [state, setState] = useState<TemplateOptionsState>({ status: 'loading', options: null, error: null });
  useEffect(() => {
    if (!active) return;
    let live = true;
    void api['template.list']({}).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', options: templateOptions(result.value), error: null } : { status: 'error', options: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [active]);
  return state;
}
