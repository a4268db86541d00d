// Words for the export dialogs and their outcomes: the as-of date check and what a file holds.
import { isIsoDate } from '../../../../shared/domain/dates';
import type { SubprocessorOutcome } from '../../store/types';
import { formatDay } from '../workflow/formatWhen';

/** "1 provider", "3 providers". */
export function providers(n: number): string {
  return `${n} ${n === 1 ? 'provider' : 'providers'}`;
}

/** What is wrong with an as-of date (YYYY-MM-DD, as date inputs give it); null when it can be used. */
export function asOfDateProblem(value: string, today: string): string | null {
  if (value === '') return 'Choose the day the list is as of (today, or an earlier day).';
  if (!isIsoDate(value)) return 'Write the date as YYYY-MM-DD, for example 2026-03-31.';
  if (value > today) return `${formatDay(value)} is in the future: a list can only say what was true up to today. Choose today or an earlier day.`;
  return null;
}

/** "It lists 4 providers as of 3 Mar 2026, proposed providers included (marked), with internal risk tiers." */
export function listedSentence(outcome: Pick<SubprocessorOutcome, 'listed' | 'date' | 'includeProposed' | 'includeTiers'>): string {
  const extras = [
    outcome.includeProposed ? 'proposed providers included (marked)' : '',
    outcome.includeTiers ? 'with internal risk tiers' : '',
  ].filter(Boolean);
  return `It lists ${providers(outcome.listed)} as of ${formatDay(outcome.date)}${extras.length ? `, ${extras.join(', ')}` : ''}.`;
}

/** "Exported with 2 warnings:" (null when there are none). */
export function warningsHeading(count: number): string | null {
  if (count === 0) return null;
  return count === 1 ? 'Exported with a warning:' : `Exported with ${count} warnings:`;
}
