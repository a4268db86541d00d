// "Add window" and "Edit window": a provider's maintenance window or scheduled maintenance, with
// the recurrence builder. What was typed stays when the register refuses it; each problem is
// shown beside the field it names (schedule.timeZone → Time zone).
import type { WindowView } from '../../../../shared/api';
import { WINDOW_IMPACTS, WINDOW_STATUSES, type WindowImpact, type WindowStatus } from '../../../../shared/domain/maintenance';
import { WINDOW_IMPACT_LABELS, WINDOW_STATUS_LABELS } from '../../../../shared/domain/labels';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { today } from '../attention/dates';
import { AnnouncedFields } from './AnnouncedFields';
import { ScheduleDialog } from './ScheduleDialog';
import { ScheduleFields } from './ScheduleFields';
import { browserTimeZone } from './timeZones';
import { useScheduleDialog } from './useScheduleDialog';
import {
  draftOfWindow,
  emptyWindowDraft,
  touchedSince,
  WINDOW_LABELS,
  windowInputOf,
  windowOfDraft,
  windowPatchOf,
  windowProblems,
} from './windowDraft';

interface Props {
  vendorId: string;
  /** The window edited, 'new' for a new one, null when closed. */
  target: WindowView | 'new' | null;
  onClose(): void;
  onSaved(saved: WindowView, added: boolean): void;
}

export function WindowDialog({ vendorId, target, onClose, onSaved }: Props) {
  const dialog = useScheduleDialog({
    target,
    labels: WINDOW_LABELS,
    emptyDraft: () => emptyWindowDraft(browserTimeZone(), today()),
    draftOf: (w: WindowView) => draftOfWindow(w, today()),
    check: windowOfDraft,
    add: (fields) => api['window.add'](windowInputOf(vendorId, fields)),
    // What the user did not touch since the form opened is not sent.
    patchOf: (w, fields, opened, draft) => windowPatchOf(w, fields, opened ? touchedSince(opened, draft) : undefined),
    update: (w, patch) => api['window.update']({ id: w.id, patch }),
    problemsOf: windowProblems,
    noun: 'window',
    onClose,
    onSaved,
  });
  const { draft, errors, fid, set, isNew } = dialog;

  return (
    <ScheduleDialog
      dialog={dialog}
      title={isNew ? 'Add maintenance window' : 'Edit maintenance window'}
      lead={isNew ? 'A standing window the provider may use, or one scheduled maintenance it announced.' : undefined}
      submitLabel={isNew ? 'Add window' : 'Save changes'}
      onClose={onClose}
    >
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
    </ScheduleDialog>
  );
}
