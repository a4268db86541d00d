// "Answers against the record": the review's incident-transparency answers held against the
// record of the period shown (the period a finding is then raised on), each with its verdict in a
// symbol and words. A contradicted answer offers "Create finding" in one click; once there is
// one, a link to it.
import { useId, useRef, useState } from 'react';
import type { IncidentClaimCheck } from '../../../../shared/domain/incidents';
import type { Transparency } from '../../../../shared/api';
import { FINDING_STATUS_LABELS } from '../../../../shared/domain/labels';
import { api } from '../../api/client';
import { hrefs } from '../../app/router';
import { errorText } from '../../lib/errorText';
import { useVetted } from '../../store';
import { findingForQuestion } from '../findings/findingMatch';
import { VERDICT_LABELS } from '../maintenance/claims';
import { INCIDENT_CLAIM_LABELS } from './claimLabels';

interface Props {
  vendorId: string;
  /** Over the period shown. */
  transparency: Transparency | null;
  loading: boolean;
  /** "the last 12 months". */
  periodWords: string;
}

export function IncidentClaims({ vendorId, transparency, loading, periodWords }: Props) {
  const headingId = useId();
  const claims = transparency?.claims ?? [];
  return (
    <section className="side-panel claim-checks" aria-labelledby={headingId} data-testid="incident-claims">
      <h2 id={headingId}>Answers against the record</h2>
      <p className="muted side-panel-intro">
        The latest review’s answers on incident transparency, held against the incidents of {periodWords}. A contradiction
        does not change the score: it is a finding to raise with the provider.
      </p>
      {loading && !transparency ? (
        <p className="muted loading" role="status">
          Checking the answers…
        </p>
      ) : claims.length === 0 ? (
        <p className="claim-none">
          Nothing to check yet: answer the incident questions in the <a href={hrefs.provider(vendorId)}>questionnaire</a>.
        </p>
      ) : (
        <ul className="claim-list">
          {claims.map((c) => (
            <ClaimItem key={c.questionId} vendorId={vendorId} claim={c} reviewId={transparency?.reviewId ?? null} since={transparency?.measures.period.from} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClaimItem({ vendorId, claim, reviewId, since }: { vendorId: string; claim: IncidentClaimCheck; reviewId: string | null; since: string | undefined }) {
  const wordsId = useId();
  const verdict = VERDICT_LABELS[claim.verdict];
  const finding = useVetted((s) => {
    if (s.findingsVendorId !== vendorId) return null;
    const f = findingForQuestion(s.findings, reviewId, claim.questionId);
    return f && f.effectiveStatus !== 'resolved' ? f : null;
  });
  const loadFindings = useVetted((s) => s.loadFindings);
  const highlight = useVetted((s) => s.highlightFinding);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    // Over the period shown, so the finding says what the screen says.
    const result = await api['incident.claimFinding']({ vendorId, questionId: claim.questionId, ...(since ? { since } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(`No finding was created: ${errorText(result.error)}`);
      return;
    }
    setCreated('Finding created.');
    highlight(result.value.id);
    await loadFindings(vendorId);
    // The button is gone; the link to the finding takes its place and the focus.
    requestAnimationFrame(() => link.current?.focus());
  };

  return (
    <li className={`claim claim-${claim.verdict}`} data-testid="incident-claim" data-verdict={claim.verdict} data-question={claim.questionId}>
      <span className="claim-verdict">
        <span className="claim-symbol" aria-hidden="true">
          {verdict.symbol}
        </span>
        {verdict.text}
      </span>
      <span className="claim-question">{INCIDENT_CLAIM_LABELS[claim.questionId]}</span>
      <p className="claim-words" id={wordsId}>
        {claim.words}
      </p>
      <p className="save-note save-saved claim-created" role="status">
        {created}
      </p>
      {claim.verdict === 'contradicted' && (
        <div className="claim-action">
          {finding ? (
            <a ref={link} className="claim-finding-link" href={hrefs.findings(vendorId)} onClick={() => highlight(finding.id)} data-testid="claim-finding" title={finding.title}>
              Finding raised ({FINDING_STATUS_LABELS[finding.effectiveStatus].toLowerCase()}): see it on the Findings tab
            </a>
          ) : (
            <button
              type="button"
              className="button button-small"
              aria-describedby={wordsId}
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void create()}
            >
              {busy ? 'Creating finding…' : 'Create finding'}
            </button>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
