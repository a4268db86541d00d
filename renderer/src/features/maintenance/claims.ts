// The questionnaire's three maintenance claims as the app names them, and the answers they are
// checked with (shared/maintenance/claims.ts does the checking).
import { MAINTENANCE_CLAIM_QUESTIONS, type ClaimCheck, type MaintenanceClaimQuestion } from '../../../../shared/maintenance/claims';
import type { LocalAnswer } from '../../store/types';

export const CLAIM_LABELS: Readonly<Record<MaintenanceClaimQuestion, string>> = {
  mnt_notice_hours: 'Notice before maintenance',
  mnt_duration_minutes: 'Disruption per maintenance',
  mnt_frequency_per_month: 'Maintenance events a month',
};

/** Each verdict in words with a symbol, so colour is never the only sign. */
export const VERDICT_LABELS: Readonly<Record<ClaimCheck['verdict'], { symbol: string; text: string }>> = {
  contradicted: { symbol: '✗', text: 'The record disagrees' },
  consistent: { symbol: '✓', text: 'The record agrees' },
  untested: { symbol: '?', text: 'Nothing on record to test it' },
};

export function isClaimQuestion(questionId: string): questionId is MaintenanceClaimQuestion {
  return (MAINTENANCE_CLAIM_QUESTIONS as readonly string[]).includes(questionId);
}

/** The numeric answers to the three claims (an N/A or an empty answer claims nothing). */
export function claimAnswers(answers: Readonly<Record<string, LocalAnswer>>): Map<string, number> {
  const map = new Map<string, number>();
  for (const id of MAINTENANCE_CLAIM_QUESTIONS) {
    const answer = answers[id];
    if (answer && !answer.na && typeof answer.value === 'number') map.set(id, answer.value);
  }
  return map;
}
