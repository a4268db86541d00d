import { useState } from 'react';
import { isDecision } from '../../../../shared/domain/workflow';
import { REVIEW_STATUS_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { formatDate } from '../../lib/format';
import { StartReviewDialog } from './StartReviewDialog';
import { decisionStep } from './workflowText';

/** A decided review is read-only: says who decided and when, and offers the next review. */
export function DecidedBanner() {
  const review = useVetted((s) => s.review);
  const steps = useVetted((s) => s.steps);
  const busy = useVetted((s) => s.workflowBusy);
  const startNewReview = useVetted((s) => s.startNewReview);
  const [error, setError] = useState<string | null>(null);
  /** "Start on another questionnaire…": the dialog choosing the next review's template. */
  const [choosing, setChoosing] = useState(false);
  if (!review || !isDecision(review.status)) return null;

  const step = decisionStep(review, steps);
  const who = step?.by ? ` by ${step.by}` : '';
  const when = step ? ` on ${formatDate(step.at)}` : '';
  const start = async () => {
    setError(null);
    const result = await startNewReview();
    if (!result.ok) setError(result.error.message);
  };

  return (
    <div className={`decided-banner decided-${review.status}`} role="region" aria-label="Decided review">
      <div className="decided-text">
        <p data-testid="decided-banner">
          <strong>
            {REVIEW_STATUS_LABELS[review.status]}
            {who}
            {when}
          </strong>{' '}
          — answers are frozen.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="decided-actions">
        <button type="button" className="button" onClick={() => setChoosing(true)} disabled={busy}>
          Start on another questionnaire…
        </button>
        <button type="button" className="button button-primary" onClick={() => void start()} disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Starting…' : 'Start a new review from these answers'}
        </button>
      </div>
      <StartReviewDialog open={choosing} onClose={() => setChoosing(false)} />
    </div>
  );
}
