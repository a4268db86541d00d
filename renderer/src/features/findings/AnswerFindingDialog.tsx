import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SeverityOptions } from './SeverityOptions';
import { lossOf } from '../../../../shared/domain/answer-finding';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useDraftFields } from '../../components/useDraftFields';
import { formatPoints } from '../../lib/format';
import { useVetted } from '../../store';
import { today } from '../attention/dates';
import { ModalDialog } from '../workflow/ModalDialog';
import { useAnswerFindingDialog } from './answerFindingDialogState';
import {
  ANSWER_FINDING_LABELS,
  answerFindingDraft,
  answerFindingProblems,
  EMPTY_ANSWER_FINDING,
  type AnswerFindingDraft,
} from './answerFindingDraft';

/**
 * "Create finding" on a question whose answer lost points: title (the score's reason), severity,
 * owner and due date in one short form, saved where the question is, without a trip to the
 * Findings tab. Mounted once on the provider page (answerFindingDialogState.ts says why).
 */
export function AnswerFindingDialog() {
  const questionId = useAnswerFindingDialog((s) => s.questionId);
  const close = useAnswerFindingDialog((s) => s.close);
  const loss = useVetted((s) => (questionId !== null && s.score ? lossOf(s.score.explanation, questionId) : null));
  const fromAnswer = useVetted((s) => s.findingFromAnswer);
  const highlight = useVetted((s) => s.highlightFinding);
  const pushToast = useVetted((s) => s.pushToast);
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useDraftFields<AnswerFindingDraft>(
    EMPTY_ANSWER_FINDING,
    ANSWER_FINDING_LABELS,
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);

  // Leaving the page closes it for good (no focus to give back to a card that is gone).
  useEffect(() => () => useAnswerFindingDialog.setState({ questionId: null, focusReturn: null }), []);

  // Prefilled once per opening, from the loss as it is then (the dialog keeps what is typed).
  const prefilled = useRef<string | null>(null);
  useEffect(() => {
    if (questionId === null) {
      prefilled.current = null;
      return;
    }
    if (prefilled.current === questionId || !loss) return;
    prefilled.current = questionId;
    setDraft(answerFindingDraft(loss));
    setErrors({});
    setFormError(null);
  }, [questionId, loss]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (questionId === null || busy) return;
    setFormError(null);
    const problems = answerFindingProblems(draft, today(), dateInput.current?.validity.badInput === true);
    if (problems.length > 0) {
      showProblems(problems);
      return;
    }
    setBusy(true);
    const result = await fromAnswer(questionId, {
      title: draft.title,
      severity: draft.severity,
      owner: draft.owner,
      dueDate: draft.dueDate === '' ? null : draft.dueDate,
    });
    setBusy(false);
    if (!result.ok) {
      if (!showProblems(result.error.details ?? [])) setFormError(result.error.message);
      return;
    }
    pushToast('success', `Finding created: ${result.value.title}`);
    highlight(result.value.id);
    close();
  };

  return (
    <ModalDialog
      open={questionId !== null && loss !== null}
      title="New finding from this answer"
      lead={
        loss && (
          <>
            {loss.questionText} <span className="muted">· Answer: {loss.answerLabel} · {formatPoints(loss.pointsLost)} points</span>
          </>
        )
      }
      onClose={close}
      onSubmit={(event) => void submit(event)}
    >
      <FormError message={formError} />
      <Field id={fid('title')} label={ANSWER_FINDING_LABELS.title} error={errors.title} hint="Taken from why the answer lost points; edit it as you like.">
        {(p) => (
          <input {...p} className="input" value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={200} data-autofocus />
        )}
      </Field>
      <div className="form-grid">
        <Field id={fid('severity')} label={ANSWER_FINDING_LABELS.severity} error={errors.severity}>
          {(p) => (
            <select {...p} className="select" value={draft.severity} onChange={(e) => set('severity', e.target.value as AnswerFindingDraft['severity'])}>
              <SeverityOptions />
            </select>
          )}
        </Field>
        <Field id={fid('owner')} label={ANSWER_FINDING_LABELS.owner} error={errors.owner} hint="Who fixes it (a person or team); optional.">
          {(p) => <input {...p} className="input" value={draft.owner} onChange={(e) => set('owner', e.target.value)} maxLength={200} />}
        </Field>
        <Field id={fid('dueDate')} label={ANSWER_FINDING_LABELS.dueDate} error={errors.dueDate} hint="Optional.">
          {(p) => (
            <input {...p} ref={dateInput} className="input" type="date" value={draft.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
          )}
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Creating finding…' : 'Create finding'}
        </button>
      </div>
    </ModalDialog>
  );
}
