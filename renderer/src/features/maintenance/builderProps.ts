// What every part of the schedule builder is given by the form that holds the draft (the
// window form and the blackout form keep their own drafts; the builder only edits its fields).
import type { ScheduleDraft, ScheduleErrors, ScheduleKey } from './scheduleDraft';

export interface BuilderProps {
  draft: ScheduleDraft;
  errors: ScheduleErrors;
  /** The DOM id of a field (useDraftFields' fid), so a problem can focus it. */
  fid(key: ScheduleKey): string;
  set<K extends ScheduleKey>(key: K, value: ScheduleDraft[K]): void;
}

/** aria-describedby for a control: its error (when shown) and its hint (when given). */
export function describedBy(id: string, error: string | undefined, hint = false): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}
