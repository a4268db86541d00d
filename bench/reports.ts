// Goals (issues 4 and 8): one vendor report (warm) ≤ 300 ms; the subprocessor appendix for
// 10/100/1,000 providers grows linearly (per-provider cost at 1,000 ≤ 1.2× that at 10).
import { registerWith } from './fixtures';

export interface ReportBench {
  vendorReportMs: { median: number; min: number; pages?: number };
  appendix: { providers: number; ms: number; perProviderMs: number; bytes: number }[];
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

export async function benchReports(sizes = [10, 100, 1000]): Promise<ReportBench> {
  const result: ReportBench = { vendorReportMs: { median: 0, min: 0 }, appendix: [] };
  for (const size of sizes) {
    const reg = registerWith(size);
    try {
      const api = reg.vetted.api;
      if (size === sizes[0]) {
        const list = await api['vendor.list']({});
        if (!list.ok) throw new Error(list.error.message);
        const vendorId = list.value[0]!.id;
        await api['report.vendor']({ vendorId, date: '2026-11-20' }); // warm fonts and code
        result.vendorReportMs = await median(7, async () => {
          const r = await api['report.vendor']({ vendorId, date: '2026-11-20' });
          if (!r.ok) throw new Error(r.error.message);
        });
      }
      await api['report.subprocessors']({ date: '2026-11-20' }); // warm
      let bytes = 0;
      const timing = await median(size >= 1000 ? 3 : 5, async () => {
        const r = await api['report.subprocessors']({ date: '2026-11-20' });
        if (!r.ok) throw new Error(r.error.message);
        bytes = r.value.bytes;
      });
      result.appendix.push({ providers: size, ms: timing.median, perProviderMs: timing.median / size, bytes });
    } finally {
      reg.cleanup();
    }
  }
  return result;
}
