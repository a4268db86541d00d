// The four incident-transparency answers the record can test, as the app names them.
import { INCIDENT_CLAIM_QUESTIONS, type IncidentClaimQuestion } from '../../../../shared/domain/incidents';

export const INCIDENT_CLAIM_LABELS: Readonly<Record<IncidentClaimQuestion, string>> = {
  inc_first_update_minutes: 'Minutes to the first public update',
  inc_postmortems: 'Postmortems published',
  inc_status_page: 'A status page updated during incidents',
  inc_sla_uptime_percent: 'Monthly uptime the SLA promises',
};

export function isIncidentClaimQuestion(questionId: string): questionId is IncidentClaimQuestion {
  return (INCIDENT_CLAIM_QUESTIONS as readonly string[]).includes(questionId);
}
