import { useEffect, useId, useState } from 'react';
import type { ReviewStatus } from '../../../../shared/domain/review';
import { isDecision, TRANSITIONS } from '../../../../shared/domain/workflow';
import { useVetted } from '../../store';
import { UserNameDialog } from '../settings/UserNameDialog';
import { DecisionDialog } from './DecisionDialog';
import { ReviewStatusBadge } from './ReviewStatusBadge';
import { StartReviewDialog } from './StartReviewDialog';
import { errorText } from '../../lib/errorText';
import { isMissingSigner, saveAndContinueLabel, storedUserName } from './signer';
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
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const [deciding, setDeciding] = useState<ReviewStatus | null>(null);
  /** The step waiting for the user's name (nobody is named in Settings yet). */
  const [naming, setNaming] = useState<ReviewStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** "Start review…" is choosing the questionnaire of the first review. */
  const [starting, setStarting] = useState(false);
  const uid = useId();

  // The reviewer's name fills in the decision dialog, and tells whether to ask for it first.
  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  useEffect(() => setError(null), [review?.id, review?.status]);

  const moves = review ? ORDER.filter((to) => TRANSITIONS[review.status].includes(to)) : [];

  /** The step itself, once someone is named: a decision opens its dialog, other steps go now. */
  const carryOn = async (to: ReviewStatus, name: string) => {
    if (isDecision(to)) {
      setDeciding(to);
      return;
    }
    const result = await transition(to, { by: name });
    if (result.ok) return;
    // The name was cleared meanwhile (in Settings, in another window): ask again rather than fail.
    if (isMissingSigner(result.error)) setNaming(to);
    else setError(errorText(result.error));
  };

  const act = async (to: ReviewStatus) => {
    setError(null);
    const name = await storedUserName();
    if (name === '') setNaming(to);
    else await carryOn(to, name);
  };

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
        {review === null && (
          <div className="workflow-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => setStarting(true)}
              disabled={busy}
              aria-describedby={`${uid}-start-hint`}
            >
              Start review…
            </button>
            <span id={`${uid}-start-hint`} className="visually-hidden">
              Choose the questionnaire first; answering a question starts the review on the one shown.
            </span>
          </div>
        )}
      </div>
      {error && (
        <div className="form-error workflow-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {steps.length > 0 && <WorkflowSteps steps={steps} />}
      <UserNameDialog
        open={naming !== null}
        title="Who signs this step?"
        lead={
          naming
            ? `“${ACTION_LABELS[naming]}” is recorded with the name of who did it, and your name is not set yet. Enter it once: Vetted keeps it in Settings and uses it for every step you take.`
            : undefined
        }
        submitLabel={naming ? saveAndContinueLabel(naming) : ''}
        onSaved={(name) => {
          const step = naming;
          setNaming(null);
          if (step) void carryOn(step, name);
        }}
        onClose={() => setNaming(null)}
      />
      <DecisionDialog to={deciding} onClose={() => setDeciding(null)} />
      <StartReviewDialog open={starting} onClose={() => setStarting(false)} />
    </section>
  );
}
