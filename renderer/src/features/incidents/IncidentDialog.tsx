// "Add incident" and "Edit incident". Times are typed as the user's own local date and time and
// stored as instants; what was typed stays when the register refuses it, and each problem is
// shown beside the field it names (postmortem.link → Postmortem link). An imported incident is
// edited in part (see incidentDraft.ts): the status page's own title, times and link are shown,
// not changed; what is changed here a later import leaves as it is.
import { useEffect, useState, type FormEvent } from 'react';
import type { IncidentView } from '../../../../shared/api';
import { INCIDENT_IMPACTS, type IncidentImpact } from '../../../../shared/domain/incidents';
import { INCIDENT_SOURCE_LABELS, labelOf } from '../../../../shared/domain/labels';
import { api } from '../../api/client';
import { CheckField } from '../../components/CheckField';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useDraftFields } from '../../components/useDraftFields';
import { errorText } from '../../lib/errorText';
import { ModalDialog } from '../workflow/ModalDialog';
import { IMPACT_SYMBOLS, impactKnown, impactLabel } from './impact';
import {
  draftOfIncident,
  emptyIncidentDraft,
  IMPORTED_EDITABLE,
  INCIDENT_LABELS,
  incidentInputOf,
  incidentOfDraft,
  incidentPatchOf,
  incidentProblems,
  type IncidentDraft,
} from './incidentDraft';

interface Props {
  vendorId: string;
  /** The incident edited, 'new' for a new one, null when closed. */
  target: IncidentView | 'new' | null;
  onClose(): void;
  onSaved(saved: IncidentView, added: boolean): void;
}

export function IncidentDialog({ vendorId, target, onClose, onSaved }: Props) {
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useDraftFields<IncidentDraft>(emptyIncidentDraft(), INCIDENT_LABELS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = target === 'new';
  const imported = target !== null && target !== 'new' && target.source !== 'entered';
  const locked = (key: keyof IncidentDraft) => imported && !IMPORTED_EDITABLE.has(key);

  // Each opening starts clean: the incident's draft (or a new one), no marks, no message.
  useEffect(() => {
    if (target === null) return;
    setDraft(target === 'new' ? emptyIncidentDraft() : draftOfIncident(target));
    setErrors({});
    setFormError(null);
  }, [target, setDraft, setErrors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null || busy) return;
    setFormError(null);
    const check = incidentOfDraft(draft);
    if (!check.ok) {
      showProblems(check.problems);
      return;
    }
    let result;
    setBusy(true);
    if (target === 'new') {
      result = await api['incident.add'](incidentInputOf(vendorId, check.fields));
    } else {
      const patch = incidentPatchOf(target, check.fields);
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        onClose();
        return;
      }
      result = await api['incident.update']({ id: target.id, patch });
    }
    setBusy(false);
    if (!result.ok) {
      const named = showProblems(incidentProblems(result.error.details ?? []));
      setFormError(named ? 'The incident was not saved: fix the fields marked below.' : `The incident was not saved: ${errorText(result.error)}`);
      return;
    }
    onSaved(result.value, isNew);
  };

  // Never on their status page: nothing public was posted, so there is no first public update.
  const noPublicUpdate = draft.notOnStatusPage;
  const timeField = (key: 'startedAt' | 'firstUpdateAt' | 'resolvedAt', label: string, hint: string) => {
    const off = locked(key) || (key === 'firstUpdateAt' && noPublicUpdate);
    return (
      <Field id={fid(key)} label={label} error={errors[key]} hint={key === 'firstUpdateAt' && noPublicUpdate ? 'None: it was never on their status page.' : hint}>
        {(p) => (
          <input {...p} type="datetime-local" className="input" value={off && key === 'firstUpdateAt' && noPublicUpdate ? '' : draft[key]} disabled={off} onChange={(e) => set(key, e.target.value)} />
        )}
      </Field>
    );
  };

  return (
    <ModalDialog
      open={target !== null}
      wide
      title={isNew ? 'Add incident' : 'Edit incident'}
      lead={
        isNew
          ? 'An incident the status page showed and you want on record, or one your team lived through that the status page never showed.'
          : imported
            ? `From the provider’s status page (${labelOf(INCIDENT_SOURCE_LABELS, (target as IncidentView).source)}): its title, times and link stay as the page has them. Here you can grade its impact, name its components, add its postmortem and keep notes; a later import leaves what you change here as it is.`
            : undefined
      }
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <FormError message={formError} />
      <Field id={fid('title')} label="Title" error={errors.title}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={draft.title}
            maxLength={300}
            disabled={locked('title')}
            onChange={(e) => set('title', e.target.value)}
            data-autofocus={locked('title') ? undefined : true}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field
          id={fid('impact')}
          label="Impact"
          error={errors.impact}
          hint={
            target !== null && target !== 'new' && !impactKnown(target)
              ? 'Their history feed gives no impact: the measures leave this incident out of everything the impact decides, whatever is chosen here.'
              : 'As the status page graded it, or as you felt it.'
          }
        >
          {(p) => (
            <select {...p} className="select" value={draft.impact} onChange={(e) => set('impact', e.target.value as IncidentImpact)} data-autofocus={imported || undefined}>
              {[...INCIDENT_IMPACTS].reverse().map((i) => (
                <option key={i} value={i}>
                  {`${IMPACT_SYMBOLS[i]} ${impactLabel(i)}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fid('components')} label="Components (optional)" error={errors.components} hint="The provider’s names, separated by commas: API, eu-west-1 database.">
          {(p) => <input {...p} className="input" value={draft.components} onChange={(e) => set('components', e.target.value)} />}
        </Field>
      </div>
      <div className="form-grid incident-times">
        {timeField('startedAt', 'Started', 'Your own time zone.')}
        {timeField('firstUpdateAt', 'First public update (optional)', 'Empty: none posted, or not known.')}
        {timeField('resolvedAt', 'Resolved (optional)', 'Empty: still open.')}
      </div>
      <CheckField
        id={fid('notOnStatusPage')}
        label="Not on their status page"
        checked={draft.notOnStatusPage}
        disabled={locked('notOnStatusPage')}
        onChange={(checked) => set('notOnStatusPage', checked)}
        hint="Your team lived through it, but the provider’s status page never showed it."
      />
      <Field id={fid('link')} label="Link (optional)" error={errors.link} hint="The incident on the provider’s page, or your own ticket.">
        {(p) => <input {...p} type="url" className="input" value={draft.link} disabled={locked('link')} onChange={(e) => set('link', e.target.value)} placeholder="https://" />}
      </Field>
      <fieldset className="incident-postmortem">
        <legend className="field-legend">Postmortem (optional)</legend>
        <div className="form-grid">
          <Field id={fid('postmortemLink')} label="Postmortem link" error={errors.postmortemLink}>
            {(p) => <input {...p} type="url" className="input" value={draft.postmortemLink} onChange={(e) => set('postmortemLink', e.target.value)} placeholder="https://" />}
          </Field>
          <Field id={fid('postmortemPublishedAt')} label="Postmortem published" error={errors.postmortemPublishedAt}>
            {(p) => (
              <input {...p} type="datetime-local" className="input" value={draft.postmortemPublishedAt} onChange={(e) => set('postmortemPublishedAt', e.target.value)} />
            )}
          </Field>
        </div>
        <Field id={fid('postmortemText')} label="Postmortem summary" error={errors.postmortemText} hint="Its root cause and follow-up actions, in a few lines, if there is no link.">
          {(p) => <textarea {...p} className="textarea" rows={2} maxLength={50_000} value={draft.postmortemText} onChange={(e) => set('postmortemText', e.target.value)} />}
        </Field>
      </fieldset>
      <Field id={fid('notes')} label="Notes (optional)" error={errors.notes}>
        {(p) => <textarea {...p} className="textarea" rows={2} maxLength={5000} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : isNew ? 'Add incident' : 'Save changes'}
        </button>
      </div>
    </ModalDialog>
  );
}
