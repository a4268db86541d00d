// The team register's load run (issue 22): reviewer processes saving answers into one register at
// the same time, each through the app's own services (openVetted → answer.save), each signed in as
// a database role of its own on PostgreSQL. Most saves go to the process's own provider (different
// rows: nobody waits); a share go to questions every process edits, each save made on the version
// the process last saw, so another's save in between must come back as a conflict, never as a
// silent overwrite. Afterwards every answer must hold the last acknowledged save's value and
// version, versions must count every acknowledged save exactly once, and the audit chain must verify.
// Shared by test/integration/team-load.test.ts (which asserts, small) and bench/team-load.ts (5,000 saves).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openVetted } from '../../electron/core/vetted';
import { addTeamMember, setUpTeamRoles } from '../../electron/core/db/postgres/roles';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { REPO_ROOT } from './cli';

export interface TeamLoadOptions {
  /** The register: a postgres:// URL of an empty database its owner may use, or a file path. */
  location: string;
  processes: number;
  savesPerProcess: number;
  /** The share of saves that go to the questions every process edits (0–1). */
  sharedShare: number;
}

/** One acknowledged save, as its process saw it. */
export interface Acknowledged {
  vendorId: string;
  reviewId: string;
  questionId: string;
  /** The reviewer's comment it saved. */
  comment: string;
  /** The version the save was made on, and the one it made. */
  basedOn: number;
  version: number;
}

export interface WorkerResult {
  acknowledged: Acknowledged[];
  conflicts: number;
  /** Failures other than conflicts, named. */
  errors: string[];
  latenciesMs: number[];
}

export interface TeamLoadFigures {
  saves: number;
  acknowledged: number;
  conflicts: number;
  errors: string[];
  /** Acknowledged saves whose value is not what the register holds for that version, named. */
  lost: string[];
  auditVerified: boolean;
  auditRows: number;
  p50Ms: number;
  p99Ms: number;
  ms: number;
}

export interface WorkerPlan {
  location: string;
  worker: number;
  saves: number;
  sharedShare: number;
  own: { vendorId: string; reviewId: string };
  shared: { vendorId: string; reviewId: string };
  questions: string[];
  sharedQuestions: string[];
}

/** Sets the register up (providers, reviews, roles), runs the workers, and checks what they left. */
export async function runTeamLoad(options: TeamLoadOptions): Promise<TeamLoadFigures> {
  const owner = await openVetted(options.location, { logError: () => {} });
  const plans: WorkerPlan[] = [];
  try {
    const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const shared = ok(await owner.api['vendor.create']({ name: 'Shared Postgres', category: 'database' }));
    const sharedReview = ok(await owner.api['review.start']({ vendorId: shared.id }));
    // The reviewer's comment is what each save changes: free text, so every save's words are its own.
    const textQuestions = sharedReview.template.sections.flatMap((s) => s.questions).map((q) => q.id).slice(0, 20);
    const logins = await membersFor(options.location, options.processes);
    for (let w = 0; w < options.processes; w++) {
      const vendor = ok(await owner.api['vendor.create']({ name: `Provider of reviewer ${w + 1}`, category: 'message-queue' }));
      const review = ok(await owner.api['review.start']({ vendorId: vendor.id }));
      plans.push({
        location: logins[w] ?? options.location,
        worker: w,
        saves: options.savesPerProcess,
        sharedShare: options.sharedShare,
        own: { vendorId: vendor.id, reviewId: review.review.id },
        shared: { vendorId: shared.id, reviewId: sharedReview.review.id },
        questions: textQuestions,
        sharedQuestions: textQuestions.slice(0, 2),
      });
    }
  } finally {
    owner.close();
  }

  const workers = plans.map(startWorker);
  await Promise.all(workers.map((w) => w.ready));
  const started = Date.now();
  for (const w of workers) w.go();
  const results = await Promise.all(workers.map((w) => w.done));
  const ms = Date.now() - started;

  const checker = await openVetted(options.location, { logError: () => {} });
  try {
    const lost: string[] = [];
    const all = results.flatMap((r) => r.acknowledged);
    const byAnswer = new Map<string, Acknowledged[]>();
    for (const a of all) {
      const key = `${a.vendorId}/${a.questionId}`;
      byAnswer.set(key, [...(byAnswer.get(key) ?? []), a]);
    }
    for (const [key, saves] of byAnswer) {
      const [vendorId, questionId] = key.split('/') as [string, string];
      const detail = await checker.api['review.current']({ vendorId });
      if (!detail.ok || !detail.value) throw new Error(detail.ok ? `no review of ${vendorId}` : detail.error.message);
      const stored = detail.value.answers.find((a) => a.questionId === questionId);
      const versions = saves.map((s) => s.version).sort((a, b) => a - b);
      // Each acknowledged save made exactly one version, one after another, each on the one before:
      // a save acknowledged over a version its writer had not seen would have overwritten it unseen.
      versions.forEach((v, i) => {
        if (v !== i + 1) lost.push(`${key}: acknowledged versions ${versions.join(',')} do not count 1..${versions.length}`);
      });
      for (const s of saves) {
        if (s.version !== s.basedOn + 1) lost.push(`${key}: "${s.comment}" was made on v${s.basedOn} and acknowledged as v${s.version}, over a version its writer had not seen`);
      }
      const last = saves.find((s) => s.version === versions.at(-1));
      if (!stored || stored.comment !== last?.comment || detail.value.versions[questionId] !== last?.version) {
        lost.push(`${key}: the register holds ${JSON.stringify(stored?.comment)} v${detail.value.versions[questionId]}, the last acknowledged save was ${JSON.stringify(last?.comment)} v${last?.version}`);
      }
    }
    const verify = await checker.api['audit.verify']({});
    if (!verify.ok) throw new Error(verify.error.message);
    const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return {
      saves: options.processes * options.savesPerProcess,
      acknowledged: all.length,
      conflicts: results.reduce((n, r) => n + r.conflicts, 0),
      errors: results.flatMap((r) => r.errors),
      lost: [...new Set(lost)],
      auditVerified: verify.value.ok,
      auditRows: verify.value.rows,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      ms,
    };
  } finally {
    checker.close();
  }
}

/** On a team register: a reviewer role per process, each signing in as itself. A file: the file. */
async function membersFor(location: string, count: number): Promise<string[]> {
  if (!/^postgres(ql)?:\/\//i.test(location)) return [];
  const store = new PgStore(location);
  try {
    const suffix = Math.random().toString(36).slice(2, 8);
    const urls: string[] = [];
    await store.write(async (tx) => {
      await setUpTeamRoles(tx);
      for (let i = 0; i < count; i++) {
        const login = `load_reviewer_${i + 1}_${suffix}`;
        const password = `pw-${suffix}-${i}`;
        await addTeamMember(tx, login, 'reviewer', password);
        const url = new URL(location);
        url.username = login;
        url.password = password;
        urls.push(url.toString());
      }
    });
    return urls;
  } finally {
    await store.close();
  }
}

/** A worker process: ready once it has opened the register, saving once told to go. */
function startWorker(plan: WorkerPlan): { ready: Promise<void>; go(): void; done: Promise<WorkerResult> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/team-load-worker.ts'), Buffer.from(JSON.stringify(plan)).toString('base64')], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let signalReady!: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<WorkerResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      signalReady();
      if (code !== 0) return reject(new Error(`worker ${plan.worker + 1} exited with ${code}: ${err.slice(0, 2000)}`));
      resolve(JSON.parse(out.slice('ready\n'.length)) as WorkerResult);
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}
