// The remembered window size and place (electron/app/window-state.ts): corrupt files, absurd
// values and unplugged monitors must never give an unusable or invisible window.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// window-state.ts imports nothing from Electron (this import would throw in plain Node if it did).
import { DEFAULT_WINDOW_STATE, fitToDisplays, MAX_SIZE, MIN_HEIGHT, MIN_WIDTH, parseWindowState, readWindowState, sanitizeWindowState, stateFromBounds, WINDOW_STATE_FILE, writeWindowState, type Rect } from '../../electron/app/window-state';
import { tempDir } from '../helpers/tmp';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('parseWindowState', () => {
  it('reads a valid file', () => {
    assert.deepEqual(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}'), {
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('gives the defaults for missing, corrupt or foreign content', () => {
    for (const text of [null, undefined, '', '{', 'null', '[]', '"text"', '42', 'true', '{"width":', '\u0000\u0001', 'x'.repeat(20_000)]) {
      assert.deepEqual(parseWindowState(text), DEFAULT_WINDOW_STATE, JSON.stringify(text)?.slice(0, 40));
    }
  });

  it('does not leak prototype tricks', () => {
    const state = parseWindowState('{"__proto__":{"width":99999},"maximized":"yes"}');
    assert.deepEqual(state, DEFAULT_WINDOW_STATE);
    assert.equal(({} as { width?: number }).width, undefined);
  });
});

describe('sanitizeWindowState', () => {
  it('clamps sizes to sane bounds and rounds fractions', () => {
    assert.deepEqual(sanitizeWindowState({ width: 10, height: 10 }), { width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false });
    assert.deepEqual(sanitizeWindowState({ width: 1e9, height: 1e9 }), { width: MAX_SIZE, height: MAX_SIZE, maximized: false });
    assert.deepEqual(sanitizeWindowState({ width: 1000.6, height: 700.4 }), { width: 1001, height: 700, maximized: false });
    assert.deepEqual(sanitizeWindowState({ width: -5, height: -5 }), { width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false });
  });

  it('replaces non-numbers, NaN and Infinity with defaults', () => {
    for (const bad of ['1000', null, NaN, Infinity, -Infinity, {}, [1000], true]) {
      const state = sanitizeWindowState({ width: bad, height: bad, x: bad, y: bad });
      assert.deepEqual(state, { ...DEFAULT_WINDOW_STATE }, String(bad));
    }
  });

  it('keeps a position only when both coordinates are plausible', () => {
    assert.deepEqual(sanitizeWindowState({ x: 5, width: 1000, height: 700 }), { width: 1000, height: 700, maximized: false });
    assert.deepEqual(sanitizeWindowState({ x: 5e9, y: 5, width: 1000, height: 700 }), { width: 1000, height: 700, maximized: false });
    assert.deepEqual(sanitizeWindowState({ x: -1200, y: 40, width: 1000, height: 700 }), { x: -1200, y: 40, width: 1000, height: 700, maximized: false });
  });

  it('treats only `true` as maximized', () => {
    assert.equal(sanitizeWindowState({ maximized: 'true' }).maximized, false);
    assert.equal(sanitizeWindowState({ maximized: 1 }).maximized, false);
    assert.equal(sanitizeWindowState({ maximized: true }).maximized, true);
  });
});

describe('fitToDisplays', () => {
  it('keeps a position that is on a display', () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    assert.deepEqual(fitToDisplays(state, [laptop]), state);
    const onRight = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    assert.deepEqual(fitToDisplays(onRight, [laptop, rightMonitor]), onRight);
  });

  it('drops the position when its monitor was unplugged, and shrinks to the largest display', () => {
    const onRight = { x: 2000, y: 100, width: 2400, height: 1300, maximized: true };
    assert.deepEqual(fitToDisplays(onRight, [laptop]), { width: 1440, height: 900, maximized: true });
  });

  it('drops a position whose title bar would be unreachable', () => {
    const base = { width: 1000, height: 700, maximized: false };
    assert.equal(fitToDisplays({ ...base, x: 100, y: -300 }, [laptop]).x, undefined, 'title bar above the screen');
    assert.equal(fitToDisplays({ ...base, x: 100, y: 890 }, [laptop]).x, undefined, 'title bar below the screen');
    assert.equal(fitToDisplays({ ...base, x: -990, y: 10 }, [laptop]).x, undefined, 'only 10 px visible on the left');
    assert.equal(fitToDisplays({ ...base, x: 1400, y: 10 }, [laptop]).x, undefined, 'only 40 px visible on the right');
    assert.equal(fitToDisplays({ ...base, x: -900, y: 10 }, [laptop]).x, -900, '100 px visible is enough');
  });

  it('leaves the state alone when no displays are known', () => {
    const state = { x: 5, y: 5, width: 1000, height: 700, maximized: false };
    assert.deepEqual(fitToDisplays(state, []), state);
  });

  it('keeps an unpositioned state unpositioned', () => {
    assert.deepEqual(fitToDisplays({ ...DEFAULT_WINDOW_STATE }, [laptop]), { width: 1280, height: 820, maximized: false });
  });
});

describe('reading and writing the file', () => {
  it('round-trips through the file', () => {
    const file = path.join(tempDir(), 'nested', WINDOW_STATE_FILE);
    assert.deepEqual(readWindowState(file), DEFAULT_WINDOW_STATE, 'missing file');
    const state = stateFromBounds({ x: 30, y: 40, width: 1111, height: 777 }, true);
    assert.equal(writeWindowState(file, state), true);
    assert.deepEqual(readWindowState(file), { x: 30, y: 40, width: 1111, height: 777, maximized: true });
    assert.deepEqual(fs.readdirSync(path.dirname(file)), [WINDOW_STATE_FILE], 'no temp file left behind');
  });

  it('sanitizes what it writes', () => {
    const file = path.join(tempDir(), WINDOW_STATE_FILE);
    writeWindowState(file, { width: 5, height: Number.NaN, maximized: false });
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { width: MIN_WIDTH, height: DEFAULT_WINDOW_STATE.height, maximized: false });
  });

  it('ignores a corrupt file and recovers on the next write', () => {
    const file = path.join(tempDir(), WINDOW_STATE_FILE);
    fs.writeFileSync(file, '{"width": 1200, "height": 8');
    assert.deepEqual(readWindowState(file), DEFAULT_WINDOW_STATE);
    writeWindowState(file, { width: 1200, height: 800, maximized: false });
    assert.deepEqual(readWindowState(file), { width: 1200, height: 800, maximized: false });
  });

  it('reports failure instead of throwing when the folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    assert.equal(writeWindowState(path.join(blocker, WINDOW_STATE_FILE), { ...DEFAULT_WINDOW_STATE }), false);
    assert.deepEqual(readWindowState(path.join(dir, 'missing', WINDOW_STATE_FILE)), DEFAULT_WINDOW_STATE);
  });
});
