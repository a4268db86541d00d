// A recurring schedule's rule: weekly on ticked days or monthly on the first … last weekday,
// every n weeks or months, with a local start time and a duration.
import { WEEKDAYS, type Weekday } from '../../../../shared/domain/maintenance';
import { Field } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import { describedBy, type BuilderProps } from './builderProps';
import { ClockInput } from './ClockInput';
import { DAY_LABELS, POSITION_LABELS } from './scheduleDraft';

/** The duration's two boxes and the unit each is labelled with. */
const DURATION_PARTS = [
  ['durationHours', 'hours'],
  ['durationMinutes', 'minutes'],
] as const;

export function RecurrenceFields(props: BuilderProps) {
  const { draft, errors, fid, set } = props;
  const weekly = draft.freq === 'weekly';
  const unit = weekly ? 'weeks' : 'months';
  const toggleDay = (day: Weekday, on: boolean) =>
    set('weekDays', on ? WEEKDAYS.filter((d) => d === day || draft.weekDays.includes(d)) : draft.weekDays.filter((d) => d !== day));

  return (
    <>
      <div className="schedule-row">
        <Field id={fid('freq')} label="Repeats">
          {(p) => (
            <select {...p} className="select" value={draft.freq} onChange={(e) => set('freq', e.target.value as 'weekly' | 'monthly')}>
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly</option>
            </select>
          )}
        </Field>
        <Field id={fid('interval')} label="Every" error={errors.interval}>
          {(p) => (
            <div className="input-with-unit">
              <input {...p} className="input input-number-short" inputMode="numeric" value={draft.interval} onChange={(e) => set('interval', e.target.value)} />
              <span className="muted">{draft.interval.trim() === '1' ? unit.slice(0, -1) : unit}</span>
            </div>
          )}
        </Field>
      </div>

      {weekly ? (
        <fieldset className="schedule-group" aria-describedby={errors.weekDays ? `${fid('weekDays')}-error` : undefined}>
          <legend className="field-legend">On</legend>
          <div className="day-picks">
            {WEEKDAYS.map((day, i) => {
              const id = i === 0 ? fid('weekDays') : `${fid('weekDays')}-${day}`;
              return (
                <label key={day} className="check day-pick" htmlFor={id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={draft.weekDays.includes(day)}
                    onChange={(e) => toggleDay(day, e.target.checked)}
                    aria-invalid={errors.weekDays ? true : undefined}
                  />
                  {DAY_LABELS[day]}
                </label>
              );
            })}
          </div>
          <FieldError id={`${fid('weekDays')}-error`} message={errors.weekDays} />
        </fieldset>
      ) : (
        <div className="schedule-row">
          <Field id={fid('setPos')} label="On the" error={errors.setPos}>
            {(p) => (
              <select {...p} className="select" value={draft.setPos} onChange={(e) => set('setPos', e.target.value)}>
                {POSITION_LABELS.map((pos) => (
                  <option key={pos.value} value={String(pos.value)}>
                    {pos.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fid('monthDay')} label="Weekday of the month" error={errors.monthDay}>
            {(p) => (
              <select {...p} className="select" value={draft.monthDay} onChange={(e) => set('monthDay', e.target.value as Weekday)}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {DAY_LABELS[d]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}

      <div className="schedule-row">
        <Field id={fid('startTime')} label="Start time" error={errors.startTime} hint="24-hour clock, in the zone below.">
          {(p) => <ClockInput {...p} value={draft.startTime} onChange={(e) => set('startTime', e.target.value)} />}
        </Field>
        <fieldset className="schedule-group" aria-describedby={describedBy(fid('durationHours'), errors.durationHours, true)}>
          <legend className="field-legend">Duration</legend>
          <div className="duration-inputs">
            {DURATION_PARTS.map(([key, unitLabel]) => (
              <div key={key} className="input-with-unit">
                <input
                  id={fid(key)}
                  className="input input-number-short"
                  inputMode="numeric"
                  value={draft[key]}
                  onChange={(e) => set(key, e.target.value)}
                  // One error for the duration as a whole: both boxes are marked by it.
                  aria-invalid={errors.durationHours ? true : undefined}
                />
                <label htmlFor={fid(key)}>{unitLabel}</label>
              </div>
            ))}
          </div>
          <p id={`${fid('durationHours')}-hint`} className="hint">
            Hours and minutes, or minutes alone (such as 150).
          </p>
          <FieldError id={`${fid('durationHours')}-error`} message={errors.durationHours} />
        </fieldset>
      </div>
    </>
  );
}
