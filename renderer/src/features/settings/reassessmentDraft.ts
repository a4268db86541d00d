// The months-per-tier fields as typed (strings, so "abc" or "0" can be shown and refused) and
// their check: whole months from 1 to 60, the same bounds as the ReassessmentMonths schema.
import type { ReassessmentMonths } from '../../../../shared/domain/reassessment';
import type { Tier } from '../../../../shared/domain/tier';

export type MonthsDraft = Record<Tier, string>;
export type MonthsErrors = Partial<Record<Tier, string>>;

/** Highest tier first: the order people read the schedule in. */
export const MONTH_TIERS: readonly Tier[] = ['critical', 'high', 'medium', 'low'];
export const MIN_MONTHS = 1;
export const MAX_MONTHS = 60;

export function monthsDraftOf(months: ReassessmentMonths): MonthsDraft {
  return { critical: String(months.critical), high: String(months.high), medium: String(months.medium), low: String(months.low) };
}

export function sameMonths(draft: MonthsDraft, stored: ReassessmentMonths): boolean {
  return MONTH_TIERS.every((tier) => draft[tier].trim() === String(stored[tier]));
}

export type MonthsCheck = { ok: true; months: ReassessmentMonths } | { ok: false; errors: MonthsErrors };

export function checkMonths(draft: MonthsDraft, tierLabel: (tier: Tier) => string): MonthsCheck {
  const errors: MonthsErrors = {};
  const months = {} as ReassessmentMonths;
  for (const tier of MONTH_TIERS) {
    const text = draft[tier].trim();
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(value >= MIN_MONTHS && value <= MAX_MONTHS)) {
      errors[tier] =
        text === ''
          ? `${tierLabel(tier)}: give the number of months.`
          : `${tierLabel(tier)}: give a whole number of months from ${MIN_MONTHS} to ${MAX_MONTHS} (“${text}” is not).`;
    } else {
      months[tier] = value;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, months };
}
