// Renderer benchmarks of issue #8, in Debian's Chromium driven by Playwright, against the real
// `vetted serve` on a register of 5,000 providers. Figures come from performance marks the renderer
// sets after painting (renderer/src/features/register/markAfterPaint.ts) and from Resource Timing.
// Run alone: `node --import tsx bench/renderer.ts` (set VETTED_BENCH_NO_BUILD=1 to reuse dist/renderer).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Vendor } from '../shared/domain/vendor';
import type { ReviewDetail, TemplateImport } from '../shared/api';
import type { Vetted } from '../electron/core/vetted';
import { registerWith } from './fixtures';
import { clearResources, clickToPaint, MARKS, pageNow, scrollRegister, waitForPaint } from './renderer-page';
import { callServe, startServeForBench, type BenchServer } from './serve';
import { fmt, median } from './stats';
import { answer120, template120, template120Json } from './template120';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PROVIDERS = 5_000;
const SMALL_PROVIDERS = 25;
const COMPARED = 6;
/** RegisterRow's ROW_HEIGHT (renderer/src/features/register/RegisterRow.tsx; the bench may not import the renderer). */
const ROW_HEIGHT = 52;
const SCROLL_ROWS = 3_000;
const SCROLL_STEP_ROWS = 10;
const WARM_SAMPLES = 3;

/** Issue 20's goals: scrolling p95 ≤ 12 ms and no frame over 50 ms; interactive ≤ 1 s (25 providers) and ≤ 1.5 s (5,000). */
export const RENDERER_GOALS = {
  registerPaintMs: 500,
  scrollFrameMs: 12,
  longFrameMs: 50,
  comparePaintMs: 200,
  interactiveMs: 1_000,
  interactiveLargeMs: 1_500,
  jsGzipBytes: 300 * 1024,
} as const;

export interface ColdStart {
  serverListeningMs: number;
  serverToInteractiveMs: number;
  navigationToInteractiveMs: number;
  scriptStartMs: number;
  dataRequestMs: number;
  dataToPaintMs: number;
}

/** Every time is in milliseconds; "p95" is the 95th percentile of the samples. */
export interface RendererBenchResult {
  providers: number;
  /** Writing the 5,000 fully answered providers through the services (bench/fixtures.ts), one transaction. */
  fixtureMs: number;
  /** The first listing of the fresh 5,000-provider register, in process (every score computed and stored), before the cold start. */
  firstListingEverMs: number;
  /**
   * The register of 5,000 providers: from the end of the vendor.list response (Resource Timing
   * responseEnd, so JSON parsing, the store update, sorting and filtering 5,000 rows, the render
   * of the rows in view and the first paint all count) to the mark after the frame that shows them.
   * `coldMs` is the first load of a fresh browser; `warmMs` the median of page reloads.
   * `vendorListMs`: the vendor.list call itself on those reloads (median), server included.
   */
  registerPaint: { coldMs: number; warmMs: number; warmSamplesMs: number[]; vendorListMs: number };
  /**
   * Scrolling the register through 3,000 rows, 10 rows per animation frame. `work*`: main-thread
   * time of a step (scroll, virtualizer re-render, style and layout; paint runs after and is not in
   * it). `frame*`: intervals between animation frames (16.7 at 60 Hz; a dropped frame shows as
   * 33). `droppedFrames`: the frames missed, counted against the page's idle frame interval.
   * `longAnimationFrames`: frames over 50 ms seen by the Long Animation Frames API.
   */
  scroll: {
    rows: number;
    steps: number;
    workP95Ms: number;
    workMaxMs: number;
    frameP95Ms: number;
    frameMaxMs: number;
    droppedFrames: number;
    longAnimationFrames: number | null;
    lastVisibleRow: string;
  };
  /**
   * Compare 6 providers on a 120-question template (imported with template.import): from the end of
   * the compare.get response to the mark after the grid is painted. `collapsedMs`: the default view
   * (section rows, questions folded); `expandedMs`: the same with every section open (132 rows,
   * the virtualiser renders those in view); `expandClickMs`: clicking "Expand all" to painted.
   * Each is the median of 3 loads (provider order rotated, so each load is a new comparison).
   */
  compare: { providers: number; questions: number; collapsedMs: number; expandedMs: number; expandClickMs: number; samplesMs: number[] };
  /**
   * Cold start of browser mode. "Interactive": the register's first paint with its provider rows
   * (vendor.list rendered, the mark after that frame, the main thread free again); the bench then
   * checks the first row's link takes focus. `serverToInteractiveMs`: from spawning `vetted serve`
   * (Node, tsx, opening the register) to that mark; `navigationToInteractiveMs`: from the page's
   * navigation start. The latter splits into: `scriptStartMs` (HTML and bundle loaded, the app's
   * script starts), then the app asks for vendor.list (`dataRequestMs`: that call, server included),
   * then `dataToPaintMs`.
   */
  coldStart: ColdStart;
  /** The same cold start on a register of 25 providers (the size of a small team's register). */
  coldStartSmall: ColdStart;
  /** dist/renderer after `npm run build:renderer`: JavaScript and CSS, raw and gzip (node:zlib, default level). */
  bundle: { jsFiles: number; jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number };
  /** os.loadavg() at the start and the end: the machine's load while measuring. */
  loadAverage: { start: number[]; end: number[] };
  totalMs: number;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

function buildRenderer(): void {
  if (process.env.VETTED_BENCH_NO_BUILD === '1') return;
  const run = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build:renderer failed:\n${run.stdout}\n${run.stderr}`);
}

function measureBundle(): RendererBenchResult['bundle'] {
  const dir = path.join(REPO_ROOT, 'dist/renderer/assets');
  const files = fs.readdirSync(dir).map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
  const sum = (ext: string, size: (b: Buffer) => number) =>
    files.filter((f) => f.name.endsWith(ext)).reduce((n, f) => n + size(f.bytes), 0);
  return {
    jsFiles: files.filter((f) => f.name.endsWith('.js')).length,
    jsBytes: sum('.js', (b) => b.length),
    jsGzipBytes: sum('.js', (b) => gzipSync(b).length),
    cssBytes: sum('.css', (b) => b.length),
    cssGzipBytes: sum('.css', (b) => gzipSync(b).length),
  };
}

/** Six providers reviewed on the imported 120-question template, every question answered, through the API. */
async function compareProviders(server: BenchServer): Promise<string[]> {
  const imported = await callServe<TemplateImport>(server, 'template.import', { text: template120Json(), format: 'vetted' });
  const questions = template120().sections.flatMap((s) => s.questions);
  const ids: string[] = [];
  for (let p = 0; p < COMPARED; p++) {
    const vendor = await callServe<Vendor>(server, 'vendor.create', { name: `Compared provider ${p + 1}`, category: 'database', status: 'active' });
    const { review } = await callServe<ReviewDetail>(server, 'review.start', { vendorId: vendor.id, templateId: imported.template.id, reviewer: 'Bench' });
    await Promise.all(questions.map((q, j) => callServe(server, 'answer.save', { reviewId: review.id, questionId: q.id, value: answer120(p, q, j) })));
    ids.push(vendor.id);
  }
  return ids;
}

async function loadComparison(page: Page, ids: string[], sample: number, label: string): Promise<number> {
  const order = [...ids.slice(sample % ids.length), ...ids.slice(0, sample % ids.length)];
  await clearResources(page);
  const since = await pageNow(page);
  await page.evaluate((hash) => (location.hash = hash), `#/compare?ids=${order.join(',')}`);
  const timing = await waitForPaint(page, 'compare.get', MARKS.comparePainted, since, `bench:compare ${label} ${sample}`);
  return timing.dataToPaintMs;
}

/** Lists the register once in process (its scores then stay in the file) and returns how long it took. */
function timeFirstListing(vetted: Vetted): Promise<number> {
  const t0 = performance.now();
  return vetted.api['vendor.list']({}).then((r) => {
    if (!r.ok) throw new Error('vendor.list failed on the bench register');
    return performance.now() - t0;
  });
}

/**
 * Spawns `vetted serve` on the register, opens it in a new page and waits until the register is
 * interactive: its first paint with provider rows, then a check that the first row's link takes focus.
 */
async function coldStart(browser: Browser, dbPath: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const server = await startServeForBench(dbPath);
  try {
    await page.goto(server.url);
    const cold = await waitForPaint(page, 'vendor.list', MARKS.registerPainted, 0, 'bench:register cold');
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const scriptStartMs = await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN, MARKS.scriptStart);
    const rows = page.getByTestId('register-scroll').locator('tbody tr');
    const firstLink = rows.first().getByRole('link');
    await firstLink.focus();
    if (!(await firstLink.evaluate((a) => a === document.activeElement))) throw new Error('the first provider row does not take focus');
    if ((await rows.count()) < 5) throw new Error(`the register shows ${await rows.count()} rows`);
    const figures: ColdStart = {
      serverListeningMs: server.listeningAfterMs,
      serverToInteractiveMs: timeOrigin + cold.paintedMs - server.spawnedAtMs,
      navigationToInteractiveMs: cold.paintedMs,
      scriptStartMs,
      dataRequestMs: cold.dataArrivedMs - cold.dataRequestedMs,
      dataToPaintMs: cold.dataToPaintMs,
    };
    return { server, page, problems, cold, figures };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Runs every renderer measurement once (about a minute on 2 cores) and returns the figures. */
export async function benchRenderer(): Promise<RendererBenchResult> {
  const started = performance.now();
  const loadStart = os.loadavg();
  buildRenderer();
  const bundle = measureBundle();

  const t0 = performance.now();
  const fixture = await registerWith(PROVIDERS);
  const fixtureMs = performance.now() - t0;
  // The app has listed this register before, as any register a person opens again: its scores are
  // in the file (migration 012), as they are after the first listing of a register by this version
  // of Vetted. The first listing ever (every score computed once) is bench/vendor-list.ts's row.
  const firstListingEverMs = await timeFirstListing(fixture.vetted);
  fixture.vetted.close();
  const dbPath = path.join(fixture.dir, 'bench.db');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let server: BenchServer | undefined;
  let coldStartSmall: ColdStart | undefined;
  try {
    // Cold start: the browser is up (not part of the app's start); spawn the server, open the page.
    const small = await registerWith(SMALL_PROVIDERS);
    await timeFirstListing(small.vetted);
    small.vetted.close();
    try {
      const smallStart = await coldStart(browser, path.join(small.dir, 'bench.db'));
      coldStartSmall = smallStart.figures;
      await smallStart.page.context().close();
      await smallStart.server.stop();
    } finally {
      fs.rmSync(small.dir, { recursive: true, force: true });
    }
    const large = await coldStart(browser, dbPath);
    server = large.server;
    const { page, problems, cold } = large;

    const warmSamplesMs: number[] = [];
    const vendorListMs: number[] = [];
    for (let i = 0; i < WARM_SAMPLES; i++) {
      await page.reload();
      const warm = await waitForPaint(page, 'vendor.list', MARKS.registerPainted, 0, `bench:register warm ${i}`);
      warmSamplesMs.push(warm.dataToPaintMs);
      vendorListMs.push(warm.dataArrivedMs - warm.dataRequestedMs);
    }

    const samples = await scrollRegister(page, SCROLL_ROWS, SCROLL_STEP_ROWS, ROW_HEIGHT);
    const typical = samples.idleFrameMs;
    const scroll = {
      rows: SCROLL_ROWS,
      steps: samples.workMs.length,
      workP95Ms: percentile(samples.workMs, 0.95),
      workMaxMs: Math.max(...samples.workMs),
      frameP95Ms: percentile(samples.frameIntervalsMs, 0.95),
      frameMaxMs: Math.max(...samples.frameIntervalsMs),
      droppedFrames: samples.frameIntervalsMs.reduce((n, ms) => n + Math.max(0, Math.round(ms / typical) - 1), 0),
      longAnimationFrames: samples.longAnimationFrames,
      lastVisibleRow: samples.lastVisibleRow,
    };

    const ids = await compareProviders(server);
    const collapsed: number[] = [];
    for (let i = 0; i < 3; i++) collapsed.push(await loadComparison(page, ids, i, 'collapsed'));
    const expandClickMs = await clickToPaint(page, 'Expand all', MARKS.comparePainted);
    const expanded: number[] = [];
    for (let i = 3; i < 6; i++) expanded.push(await loadComparison(page, ids, i, 'expanded'));
    const questionRows = await page.getByTestId('compare-scroll').locator('[data-kind="question"]').count();
    if (questionRows === 0) throw new Error('the expanded comparison shows no question rows');
    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`);

    return {
      providers: PROVIDERS,
      fixtureMs,
      firstListingEverMs,
      registerPaint: { coldMs: cold.dataToPaintMs, warmMs: median(warmSamplesMs), warmSamplesMs, vendorListMs: median(vendorListMs) },
      scroll,
      compare: {
        providers: COMPARED,
        questions: template120().sections.reduce((n, s) => n + s.questions.length, 0),
        collapsedMs: median(collapsed),
        expandedMs: median(expanded),
        expandClickMs,
        samplesMs: [...collapsed, ...expanded],
      },
      coldStart: large.figures,
      coldStartSmall: coldStartSmall!,
      bundle,
      loadAverage: { start: loadStart, end: os.loadavg() },
      totalMs: performance.now() - started,
    };
  } finally {
    await browser.close();
    await server?.stop();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
}

/** The figures as table rows: benchmark, measured, goal, met/missed. */
export function rendererRows(r: RendererBenchResult): string[][] {
  const g = RENDERER_GOALS;
  const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
  const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
  const coldRow = (label: string, c: ColdStart, goalMs: number) => [
    label,
    `from spawn ${fmt(c.serverToInteractiveMs, 0)} ms (listening at ${fmt(c.serverListeningMs, 0)}); from navigation ${fmt(c.navigationToInteractiveMs, 0)} ms ` +
      `(script ${fmt(c.scriptStartMs, 0)}, vendor.list ${fmt(c.dataRequestMs, 0)}, paint ${fmt(c.dataToPaintMs, 0)})`,
    `≤ ${goalMs} ms`,
    verdict(c.serverToInteractiveMs <= goalMs),
  ];
  return [
    [
      `Register of ${r.providers.toLocaleString('en')} providers: data → painted`,
      `cold ${fmt(r.registerPaint.coldMs, 0)} ms, warm ${fmt(r.registerPaint.warmMs, 0)} ms (the vendor.list call before it: ${fmt(r.registerPaint.vendorListMs, 0)} ms)`,
      `≤ ${g.registerPaintMs} ms`,
      verdict(Math.max(r.registerPaint.coldMs, r.registerPaint.warmMs) <= g.registerPaintMs),
    ],
    [
      `Scroll ${r.scroll.rows.toLocaleString('en')} rows (${r.scroll.steps} steps): work per frame`,
      `p95 ${fmt(r.scroll.workP95Ms, 1)} ms, max ${fmt(r.scroll.workMaxMs, 1)} ms; frames p95 ${fmt(r.scroll.frameP95Ms, 1)} ms, max ${fmt(r.scroll.frameMaxMs, 1)} ms, ${r.scroll.droppedFrames} dropped, ${r.scroll.longAnimationFrames ?? 'n/a'} > 50 ms`,
      `p95 ≤ ${g.scrollFrameMs} ms, none > ${g.longFrameMs} ms`,
      verdict(r.scroll.workP95Ms <= g.scrollFrameMs && r.scroll.workMaxMs <= g.longFrameMs && (r.scroll.longAnimationFrames ?? 0) === 0),
    ],
    [
      `Compare ${r.compare.providers} × ${r.compare.questions} questions: data → painted`,
      `${fmt(r.compare.collapsedMs, 0)} ms folded, ${fmt(r.compare.expandedMs, 0)} ms all open; Expand all ${fmt(r.compare.expandClickMs, 0)} ms`,
      `≤ ${g.comparePaintMs} ms`,
      verdict(Math.max(r.compare.collapsedMs, r.compare.expandedMs) <= g.comparePaintMs),
    ],
    coldRow(`Cold start to interactive, ${r.providers.toLocaleString('en')} providers`, r.coldStart, g.interactiveLargeMs),
    coldRow(`Cold start to interactive, ${SMALL_PROVIDERS} providers`, r.coldStartSmall, g.interactiveMs),
    [
      `Renderer JS (${r.bundle.jsFiles} file${r.bundle.jsFiles === 1 ? '' : 's'}), gzip`,
      `${kb(r.bundle.jsGzipBytes)} (raw ${kb(r.bundle.jsBytes)}; CSS ${kb(r.bundle.cssGzipBytes)} gzip)`,
      `≤ ${g.jsGzipBytes / 1024} KB`,
      verdict(r.bundle.jsGzipBytes <= g.jsGzipBytes),
    ],
  ];
}

function printTable(rows: string[][]): void {
  const header = ['Benchmark', 'Measured', 'Goal', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchRenderer();
  printTable(rendererRows(result));
  const load = (xs: number[]) => xs.map((x) => fmt(x)).join(' ');
  console.log(
    `\nFixture ${fmt(result.fixtureMs / 1000, 1)} s, then its first listing ever ${fmt(result.firstListingEverMs, 0)} ms (scores stored for the cold start); whole run ${fmt(result.totalMs / 1000, 1)} s; ` +
      `load average ${load(result.loadAverage.start)} → ${load(result.loadAverage.end)} on ${os.cpus().length} cores.`,
  );
  console.log(`Register samples (warm): ${result.registerPaint.warmSamplesMs.map((ms) => fmt(ms, 0)).join(', ')} ms; after scrolling, the top row is ${result.scroll.lastVisibleRow}.`);
  console.log(`Compare samples (3 folded, 3 open): ${result.compare.samplesMs.map((ms) => fmt(ms, 0)).join(', ')} ms.`);
}
