// The two-writers load run of #17: the app in browser mode (`vetted serve`, a real child process)
// serving N clients that save answers over the HTTP bridge, while a second process writes answers
// into the same file through its own services and `vetted answer` runs beside them. Every save has
// its own (review, question), so each acknowledged one can be looked for in the file afterwards.
// Shared by test/integration/two-writers.test.ts (which asserts) and bench/two-writers.ts (which prints).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openVetted } from '../../electron/core/vetted';
import { DEADLINE_HEADER } from '../../shared/deadline';
import { REPO_ROOT, runCliAsync, type CliRun } from './cli';
import { readyToHoldWriteLock, type ReadyHolder } from './lock-holder';
import { spawnServe, type ServeProcess } from './serve-process';

export interface TwoWritersOptions {
  /** Clients of the app saving at the same time, one request in flight each. */
  clients: number;
  /** Saves per client (at most the template's 61 questions). */
  savesPerClient: number;
  /** Saves of the second process (spread over providers of 50). */
  secondProcessSaves: number;
  /** `vetted answer` runs started with the others (at most 2: distinct questions of one provider). */
  cliAnswers: number;
  /**
   * Once the clients got going, another process holds the write lock this long, as a long write
   * (an import) would; longer than busy_timeout (5 s), the wait is the retry's. 0: no such hold.
   */
  holdMs: number;
}

export interface TwoWritersFigures {
  writers: string;
  /** Saves asked for, and saves acknowledged (HTTP ok, the second process's ack, CLI exit 0). */
  attempted: number;
  acknowledged: number;
  /** Every failure, named: "client 3 q12: busy …", "second process 17: …", "vetted answer …: exit 2 …". */
  errors: string[];
  /** Acknowledged saves not found in the file afterwards. */
  lost: string[];
  ms: number;
  /** The second process alone: its saves, how many it had acknowledged, and how long they took. */
  secondProcess: { attempted: number; acknowledged: number; ms: number };
  /** Client saves in flight while the lock was held (sent before and answered after, or sent during). */
  savesDuringHold: number;
}

interface Save {
  reviewId: string;
  questionId: string;
  comment: string;
}

/** renderer/src/api/client.ts: TIMEOUT_MS − DEADLINE_MARGIN_MS. */
const RENDERER_DEADLINE_MS = 25_000;

const CLI_ANSWERS: readonly [string, string][] = [
  ['inc_postmortems', 'on_request'],
  ['inc_status_page', 'stale'],
];

export async function runTwoWriters(dir: string, options: TwoWritersOptions): Promise<TwoWritersFigures> {
  const db = path.join(dir, 'register.db');
  const env = { VETTED_KEY_FILE: path.join(dir, 'register.key') };
  const { clientPlans, secondPlan } = await prepare(db, options);
  const planFile = path.join(dir, 'second-writer-plan.json');
  fs.writeFileSync(planFile, JSON.stringify(secondPlan));

  const served = await spawnServe(['--db', db, '--port', '0'], env);
  const errors: string[] = [];
  const acked: Save[] = [];
  const cliAcked: [string, string][] = [];
  const secondProcess = { attempted: secondPlan.length, acknowledged: 0, ms: 0 };
  const hold = await LongHold.prepare(db, options.holdMs, Math.ceil(clientPlans.flat().length / 10));
  const startedAt = Date.now();
  try {
    const second = startSecondWriter(db, planFile);
    await second.ready;
    second.go();
    const clis = CLI_ANSWERS.slice(0, options.cliAnswers).map(([questionId, value]) =>
      runCliAsync(['answer', 'CLI provider', questionId, value, '--db', db], env).then((run: CliRun) => {
        if (run.status === 0) cliAcked.push([questionId, value]);
        else errors.push(`vetted answer ${questionId}: exit ${run.status} ${run.stderr.trim()}`);
      }),
    );
    const clients = clientPlans.map((plan, c) => runClient(served, plan, `client ${c + 1}`, acked, errors, hold));
    const secondDone = second.done.then((result) => ({ ...result, ms: Date.now() - startedAt }));
    const [secondResult] = await Promise.all([secondDone, ...clients, ...clis]);
    for (const i of secondResult.acked) acked.push(secondPlan[i]!);
    Object.assign(secondProcess, { acknowledged: secondResult.acked.length, ms: secondResult.ms });
    errors.push(...secondResult.errors);
  } finally {
    await hold.done();
    await served.stop();
  }
  const ms = Date.now() - startedAt;
  const attempted = clientPlans.reduce((n, p) => n + p.length, 0) + secondPlan.length + Math.min(options.cliAnswers, CLI_ANSWERS.length);
  return {
    writers:
      `${options.clients} clients of the app over HTTP + a second process + ${options.cliAnswers} \`vetted answer\`` +
      (options.holdMs > 0 ? ` + a third process holding the write lock for ${options.holdMs} ms` : ''),
    attempted,
    acknowledged: acked.length + cliAcked.length,
    errors,
    lost: lostSaves(db, acked, cliAcked),
    ms,
    secondProcess,
    savesDuringHold: hold.savesDuring,
  };
}

/** Providers and open reviews for every writer, made before anyone writes; the plans of the saves. */
async function prepare(db: string, options: TwoWritersOptions): Promise<{ clientPlans: Save[][]; secondPlan: Save[] }> {
  const vetted = await openVetted(db, { logError: () => {} });
  try {
    const review = async (name: string, tag: string, count: number): Promise<Save[]> => {
      const created = await vetted.api['vendor.create']({ name });
      if (!created.ok) throw new Error(created.error.message);
      const started = await vetted.api['review.start']({ vendorId: created.value.id });
      if (!started.ok) throw new Error(started.error.message);
      const questions = started.value.template.sections.flatMap((s) => s.questions.map((q) => q.id));
      if (count > questions.length) throw new Error(`${count} saves for ${questions.length} questions`);
      return questions.slice(0, count).map((questionId, n) => ({ reviewId: started.value.review.id, questionId, comment: `${tag} save ${n + 1}` }));
    };
    const clientPlans: Save[][] = [];
    for (let c = 1; c <= options.clients; c++) clientPlans.push(await review(`Client ${c} provider`, `client ${c}`, options.savesPerClient));
    const secondPlan: Save[] = [];
    for (let p = 1; secondPlan.length < options.secondProcessSaves; p++) {
      secondPlan.push(...(await review(`Second process provider ${p}`, `second ${p}`, Math.min(50, options.secondProcessSaves - secondPlan.length))));
    }
    const cli = await vetted.api['vendor.create']({ name: 'CLI provider' });
    if (!cli.ok) throw new Error(cli.error.message);
    return { clientPlans, secondPlan };
  } finally {
    vetted.close();
  }
}

/** One client of the app: its saves one after the other, as the page's autosave sends them. */
async function runClient(served: ServeProcess, plan: Save[], name: string, acked: Save[], errors: string[], hold: LongHold): Promise<void> {
  for (const save of plan) {
    await hold.beforeSend();
    const sent = hold.sending();
    try {
      const res = await fetch(`${served.origin}/api/answer.save`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${served.token}`,
          // As the renderer sends it (30 s limit − 5 s margin): the deadline must not refuse saves that wait out the hold.
          [DEADLINE_HEADER]: String(Date.now() + RENDERER_DEADLINE_MS),
        },
        body: JSON.stringify(save),
      });
      const result = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
      if (result.ok) acked.push(save);
      else errors.push(`${name} ${save.questionId}: ${result.error?.code} ${result.error?.message}`);
    } catch (error) {
      errors.push(`${name} ${save.questionId}: ${(error as Error).message}`);
    } finally {
      sent.answered();
      hold.acknowledged(acked.length);
    }
  }
}

/**
 * The long hold: a lock-holder process started before the load, told to take the lock once `after`
 * saves were acknowledged; counts the client saves in flight while it is held, so a test can check
 * that the hold met the load.
 */
class LongHold {
  savesDuring = 0;
  private state: 'waiting' | 'asked' | 'held' | 'released' = 'waiting';
  private readonly inFlight = new Set<{ counted: boolean }>();
  /** Settles once the holder, asked, has taken the lock (or failed to). */
  private taken: Promise<void> = Promise.resolve();

  private constructor(
    private readonly holder: ReadyHolder | null,
    private readonly after: number,
  ) {}

  static async prepare(db: string, ms: number, after: number): Promise<LongHold> {
    return new LongHold(ms > 0 ? await readyToHoldWriteLock(db, ms) : null, after);
  }

  sending(): { answered(): void } {
    const request = { counted: false };
    this.inFlight.add(request);
    if (this.state === 'held') this.count(request);
    return { answered: () => this.inFlight.delete(request) };
  }

  acknowledged(count: number): void {
    if (!this.holder || this.state !== 'waiting' || count < this.after) return;
    this.state = 'asked';
    this.taken = this.holder.hold().then(() => {
      if (this.state !== 'asked') return;
      this.state = 'held';
      // Saves unanswered when the lock was taken met it.
      for (const request of this.inFlight) this.count(request);
    }, () => {}); // a holder that failed is reported by done()
    this.holder.released().then(() => (this.state = 'released'), () => {});
  }

  /**
   * Once the hold is asked for, a client's next save waits until the lock is taken: then saves meet
   * the hold however busy the machine is (on a loaded one the clients could otherwise finish before
   * the holder process got the lock, and the test would prove nothing about waiting it out).
   */
  async beforeSend(): Promise<void> {
    if (this.state === 'asked') await this.taken;
  }

  /** Waits for the holder to end; one never told to hold (the load ended first) exits untouched. */
  async done(): Promise<void> {
    if (this.state === 'waiting') this.holder?.cancel();
    await this.holder?.done;
  }

  private count(request: { counted: boolean }): void {
    if (request.counted) return;
    request.counted = true;
    this.savesDuring++;
  }
}

function startSecondWriter(db: string, planFile: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/second-writer.ts'), db, planFile], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  const done = new Promise<{ acked: number[]; errors: string[] }>((resolve, reject) => {
    child.on('exit', (code) => {
      const lines = stdout.split('\n');
      if (code !== 0 || !lines.includes('done')) return reject(new Error(`the second writer ended with ${code}:\n${stdout}\n${stderr}`));
      resolve({
        acked: lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4))),
        errors: lines.filter((l) => l.startsWith('error ')).map((l) => l.replace(/^error (\d+) /, 'second process save $1: ')),
      });
    });
  });
  return { ready: Promise.race([ready, done.then(() => undefined)]), done, go: () => child.stdin.end('go\n') };
}

/** The acknowledged saves whose comment (or, for the CLI, value) is not what the file holds. */
function lostSaves(db: string, acked: Save[], cliAcked: [string, string][]): string[] {
  const file = new Database(db, { readonly: true });
  try {
    const comment = file.prepare('SELECT comment FROM answers WHERE review_id = ? AND question_id = ?');
    const lost = acked.filter((s) => (comment.get(s.reviewId, s.questionId) as { comment: string } | undefined)?.comment !== s.comment).map((s) => `${s.comment} (${s.questionId})`);
    const cliValue = file.prepare(
      `SELECT a.value FROM answers a JOIN reviews r ON r.id = a.review_id JOIN vendors v ON v.id = r.vendor_id WHERE v.name = 'CLI provider' AND a.question_id = ?`,
    );
    for (const [questionId, value] of cliAcked) {
      const stored = cliValue.get(questionId) as { value: string } | undefined;
      if (stored === undefined || JSON.parse(stored.value) !== value) lost.push(`vetted answer ${questionId} = ${value} (stored ${stored?.value})`);
    }
    return lost;
  } finally {
    file.close();
  }
}
