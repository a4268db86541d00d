import { useVetted } from '../../store';

/** This question's own save state, with Retry when its save failed. */
export function QuestionSaveState({ questionId }: { questionId: string }) {
  const save = useVetted((s) => s.saves[questionId]);
  const retry = useVetted((s) => s.retrySaves);
  const keepTheirs = useVetted((s) => s.keepTheirAnswer);
  if (!save) return null;
  if (save.status === 'failed' && save.code === 'conflict') {
    // Someone else saved this answer after it was loaded here: say who and when, and let the
    // reviewer choose; nothing is overwritten without being asked.
    return (
      <span className="q-save q-save-failed q-save-conflict" role="alert">
        <span data-testid="question-save-status">{save.message ?? 'Someone else changed this answer; yours was not saved.'}</span>
        <button type="button" className="link-button" onClick={() => retry(questionId)}>
          Save mine over theirs
        </button>
        <button type="button" className="link-button" onClick={() => keepTheirs(questionId)}>
          Use theirs
        </button>
      </span>
    );
  }
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
