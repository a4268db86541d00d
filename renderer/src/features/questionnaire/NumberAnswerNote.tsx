import type { Question } from '../../../../shared/domain/template';
import { implausibleWarning, numberBandWords } from '../../../../shared/scoring/number-words';

export interface NumberNotes {
  band: string | null;
  warning: string | null;
}

interface NumberFacts {
  /** The value on screen (typed, perhaps not saved yet); null while empty or N/A. */
  shown: unknown;
  /** The value the register holds for the question. */
  saved: unknown;
  flagFed: boolean;
  frozen: boolean;
}

/**
 * What to say under a number answer. The band follows what is typed; the plausibility warning
 * only what the register holds, once the save went through: it says "saved as typed", and it must
 * not flash up for "9" on the way to typing "99.9".
 */
export function numberNotes(question: Question, { shown, saved, flagFed, frozen }: NumberFacts): NumberNotes {
  if (typeof shown !== 'number') return { band: null, warning: null };
  const band = numberBandWords(question, shown, { flagFed });
  const warning = saved === shown ? implausibleWarning(question, shown, frozen ? 'frozen' : 'saved') : null;
  return { band, warning };
}

/**
 * Under a number answer: its band in words, once ("91 hours: “72 hours or more”, the best band"),
 * and a warning when the saved number lies outside the template's plausible range. The status
 * region is always in the page (empty while there is nothing to say), so a screen reader hears
 * the warning when it is put in.
 */
export function NumberAnswerNote({ notes, bandId, warningId }: { notes: NumberNotes; bandId: string; warningId: string }) {
  return (
    <>
      {notes.band && (
        <p id={bandId} className="q-number-band">
          {notes.band}
        </p>
      )}
      <div role="status" className="q-plausible-status">
        {notes.warning && (
          <p id={warningId} className="q-plausible">
            {notes.warning}
          </p>
        )}
      </div>
    </>
  );
}
