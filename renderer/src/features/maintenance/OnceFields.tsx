// A one-off span: a provider's scheduled maintenance (a start and an end, to the minute) or a
// period of whole days (a release freeze from one date to another, both days included). The
// wall times are read in the zone chosen below and stored as UTC instants.
import { CheckField } from '../../components/CheckField';
import type { BuilderProps } from './builderProps';
import { DateTimeField, type DateTimePart } from './DateTimeField';
import type { ScheduleDraft, ScheduleKey } from './scheduleDraft';

/** The fields that hold free text (a date, a time). */
type TextKey = { [K in ScheduleKey]: string extends ScheduleDraft[K] ? K : never }[ScheduleKey];

export function OnceFields(props: BuilderProps) {
  const { draft, errors, fid, set } = props;
  const part = (key: TextKey, label: string): DateTimePart => ({ id: fid(key), label, value: draft[key], error: errors[key], onChange: (v) => set(key, v) });
  // Whole days run from midnight to midnight: only the dates are asked for.
  const span = (legend: string, dateKey: TextKey, timeKey: TextKey) => (
    <DateTimeField legend={legend} date={part(dateKey, `${legend}: date`)} time={draft.wholeDays ? undefined : part(timeKey, `${legend}: time`)} />
  );
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
        {span(draft.wholeDays ? 'First day' : 'Starts', 'onceStartDate', 'onceStartTime')}
        {span(draft.wholeDays ? 'Last day' : 'Ends', 'onceEndDate', 'onceEndTime')}
      </div>
    </>
  );
}
