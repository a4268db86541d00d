// Beside the answers to the three maintenance claims (notice, disruption, frequency): a note when
// the provider's scheduled maintenances on record contradict the answer. The windows are read
// once per opened provider and shared by the three (useVendorWindows); other questions render nothing.
import { useMemo } from 'react';
import { checkMaintenanceClaims } from '../../../../shared/maintenance/claims';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { answerOf } from '../../store/providerSlice';
import { isClaimQuestion, VERDICT_LABELS } from '../maintenance/claims';
import { useVendorWindows } from '../maintenance/useVendorWindows';

export function QuestionClaimNote({ questionId }: { questionId: string }) {
  const vendor = useVetted((s) => s.vendor);
  if (!isClaimQuestion(questionId) || !vendor) return null;
  return <ClaimNote questionId={questionId} vendorId={vendor.id} opened={vendor} />;
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
