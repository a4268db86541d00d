// "Add blackout period" and "Edit blackout period": a name and the same recurrence builder the
// maintenance windows use: whole days (a release freeze) or a weekly rule (peak hours).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BlackoutPeriod } from '../../../../shared/domain/maintenance';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { errorText } from '../../lib/errorText';
import { today } from '../attention/dates';
import { scheduleDraftChanged } from '../maintenance/scheduleDraft';
import { ScheduleFields } from '../maintenance/ScheduleFields';
import { browserTimeZone } from '../maintenance/timeZones';
import { useScheduleForm } from '../maintenance/useScheduleForm';
import { ModalDialog } from '../workflow/ModalDialog';
import {
  BLACKOUT_LABELS,
  blackoutInputOf,
  blackoutOfDraft,
  blackoutPatchOf,
  blackoutProblems,
  draftOfBlackout,
  emptyBlackoutDraft,
  type BlackoutDraft,
} from './blackoutDraft';

interface Props {
  /** The period edited, 'new' for a new one, null when closed. */
  target: BlackoutPeriod | 'new' | null;
  onClose(): void;
  onSaved(saved: BlackoutPeriod, added: boolean): void;
}

export function BlackoutDialog({ target, onClose, onSaved }: Props) {
  const { draft, setDraft, errors, setErrors, fid, set, showProblems } = useScheduleForm<BlackoutDraft>(emptyBlackoutDraft(browserTimeZone(), today()), BLACKOUT_LABELS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = target === 'new';
  // The draft the form opened with: a schedule the user did not touch is not sent.
  const opened = useRef<BlackoutDraft | null>(null);

  useEffect(() => {
    if (target === null) return;
    opened.current = target === 'new' ? emptyBlackoutDraft(browserTimeZone(), today()) : draftOfBlackout(target, today());
    setDraft(opened.current);
    setErrors({});
    setFormError(null);
  }, [target]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null || busy) return;
    setFormError(null);
    const check = blackoutOfDraft(draft);
    if (!check.ok) {
      showProblems(check.problems);
      return;
    }
    let result;
    setBusy(true);
    if (target === 'new') {
      result = await api['blackout.add'](blackoutInputOf(check.fields));
    } else {
      const patch = blackoutPatchOf(target, check.fields, opened.current ? scheduleDraftChanged(opened.current, draft) : true);
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        onClose();
        return;
      }
      result = await api['blackout.update']({ id: target.id, patch });
    }
    setBusy(false);
    if (!result.ok) {
      const named = showProblems(blackoutProblems(result.error.details ?? [], draft));
      setFormError(named ? 'The blackout period was not saved: fix the fields marked below.' : `The blackout period was not saved: ${errorText(result.error)}`);
      return;
    }
    onSaved(result.value, isNew);
  };

  return (
    <ModalDialog
      open={target !== null}
      wide
      title={isNew ? 'Add blackout period' : 'Edit blackout period'}
      lead={isNew ? 'A time no provider should be in maintenance: a release freeze, peak hours, a sales event.' : undefined}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <FormError message={formError} />
      <Field id={fid('name')} label="Name" error={errors.name}>
        {(p) => <input {...p} className="input" value={draft.name} maxLength={200} onChange={(e) => set('name', e.target.value)} data-autofocus />}
      </Field>
      <ScheduleFields
        draft={draft}
        errors={errors}
        fid={fid}
        set={set}
        kindLabels={{ recurring: 'Repeats (such as peak hours)', once: 'Once (such as a release freeze)' }}
        zoneHint="Your own zone: peak hours stay at the same local time when the clocks change."
      />
      <Field id={fid('notes')} label="Notes (optional)" error={errors.notes}>
        {(p) => <textarea {...p} className="textarea" rows={2} maxLength={5000} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : isNew ? 'Add period' : 'Save changes'}
        </button>
      </div>
    </ModalDialog>
  );
}
