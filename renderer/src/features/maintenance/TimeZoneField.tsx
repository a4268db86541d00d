// The time zone of a schedule: typed or picked from the platform's zones (the list filters as
// the user types), with the zone's current offset so "Asia/Kolkata" reads as UTC+05:30.
import { useMemo } from 'react';
import { isTimeZone, offsetLabel, offsetMinutes } from '../../../../shared/maintenance/zone';
import { FieldError } from '../../components/FieldError';
import { describedBy, type BuilderProps } from './builderProps';
import { timeZoneNames } from './timeZones';

export function TimeZoneField({ draft, errors, fid, set, hint }: BuilderProps & { hint: string }) {
  const id = fid('timeZone');
  const listId = `${id}-list`;
  const zones = useMemo(() => timeZoneNames(), []);
  const zone = draft.timeZone.trim();
  const offset = isTimeZone(zone) ? offsetLabel(offsetMinutes(zone, Date.now())) : null;
  return (
    <div className="field schedule-zone">
      <label htmlFor={id}>Time zone</label>
      <input
        id={id}
        className="input"
        list={listId}
        value={draft.timeZone}
        onChange={(e) => set('timeZone', e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors.timeZone ? true : undefined}
        aria-describedby={describedBy(id, errors.timeZone, true)}
      />
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="hint">
        {hint}
        {offset && ` Now UTC${offset}.`}
      </p>
      <FieldError id={`${id}-error`} message={errors.timeZone} />
    </div>
  );
}
