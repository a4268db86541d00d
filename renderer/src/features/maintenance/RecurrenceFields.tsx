// A recurring schedule's rule: weekly on ticked days or monthly on the first … last weekday,
// every n weeks or months, with a local start time and a duration.
import { WEEKDAYS, type Weekday } from '../../../../shared/domain/maintenance';
import { FieldError } from '../../components/FieldError';
import { describedBy, type BuilderProps } from './builderProps';
import { DAY_LABELS, POSITION_LABELS } from './scheduleDraft';

export function RecurrenceFields(props: BuilderProps) {
  const { draft, errors, fid, set } = props;
  const weekly = draft.freq === 'weekly';
  const unit = weekly ? 'weeks' : 'months';
  const toggleDay = (day: Weekday, on: boolean) =>
    set('weekDays', on ? WEEKDAYS.filter((d) => d === day || draft.weekDays.includes(d)) : draft.weekDays.filter((d) => d !== day));

  return (
    <>
      <div className="schedule-row">
        <div className="field">
          <label htmlFor={fid('freq')}>Repeats</label>
          <select id={fid('freq')} className="select" value={draft.freq} onChange={(e) => set('freq', e.target.value as 'weekly' | 'monthly')}>
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={fid('interval')}>Every</label>
          <div className="input-with-unit">
            <input
              id={fid('interval')}
              className="input input-number-short"
              inputMode="numeric"
              value={draft.interval}
              onChange={(e) => set('interval', e.target.value)}
              aria-invalid={errors.interval ? true : undefined}
              aria-describedby={describedBy(fid('interval'), errors.interval)}
            />
            <span className="muted">{draft.interval.trim() === '1' ? unit.slice(0, -1) : unit}</span>
          </div>
          <FieldError id={`${fid('interval')}-error`} message={errors.interval} />
        </div>
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
          <div className="field">
            <label htmlFor={fid('setPos')}>On the</label>
            <select
              id={fid('setPos')}
              className="select"
              value={draft.setPos}
              onChange={(e) => set('setPos', e.target.value)}
              aria-invalid={errors.setPos ? true : undefined}
              aria-describedby={describedBy(fid('setPos'), errors.setPos)}
            >
              {POSITION_LABELS.map((p) => (
                <option key={p.value} value={String(p.value)}>
                  {p.label}
                </option>
              ))}
            </select>
            <FieldError id={`${fid('setPos')}-error`} message={errors.setPos} />
          </div>
          <div className="field">
            <label htmlFor={fid('monthDay')}>Weekday of the month</label>
            <select
              id={fid('monthDay')}
              className="select"
              value={draft.monthDay}
              onChange={(e) => set('monthDay', e.target.value as Weekday)}
              aria-invalid={errors.monthDay ? true : undefined}
              aria-describedby={describedBy(fid('monthDay'), errors.monthDay)}
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {DAY_LABELS[d]}
                </option>
              ))}
            </select>
            <FieldError id={`${fid('monthDay')}-error`} message={errors.monthDay} />
          </div>
        </div>
      )}

      <div className="schedule-row">
        <div className="field">
          <label htmlFor={fid('startTime')}>Start time</label>
          <input
            id={fid('startTime')}
            className="input input-clock"
            placeholder="HH:MM"
            inputMode="numeric"
            autoComplete="off"
            value={draft.startTime}
            onChange={(e) => set('startTime', e.target.value)}
            aria-invalid={errors.startTime ? true : undefined}
            aria-describedby={describedBy(fid('startTime'), errors.startTime, true)}
          />
          <p id={`${fid('startTime')}-hint`} className="hint">
            24-hour clock, in the zone below.
          </p>
          <FieldError id={`${fid('startTime')}-error`} message={errors.startTime} />
        </div>
        <fieldset className="schedule-group" aria-describedby={describedBy(fid('durationHours'), errors.durationHours, true)}>
          <legend className="field-legend">Duration</legend>
          <div className="duration-inputs">
            <div className="input-with-unit">
              <input
                id={fid('durationHours')}
                className="input input-number-short"
                inputMode="numeric"
                value={draft.durationHours}
                onChange={(e) => set('durationHours', e.target.value)}
                aria-invalid={errors.durationHours ? true : undefined}
              />
              <label htmlFor={fid('durationHours')}>hours</label>
            </div>
            <div className="input-with-unit">
              <input
                id={fid('durationMinutes')}
                className="input input-number-short"
                inputMode="numeric"
                value={draft.durationMinutes}
                onChange={(e) => set('durationMinutes', e.target.value)}
                aria-invalid={errors.durationHours ? true : undefined}
              />
              <label htmlFor={fid('durationMinutes')}>minutes</label>
            </div>
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
