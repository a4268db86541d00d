import type { Question } from '../../../../shared/domain/template';
import { implausibleWarning, numberBandWords } from '../../../../shared/scoring/number-words';

export interface NumberNotes {
  band: string | null;
  warning: string | null;
}

/** What to say under a number answer (nothing while it is empty). */
export function numberNotes(question: Question, value: unknown): NumberNotes {
  if (typeof value !== 'number') return { band: null, warning: null };
  return { band: numberBandWords(question, value), warning: implausibleWarning(question, value) };
}

/**
 * Under a number answer: its band in words, once ("91 hours: “72 hours or more”, the best band"),
 * and a warning when the number lies outside the template's plausible range. The warning's box is
 * always there (a live status, hidden while empty), so a screen reader hears it as it appears;
 * the value is saved either way.
 */
export function NumberAnswerNote({ notes, bandId, warningId }: { notes: NumberNotes; bandId: string; warningId: string }) {
  return (
    <>
      {notes.band && (
        <p id={bandId} className="q-number-band">
          {notes.band}
        </p>
      )}
      <p id={warningId} className="q-plausible" role="status" hidden={!notes.warning}>
        {notes.warning}
      </p>
    </>
  );
}
