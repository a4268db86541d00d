// Beside the answers to the claims the provider's own record can test: for the three maintenance
// claims (notice, disruption, frequency) a note when the scheduled maintenances on record
// contradict the answer; for the four incident-transparency answers a line "Record: …" with the
// verdict, from the incident record of the last 12 months. The windows and the transparency are
// each read once per opened provider and shared by the cards; other questions render nothing.
import { useMemo } from 'react';
import { checkMaintenanceClaims } from '../../../../shared/maintenance/claims';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { answerOf } from '../../store/providerSlice';
import { claims } from '../incidents/answered';
import { isIncidentClaimQuestion } from '../incidents/claimLabels';
import { useTransparency } from '../incidents/useTransparency';
import { isClaimQuestion, VERDICT_LABELS } from '../maintenance/claims';
import { useVendorWindows } from '../maintenance/useVendorWindows';

export function QuestionClaimNote({ questionId }: { questionId: string }) {
  const vendor = useVetted((s) => s.vendor);
  if (!vendor) return null;
  if (isClaimQuestion(questionId)) return <ClaimNote questionId={questionId} vendorId={vendor.id} opened={vendor} />;
  if (isIncidentClaimQuestion(questionId)) return <RecordNote questionId={questionId} vendorId={vendor.id} opened={vendor} />;
  return null;
}

function ClaimNote({ questionId, vendorId, opened }: { questionId: string; vendorId: string; opened: unknown }) {
  const answer = useVetted((s) => answerOf(s.answers, questionId));
  // The provider object changes when the provider is opened again: then the windows are read again.
  const { windows } = useVendorWindows(vendorId, opened);
  const claimed = !answer.na && typeof answer.value === 'number' ? answer.value : null;
  const check = useMemo(
    () => (claimed === null || windows.length === 0 ? null : (checkMaintenanceClaims(new Map([[questionId, claimed]]), windows, Date.now())[0] ?? null)),
    [questionId, claimed, windows],
  );
  if (check?.verdict !== 'contradicted') return null;
  const verdict = VERDICT_LABELS.contradicted;
  return (
    <p className="q-claim" data-testid="claim-note">
      <span className="q-claim-symbol" aria-hidden="true">
        {verdict.symbol}
      </span>
      <span>
        <strong>{verdict.text}:</strong> {check.words} <a href={hrefs.maintenance(vendorId)}>See the maintenance record</a>
      </span>
    </p>
  );
}

/**
 * "Record: …" under an incident-transparency answer. Read only once the answer claims something;
 * an answer saved is checked again (useTransparency watches the saves), so the line follows it.
 */
function RecordNote({ questionId, vendorId, opened }: { questionId: string; vendorId: string; opened: unknown }) {
  const answered = useVetted((s) => claims(s.answers[questionId]));
  const { transparency } = useTransparency(vendorId, opened, undefined, answered);
  const check = transparency?.claims.find((c) => c.questionId === questionId) ?? null;
  if (!answered || check === null) return null;
  const verdict = VERDICT_LABELS[check.verdict];
  return (
    <p className={`q-record q-record-${check.verdict}`} data-testid="record-note" data-verdict={check.verdict}>
      <span className="q-record-symbol" aria-hidden="true">
        {verdict.symbol}
      </span>
      <span>
        <strong>Record:</strong> <span className="visually-hidden">{verdict.text}. </span>
        {check.words} <a href={hrefs.incidents(vendorId)}>See the incident record</a>
      </span>
    </p>
  );
}
