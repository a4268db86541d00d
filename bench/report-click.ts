// Goal (issue 20): the review report PDF from the app, click to file, ≤ 1 s warm. Measured in
// browser mode as a person does it: on the demo register, the page of a provider with a decided review, "Export PDF…", then
// the dialog's "Export PDF" clicked — from that click to the downloaded file on disk. The floor,
// in the same run: the same report asked of the same server over HTTP (the server's work alone).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { callServe, startServeForBench } from './serve';
import { median } from './stats';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ReportClickResult {
  /** The first export after the page opened (the server loads pdfmake and the fonts). */
  firstMs: number;
  /** Median of the exports after it. */
  warmMs: number;
  /** The same report over HTTP without the page (median): the floor. */
  serverMs: number;
  ratio: number;
}


export async function benchReportClick(exports = 6): Promise<ReportClickResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-report-'));
  const db = path.join(dir, 'demo.db');
  const demo = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'vetted.js'), 'demo', '--db', db], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`vetted demo failed: ${demo.stderr}`);
  const server = await startServeForBench(db);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const vendors = await callServe<{ id: string; name: string; lastReviewed: string | null }[]>(server, 'vendor.list', {});
    const decided = vendors.find((v) => v.lastReviewed !== null);
    if (!decided) throw new Error('the demo register has no decided review to report');
    const { id: vendorId, name } = decided;
    const page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(server.url);
    await page.evaluate((hash) => (location.hash = hash), `#/vendor/${encodeURIComponent(vendorId)}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const times: number[] = [];
    for (let i = 0; i < exports; i++) {
      await page.getByRole('button', { name: 'Export PDF…', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the review report' });
      await dialog.waitFor();
      const t0 = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Export PDF' }).click()]);
      const file = path.join(dir, `report-${i}.pdf`);
      await download.saveAs(file);
      times.push(performance.now() - t0);
      if (!fs.readFileSync(file).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the download is not a PDF');
      await page.getByRole('button', { name: 'Export PDF…', exact: true }).waitFor({ state: 'visible' });
    }
    const server_: number[] = [];
    for (let i = 0; i < exports; i++) {
      const t0 = performance.now();
      await callServe(server, 'report.vendor', { vendorId });
      server_.push(performance.now() - t0);
    }
    const warmMs = median(times.slice(1));
    const serverMs = median(server_);
    return { firstMs: times[0]!, warmMs, serverMs, ratio: warmMs / serverMs };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
