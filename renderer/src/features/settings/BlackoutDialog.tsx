// "Add blackout period" and "Edit blackout period": a name and the same recurrence builder the
// maintenance windows use: whole days (a release freeze) or a weekly rule (peak hours).
import type { BlackoutPeriod } from '../../../../shared/domain/maintenance';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { today } from '../attention/dates';
import { ScheduleDialog } from '../maintenance/ScheduleDialog';
import { scheduleDraftChanged } from '../maintenance/scheduleDraft';
import { ScheduleFields } from '../maintenance/ScheduleFields';
import { browserTimeZone } from '../maintenance/timeZones';
import { useScheduleDialog } from '../maintenance/useScheduleDialog';
import {
  BLACKOUT_LABELS,
  blackoutInputOf,
  blackoutOfDraft,
  blackoutPatchOf,
  blackoutProblems,
  draftOfBlackout,
  emptyBlackoutDraft,
} from './blackoutDraft';

interface Props {
  /** The period edited, 'new' for a new one, null when closed. */
  target: BlackoutPeriod | 'new' | null;
  onClose(): void;
  onSaved(saved: BlackoutPeriod, added: boolean): void;
}

export function BlackoutDialog({ target, onClose, onSaved }: Props) {
  const dialog = useScheduleDialog({
    target,
    labels: BLACKOUT_LABELS,
    emptyDraft: () => emptyBlackoutDraft(browserTimeZone(), today()),
    draftOf: (b: BlackoutPeriod) => draftOfBlackout(b, today()),
    check: blackoutOfDraft,
    add: (fields) => api['blackout.add'](blackoutInputOf(fields)),
    // A schedule the user did not touch since the form opened is not sent.
    patchOf: (b, fields, opened, draft) => blackoutPatchOf(b, fields, opened ? scheduleDraftChanged(opened, draft) : true),
    update: (b, patch) => api['blackout.update']({ id: b.id, patch }),
    problemsOf: blackoutProblems,
    noun: 'blackout period',
    onClose,
    onSaved,
  });
  const { draft, errors, fid, set, isNew } = dialog;

  return (
    <ScheduleDialog
      dialog={dialog}
      title={isNew ? 'Add blackout period' : 'Edit blackout period'}
      lead={isNew ? 'A time no provider should be in maintenance: a release freeze, peak hours, a sales event.' : undefined}
      submitLabel={isNew ? 'Add period' : 'Save changes'}
      onClose={onClose}
    >
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
    </ScheduleDialog>
  );
}
