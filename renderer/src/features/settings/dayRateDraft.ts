// The day rate as typed (amount and currency as strings, so "abc" can be shown and refused) and
// its check against the shared DayRate schema. An empty amount means "no day rate".
import { DayRate } from '../../../../shared/domain/cost';
import { describeIssues } from '../../../../shared/validation';
import { fieldMessage } from '../../components/FieldError';
import { parseAmount } from '../profile/profileDraft';

export interface DayRateDraft {
  amount: string;
  currency: string;
}
export type DayRateErrors = Partial<Record<keyof DayRateDraft, string>>;

export const DAY_RATE_LABELS: Readonly<Record<keyof DayRateDraft, string>> = {
  amount: 'Day rate',
  currency: 'Day rate currency',
};

/** With no rate set, the currency field offers EUR (the profile's default) to fill in. */
export function dayRateDraftOf(rate: DayRate | null): DayRateDraft {
  return rate === null ? { amount: '', currency: 'EUR' } : { amount: String(rate.amount), currency: rate.currency };
}

export type DayRateCheck = { ok: true; rate: DayRate | null } | { ok: false; errors: DayRateErrors };

export function checkDayRate(draft: DayRateDraft): DayRateCheck {
  const amount = parseAmount(draft.amount);
  if (amount === null) return { ok: true, rate: null };
  const errors: DayRateErrors = {};
  if (amount === undefined) errors.amount = `${DAY_RATE_LABELS.amount} must be a number such as 640 or 612.50`;
  const parsed = DayRate.safeParse({ amount, currency: draft.currency.trim().toUpperCase() });
  if (!parsed.success) {
    for (const problem of describeIssues(parsed.error.issues)) {
      const key = problem.path as keyof DayRateDraft;
      if (key in DAY_RATE_LABELS) errors[key] ??= fieldMessage(DAY_RATE_LABELS[key], problem.message);
    }
  }
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, rate: parsed.data } : { ok: false, errors };
}

/** The draft says what is stored (an unparseable draft never does). */
export function sameDayRate(draft: DayRateDraft, stored: DayRate | null): boolean {
  const check = checkDayRate(draft);
  return check.ok && JSON.stringify(check.rate) === JSON.stringify(stored);
}
