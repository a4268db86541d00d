// Goals (issues 4, 8 and 19): one vendor report (warm) ≤ 300 ms; the subprocessor appendix for
// 10/100/1,000 providers grows linearly (per-provider cost at 1,000 ≤ 1.2× that at 10); the list
// of 300 providers on at most 35 pages, and the page count of 1,000.
//
// Both are timed on registers whose providers are approved before the report's date, fully
// answered, with a legal entity, a DPA link and every safeguard (test/helpers/subprocessor-register.ts).
// registerWith's providers have no decided review: a report of one is refused, and their list is empty.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBPROCESSOR_LIST_DATE, subprocessorRegister } from '../test/helpers/subprocessor-register';

export interface ReportBench {
  vendorReportMs: { median: number; min: number; pages?: number };
  appendix: { providers: number; listed: number; ms: number; perProviderMs: number; bytes: number; pages: number }[];
}

/** Pages of a PDF, as pdfinfo counts them. */
function pageCount(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-pdf-'));
  try {
    const file = path.join(dir, 'list.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

export async function benchReports(sizes = [10, 100, 300, 1000]): Promise<ReportBench> {
  const result: ReportBench = { vendorReportMs: { median: 0, min: 0 }, appendix: [] };
  for (const size of sizes) {
    const register = await subprocessorRegister(size);
    try {
      const api = register.vetted.api;
      if (size === sizes[0]) {
        const list = await api['vendor.list']({});
        if (!list.ok) throw new Error(list.error.message);
        const vendorId = list.value[0]!.id;
        await api['report.vendor']({ vendorId, date: SUBPROCESSOR_LIST_DATE }); // warm fonts and code
        result.vendorReportMs = await median(7, async () => {
          const r = await api['report.vendor']({ vendorId, date: SUBPROCESSOR_LIST_DATE });
          if (!r.ok) throw new Error(r.error.message);
        });
      }
      await api['report.subprocessors']({ date: SUBPROCESSOR_LIST_DATE }); // warm
      let pdf = Buffer.alloc(0);
      let listed = 0;
      const timing = await median(size >= 1000 ? 3 : 5, async () => {
        const r = await api['report.subprocessors']({ date: SUBPROCESSOR_LIST_DATE });
        if (!r.ok) throw new Error(r.error.message);
        pdf = Buffer.from(r.value.base64, 'base64');
        listed = r.value.listed;
      });
      result.appendix.push({ providers: size, listed, ms: timing.median, perProviderMs: timing.median / size, bytes: pdf.length, pages: pageCount(pdf) });
    } finally {
      register.cleanup();
    }
  }
  return result;
}
