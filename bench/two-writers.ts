// Two writers on one register (#17, item 1): `vetted serve` with N clients saving over HTTP, a second
// process saving through its own services, and `vetted answer` runs, all at once; prints how many
// saves were asked for, acknowledged, refused and lost; HOLD_MS > 0 adds a process holding the write
// lock that long mid-run (a long import). Not part of `npm run bench` (it starts processes, about 30 s).
// Usage: node --import tsx bench/two-writers.ts [CLIENTS] [SAVES_PER_CLIENT] [SECOND_PROCESS_SAVES] [HOLD_MS]
// Needs the renderer built (npm run build:renderer), as `vetted serve` does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTwoWriters } from '../test/helpers/two-writers';

const [clients = 8, savesPerClient = 40, secondProcessSaves = 100, holdMs = 0] = process.argv.slice(2).map(Number);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-two-writers-'));
try {
  const f = await runTwoWriters(dir, { clients, savesPerClient, secondProcessSaves, cliAnswers: 2, holdMs });
  console.log(`writers: ${f.writers}`);
  console.log(`saves: ${f.attempted} asked, ${f.acknowledged} acknowledged, in ${(f.ms / 1000).toFixed(1)} s`);
  console.log(`errors: ${f.errors.length}${summary(f.errors)}`);
  console.log(`lost (acknowledged, not in the file): ${f.lost.length}`);
  if (holdMs > 0) console.log(`a third process held the write lock for ${holdMs} ms mid-run, over ${f.savesDuringHold} client saves`);
  console.log(`second process: ${f.secondProcess.acknowledged} of ${f.secondProcess.attempted} acknowledged in ${(f.secondProcess.ms / 1000).toFixed(1)} s`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The errors by where and code: "client: busy × 12, second process: busy × 3". */
function summary(errors: string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const m = /^(client|second process|vetted answer)\b.*?: (\S+)/.exec(e);
    const key = m ? `${m[1]} ${m[2]}` : e.slice(0, 40);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0 ? '' : ` (${[...counts].map(([k, n]) => `${k} × ${n}`).join(', ')})`;
}
