// The concentration threshold as typed: a percentage (people say "more than half", not 0.5), while
// the register stores the fraction. Kept as a string so "abc" can be shown and refused.
export const THRESHOLD_LABEL = 'Concentration threshold';

/** 0.5 → "50"; a stored fraction that is not a whole percentage keeps its decimals (0.125 → "12.5"). */
export const thresholdDraftOf = (fraction: number): string => String(Math.round(fraction * 100 * 1000) / 1000);

export type ThresholdCheck = { ok: true; fraction: number } | { ok: false; error: string };

export function checkThreshold(draft: string): ThresholdCheck {
  const text = draft.trim().replace(/\s*%$/, '').replace(',', '.');
  const percent = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (percent >= 0 && percent <= 100) return { ok: true, fraction: Math.round(percent * 1000) / 100_000 };
  return { ok: false, error: `${THRESHOLD_LABEL}: give a percentage from 0 to 100, such as 50 (“${draft.trim()}” is not).` };
}

/** The draft says what is stored (an unparseable draft never does). */
export function sameThreshold(draft: string, stored: number): boolean {
  const check = checkThreshold(draft);
  return check.ok && Math.abs(check.fraction - stored) < 1e-9;
}
