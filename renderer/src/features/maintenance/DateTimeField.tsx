// A date and a time of day under one visible legend (a scheduled maintenance's start, when it was
// announced). Each input has a hidden label of its own and its own error, so a problem with
// the time marks the time. Without `time`, just the date (a span of whole days).
import { FieldError } from '../../components/FieldError';
import { describedBy } from './builderProps';
import { ClockInput } from './ClockInput';

/** One of the two inputs: its DOM id, hidden label, text, error and change. */
export interface DateTimePart {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}

interface Props {
  legend: string;
  date: DateTimePart;
  time?: DateTimePart;
  /** Said under both inputs; the fieldset is described by it. */
  hint?: string;
}

export function DateTimeField({ legend, date, time, hint }: Props) {
  const hintId = `${date.id}-hint`;
  return (
    <fieldset className="schedule-group" aria-describedby={hint ? hintId : undefined}>
      <legend className="field-legend">{legend}</legend>
      <div className="datetime-inputs">
        <label htmlFor={date.id} className="visually-hidden">
          {date.label}
        </label>
        <input
          id={date.id}
          type="date"
          className="input"
          value={date.value}
          onChange={(e) => date.onChange(e.target.value)}
          aria-invalid={date.error ? true : undefined}
          aria-describedby={describedBy(date.id, date.error)}
        />
        {time && (
          <>
            <label htmlFor={time.id} className="visually-hidden">
              {time.label}
            </label>
            <ClockInput
              id={time.id}
              value={time.value}
              onChange={(e) => time.onChange(e.target.value)}
              aria-invalid={time.error ? true : undefined}
              aria-describedby={describedBy(time.id, time.error)}
            />
          </>
        )}
      </div>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${date.id}-error`} message={date.error} />
      {time && <FieldError id={`${time.id}-error`} message={time.error} />}
    </fieldset>
  );
}
