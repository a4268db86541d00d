// Goal (issues 8 and 20): scoring 5,000 reviews × 80 answers takes at most 100 ms, and at most 5× a
// plain loop that sums the chosen options' scores over the same data.
//
// Timed as the app runs the scorer: bench/scoring-passes.ts and the scorer are bundled with the
// settings of the CLI bundle and the Electron main process (esbuild, minified, no kept names), not
// through tsx, whose transform keeps names and wraps every function made per review (about a third
// more time, see docs/performance.md). The bundle goes to dist/bench/ and is imported from there.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ScoringResult } from './scoring-passes';

export type { ScoringResult } from './scoring-passes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function benchScoring(reviews = 5000): Promise<ScoringResult> {
  const outfile = path.join(root, 'dist', 'bench', 'scoring-passes.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'scoring-passes.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    keepNames: false,
    logLevel: 'warning',
    tsconfig: path.join(root, 'electron', 'tsconfig.json'),
  });
  const passes = (await import(pathToFileURL(outfile).href)) as typeof import('./scoring-passes');
  return passes.scoringPasses(reviews);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchScoring();
  console.log(`listing ${r.scoreMs.toFixed(0)} ms, explained ${r.explainedMs.toFixed(0)} ms, loop ${r.loopMs.toFixed(0)} ms, ×${r.ratio.toFixed(1)}`);
}
