import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReviewStatus } from '../../../../shared/domain/review';
import { noteRequired } from '../../../../shared/domain/workflow';
import { FieldError } from '../../components/FieldError';
import { formatScore } from '../../lib/format';
import { TIER_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { ACTION_LABELS } from './workflowText';
import { ModalDialog } from './ModalDialog';

/** Why a decision asks for a note, and what to call it. */
const NOTE: Partial<Record<ReviewStatus, { label: string; why: string; missing: string }>> = {
  approved_with_conditions: {
    label: 'Conditions',
    why: 'Required: the conditions are part of the sign-off and stay in the provider’s history.',
    missing: 'Write down the conditions of the approval.',
  },
  rejected: {
    label: 'Reason for rejecting',
    why: 'Required: the reason stays in the provider’s history, so the next review knows what must change.',
    missing: 'Say why the provider is rejected.',
  },
};

const LEAD = 'A decision freezes the answers and the score as they are now; later changes start a new review.';

interface Props {
  /** The decision being made; null when the dialog is closed. */
  to: ReviewStatus | null;
  onClose(): void;
}

/** Approve, approve with conditions, or reject: who decides (your name by default) and a note. */
export function DecisionDialog({ to, onClose }: Props) {
  const settings = useVetted((s) => s.settings);
  const transition = useVetted((s) => s.transitionReview);
  const busy = useVetted((s) => s.workflowBusy);
  const score = useVetted((s) => s.score);
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ by?: string; note?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();

  // Each opening starts clean, with the user's name; a name that arrives later fills an empty field only.
  useEffect(() => {
    if (to === null) return;
    setBy(useVetted.getState().settings?.userName ?? '');
    setNote('');
    setErrors({});
    setFormError(null);
  }, [to]);
  useEffect(() => {
    if (settings?.userName) setBy((current) => current || settings.userName);
  }, [settings?.userName]);

  const required = to !== null && noteRequired(to);
  const noteText = to ? NOTE[to] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const found: { by?: string; note?: string } = {};
    if (by.trim() === '') found.by = 'Say who makes the decision (your name from Settings is filled in when set).';
    if (required && note.trim() === '') found.note = noteText?.missing ?? 'Write a note.';
    setErrors(found);
    setFormError(null);
    if (found.by || found.note) {
      document.getElementById(found.by ? `${id}-by` : `${id}-note`)?.focus();
      return;
    }
    const result = await transition(to, { by, note });
    if (result.ok) {
      onClose();
      return;
    }
    const fieldErrors: { by?: string; note?: string } = {};
    for (const d of result.error.details ?? []) {
      if (d.path === 'by' || d.path === 'note') fieldErrors[d.path] ??= d.message;
    }
    setErrors(fieldErrors);
    setFormError(result.error.message);
  };

  return (
    <ModalDialog open={to !== null} title={to ? ACTION_LABELS[to] : ''} lead={LEAD} onClose={onClose} onSubmit={submit}>
      {score && (
        <p className="decision-score">
          Signs off: score {formatScore(score.overall)} / 100
          {score.state === 'scored' && score.tier ? `, ${TIER_LABELS[score.tier]} risk` : ', not scored yet (too few answers)'}.
        </p>
      )}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-by`}>Decided by</label>
        <input
          id={`${id}-by`}
          className="input"
          value={by}
          onChange={(e) => setBy(e.target.value)}
          autoComplete="name"
          maxLength={200}
          aria-invalid={errors.by ? true : undefined}
          aria-describedby={errors.by ? `${id}-by-error` : undefined}
        />
        <FieldError id={`${id}-by-error`} message={errors.by} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{noteText?.label ?? 'Note (optional)'}</label>
        <textarea
          id={`${id}-note`}
          className="textarea"
          rows={4}
          value={note}
          data-autofocus
          onChange={(e) => setNote(e.target.value)}
          maxLength={5000}
          required={required}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={[errors.note ? `${id}-note-error` : '', noteText ? `${id}-note-hint` : ''].filter(Boolean).join(' ') || undefined}
        />
        {noteText && (
          <p id={`${id}-note-hint`} className="hint">
            {noteText.why}
          </p>
        )}
        <FieldError id={`${id}-note-error`} message={errors.note} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={`button ${to === 'rejected' ? 'button-danger' : 'button-primary'}`} disabled={busy}>
          {busy ? 'Saving…' : to ? ACTION_LABELS[to] : ''}
        </button>
      </div>
    </ModalDialog>
  );
}
