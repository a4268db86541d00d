import { useVetted } from '../../store';

/** This question's own save state, with Retry when its save failed. */
export function QuestionSaveState({ questionId }: { questionId: string }) {
  const save = useVetted((s) => s.saves[questionId]);
  const retry = useVetted((s) => s.retrySaves);
  if (!save) return null;
  if (save.status === 'failed') {
    return (
      <span className="q-save q-save-failed">
        <span data-testid="question-save-status" title={save.message}>
          Failed — retry
        </span>
        <button type="button" className="link-button" onClick={() => retry(questionId)}>
          Retry this answer
        </button>
      </span>
    );
  }
  const saving = save.status === 'pending' || save.status === 'saving';
  return (
    <span className={saving ? 'q-save q-save-saving' : 'q-save q-save-saved'} data-testid="question-save-status">
      {saving ? 'Saving…' : 'Saved'}
    </span>
  );
}
