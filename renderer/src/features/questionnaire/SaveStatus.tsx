import { overallSave, useVetted } from '../../store';
import { reviewDecided } from '../../store/workflowSlice';

const TEXT = { idle: '', saving: 'Saving…', saved: 'Saved', failed: 'Failed — retry' } as const;

/** The questionnaire's save state: Saving… / Saved / Failed — retry (with Retry). */
export function SaveStatus() {
  const state = useVetted((s) => overallSave(s.saves));
  const retry = useVetted((s) => s.retrySaves);
  const frozen = useVetted(reviewDecided);
  return (
    <div className={`save-status save-status-${state}`}>
      <span className="save-status-icon" aria-hidden="true" />
      <span role="status" data-testid="save-status" className="save-status-text">
        {TEXT[state]}
      </span>
      {state === 'idle' && (
        <span className="muted save-status-hint">{frozen ? 'Answers are frozen by the decision' : 'Answers save as you go'}</span>
      )}
      {state === 'failed' && (
        <button type="button" className="button button-small" onClick={() => retry()}>
          Retry
        </button>
      )}
    </div>
  );
}
