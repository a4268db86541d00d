// What bench/renderer.ts measures inside the page (Chromium via Playwright). The functions passed to
// page.evaluate run in the browser: they use only what they are given and the DOM, and declare no
// named functions (tsx would wrap those in a helper, __name, that the page does not have).
import type { Page } from 'playwright-core';

/** The renderer's marks (renderer/src/features/register/markAfterPaint.ts, main.tsx), by value. */
export const MARKS = {
  scriptStart: 'vetted:script-start',
  registerPainted: 'vetted:register-painted',
  comparePainted: 'vetted:compare-painted',
} as const;

export interface PaintTiming {
  /** When the page sent the API call (Resource Timing startTime, page clock). */
  dataRequestedMs: number;
  /** responseEnd of the API call in Resource Timing (page clock, ms from the navigation's start). */
  dataArrivedMs: number;
  /** The first paint mark after the data arrived (page clock). */
  paintedMs: number;
  /** paintedMs − dataArrivedMs, as a performance.measure. */
  dataToPaintMs: number;
}

/** The page clock now (ms since its navigation started). Take it before an action, pass it as `sinceMs`. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/**
 * Waits for the first call of `operation` that started after `sinceMs` to end, then for the first
 * `mark` after its response ended, and records the span between them as a measure named `measure`.
 */
export async function waitForPaint(page: Page, operation: string, mark: string, sinceMs: number, measure: string): Promise<PaintTiming> {
  const found = await page.waitForFunction(
    ({ operation, mark, sinceMs }) => {
      const response = performance
        .getEntriesByType('resource')
        .find((e) => e.name.endsWith(`/api/${operation}`) && e.startTime >= sinceMs && (e as PerformanceResourceTiming).responseEnd > 0);
      if (!response) return null;
      const arrived = (response as PerformanceResourceTiming).responseEnd;
      const painted = performance.getEntriesByName(mark, 'mark').find((m) => m.startTime >= arrived);
      return painted ? { requested: response.startTime, arrived, painted: painted.startTime } : null;
    },
    { operation, mark, sinceMs },
    { timeout: 30_000, polling: 25 },
  );
  const { requested, arrived, painted } = (await found.jsonValue())!;
  const duration = await page.evaluate(
    ({ measure, arrived, painted }) => performance.measure(measure, { start: arrived, end: painted }).duration,
    { measure, arrived, painted },
  );
  return { dataRequestedMs: requested, dataArrivedMs: arrived, paintedMs: painted, dataToPaintMs: duration };
}

/** Resource Timing keeps 250 entries by default: start each measurement with an empty buffer. */
export const clearResources = (page: Page): Promise<void> => page.evaluate(() => performance.clearResourceTimings());

export interface ScrollSamples {
  /** Per step: main-thread time to scroll, re-render the virtual rows and lay them out (ms). */
  workMs: number[];
  /** Between successive animation frames while scrolling (ms): about 16.7 at 60 Hz, more when frames are dropped. */
  frameIntervalsMs: number[];
  /**
   * The display's frame interval (ms): the median of 30 animation frames before scrolling, with the
   * page idle. Dropped frames are counted against it: the median of the scrolling frames themselves
   * hid them when most frames were late (a run where every frame took two intervals counted none).
   */
  idleFrameMs: number;
  /** Long animation frames (> 50 ms, script + style + layout + paint) seen while scrolling; null when Chromium lacks the API. */
  longAnimationFrames: number | null;
  /** The first provider row in view at the end (checks that the table really moved). */
  lastVisibleRow: string;
}

/**
 * Scrolls the register down `rows` rows, `stepRows` per animation frame. Each step sets scrollTop
 * and dispatches the scroll event at once, so the virtualizer re-renders inside the step (it uses
 * flushSync while scrolling), then reads a layout property to force style and layout: the step's
 * time is the frame's main-thread work before paint. The real scroll event that follows finds the
 * offset unchanged.
 */
export function scrollRegister(page: Page, rows: number, stepRows: number, rowHeight: number): Promise<ScrollSamples> {
  return page.evaluate(
    async ({ rows, stepRows, rowHeight }) => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="register-scroll"]')!;
      const body = scroller.querySelector('tbody')!;
      const supported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
      let longFrames = 0;
      const observer = supported ? new PerformanceObserver((list) => (longFrames += list.getEntries().length)) : null;
      observer?.observe({ type: 'long-animation-frame', buffered: false });
      const workMs: number[] = [];
      const frameIntervalsMs: number[] = [];
      const idleMs: number[] = [];
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < 30; i++) {
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        idleMs.push(now - last);
        last = now;
      }
      idleMs.sort((a, b) => a - b);
      for (let step = 1; step * stepRows <= rows; step++) {
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        frameIntervalsMs.push(now - last);
        last = now;
        const t0 = performance.now();
        scroller.scrollTop = step * stepRows * rowHeight;
        scroller.dispatchEvent(new Event('scroll'));
        void body.offsetHeight;
        workMs.push(performance.now() - t0);
      }
      await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      observer?.takeRecords().forEach(() => (longFrames += 1));
      observer?.disconnect();
      const top = scroller.getBoundingClientRect().top + 60;
      const rowsInView = Array.from(body.querySelectorAll<HTMLElement>('tr')).filter((tr) => tr.getBoundingClientRect().bottom > top);
      rowsInView.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return {
        workMs,
        frameIntervalsMs,
        idleFrameMs: idleMs[idleMs.length >> 1]!,
        longAnimationFrames: supported ? longFrames : null,
        lastVisibleRow: rowsInView[0]?.querySelector('a')?.textContent ?? '',
      };
    },
    { rows, stepRows, rowHeight },
  );
}

/** Clicks a button found by its text and returns the time from the click to the next `mark`. */
export async function clickToPaint(page: Page, buttonText: string, mark: string): Promise<number> {
  return page.evaluate(
    async ({ buttonText, mark }) => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === buttonText);
      if (!button) throw new Error(`no button "${buttonText}"`);
      const t0 = performance.now();
      button.click();
      for (let i = 0; i < 600; i++) {
        const painted = performance.getEntriesByName(mark, 'mark').find((m) => m.startTime >= t0);
        if (painted) return performance.measure(`bench:${buttonText}`, { start: t0, end: painted.startTime }).duration;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no "${mark}" within 6 s of clicking "${buttonText}"`);
    },
    { buttonText, mark },
  );
}
