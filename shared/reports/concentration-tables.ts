// The small tables the concentration parts of the PDFs share (the register-wide report and the
// "Concentration" part of a provider's review report). Pure.
import type { BlastHit, BlastOutcome } from '../upstream/blast-radius';
import { COLOURS, dataTable, plain } from './blocks';
import type { Cell } from './blocks';
import { OUTCOME_WORDS } from './concentration-words';
import type { DocNodeObject } from './types';

/** Dark enough to read as text on white; the outcome is always written out too. */
const OUTCOME_COLOURS: Readonly<Record<BlastOutcome, string>> = { down: '#a4161a', unknown: '#8a5a00', survives: '#2f6e46' };

export function outcomeCell(outcome: BlastOutcome): DocNodeObject {
  return { text: OUTCOME_WORDS[outcome], bold: true, color: OUTCOME_COLOURS[outcome] };
}

/** Every provider hit: critical path marked, outcome in words and colour, the reason. */
export function blastTable(hits: readonly BlastHit[]): DocNodeObject {
  const rows: Cell[][] = hits.map((h) => [
    plain(h.name),
    h.criticalPath ? { text: 'Critical path', bold: true } : { text: 'No', color: COLOURS.muted },
    outcomeCell(h.outcome),
    plain(h.reason),
  ]);
  return dataTable(['Provider', 'Critical path', 'Outcome', 'Why'], rows, [150, 70, 80, '*']);
}

