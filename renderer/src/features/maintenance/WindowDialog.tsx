// "Add window" and "Edit window": a provider's maintenance window or scheduled maintenance, with
// the recurrence builder. What was typed stays when the register refuses it; each problem is
// shown beside the field it names (schedule.timeZone → Time zone).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { WindowView } from '../../../../shared/api';
import { WINDOW_IMPACTS, WINDOW_STATUSES, type WindowImpact, type WindowStatus } from '../../../../shared/domain/maintenance';
import { WINDOW_IMPACT_LABELS, WINDOW_STATUS_LABELS } from '../../../../shared/domain/labels';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { errorText } from '../../lib/errorText';
import { today } from '../attention/dates';
import { ModalDialog } from '../workflow/ModalDialog';
import { AnnouncedFields } from './AnnouncedFields';
import { ScheduleFields } from './ScheduleFields';
import { browserTimeZone } from './timeZones';
import { useScheduleForm } from './useScheduleForm';
import {
  draftOfWindow,
  emptyWindowDraft,
  touchedSince,
  WINDOW_LABELS,
  windowInputOf,
  windowOfDraft,
  windowPatchOf,
  windowProblems,
  type WindowDraft,
} from './windowDraft';

interface Props {
  vendorId: string;
  /** The window edited, 'new' for a new one, null when closed. */
  target: WindowView | 'new' | null;
  onClose(): void;
  onSaved(saved: WindowView, added: boolean): void;
}

export function WindowDialog({ vendorId, target, onClose, onSaved }: Props) {
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useScheduleForm<WindowDraft>(emptyWindowDraft(browserTimeZone(), today()), WINDOW_LABELS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = target === 'new';
  // The draft the form opened with: what the user did not touch is not sent.
  const opened = useRef<WindowDraft | null>(null);

  useEffect(() => {
    if (target === null) return;
    opened.current = target === 'new' ? emptyWindowDraft(browserTimeZone(), today()) : draftOfWindow(target, today());
    setDraft(opened.current);
    setErrors({});
    setFormError(null);
  }, [target]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null || busy) return;
    setFormError(null);
    const check = windowOfDraft(draft);
    if (!check.ok) {
      showProblems(check.problems);
      return;
    }
    let result;
    setBusy(true);
    if (target === 'new') {
      result = await api['window.add'](windowInputOf(vendorId, check.fields));
    } else {
      const patch = windowPatchOf(target, check.fields, opened.current ? touchedSince(opened.current, draft) : undefined);
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        onClose();
        return;
      }
      result = await api['window.update']({ id: target.id, patch });
    }
    setBusy(false);
    if (!result.ok) {
      const named = showProblems(windowProblems(result.error.details ?? [], draft));
      setFormError(named ? 'The window was not saved: fix the fields marked below.' : `The window was not saved: ${errorText(result.error)}`);
      return;
    }
    onSaved(result.value, isNew);
  };

  return (
    <ModalDialog
      open={target !== null}
      wide
      title={isNew ? 'Add maintenance window' : 'Edit maintenance window'}
      lead={isNew ? 'A standing window the provider may use, or one scheduled maintenance it announced.' : undefined}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <FormError message={formError} />
      <Field id={fid('title')} label="Title (optional)" error={errors.title} hint="Left empty, it is called “Maintenance window”.">
        {(p) => <input {...p} className="input" value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} data-autofocus />}
      </Field>
      <ScheduleFields
        draft={draft}
        errors={errors}
        fid={fid}
        set={set}
        kindLabels={{ recurring: 'Repeats (a standing window)', once: 'Once (a scheduled maintenance)' }}
        zoneHint="The provider’s own zone: the window keeps its local time when the clocks change."
      />
      <div className="form-grid">
        <Field id={fid('impact')} label="Impact" error={errors.impact} hint="What your service sees while it lasts.">
          {(p) => (
            <select {...p} className="select" value={draft.impact} onChange={(e) => set('impact', e.target.value as WindowImpact)}>
              {WINDOW_IMPACTS.map((i) => (
                <option key={i} value={i}>
                  {WINDOW_IMPACT_LABELS[i]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fid('status')} label="Status" error={errors.status} hint="A cancelled window stays on record but never counts.">
          {(p) => (
            <select {...p} className="select" value={draft.status} onChange={(e) => set('status', e.target.value as WindowStatus)}>
              {WINDOW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {WINDOW_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <AnnouncedFields draft={draft} errors={errors} fid={fid} set={set} />
      <Field id={fid('notes')} label="Notes (optional)" error={errors.notes}>
        {(p) => <textarea {...p} className="textarea" rows={2} maxLength={5000} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : isNew ? 'Add window' : 'Save changes'}
        </button>
      </div>
    </ModalDialog>
  );
}
