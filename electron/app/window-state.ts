// Remembers the main window's size and place between runs, in a small JSON file in userData.
// No Electron import: the read/validate/fit/write logic is unit-tested in plain Node
// (test/unit/window-state.test.ts); window.ts only feeds it Electron's displays and bounds.
import fs from 'node:fs';
import path from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS place the window (centered). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** Larger than any real display; stops a corrupt file from asking for a 10⁹-pixel window. */
export const MAX_SIZE = 16_384;
/** Coordinates beyond this are nonsense, whatever the display layout. */
const MAX_COORDINATE = 100_000;
/** How much of the title bar must be on a display for a remembered position to be reused. */
const VISIBLE_MARGIN = 64;
const TITLE_BAR_HEIGHT = 32;

export const DEFAULT_WINDOW_STATE: WindowState = Object.freeze({ width: 1280, height: 820, maximized: false });

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * Whatever was stored, made sane: sizes clamped to [MIN, MAX], fractional pixels rounded, a position
 * kept only when both coordinates are plausible numbers. Anything unusable gives the defaults.
 */
export function sanitizeWindowState(value: unknown): WindowState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ...DEFAULT_WINDOW_STATE };
  const v = value as Record<string, unknown>;
  const state: WindowState = {
    width: isFiniteNumber(v.width) ? clamp(Math.round(v.width), MIN_WIDTH, MAX_SIZE) : DEFAULT_WINDOW_STATE.width,
    height: isFiniteNumber(v.height) ? clamp(Math.round(v.height), MIN_HEIGHT, MAX_SIZE) : DEFAULT_WINDOW_STATE.height,
    maximized: v.maximized === true,
  };
  if (
    isFiniteNumber(v.x) &&
    isFiniteNumber(v.y) &&
    Math.abs(v.x) <= MAX_COORDINATE &&
    Math.abs(v.y) <= MAX_COORDINATE
  ) {
    state.x = Math.round(v.x);
    state.y = Math.round(v.y);
  }
  return state;
}

/** Parses the file's text; a corrupt or foreign file gives the defaults (never throws). */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (typeof text !== 'string' || text.length > 10_000) return { ...DEFAULT_WINDOW_STATE };
  try {
    return sanitizeWindowState(JSON.parse(text));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/**
 * Fits a remembered state to the displays there are now (a monitor may have been unplugged):
 * the size shrinks to the largest work area, and a position whose title bar would not be on any
 * display is dropped so the OS centers the window.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return { ...state };
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const fitted: WindowState = {
    width: Math.min(state.width, Math.max(maxWidth, 1)),
    height: Math.min(state.height, Math.max(maxHeight, 1)),
    maximized: state.maximized,
  };
  if (state.x === undefined || state.y === undefined) return fitted;
  const { x, y } = state;
  // Kept when the title bar can be grabbed: its top edge inside a work area, and at least
  // VISIBLE_MARGIN pixels of its width over that area.
  const reachable = workAreas.some((a) => {
    const overlapX = Math.min(x + fitted.width, a.x + a.width) - Math.max(x, a.x);
    return overlapX >= VISIBLE_MARGIN && y >= a.y && y <= a.y + a.height - TITLE_BAR_HEIGHT;
  });
  if (reachable) {
    fitted.x = x;
    fitted.y = y;
  }
  return fitted;
}

/** The state to store for a window's normal (unmaximized) bounds. */
export function stateFromBounds(bounds: Rect, maximized: boolean): WindowState {
  return sanitizeWindowState({ ...bounds, maximized });
}

export function readWindowState(file: string): WindowState {
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Missing or unreadable: defaults.
  }
  return parseWindowState(text);
}

/** Writes atomically (temp file, then rename), so a crash never leaves half a file. Never throws. */
export function writeWindowState(file: string, state: WindowState): boolean {
  const clean = sanitizeWindowState(state);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, `${JSON.stringify(clean, null, 2)}\n`);
    fs.renameSync(temp, file);
    return true;
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable: nothing was written.
    }
    return false;
  }
}
