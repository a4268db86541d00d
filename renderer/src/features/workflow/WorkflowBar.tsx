import { useEffect, useState } from 'react';
import type { ReviewStatus } from '../../../../shared/domain/review';
import { isDecision, TRANSITIONS } from '../../../../shared/domain/workflow';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { DecisionDialog } from './DecisionDialog';
import { ReviewStatusBadge } from './ReviewStatusBadge';
import { WorkflowSteps } from './WorkflowSteps';
import { ACTION_LABELS } from './workflowText';

/** Buttons in the order they read best: going back first, the usual way forward last (primary). */
const ORDER: readonly ReviewStatus[] = ['draft', 'rejected', 'approved_with_conditions', 'approved', 'in_review'];
const PRIMARY: ReadonlySet<ReviewStatus> = new Set(['in_review', 'approved']);

/** The review's status, the moves it allows now, and the steps it went through. */
export function WorkflowBar() {
  const review = useVetted((s) => s.review);
  const steps = useVetted((s) => s.steps);
  const busy = useVetted((s) => s.workflowBusy);
  const transition = useVetted((s) => s.transitionReview);
  const settings = useVetted((s) => s.settings);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const [deciding, setDeciding] = useState<ReviewStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The reviewer's name fills in the decision dialog.
  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  useEffect(() => setError(null), [review?.id, review?.status]);

  const moves = review ? ORDER.filter((to) => TRANSITIONS[review.status].includes(to)) : [];
  const act = async (to: ReviewStatus) => {
    setError(null);
    if (isDecision(to)) {
      setDeciding(to);
      return;
    }
    const result = await transition(to);
    if (!result.ok) setError(result.error.message);
  };
  const noName = settings !== null && settings.userName.trim() === '';

  return (
    <section className="workflow-bar" aria-label="Review workflow">
      <div className="workflow-head">
        <div className="workflow-status">
          <span className="workflow-status-label">Status</span>
          <ReviewStatusBadge status={review?.status ?? null} testId="review-status" />
        </div>
        {moves.length > 0 && (
          <div className="workflow-actions">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className={`button button-small${PRIMARY.has(to) ? ' button-primary' : to === 'rejected' ? ' button-quiet-danger' : ''}`}
                onClick={() => void act(to)}
                disabled={busy}
              >
                {ACTION_LABELS[to]}
              </button>
            ))}
          </div>
        )}
      </div>
      {error && (
        <div className="form-error workflow-error" role="alert">
          <p>{error}</p>
          {noName && (
            <p>
              Your name is not set: <a href={hrefs.settings}>set it in Settings</a> so steps say who made them.
            </p>
          )}
        </div>
      )}
      {steps.length > 0 && <WorkflowSteps steps={steps} />}
      <DecisionDialog to={deciding} onClose={() => setDeciding(null)} />
    </section>
  );
}
