// The questionnaire's incident-transparency answers held against the measured record
// (shared/incidents/measures.ts). Each answered claim question gives one check: 'contradicted'
// (the record disagrees: a finding candidate), 'consistent' (it agrees, or the answer promises
// nothing the record could break), or 'untested' (too little on record, or nothing public to see),
// with one sentence a report prints as it stands. docs/incidents.md ("Measured against claimed")
// repeats these rules; change both together.
//
// - inc_first_update_minutes (a number N of minutes): fewer than MIN_INCIDENTS_FOR_VERDICT (3)
//   incidents with a first update measured → untested. Otherwise contradicted when the measured
//   median (1 decimal) is above N, consistent when it is N or less. Observed: the median.
// - inc_postmortems: 'public' → untested when no postmortem is due; contradicted when fewer were
//   published than were due; consistent when all were. 'on_request' → untested: a private
//   postmortem cannot be seen in a public record. 'none' → always consistent (a provider that does
//   better than it answered is not a risk); the words say when the record does show some.
//   Observed: the published share of those due (0–1); null when none is due or untested.
// - inc_status_page: 'active' → untested when no incident is on record in the period;
//   contradicted when any of them was typed in as never shown on the status page; consistent
//   otherwise. 'stale' and 'none' promise nothing the record could contradict → consistent.
//   Observed: how many incidents never appeared on the status page; null when there is no incident.
// - inc_sla_uptime_percent (a number P): no availability estimate (no incident in the period) →
//   untested; contradicted when the worst calendar month's estimate (3 decimals) is below P;
//   consistent otherwise. Observed: that month's percent.
//
// Answers not given, numbers that are not finite, and option ids a question does not have are left
// out. The caller passes the answers the review shows: one left behind on a question the
// questionnaire now hides (the uptime when the SLA answer is "No SLA") is not a claim.
import { MIN_INCIDENTS_FOR_VERDICT, POSTMORTEM_GRACE_DAYS, type IncidentClaimCheck, type TransparencyMeasures } from '../domain/incidents';

/** "1 minute", "2 minutes", "0.5 minutes": a report prints the words as they stand. */
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const STATUS_PAGE = ['active', 'stale', 'none'] as const;
const POSTMORTEMS = ['public', 'on_request', 'none'] as const;

/** Major or critical incidents due a postmortem, as the words name them. */
const significant = (n: number) => `major or critical ${n === 1 ? 'incident' : 'incidents'}`;
const DUE = `resolved at least ${plural(POSTMORTEM_GRACE_DAYS, 'day')} before the end of the period`;

/**
 * Each incident-transparency claim answered (question id → value: a number, or an option's id)
 * checked against the measures; unanswered questions are left out. Checks come in the order of
 * INCIDENT_CLAIM_QUESTIONS.
 */
export function checkIncidentClaims(answers: ReadonlyMap<string, unknown>, measures: TransparencyMeasures): IncidentClaimCheck[] {
  const checks: IncidentClaimCheck[] = [];
  const num = (id: string) => {
    const v = answers.get(id);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const option = <T extends string>(id: string, options: readonly T[]) => {
    const v = answers.get(id);
    return typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : null;
  };

  const minutes = num('inc_first_update_minutes');
  if (minutes !== null) checks.push(firstUpdateCheck(minutes, measures));
  const postmortems = option('inc_postmortems', POSTMORTEMS);
  if (postmortems !== null) checks.push(postmortemCheck(postmortems, measures));
  const statusPage = option('inc_status_page', STATUS_PAGE);
  if (statusPage !== null) checks.push(statusPageCheck(statusPage, measures));
  const uptime = num('inc_sla_uptime_percent');
  if (uptime !== null) checks.push(uptimeCheck(uptime, measures));
  return checks;
}

function firstUpdateCheck(claimed: number, m: TransparencyMeasures): IncidentClaimCheck {
  const answered = `Answered ${plural(claimed, 'minute')} to the first update`;
  const { median, p90, measured } = m.firstUpdate;
  if (measured < MIN_INCIDENTS_FOR_VERDICT || median === null || p90 === null) {
    const few =
      measured === 0
        ? 'no incident with a public update is on record in the period to test it'
        : `only ${plural(measured, 'incident')} with a public update ${measured === 1 ? 'is' : 'are'} on record in the period, too few to test it`;
    return { questionId: 'inc_first_update_minutes', claimed, observed: null, verdict: 'untested', words: `${answered}; ${few}.` };
  }
  return {
    questionId: 'inc_first_update_minutes',
    claimed,
    observed: median,
    verdict: median > claimed ? 'contradicted' : 'consistent',
    words: `${answered}; the record's median is ${plural(median, 'minute')} over ${plural(measured, 'incident')} (90th percentile ${plural(p90, 'minute')}).`,
  };
}

function postmortemCheck(claimed: (typeof POSTMORTEMS)[number], m: TransparencyMeasures): IncidentClaimCheck {
  const { due, published, share } = m.postmortems;
  const missing = due - published;
  const base = { questionId: 'inc_postmortems' as const, claimed };
  if (claimed === 'on_request') {
    return {
      ...base,
      observed: null,
      verdict: 'untested',
      words: 'Answered private postmortems, on request; a private postmortem cannot be seen in a public record, so the record cannot test this.',
    };
  }
  if (claimed === 'public') {
    const answered = 'Answered public postmortems for significant incidents';
    if (due === 0) return { ...base, observed: null, verdict: 'untested', words: `${answered}; no ${significant(1)} ${DUE} is on record to test it.` };
    if (missing > 0) {
      const which =
        due === 1
          ? `the one ${significant(1)} ${DUE} has none on record`
          : missing === due
            ? `none of the ${due} ${significant(due)} ${DUE} has one on record`
            : `${missing} of ${due} ${significant(due)} ${DUE} ${missing === 1 ? 'has' : 'have'} none on record`;
      return { ...base, observed: share, verdict: 'contradicted', words: `${answered}; ${which}.` };
    }
    const which = due === 1 ? `the one ${significant(1)} ${DUE} has one on record` : `all ${due} ${significant(due)} ${DUE} have one on record`;
    return { ...base, observed: share, verdict: 'consistent', words: `${answered}; ${which}.` };
  }
  // 'none': the record can only show better than the answer.
  const answered = 'Answered no postmortems';
  if (published === 0) return { ...base, observed: share, verdict: 'consistent', words: `${answered}; no postmortem is on record for a ${significant(1)} ${DUE}.` };
  const which =
    due === 1
      ? `the one ${significant(1)} ${DUE} has a postmortem on record`
      : published === due
        ? `all ${due} ${significant(due)} ${DUE} have a postmortem on record`
        : `${published} of ${due} ${significant(due)} ${DUE} ${published === 1 ? 'has' : 'have'} a postmortem on record`;
  return { ...base, observed: share, verdict: 'consistent', words: `${answered}; the record shows better than the answer: ${which}.` };
}

function statusPageCheck(claimed: (typeof STATUS_PAGE)[number], m: TransparencyMeasures): IncidentClaimCheck {
  const base = { questionId: 'inc_status_page' as const, claimed, observed: m.total === 0 ? null : m.notOnStatusPage };
  const shown = m.total - m.notOnStatusPage;
  if (claimed === 'stale' || claimed === 'none') {
    const answered = claimed === 'stale' ? 'Answered that the status page is often silent while things are broken' : 'Answered no status page';
    const seen =
      claimed === 'none' && shown > 0
        ? `; yet ${plural(shown, 'incident')} on record in the period appeared on a status page`
        : '';
    return { ...base, verdict: 'consistent', words: `${answered}, which promises nothing the record could contradict${seen}.` };
  }
  const answered = 'Answered a status page updated during incidents';
  if (m.total === 0) return { ...base, verdict: 'untested', words: `${answered}; no incident is on record in the period to test it.` };
  if (m.notOnStatusPage > 0) {
    return {
      ...base,
      verdict: 'contradicted',
      words: `${answered}; ${plural(m.notOnStatusPage, 'incident')} your team recorded never appeared on their status page.`,
    };
  }
  const which = m.total === 1 ? 'the one incident on record in the period appeared on it' : `all ${m.total} incidents on record in the period appeared on it`;
  return { ...base, verdict: 'consistent', words: `${answered}; ${which}.` };
}

function uptimeCheck(claimed: number, m: TransparencyMeasures): IncidentClaimCheck {
  const answered = `Promised ${claimed}% monthly uptime`;
  const worst = m.availability?.worstMonth ?? null;
  if (m.availability === null || worst === null) {
    return { questionId: 'inc_sla_uptime_percent', claimed, observed: null, verdict: 'untested', words: `${answered}; no incident whose impact is known is on record in the period to estimate it${m.impactUnknown > 0 ? ` (the ${m.impactUnknown === 1 ? 'one' : m.impactUnknown} from a history feed ${m.impactUnknown === 1 ? 'does' : 'do'} not say how bad ${m.impactUnknown === 1 ? 'it was' : 'they were'})` : ''}.` };
  }
  const counted = m.availability.componentsUsed.length > 0 ? 'major and critical incidents on the components you use counted as down' : 'major and critical incidents counted as down';
  const contradicted = worst.percent < claimed;
  return {
    questionId: 'inc_sla_uptime_percent',
    claimed,
    observed: worst.percent,
    verdict: contradicted ? 'contradicted' : 'consistent',
    words: contradicted
      ? `${answered}; the record's estimate for ${worst.month} is ${worst.percent}% (${counted}).`
      : `${answered}; the record's estimate for its worst month, ${worst.month}, is ${worst.percent}% (${counted}).`,
  };
}
