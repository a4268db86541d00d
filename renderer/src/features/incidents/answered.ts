// Whether an answer claims anything the record could test (an N/A or an empty answer claims nothing).
import { INCIDENT_CLAIM_QUESTIONS } from '../../../../shared/domain/incidents';
import type { LocalAnswer } from '../../store/types';

export function claims(answer: LocalAnswer | undefined): boolean {
  if (!answer || answer.na) return false;
  const v = answer.value;
  return v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** True when any of the four incident-transparency questions is answered. */
export function anyIncidentClaim(answers: Readonly<Record<string, LocalAnswer>>): boolean {
  return INCIDENT_CLAIM_QUESTIONS.some((q) => claims(answers[q]));
}
