// The recurrence builder: one component for a provider's maintenance window and for the
// company's blackout period. It edits the draft its form holds and says the schedule in words
// as it is typed ("Every Sunday, 02:00–04:00 Europe/Berlin"), the same words every list prints.
import { useMemo } from 'react';
import type { BuilderProps } from './builderProps';
import { OnceFields } from './OnceFields';
import { RecurrenceBounds } from './RecurrenceBounds';
import { RecurrenceFields } from './RecurrenceFields';
import { draftWords } from './scheduleDraft';
import { TimeZoneField } from './TimeZoneField';

interface Props extends BuilderProps {
  /** The two kinds in the words of this use ("Repeats" / "Once: a scheduled maintenance"). */
  kindLabels: { recurring: string; once: string };
  zoneHint: string;
}

export function ScheduleFields({ kindLabels, zoneHint, ...props }: Props) {
  const { draft, fid, set } = props;
  const words = useMemo(() => draftWords(draft), [draft]);
  const kindName = `${fid('kind')}-choice`;
  const wordsId = `${fid('kind')}-words`;
  return (
    <div className="schedule-builder">
      <fieldset className="schedule-group schedule-kind">
        <legend className="field-legend">Schedule</legend>
        <div className="kind-choices">
          <label className="check">
            <input id={fid('kind')} type="radio" name={kindName} checked={draft.kind === 'recurring'} onChange={() => set('kind', 'recurring')} />
            {kindLabels.recurring}
          </label>
          <label className="check">
            <input type="radio" name={kindName} checked={draft.kind === 'once'} onChange={() => set('kind', 'once')} />
            {kindLabels.once}
          </label>
        </div>
      </fieldset>

      {/* Kept in view while the builder scrolls; not a live region: read on demand, not after every keystroke. */}
      <div className="schedule-words" id={wordsId} data-testid="schedule-words">
        <span className="schedule-words-label">In words</span>
        {words ?? <span className="muted">Shown here once the schedule is complete.</span>}
      </div>

      {draft.kind === 'recurring' ? <RecurrenceFields {...props} /> : <OnceFields {...props} />}
      <TimeZoneField {...props} hint={zoneHint} />
      {draft.kind === 'recurring' && <RecurrenceBounds {...props} />}

    </div>
  );
}
