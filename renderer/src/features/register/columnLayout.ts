// Which register columns fit the window. Rows are laid out with CSS grid (each row its own grid,
// so the tracks are fixed widths, never sized by content), and a column too narrow for its header
// would cut it. So each column has the width its header and cells need and a priority: when the
// table is narrower than all of them, the least important go first, and the page says which are
// hidden with a way to show them all (the table then scrolls sideways, with a visible cue).
import { create } from 'zustand';

interface ColumnTrack {
  /** Pixels the header (uppercase, with its sort arrow) and the cells need. */
  min: number;
  /** Share of the room left over, for the columns whose text can use it. */
  grow?: number;
  /** 0: always shown; otherwise the higher, the sooner it is hidden. */
  priority: number;
}

/**
 * By column id (columns.tsx): the widest of the header (wrapped at its spaces) and the cells, plus
 * a pixel, as measured in Chromium (test/e2e/register-1024.test.ts checks that nothing is cut). All
 * of them together (1200 px) fit a 1280-pixel window even with a vertical scrollbar.
 */
export const COLUMN_TRACKS: Readonly<Record<string, ColumnTrack>> = {
  select: { min: 44, priority: 0 },
  name: { min: 150, grow: 2.4, priority: 0 },
  tier: { min: 104, priority: 1 },
  nextReview: { min: 110, priority: 2 },
  findings: { min: 95, priority: 3 },
  score: { min: 74, priority: 4 },
  category: { min: 125, grow: 1, priority: 5 },
  criticalPath: { min: 91, priority: 6 },
  lastReviewed: { min: 105, priority: 7 },
  completion: { min: 116, priority: 8 },
  incidents: { min: 102, priority: 9 },
  status: { min: 84, priority: 10 },
};

const trackOf = (id: string): ColumnTrack => COLUMN_TRACKS[id] ?? { min: 120, priority: 5 };

/**
 * The columns that fit a table `width` pixels wide, in their order: all of them when they fit,
 * else without the least important until the rest fit. The column the table is sorted by stays,
 * so the order on screen is always explained.
 */
export function fittingColumns(ids: readonly string[], width: number, sortedBy?: string): string[] {
  const kept = new Set(ids);
  const total = () => [...kept].reduce((sum, id) => sum + trackOf(id).min, 0);
  const hideable = ids
    .filter((id) => trackOf(id).priority > 0 && id !== sortedBy)
    .sort((a, b) => trackOf(b).priority - trackOf(a).priority);
  for (const id of hideable) {
    if (total() <= width) break;
    kept.delete(id);
  }
  return ids.filter((id) => kept.has(id));
}

/** The grid tracks of the shown columns, and the width under which the table scrolls instead. */
export function gridOf(ids: readonly string[]): { template: string; minWidth: number } {
  const tracks = ids.map(trackOf);
  return {
    template: tracks.map((t) => (t.grow ? `minmax(${t.min}px, ${t.grow}fr)` : `${t.min}px`)).join(' '),
    minWidth: tracks.reduce((sum, t) => sum + t.min, 0),
  };
}

interface ColumnModeState {
  /** The person asked for every column (the table scrolls sideways when they do not fit). */
  showAll: boolean;
  setShowAll(showAll: boolean): void;
}

/** Like the register's filters, the choice survives leaving the page. */
export const useColumnMode = create<ColumnModeState>()((set) => ({
  showAll: false,
  setShowAll: (showAll) => set({ showAll }),
}));
