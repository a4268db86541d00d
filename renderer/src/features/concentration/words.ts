// How the concentration screens mark outcomes. Shares, regions and counts are said in the words the
// documents use (shared/reports/concentration-words.ts), so the app and a PDF never differ.
export { percent, plural, regionText } from '../../../../shared/reports/concentration-words';
import type { BlastOutcome } from '../../../../shared/upstream/blast-radius';

/** The outcome in words and a symbol, never by colour alone. */
export const OUTCOME_WORDS: Record<BlastOutcome, { word: string; mark: string }> = {
  survives: { word: 'Survives', mark: '✓' },
  down: { word: 'Down', mark: '✕' },
  unknown: { word: 'Unknown', mark: '?' },
};

