import { overallSave, useVetted } from '../../store';
import { reviewDecided } from '../../store/workflowSlice';

const TEXT = { idle: '', saving: 'Saving…', saved: 'Saved', failed: 'Failed — retry' } as const;

/** The questionnaire's save state: Saving… / Saved / Failed — retry (with Retry). */
export function SaveStatus() {
  const state = useVetted((s) => overallSave(s.saves));
  const retry = useVetted((s) => s.retrySaves);
  const frozen = useVetted(reviewDecided);
  // Answers someone else changed since: only their question's own choice settles them (Retry here
  // never saves over another person's answer).
  const conflicts = useVetted((s) => failedCount(s.saves, 'conflict'));
  const failed = useVetted((s) => failedCount(s.saves));
  const onlyConflicts = state === 'failed' && conflicts > 0 && conflicts === failed;
  return (
    <div className={`save-status save-status-${state}`}>
      <span className="save-status-icon" aria-hidden="true" />
      <span role="status" data-testid="save-status" className="save-status-text">
        {onlyConflicts ? `${conflicts === 1 ? '1 answer was' : `${conflicts} answers were`} changed by someone else — choose at the question` : TEXT[state]}
      </span>
      {state === 'idle' && (
        <span className="muted save-status-hint">{frozen ? 'Answers are frozen by the decision' : 'Answers save as you go'}</span>
      )}
      {state === 'failed' && !onlyConflicts && (
        <button type="button" className="button button-small" onClick={() => retry()}>
          Retry
        </button>
      )}
    </div>
  );
}

/** How many questions' last save failed (only those refused for the given reason, when one is given). */
function failedCount(saves: Readonly<Record<string, { status: string; code?: string }>>, code?: string): number {
  return Object.values(saves).filter((save) => save.status === 'failed' && (code === undefined || save.code === code)).length;
}
