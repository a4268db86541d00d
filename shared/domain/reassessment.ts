// When a provider is due for its next review: counted from its latest decision when that decision
// is an approval, by the tier it found (months per tier are a setting), unless a date was set by
// hand. A provider whose latest decision is a rejection has no next review: it is not approved.
// This is shared/domain/standing.ts's rule as of today, for every provider at once (the register
// and `vetted due` must never contradict what a document dated today says).
import { z } from 'zod';
import type { ReviewStatus } from './review';
import type { Tier } from './tier';
import { isApproval } from './workflow';

export const ReassessmentMonths = z
  .object({
    critical: z.number().int().min(1).max(60),
    high: z.number().int().min(1).max(60),
    medium: z.number().int().min(1).max(60),
    low: z.number().int().min(1).max(60),
  })
  .strict();
export type ReassessmentMonths = z.infer<typeof ReassessmentMonths>;

export const DEFAULT_REASSESSMENT_MONTHS: ReassessmentMonths = { critical: 6, high: 12, medium: 18, low: 24 };

/** "Due soon", "expiring soon": within this many days. */
export const SOON_DAYS = 30;

export type DueState = 'overdue' | 'due_soon' | 'scheduled' | 'not_approved';

export interface Reassessment {
  /** YYYY-MM-DD, or null when the provider has no approved review. */
  due: string | null;
  state: DueState;
  /** Where the date comes from: the approval's tier, or a date set by hand. */
  source: 'tier' | 'manual' | null;
  /** The approved review it is counted from. */
  reviewId: string | null;
  approvedOn: string | null;
  tier: Tier | null;
}

/** The latest decision of a provider, as reassessment reads it. */
export interface DecisionBasis {
  reviewId: string;
  /** approved, approved_with_conditions or rejected. */
  status: ReviewStatus;
  /** ISO instant of the decision. */
  decidedAt: string;
  /** The tier the decided review found; null on an approval (should not happen: approval needs a tier) counts as critical. */
  tier: Tier | null;
  /** A date set by hand, YYYY-MM-DD. */
  dueOverride: string | null;
}

function parts(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

/** The same day `months` later; the last day of the month when that day does not exist (31 Jan + 1 = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = parts(isoDate);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** "Soon" state of a date: past, within SOON_DAYS (today included), or later. */
export function dateState(date: string, today: string): 'past' | 'soon' | 'later' {
  const days = daysBetween(today, date);
  if (days < 0) return 'past';
  return days <= SOON_DAYS ? 'soon' : 'later';
}

export function reassessmentOf(basis: DecisionBasis | null, months: ReassessmentMonths, today: string): Reassessment {
  if (!basis || !isApproval(basis.status)) return { due: null, state: 'not_approved', source: null, reviewId: null, approvedOn: null, tier: null };
  // The UTC calendar day, as documents count it (shared/domain/standing.ts dayOf), never the
  // machine's zone: an approval at 23:30 UTC is due on the same day in Auckland and in a report.
  const approvedOn = basis.decidedAt.slice(0, 10);
  const due = basis.dueOverride ?? addMonths(approvedOn, months[basis.tier ?? 'critical']);
  const state = dateState(due, today);
  return {
    due,
    state: state === 'past' ? 'overdue' : state === 'soon' ? 'due_soon' : 'scheduled',
    source: basis.dueOverride ? 'manual' : 'tier',
    reviewId: basis.reviewId,
    approvedOn,
    tier: basis.tier,
  };
}
