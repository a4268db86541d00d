// What a document dated D says about the parts of it the register keeps only as they are now: the
// provider profile (one record, no versions) and the engineer day rate in Settings (one value, no
// history). The review report's wording for the profile (vendor-report.ts), here so that the
// comparison PDF and CSV say it the same way. Pure.
import { dayOf, onOrBefore } from '../domain/standing';

/**
 * "The profile was last changed on X, after D: it shows the provider as recorded now.", or null
 * when the profile was last changed on or before D (then it is the profile as it stood on D).
 */
export function profileChangedNote(updatedAt: string, asOf: string): string | null {
  if (onOrBefore(updatedAt, asOf)) return null;
  return `The profile was last changed on ${dayOf(updatedAt)}, after ${asOf}: it shows the provider as recorded now.`;
}

/** The profile as of D, either way: changed since (profileChangedNote), or as it stood on D. */
export function profileAsOfText(updatedAt: string, asOf: string): string {
  return profileChangedNote(updatedAt, asOf) ?? `Last changed on ${dayOf(updatedAt)}: as it stood on ${asOf}.`;
}

/**
 * For a document dated before today: the day rate it uses is Settings' current one, which may not
 * be the rate on D (in the review report's words, vendor-report.ts's buy-or-build row). Null when D
 * is today, or no day rate is set (nothing is priced with it).
 */
export function dayRateNote(rateText: string | null, asOf: string, today: string): string | null {
  if (rateText === null || asOf >= today) return null;
  return `The day rate (${rateText}) is the one set in Settings when this document was made (${today}), not necessarily the one on ${asOf}: Settings keep no dated copy.`;
}
