// In the score panel: the incident-transparency answers the provider's own incident record
// contradicts, with a link to the Incidents tab. Read lazily (after the panel shows, and only when
// one of those questions is answered), from the read the questionnaire's answers share. The score
// is unchanged by design: a contradiction is a finding to raise, not a re-scoring of the answer.
import { useMemo } from 'react';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { anyIncidentClaim } from '../incidents/answered';
import { INCIDENT_CLAIM_LABELS } from '../incidents/claimLabels';
import { useTransparency } from '../incidents/useTransparency';

export function IncidentClaimFlag() {
  const vendor = useVetted((s) => s.vendor);
  const answered = useVetted((s) => anyIncidentClaim(s.answers));
  if (!vendor) return null;
  return <Flag vendorId={vendor.id} opened={vendor} enabled={answered} />;
}

function Flag({ vendorId, opened, enabled }: { vendorId: string; opened: unknown; enabled: boolean }) {
  const { transparency } = useTransparency(vendorId, opened, undefined, enabled);
  const contradicted = useMemo(() => (transparency?.claims ?? []).filter((c) => c.verdict === 'contradicted'), [transparency]);
  if (!enabled || contradicted.length === 0) return null;
  return (
    <div className="incident-flag" data-testid="incident-claim-flag">
      <h3 className="incident-flag-title">
        <span className="q-record-symbol incident-flag-symbol" aria-hidden="true">
          ✗
        </span>
        {contradicted.length === 1 ? 'Claim contradicted by the incident record' : 'Claims contradicted by the incident record'}
      </h3>
      <ul>
        {contradicted.map((c) => (
          <li key={c.questionId}>
            <strong>{INCIDENT_CLAIM_LABELS[c.questionId]}:</strong> {c.words}
          </li>
        ))}
      </ul>
      <p className="incident-flag-note">
        Held against the incidents of the last 12 months. The score is unchanged: it rests on the answers as given.{' '}
        <a href={hrefs.incidents(vendorId)}>See the incident record</a>
      </p>
    </div>
  );
}
