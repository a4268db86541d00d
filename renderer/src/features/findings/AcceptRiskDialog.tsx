import { useEffect, useState, type FormEvent } from 'react';
import { AcceptanceInput } from '../../../../shared/domain/acceptances';
import { describeIssues } from '../../../../shared/validation';
import { Field } from '../../components/Field';
import { useDraftFields } from '../../components/useDraftFields';
import { useVetted } from '../../store';
import { ModalDialog } from '../workflow/ModalDialog';
import { dayAfter, formatDay, today } from '../workflow/formatWhen';
import { FormError } from '../../components/FormError';

/** What is accepted: one finding, or a whole review. */
export type AcceptTarget = { findingId: string; subject: string } | { reviewId: string; subject: string };

interface Draft {
  justification: string;
  expiresOn: string;
  acceptedBy: string;
}

const LABELS: Readonly<Record<keyof Draft, string>> = {
  justification: 'Justification',
  expiresOn: 'Accepted until',
  acceptedBy: 'Accepted by',
};

/** Accepting a risk: why, until when (after today), and who has the authority. */
export function AcceptRiskDialog({ target, onClose }: { target: AcceptTarget | null; onClose(): void }) {
  const settings = useVetted((s) => s.settings);
  const acceptRisk = useVetted((s) => s.acceptRisk);
  const pushToast = useVetted((s) => s.pushToast);
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useDraftFields<Draft>({ justification: '', expiresOn: '', acceptedBy: '' }, LABELS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const earliest = dayAfter(today());

  // Each opening starts clean, with the user's name; a name that arrives later fills an empty field only.
  useEffect(() => {
    if (target === null) return;
    setDraft({ justification: '', expiresOn: '', acceptedBy: useVetted.getState().settings?.userName ?? '' });
    setErrors({});
    setFormError(null);
  }, [target]);
  useEffect(() => {
    if (settings?.userName) setDraft((d) => (d.acceptedBy ? d : { ...d, acceptedBy: settings.userName }));
  }, [settings?.userName]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setFormError(null);
    const acceptedBy = draft.acceptedBy.trim();
    const input = {
      ...('findingId' in target ? { findingId: target.findingId } : { reviewId: target.reviewId }),
      justification: draft.justification,
      expiresOn: draft.expiresOn,
      ...(acceptedBy ? { acceptedBy } : {}),
    };
    const parsed = AcceptanceInput.safeParse(input);
    const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
    if (draft.expiresOn === '') problems.unshift({ path: 'expiresOn', message: 'is required: an acceptance always ends' });
    else if (draft.expiresOn < earliest) problems.unshift({ path: 'expiresOn', message: 'must be after today' });
    if (problems.length > 0) {
      showProblems(problems);
      return;
    }
    setBusy(true);
    const result = await acceptRisk(input);
    setBusy(false);
    if (!result.ok) {
      showProblems(result.error.details ?? []);
      setFormError(result.error.message);
      return;
    }
    pushToast('success', `Risk accepted until ${formatDay(result.value.expiresOn)}: ${result.value.subject}`);
    onClose();
  };

  const isReview = target !== null && 'reviewId' in target;
  return (
    <ModalDialog
      open={target !== null}
      title={isReview ? 'Accept the review’s risk' : 'Accept risk'}
      lead={
        target
          ? `${target.subject} — accepted as it is until the date below; after it, the risk is open again.`
          : undefined
      }
      onClose={onClose}
      onSubmit={submit}
    >
      <FormError message={formError} />
      <Field id={fid('justification')} label={LABELS.justification} error={errors.justification} hint="Why the risk is acceptable, and what limits it.">
        {(p) => (
          <textarea
            {...p}
            className="textarea"
            rows={4}
            value={draft.justification}
            onChange={(e) => set('justification', e.target.value)}
            maxLength={5000}
            data-autofocus
          />
        )}
      </Field>
      <div className="form-grid">
        <Field id={fid('expiresOn')} label={LABELS.expiresOn} error={errors.expiresOn}>
          {(p) => (
            <input {...p} className="input" type="date" min={earliest} value={draft.expiresOn} onChange={(e) => set('expiresOn', e.target.value)} />
          )}
        </Field>
        <Field id={fid('acceptedBy')} label={LABELS.acceptedBy} error={errors.acceptedBy}>
          {(p) => (
            <input {...p} className="input" value={draft.acceptedBy} onChange={(e) => set('acceptedBy', e.target.value)} maxLength={200} autoComplete="name" />
          )}
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Accept risk'}
        </button>
      </div>
    </ModalDialog>
  );
}
