// The team register's load run (issue 22): 4 reviewer processes, 5,000 saves in all, each through
// the app's own services, on a throwaway PostgreSQL cluster (each process signed in as its own
// reviewer role) and then on a register file, for the figures side by side. Prints saves,
// conflicts, lost saves (must be 0), whether the audit chain verifies, and the save latency's
// p50 and p99. Not part of `npm run bench` (it starts a cluster and processes, about a minute).
// Usage: node --import tsx bench/team-load.ts [PROCESSES] [SAVES_PER_PROCESS] [SHARED_SHARE]
import pg from 'pg';
import { startCluster } from '../scripts/pg-cluster.mjs';
import { runTeamLoad, type TeamLoadFigures } from '../test/helpers/team-load';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt } from './stats';

const [processes = 4, savesPerProcess = 1250, sharedShare = 0.1] = process.argv.slice(2).map(Number);

const cluster = await startCluster();
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE vetted_load');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/vetted_load';
  print('team register (PostgreSQL 15, loopback)', await runTeamLoad({ location: url.toString(), processes, savesPerProcess, sharedShare }));
} finally {
  await cluster.stop();
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-team-load-'));
try {
  print('register file (SQLite, WAL)', await runTeamLoad({ location: path.join(dir, 'register.db'), processes, savesPerProcess, sharedShare }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

function print(what: string, f: TeamLoadFigures): void {
  console.log(`${what}: ${processes} processes, ${f.saves} saves (${Math.round(sharedShare * 100)} % on 2 answers they all edit)`);
  console.log(`  acknowledged ${f.acknowledged}, conflicts ${f.conflicts}, other errors ${f.errors.length}, lost ${f.lost.length}`);
  console.log(`  audit chain ${f.auditVerified ? 'verifies' : 'DOES NOT VERIFY'} (${f.auditRows} rows)`);
  console.log(`  save latency p50 ${fmt(f.p50Ms)} ms, p99 ${fmt(f.p99Ms)} ms; ${fmt(f.ms / 1000)} s in all (${fmt((f.saves / f.ms) * 1000, 0)} saves/s)`);
  for (const e of [...f.errors, ...f.lost].slice(0, 10)) console.log(`  ${e}`);
}
