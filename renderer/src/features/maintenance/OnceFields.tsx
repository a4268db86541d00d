// A one-off span: a provider's scheduled maintenance (a start and an end, to the minute) or a
// period of whole days (a release freeze from one date to another, both days included). The
// wall times are read in the zone chosen below and stored as UTC instants.
import { FieldError } from '../../components/FieldError';
import { CheckField } from '../../components/CheckField';
import { describedBy, type BuilderProps } from './builderProps';
import type { ScheduleDraft, ScheduleKey } from './scheduleDraft';

/** The fields that hold free text (a date, a time). */
type TextKey = { [K in ScheduleKey]: string extends ScheduleDraft[K] ? K : never }[ScheduleKey];

function DateTimeField({ props, dateKey, timeKey, label }: { props: BuilderProps; dateKey: TextKey; timeKey: TextKey; label: string }) {
  const { draft, errors, fid, set } = props;
  const dateId = fid(dateKey);
  const timeId = fid(timeKey);
  const dateError = errors[dateKey];
  const timeError = errors[timeKey];
  return (
    <fieldset className="schedule-group">
      <legend className="field-legend">{label}</legend>
      <div className="datetime-inputs">
        <label htmlFor={dateId} className="visually-hidden">
          {`${label}: date`}
        </label>
        <input
          id={dateId}
          type="date"
          className="input"
          value={draft[dateKey]}
          onChange={(e) => set(dateKey, e.target.value)}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={describedBy(dateId, dateError)}
        />
        {!draft.wholeDays && (
          <>
            <label htmlFor={timeId} className="visually-hidden">
              {`${label}: time`}
            </label>
            <input
              id={timeId}
              className="input input-clock"
              placeholder="HH:MM"
              inputMode="numeric"
              autoComplete="off"
              value={draft[timeKey]}
              onChange={(e) => set(timeKey, e.target.value)}
              aria-invalid={timeError ? true : undefined}
              aria-describedby={describedBy(timeId, timeError)}
            />
          </>
        )}
      </div>
      <FieldError id={`${dateId}-error`} message={dateError} />
      {!draft.wholeDays && <FieldError id={`${timeId}-error`} message={timeError} />}
    </fieldset>
  );
}

export function OnceFields(props: BuilderProps) {
  const { draft, fid, set } = props;
  return (
    <>
      <CheckField
        id={fid('wholeDays')}
        label="Whole days"
        checked={draft.wholeDays}
        onChange={(on) => set('wholeDays', on)}
        hint={draft.wholeDays ? 'From the start of the first day to the end of the last day, in the zone below.' : 'From a start time to an end time, in the zone below.'}
      />
      <div className="schedule-row">
        <DateTimeField props={props} dateKey="onceStartDate" timeKey="onceStartTime" label={draft.wholeDays ? 'First day' : 'Starts'} />
        <DateTimeField props={props} dateKey="onceEndDate" timeKey="onceEndTime" label={draft.wholeDays ? 'Last day' : 'Ends'} />
      </div>
    </>
  );
}
