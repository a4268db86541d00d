// Goals (issue 20): `vetted list` on the demo register, whole process, ≤ 3× a bare `node -e 0`;
// `vetted serve` from spawn to listening ≤ 0.4 s. Floors measured in the same run, interleaved
// with the runs they are compared with (so load on the machine weighs on both alike): `node -e 0`
// for the command, and a bare Node HTTP server's spawn to listening for `serve`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO_ROOT, 'bin', 'vetted.js');

export interface CliStartResult {
  /** What `vetted --version` said runs: the bundle, or the sources through tsx. */
  runs: string;
  listMs: number;
  nodeMs: number;
  listRatio: number;
  serveMs: number;
  serveFloorMs: number;
  serveRatio: number;
}


function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Spawn to the first line on stdout matching `ready`, then the process is stopped. */
function untilLine(args: string[], ready: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        const ms = performance.now() - t0;
        child.kill();
        resolve(ms);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (!ready.test(out)) reject(new Error(`node ${args.join(' ')} exited ${code} before ${ready}: ${err}`));
    });
  });
}

const BARE_SERVER = `require('node:http').createServer().listen(0, '127.0.0.1', function () { console.log('listening on ' + this.address().port); });`;

export async function benchCliStart(runs = 15): Promise<CliStartResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-cli-'));
  try {
    const db = path.join(dir, 'demo.db');
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--db', db], { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`vetted demo failed: ${demo.stderr}`);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).stdout.trim();
    const list: number[] = [];
    const bare: number[] = [];
    const serve: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(wallMs(['-e', '0']));
      list.push(wallMs([BIN, 'list', '--db', db]));
    }
    for (let i = 0; i < Math.ceil(runs / 2); i++) {
      server.push(await untilLine(['-e', BARE_SERVER], /listening on/));
      serve.push(await untilLine([BIN, 'serve', '--db', db, '--port', '0'], /Vetted is running at/));
    }
    const listMs = median(list);
    const nodeMs = median(bare);
    const serveMs = median(serve);
    const serveFloorMs = median(server);
    return { runs: version, listMs, nodeMs, listRatio: listMs / nodeMs, serveMs, serveFloorMs, serveRatio: serveMs / serveFloorMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
