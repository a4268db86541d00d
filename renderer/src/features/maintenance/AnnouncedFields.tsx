// When the provider announced a maintenance: the notice it gave is measured from here, and held
// against what it promised (mnt_notice_hours) and the minimum in Settings.
import { FieldError } from '../../components/FieldError';
import { describedBy } from './builderProps';
import type { WindowDraft } from './windowDraft';

interface Props {
  draft: WindowDraft;
  errors: Partial<Record<keyof WindowDraft, string>>;
  fid(key: keyof WindowDraft): string;
  set<K extends keyof WindowDraft>(key: K, value: WindowDraft[K]): void;
}

export function AnnouncedFields({ draft, errors, fid, set }: Props) {
  const dateId = fid('announcedDate');
  const timeId = fid('announcedTime');
  const hintId = `${dateId}-hint`;
  return (
    <fieldset className="schedule-group" aria-describedby={hintId}>
      <legend className="field-legend">Announced (optional)</legend>
      <div className="datetime-inputs">
        <label htmlFor={dateId} className="visually-hidden">
          Announced on
        </label>
        <input
          id={dateId}
          type="date"
          className="input"
          value={draft.announcedDate}
          onChange={(e) => set('announcedDate', e.target.value)}
          aria-invalid={errors.announcedDate ? true : undefined}
          aria-describedby={describedBy(dateId, errors.announcedDate)}
        />
        <label htmlFor={timeId} className="visually-hidden">
          Announced at
        </label>
        <input
          id={timeId}
          className="input input-clock"
          placeholder="HH:MM"
          inputMode="numeric"
          autoComplete="off"
          value={draft.announcedTime}
          onChange={(e) => set('announcedTime', e.target.value)}
          aria-invalid={errors.announcedTime ? true : undefined}
          aria-describedby={describedBy(timeId, errors.announcedTime)}
        />
      </div>
      <p id={hintId} className="hint">
        When the provider announced it, in the time zone above. The notice it gave is measured from here.
      </p>
      <FieldError id={`${dateId}-error`} message={errors.announcedDate} />
      <FieldError id={`${timeId}-error`} message={errors.announcedTime} />
    </fieldset>
  );
}
