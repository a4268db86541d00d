// The maintenance calendar's month view with 500 providers × 3 windows (a weekly window, a monthly
// one and a scheduled maintenance, in eight time zones) and two blackout periods, painted in
// Debian's Chromium against the real `vetted serve`. About 3,300 bars in December 2026.
//
// Method. A fresh page loads the app straight on the calendar's month view (the access token is put
// in sessionStorage first, so the register never loads); the calendar asks for window.list and
// blackout.list, builds its model (occurrences of 1,500 schedules, overlap marks, blackout
// stripes) and renders the rows in view. The renderer sets the mark `vetted:calendar-painted`
// after the frame that shows the grid (renderer/src/features/calendar/paintMark.ts,
// markAfterPaint). Measured in the page's clock:
//   dataToPaint: from the later responseEnd of the two calls (Resource Timing) to the mark: parsing
//     both answers, the model, React's render and the first paint;
//   navigationToPaint: from the navigation (cold) or from setting the address (warm) to the mark.
// The first opening is cold (a fresh page: script load, JIT, the zone tables of every zone); the
// page then leaves for Settings and opens the calendar again, four times: the median of those is
// "warm". After each opening the bench waits for the warnings list under the grid (asked for
// after the grid is painted) and reports that too, with the size of the maintenance.warnings
// answer, so one opening's warnings never land inside the next opening's measurement.
// Next month: a click on Next to the mark (no new window.list: occurrences recomputed for the new
// range), median of 4. Week → Month: the view switch from the week view, median of 3. Between
// clicks too the bench waits for the warnings list, whose large answer would otherwise be parsed
// on the main thread in the middle of the next measurement.
// Run alone: `node --import tsx bench/calendar-month.ts` (VETTED_BENCH_NO_BUILD=1 reuses dist/renderer).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { WindowInput, BlackoutInput, WEEKDAYS, type Schedule } from '../shared/domain/maintenance';
import { VendorInput } from '../shared/domain/vendor';
import { occurrences } from '../shared/maintenance/expand';
import { addBlackout } from '../electron/core/services/blackouts';
import { addWindow } from '../electron/core/services/maintenance';
import { createVendor } from '../electron/core/services/vendors';
import { openVetted } from '../electron/core/vetted';
import { startServeForBench } from './serve';
import { fmt, median } from './stats';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PROVIDERS = 500;
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo', 'Europe/London', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata'];
/** The mark the calendar sets after painting (renderer/src/features/calendar/paintMark.ts), by value. */
const PAINTED = 'vetted:calendar-painted';
const MONTH = '#/calendar?view=month&date=2026-12-09';
const WEEK = '#/calendar?date=2026-12-09';
const WARM_SAMPLES = 4;

export const CALENDAR_GOAL_MS = 300;

export interface CalendarBenchResult {
  providers: number;
  windows: number;
  /** Bars in the month (occurrences of the windows in December, Europe/Berlin) and rows in the DOM at once (virtualised). */
  bars: number;
  rowsInDom: number;
  coldDataToPaintMs: number;
  coldNavigationToPaintMs: number;
  warmDataToPaintMs: number;
  warmNavigationToPaintMs: number;
  warmSamplesMs: number[];
  /** The two calls, from the first request to the later response (warm median). */
  dataRequestMs: number;
  /** The warnings list under the grid, from the paint mark to shown (warm median), and the size of its answer. */
  warningsAfterPaintMs: number;
  warningsBytes: number;
  nextMonthMs: number;
  weekToMonthMs: number;
  fixtureMs: number;
  loadAverage: { start: number[]; end: number[] };
}

const pad = (n: number) => String(n).padStart(2, '0');

function schedules(i: number): { title: string; schedule: Schedule; announcedAt?: string; impact: 'outage' | 'degraded' | 'none' }[] {
  const zone = ZONES[i % ZONES.length]!;
  const onceStart = Date.UTC(2026, 11, 1) + ((i * 37) % (30 * 24)) * 3_600_000;
  return [
    {
      title: 'Patch window',
      impact: 'outage',
      schedule: { kind: 'recurring', freq: 'weekly', byDay: [WEEKDAYS[i % 7]!], setPos: null, interval: 1, startTime: `${pad(i % 24)}:${i % 2 ? '30' : '00'}`, durationMinutes: 60 + (i % 4) * 60, timeZone: zone, from: '2026-01-01', until: null, count: null, exDates: [] },
    },
    {
      title: 'Monthly upgrade',
      impact: 'degraded',
      schedule: { kind: 'recurring', freq: 'monthly', byDay: [WEEKDAYS[(i * 3) % 7]!], setPos: ([1, 2, 3, 4, -1] as const)[i % 5]!, interval: 1, startTime: '22:00', durationMinutes: 240, timeZone: zone, from: '2026-01-01', until: null, count: null, exDates: [] },
    },
    {
      title: 'Scheduled maintenance',
      impact: i % 3 === 0 ? 'none' : 'outage',
      announcedAt: new Date(onceStart - (i % 10) * 12 * 3_600_000 - 3_600_000).toISOString(),
      schedule: { kind: 'once', start: new Date(onceStart).toISOString(), end: new Date(onceStart + (1 + (i % 6)) * 3_600_000).toISOString(), timeZone: zone },
    },
  ];
}

/** A temp register with the providers, their windows and two blackout periods, in one transaction. */
async function calendarRegister(): Promise<{ dir: string; dbPath: string; windows: number; bars: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-calendar-'));
  const dbPath = path.join(dir, 'bench.db');
  const vetted = await openVetted(dbPath);
  const { ctx } = vetted;
  let windows = 0;
  let bars = 0;
  // December 2026 in Europe/Berlin (the page's zone): the bars the month view draws.
  const december = { start: Date.parse('2026-11-30T23:00:00Z'), end: Date.parse('2026-12-31T23:00:00Z') };
  try {
    await ctx.write(async (ctx) => {
      for (let i = 0; i < PROVIDERS; i++) {
        const vendor = await createVendor(ctx, VendorInput.parse({ name: `Provider ${String(i).padStart(3, '0')}`, category: 'database', status: 'active', criticalPath: i % 5 === 0 }));
        for (const w of schedules(i)) {
          await addWindow(ctx, WindowInput.parse({ vendorId: vendor.id, ...w }) as Parameters<typeof addWindow>[1]);
          windows++;
          bars += occurrences(w.schedule, december).length;
        }
      }
      await addBlackout(ctx, BlackoutInput.parse({ name: 'Release freeze', schedule: { kind: 'once', start: '2026-12-18T00:00:00Z', end: '2026-12-21T00:00:00Z', timeZone: 'UTC' } }) as Parameters<typeof addBlackout>[1]);
      await addBlackout(
                ctx,
                BlackoutInput.parse({
                  name: 'Peak hours',
                  schedule: { kind: 'recurring', freq: 'weekly', byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], setPos: null, interval: 1, startTime: '09:00', durationMinutes: 120, timeZone: 'Europe/Berlin', from: '2026-01-01', until: null, count: null, exDates: [] },
                }) as Parameters<typeof addBlackout>[1],
              );
    });
  } finally {
    vetted.close();
  }
  return { dir, dbPath, windows, bars };
}

function buildRenderer(): void {
  if (process.env.VETTED_BENCH_NO_BUILD === '1') return;
  const run = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build:renderer failed:\n${run.stdout}\n${run.stderr}`);
}

interface Opened {
  navigationToPaintMs: number;
  dataToPaintMs: number;
  dataRequestMs: number;
  /** From the paint mark to the warnings list shown (polled every 25 ms), and the answer's size. */
  warningsAfterPaintMs: number;
  warningsBytes: number;
}

/** Waits for the paint mark after both calls answered (since `since`), then for the warnings list. */
async function measureOpening(page: Page, since: number): Promise<Opened> {
  const found = await page.waitForFunction(
    ({ since, mark }) => {
      const calls = performance
        .getEntriesByType('resource')
        .filter((e) => (e.name.endsWith('/api/window.list') || e.name.endsWith('/api/blackout.list')) && e.startTime >= since && (e as PerformanceResourceTiming).responseEnd > 0);
      if (calls.length < 2) return null;
      const arrived = Math.max(...calls.map((e) => (e as PerformanceResourceTiming).responseEnd));
      const requested = Math.min(...calls.map((e) => e.startTime));
      const painted = performance.getEntriesByName(mark, 'mark').find((m) => m.startTime >= arrived);
      return painted ? { requested, arrived, painted: painted.startTime } : null;
    },
    { since, mark: PAINTED },
    { timeout: 60_000, polling: 25 },
  );
  const { requested, arrived, painted } = (await found.jsonValue())!;
  const listed = await page.waitForFunction(
    (since) => {
      const section = document.querySelector('[data-testid="calendar-warnings"]');
      const call = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/maintenance.warnings') && e.startTime >= since);
      if (!section || !call || section.querySelector('[role=status]')) return null;
      return { at: performance.now(), bytes: (call as PerformanceResourceTiming).decodedBodySize };
    },
    since,
    { timeout: 120_000, polling: 25 },
  );
  const { at, bytes } = (await listed.jsonValue())!;
  return { navigationToPaintMs: painted - since, dataToPaintMs: painted - arrived, dataRequestMs: arrived - requested, warningsAfterPaintMs: at - painted, warningsBytes: bytes };
}

/** Sets the address to the month view and measures the opening. */
async function openMonth(page: Page): Promise<Opened> {
  await page.evaluate(() => performance.clearResourceTimings());
  const since = await page.evaluate(() => performance.now());
  await page.evaluate((hash) => (location.hash = hash), MONTH);
  return measureOpening(page, since);
}

/** Waits until the warnings list under the grid shows the answer for the range on screen. */
const warningsListed = (page: Page) =>
  page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="calendar-warnings"]');
    return section !== null && section.querySelector('[role=status]') === null;
  }, null, { timeout: 120_000, polling: 50 });

/** Clicks the control `selector` finds and times it to the next paint mark; then waits for the warnings. */
async function clickToPaint(page: Page, selector: string): Promise<number> {
  const ms = await page.evaluate(
    async ({ selector, mark }) => {
      const control = document.querySelector<HTMLElement>(selector);
      if (!control) throw new Error(`nothing matches ${selector}`);
      const t0 = performance.now();
      control.click();
      for (let i = 0; i < 1000; i++) {
        const painted = performance.getEntriesByName(mark, 'mark').find((m) => m.startTime >= t0);
        if (painted) return painted.startTime - t0;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no paint mark within 10 s of clicking ${selector}`);
    },
    { selector, mark: PAINTED },
  );
  await warningsListed(page);
  return ms;
}

export async function benchCalendarMonth(): Promise<CalendarBenchResult> {
  const loadStart = os.loadavg();
  buildRenderer();
  const t0 = performance.now();
  const register = await calendarRegister();
  const fixtureMs = performance.now() - t0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const server = await startServeForBench(register.dbPath);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Berlin' });
    // The session cookie the printed address is exchanged for (electron/serve/browser-session.ts),
    // taken outside the browser so the timed first load is the month view itself.
    const exchange = await fetch(server.url, { redirect: 'manual' });
    const [name = '', value = ''] = (exchange.headers.get('set-cookie') ?? '').split(';')[0]!.split('=');
    await context.addCookies([{ name, value, url: server.origin, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${server.origin}/${MONTH}`);
    const cold = await measureOpening(page, 0);
    const warm: Opened[] = [];
    for (let i = 0; i < WARM_SAMPLES; i++) {
      await page.evaluate(() => (location.hash = '#/settings'));
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      warm.push(await openMonth(page));
    }

    // What was painted: every provider a row (virtualised: few in the DOM), the month's bars.
    const grid = page.getByRole('grid');
    const rowCount = Number(await grid.getAttribute('aria-rowcount'));
    if (rowCount !== PROVIDERS + 1) throw new Error(`the grid has ${rowCount - 1} provider rows, not ${PROVIDERS}`);
    const rowsInDom = await grid.locator('[role=row][data-vendor-id]').count();
    if ((await grid.locator('a.cal-bar').count()) === 0) throw new Error('no bars painted');

    const next: number[] = [];
    for (let i = 0; i < 4; i++) {
      next.push(await clickToPaint(page, i % 2 === 0 ? 'button[aria-label="Next month"]' : 'button[aria-label="Previous month"]'));
    }
    const switches: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate((hash) => (location.hash = hash), WEEK);
      await page.getByTestId('calendar-range').filter({ hasText: '7–13 Dec 2026' }).waitFor();
      await warningsListed(page);
      switches.push(await clickToPaint(page, 'input[type=radio][value=month]'));
    }
    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`);

    return {
      providers: PROVIDERS,
      windows: register.windows,
      bars: register.bars,
      rowsInDom,
      coldDataToPaintMs: cold.dataToPaintMs,
      coldNavigationToPaintMs: cold.navigationToPaintMs,
      warmDataToPaintMs: median(warm.map((w) => w.dataToPaintMs)),
      warmNavigationToPaintMs: median(warm.map((w) => w.navigationToPaintMs)),
      warmSamplesMs: warm.map((w) => w.dataToPaintMs),
      dataRequestMs: median(warm.map((w) => w.dataRequestMs)),
      warningsAfterPaintMs: median(warm.map((w) => w.warningsAfterPaintMs)),
      warningsBytes: warm[0]!.warningsBytes,
      nextMonthMs: median(next),
      weekToMonthMs: median(switches),
      fixtureMs,
      loadAverage: { start: loadStart, end: os.loadavg() },
    };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(register.dir, { recursive: true, force: true });
  }
}

/** The figures as table rows: benchmark, measured, goal, met/missed. */
export function calendarRows(r: CalendarBenchResult): string[][] {
  const met = Math.max(r.coldDataToPaintMs, r.warmDataToPaintMs) <= CALENDAR_GOAL_MS;
  return [
    [
      `Calendar month, ${r.providers} providers × 3 windows (~${r.bars.toLocaleString('en')} bars): data → painted`,
      `cold ${fmt(r.coldDataToPaintMs, 0)} ms, warm ${fmt(r.warmDataToPaintMs, 0)} ms (from navigation: cold ${fmt(r.coldNavigationToPaintMs, 0)}, warm ${fmt(r.warmNavigationToPaintMs, 0)} ms; the two calls ${fmt(r.dataRequestMs, 0)} ms)`,
      `≤ ${CALENDAR_GOAL_MS} ms`,
      met ? 'met' : 'missed',
    ],
    [
      'Calendar: Next month / Week → Month, click → painted',
      `${fmt(r.nextMonthMs, 0)} ms / ${fmt(r.weekToMonthMs, 0)} ms (${r.rowsInDom} of ${r.providers} rows in the DOM)`,
      `≤ ${CALENDAR_GOAL_MS} ms`,
      Math.max(r.nextMonthMs, r.weekToMonthMs) <= CALENDAR_GOAL_MS ? 'met' : 'missed',
    ],
    [
      'Calendar month: the warnings list under the grid, after the grid is painted',
      `${fmt(r.warningsAfterPaintMs, 0)} ms (maintenance.warnings answers ${fmt(r.warningsBytes / 1024 / 1024, 1)} MB)`,
      '',
      '',
    ],
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchCalendarMonth();
  const rows = calendarRows(result);
  const header = ['Benchmark', 'Measured', 'Goal', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  const load = (xs: number[]) => xs.map((x) => fmt(x)).join(' ');
  console.log(
    `\nFixture ${fmt(result.fixtureMs / 1000, 1)} s (${result.windows} windows); warm samples ${result.warmSamplesMs.map((ms) => fmt(ms, 0)).join(', ')} ms; ` +
      `load average ${load(result.loadAverage.start)} → ${load(result.loadAverage.end)} on ${os.cpus().length} cores.`,
  );
}
