// Timing helpers shared by the benchmarks.
export interface Timing {
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
  perOpUs: number;
}

export function summarize(samplesNs: bigint[]): Timing {
  const ms = samplesNs.map((n) => Number(n) / 1e6).sort((a, b) => a - b);
  const total = ms.reduce((a, b) => a + b, 0);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  return { totalMs: total, p50Ms: at(0.5), p99Ms: at(0.99), perOpUs: (total / ms.length) * 1000 };
}

export async function timeEach(n: number, fn: (i: number) => unknown): Promise<Timing> {
  const samples: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(process.hrtime.bigint() - t0);
  }
  return summarize(samples);
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** The middle sample (the upper one of the two middles for an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
