// The minimum maintenance notice as typed (a string, so "abc" can be shown and refused) and its
// check: whole hours from 0 to 90 days' worth, the bounds of the settings schema; empty means none.
export const MAX_NOTICE_HOURS = 24 * 90;
export const NOTICE_LABEL = 'Minimum notice';

export const noticeDraftOf = (hours: number | null): string => (hours === null ? '' : String(hours));

export type NoticeCheck = { ok: true; hours: number | null } | { ok: false; error: string };

export function checkNotice(draft: string): NoticeCheck {
  const text = draft.trim();
  if (text === '') return { ok: true, hours: null };
  const hours = /^\d+$/.test(text) ? Number(text) : NaN;
  if (hours >= 0 && hours <= MAX_NOTICE_HOURS) return { ok: true, hours };
  return { ok: false, error: `${NOTICE_LABEL}: give whole hours from 0 to ${MAX_NOTICE_HOURS}, or leave it empty for none (“${text}” is not).` };
}

/** The draft says what is stored (an unparseable draft never does). */
export function sameNotice(draft: string, stored: number | null): boolean {
  const check = checkNotice(draft);
  return check.ok && check.hours === stored;
}
