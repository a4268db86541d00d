import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReviewStatus } from '../../../../shared/domain/review';
import { isApproval, noteRequired } from '../../../../shared/domain/workflow';
import { FieldError } from '../../components/FieldError';
import { formatScore } from '../../lib/format';
import { errorText } from '../../lib/errorText';
import { TIER_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { ACTION_LABELS } from './workflowText';
import { ActivateProviderField } from './ActivateProviderField';
import { ModalDialog } from './ModalDialog';
import { FormError } from '../../components/FormError';

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

/** What to say under "Decided by" when the register found nobody named. */
const BY_MISSING = 'Say who makes the decision (your name from Settings is filled in when set).';

/**
 * Approve, approve with conditions, or reject: who decides (your name by default), a note, and for
 * approving a proposed provider, whether it becomes active.
 */
export function DecisionDialog({ to, onClose }: Props) {
  const settings = useVetted((s) => s.settings);
  const transition = useVetted((s) => s.transitionReview);
  const busy = useVetted((s) => s.workflowBusy);
  const score = useVetted((s) => s.score);
  const vendor = useVetted((s) => s.vendor);
  const [by, setBy] = useState('');
  const [activate, setActivate] = useState(true);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ by?: string; note?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();

  // Each opening starts clean, with the user's name; a name that arrives later fills an empty field only.
  useEffect(() => {
    if (to === null) return;
    setBy(useVetted.getState().settings?.userName ?? '');
    setNote('');
    setActivate(true);
    setErrors({});
    setFormError(null);
  }, [to]);
  useEffect(() => {
    if (settings?.userName) setBy((current) => current || settings.userName);
  }, [settings?.userName]);

  const required = to !== null && noteRequired(to);
  const noteText = to ? NOTE[to] : undefined;
  // Approving a provider that is only proposed usually means it goes into use: offer that, ticked.
  const offerActivate = to !== null && isApproval(to) && vendor?.status === 'proposed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const found: { by?: string; note?: string } = {};
    if (by.trim() === '') found.by = BY_MISSING;
    if (required && note.trim() === '') found.note = noteText?.missing ?? 'Write a note.';
    setErrors(found);
    setFormError(null);
    if (found.by || found.note) {
      document.getElementById(found.by ? `${id}-by` : `${id}-note`)?.focus();
      return;
    }
    const result = await transition(to, { by, note, ...(offerActivate ? { activateProvider: activate } : {}) });
    if (result.ok) {
      onClose();
      return;
    }
    // The register's field problems go under their fields, in this dialog's words.
    const fieldErrors: { by?: string; note?: string } = {};
    for (const d of result.error.details ?? []) {
      if (d.path === 'by') fieldErrors.by = BY_MISSING;
      if (d.path === 'note') fieldErrors.note = noteText?.missing ?? 'Write a note.';
    }
    setErrors(fieldErrors);
    const onFields = Boolean(fieldErrors.by || fieldErrors.note);
    setFormError(onFields ? null : errorText(result.error));
    if (onFields) document.getElementById(fieldErrors.by ? `${id}-by` : `${id}-note`)?.focus();
  };

  return (
    <ModalDialog open={to !== null} title={to ? ACTION_LABELS[to] : ''} lead={LEAD} onClose={onClose} onSubmit={submit}>
      {score && (
        <p className="decision-score">
          Signs off: score {formatScore(score.overall)} / 100
          {score.state === 'scored' && score.tier ? `, ${TIER_LABELS[score.tier]} risk` : ', not scored yet (too few answers)'}.
        </p>
      )}
      <FormError message={formError} />
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
      {offerActivate && vendor && <ActivateProviderField id={`${id}-activate`} vendorName={vendor.name} checked={activate} onChange={setActivate} />}
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
