// When a recurring schedule applies: its first day, its end (none, a last day or a number of
// occurrences) and the days it skips.
import { Field } from '../../components/Field';
import type { BuilderProps } from './builderProps';
import { SkippedDates } from './SkippedDates';

/** The first day, the end (none, a last day or a number of occurrences) and the skipped dates. */
export function RecurrenceBounds(props: BuilderProps) {
  const { draft, errors, fid, set } = props;
  const endsName = `${fid('ends')}-choice`;
  return (
    <>
      <div className="schedule-row">
        <Field id={fid('from')} label="First day" error={errors.from}>
          {(p) => <input {...p} type="date" className="input" value={draft.from} onChange={(e) => set('from', e.target.value)} />}
        </Field>
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
            <Field id={fid('until')} label="Last day" error={errors.until}>
              {(p) => <input {...p} type="date" className="input" value={draft.until} onChange={(e) => set('until', e.target.value)} />}
            </Field>
          )}
          {draft.ends === 'count' && (
            <Field id={fid('count')} label="Number of occurrences" error={errors.count}>
              {(p) => <input {...p} className="input input-number-short" inputMode="numeric" value={draft.count} onChange={(e) => set('count', e.target.value)} />}
            </Field>
          )}
        </fieldset>
      </div>
      <SkippedDates {...props} />
    </>
  );
}
