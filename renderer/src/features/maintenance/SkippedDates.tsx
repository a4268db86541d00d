// The days a recurring schedule skips (a holiday, a change freeze): added one at a time from a
// date field, each removable, shown with its weekday so a wrong pick is seen at once.
import { useState } from 'react';
import { isIsoDate } from '../../../../shared/domain/dates';
import { FieldError } from '../../components/FieldError';
import type { BuilderProps } from './builderProps';

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const dayName = (iso: string) => weekday.format(new Date(`${iso}T12:00:00Z`));

export function SkippedDates({ draft, errors, fid, set }: BuilderProps) {
  const id = fid('exDates');
  const [pick, setPick] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    if (!isIsoDate(pick)) {
      setProblem('Choose the date to skip first.');
      return;
    }
    setProblem(null);
    if (!draft.exDates.includes(pick)) set('exDates', [...draft.exDates, pick].sort());
    setPick('');
  };
  const message = problem ?? errors.exDates;
  return (
    <fieldset className="schedule-group skipped-dates">
      <legend className="field-legend">Skipped dates (optional)</legend>
      {draft.exDates.length > 0 ? (
        <ul className="skipped-list" aria-label="Skipped dates">
          {draft.exDates.map((d) => (
            <li key={d} className="skipped-date">
              <span>
                {dayName(d)} {d}
              </span>
              <button type="button" className="link-button" aria-label={`Remove ${d} from the skipped dates`} onClick={() => set('exDates', draft.exDates.filter((x) => x !== d))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">None: every occurrence happens.</p>
      )}
      <div className="skipped-add">
        <label htmlFor={id} className="visually-hidden">
          Date to skip
        </label>
        <input
          id={id}
          type="date"
          className="input"
          value={pick}
          onChange={(e) => {
            setPick(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            // Enter adds the date here rather than submitting the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        <button type="button" className="button button-small" onClick={add}>
          Skip this date
        </button>
      </div>
      <FieldError id={`${id}-error`} message={message} />
    </fieldset>
  );
}
