// The Maintenance tab's check of the questionnaire's maintenance answers against the record:
// every claim answered, with what the scheduled maintenances on record show.
import { useId, useMemo } from 'react';
import type { WindowView } from '../../../../shared/api';
import { checkMaintenanceClaims } from '../../../../shared/maintenance/claims';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { CLAIM_LABELS, claimAnswers, VERDICT_LABELS } from './claims';

export function ClaimChecks({ vendorId, windows }: { vendorId: string; windows: readonly WindowView[] }) {
  const headingId = useId();
  // The answers object itself (a stable reference), derived below: a selector building a new Map would loop.
  const answers = useVetted((s) => s.answers);
  const checks = useMemo(() => checkMaintenanceClaims(claimAnswers(answers), windows, Date.now()), [answers, windows]);
  return (
    <section className="side-panel claim-checks" aria-labelledby={headingId} data-testid="claim-checks">
      <h2 id={headingId}>Answers against the record</h2>
      <p className="muted side-panel-intro">
        The review’s answers on notice, disruption and frequency, held against the scheduled maintenances on record.
      </p>
      {checks.length === 0 ? (
        <p className="claim-none">
          Nothing to check yet: answer the maintenance questions in the <a href={hrefs.provider(vendorId)}>questionnaire</a>.
        </p>
      ) : (
        <ul className="claim-list">
          {checks.map((c) => {
            const verdict = VERDICT_LABELS[c.verdict];
            return (
              <li key={c.questionId} className={`claim claim-${c.verdict}`} data-testid="claim-check" data-verdict={c.verdict}>
                <span className="claim-verdict">
                  <span className="claim-symbol" aria-hidden="true">
                    {verdict.symbol}
                  </span>
                  {verdict.text}
                </span>
                <span className="claim-question">{CLAIM_LABELS[c.questionId]}</span>
                <p className="claim-words">{c.words}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
