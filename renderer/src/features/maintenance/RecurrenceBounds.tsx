// When a recurring schedule applies: its first day, its end (none, a last day or a number of
// occurrences) and the days it skips.
import { FieldError } from '../../components/FieldError';
import { describedBy, type BuilderProps } from './builderProps';
import { SkippedDates } from './SkippedDates';

/** The first day, the end (none, a last day or a number of occurrences) and the skipped dates. */
export function RecurrenceBounds(props: BuilderProps) {
  const { draft, errors, fid, set } = props;
  const endsName = `${fid('ends')}-choice`;
  return (
    <>
      <div className="schedule-row">
        <div className="field">
          <label htmlFor={fid('from')}>First day</label>
          <input
            id={fid('from')}
            type="date"
            className="input"
            value={draft.from}
            onChange={(e) => set('from', e.target.value)}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={describedBy(fid('from'), errors.from)}
          />
          <FieldError id={`${fid('from')}-error`} message={errors.from} />
        </div>
        <fieldset className="schedule-group">
          <legend className="field-legend">Ends</legend>
          <div className="ends-choices">
            <label className="check">
              <input id={fid('ends')} type="radio" name={endsName} checked={draft.ends === 'never'} onChange={() => set('ends', 'never')} />
              No end
            </label>
            <label className="check">
              <input type="radio" name={endsName} checked={draft.ends === 'until'} onChange={() => set('ends', 'until')} />
              On a last day
            </label>
            <label className="check">
              <input type="radio" name={endsName} checked={draft.ends === 'count'} onChange={() => set('ends', 'count')} />
              After a number of times
            </label>
          </div>
          {draft.ends === 'until' && (
            <div className="field">
              <label htmlFor={fid('until')}>Last day</label>
              <input
                id={fid('until')}
                type="date"
                className="input"
                value={draft.until}
                onChange={(e) => set('until', e.target.value)}
                aria-invalid={errors.until ? true : undefined}
                aria-describedby={describedBy(fid('until'), errors.until)}
              />
              <FieldError id={`${fid('until')}-error`} message={errors.until} />
            </div>
          )}
          {draft.ends === 'count' && (
            <div className="field">
              <label htmlFor={fid('count')}>Number of occurrences</label>
              <input
                id={fid('count')}
                className="input input-number-short"
                inputMode="numeric"
                value={draft.count}
                onChange={(e) => set('count', e.target.value)}
                aria-invalid={errors.count ? true : undefined}
                aria-describedby={describedBy(fid('count'), errors.count)}
              />
              <FieldError id={`${fid('count')}-error`} message={errors.count} />
            </div>
          )}
        </fieldset>
      </div>
      <SkippedDates {...props} />
    </>
  );
}
