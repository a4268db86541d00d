import { useEffect, useState, type FormEvent } from 'react';
import { SeverityOptions } from './SeverityOptions';
import type { FindingView } from '../../../../shared/api';
import { FindingInput, FindingPatch, type FindingStatus } from '../../../../shared/domain/findings';
import { FINDING_STATUS_LABELS } from '../../../../shared/domain/labels';
import { describeIssues } from '../../../../shared/validation';
import { Field } from '../../components/Field';
import { useDraftFields } from '../../components/useDraftFields';
import { useVetted } from '../../store';
import { ModalDialog } from '../workflow/ModalDialog';
import { draftOf, EMPTY_DRAFT, FIELD_LABELS, inputOf, patchOf, type FindingDraft } from './findingDraft';
import { FormError } from '../../components/FormError';

const SETTABLE: readonly FindingStatus[] = ['open', 'in_progress', 'resolved'];

interface Props {
  vendorId: string;
  /** The finding edited, 'new' for one written by hand, null when closed. */
  finding: FindingView | 'new' | null;
  onClose(): void;
}

/** A finding's fields: new (by hand) or edited. Only changed fields are sent. */
export function FindingDialog({ vendorId, finding, onClose }: Props) {
  const createFinding = useVetted((s) => s.createFinding);
  const updateFinding = useVetted((s) => s.updateFinding);
  const pushToast = useVetted((s) => s.pushToast);
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useDraftFields<FindingDraft>(EMPTY_DRAFT, FIELD_LABELS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = finding === 'new';
  const before = finding && finding !== 'new' ? draftOf(finding) : EMPTY_DRAFT;

  useEffect(() => {
    if (finding === null) return;
    setDraft(finding === 'new' ? EMPTY_DRAFT : draftOf(finding));
    setErrors({});
    setFormError(null);
  }, [finding]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (finding === null) return;
    setFormError(null);
    const payload = isNew ? inputOf(vendorId, draft) : patchOf(before, draft);
    const parsed = isNew ? FindingInput.safeParse(payload) : FindingPatch.safeParse(payload);
    if (!parsed.success) {
      showProblems(describeIssues(parsed.error.issues));
      return;
    }
    if (!isNew && Object.keys(payload).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    const result =
      finding === 'new' ? await createFinding(inputOf(vendorId, draft)) : await updateFinding(finding.id, patchOf(before, draft));
    setBusy(false);
    if (!result.ok) {
      showProblems(result.error.details ?? []);
      setFormError(result.error.message);
      return;
    }
    pushToast('success', isNew ? `Finding created: ${result.value.title}` : `Finding saved: ${result.value.title}`);
    onClose();
  };

  return (
    <ModalDialog
      open={finding !== null}
      wide
      title={isNew ? 'New finding' : 'Edit finding'}
      lead={isNew ? 'A weakness to fix or accept, written by hand.' : undefined}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormError message={formError} />
      <Field id={fid('title')} label={FIELD_LABELS.title} error={errors.title}>
        {(p) => (
          <input {...p} className="input" value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={200} data-autofocus />
        )}
      </Field>
      <div className="form-grid">
        <Field id={fid('severity')} label={FIELD_LABELS.severity} error={errors.severity}>
          {(p) => (
            <select {...p} className="select" value={draft.severity} onChange={(e) => set('severity', e.target.value as FindingDraft['severity'])}>
              <SeverityOptions />
            </select>
          )}
        </Field>
        {!isNew && (
          <Field
            id={fid('status')}
            label={FIELD_LABELS.status}
            error={errors.status}
            hint={draft.status === 'accepted' ? 'Accepted through a risk acceptance: revoke it to reopen.' : undefined}
          >
            {(p) => (
              <select
                {...p}
                className="select"
                value={draft.status}
                onChange={(e) => set('status', e.target.value as FindingStatus)}
                disabled={before.status === 'accepted'}
              >
                {(before.status === 'accepted' ? (['accepted'] as const) : SETTABLE).map((s) => (
                  <option key={s} value={s}>
                    {FINDING_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id={fid('owner')} label={FIELD_LABELS.owner} error={errors.owner} hint="Who fixes it (a person or team).">
          {(p) => <input {...p} className="input" value={draft.owner} onChange={(e) => set('owner', e.target.value)} maxLength={200} />}
        </Field>
        <Field id={fid('dueDate')} label={FIELD_LABELS.dueDate} error={errors.dueDate}>
          {(p) => <input {...p} className="input" type="date" value={draft.dueDate} onChange={(e) => set('dueDate', e.target.value)} />}
        </Field>
      </div>
      <Field id={fid('description')} label={FIELD_LABELS.description} error={errors.description}>
        {(p) => (
          <textarea
            {...p}
            className="textarea"
            rows={3}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            maxLength={5000}
          />
        )}
      </Field>
      <Field id={fid('remediation')} label={FIELD_LABELS.remediation} error={errors.remediation} hint="What has to change, and how you will know it did.">
        {(p) => (
          <textarea {...p} className="textarea" rows={3} value={draft.remediation} onChange={(e) => set('remediation', e.target.value)} maxLength={5000} />
        )}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : isNew ? 'Create finding' : 'Save finding'}
        </button>
      </div>
    </ModalDialog>
  );
}
