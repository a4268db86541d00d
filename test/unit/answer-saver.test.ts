// The renderer's autosave (renderer/src/store/answerSaver.ts) against a fake API whose answers the
// test hands out one by one: the guarantees stated in the module's header, each checked so that
// breaking it fails a test.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { InputOf, ReviewDetail, VettedApi } from '../../shared/api';
import type { AnswerValue, SavedAnswer } from '../../shared/domain/review';
import type { ApiError, Result } from '../../shared/result';

// answerSaver.ts is plain TypeScript (no DOM, no API client: the API is passed in), so it runs in
// Node. It is loaded by URL because test/tsconfig.json does not reference the renderer project
// (a static import would put renderer files in this composite project and fail `tsc -b` with
// TS6307); the shapes the tests rely on are spelled out below instead.
type SaveStatus = 'pending' | 'saving' | 'saved' | 'failed';
interface AnswerPatch {
  value?: AnswerValue;
  comment?: string;
  na?: boolean;
}
interface Outstanding {
  patch: AnswerPatch;
  status: SaveStatus;
  message?: string;
}
type SaverApi = Pick<VettedApi, 'review.start' | 'answer.save'>;
interface SaverOptions {
  debounceMs?: number;
  retryMs?: number;
}
interface Saver {
  readonly vendorId: string;
  vendorName: string | null;
  knownReview(reviewId: string, open?: boolean, versions?: Record<string, number>): void;
  inConflict(questionId: string): boolean;
  change(questionId: string, patch: AnswerPatch, timing: 'now' | 'debounced'): void;
  flush(questionId: string): void;
  flushAll(): void;
  retry(questionId?: string): void;
  hasUnsaved(): boolean;
  failedCount(): number;
  outstanding(): Map<string, Outstanding>;
}
interface SaverHooks {
  isCurrent(saver: Saver): boolean;
  setStatus(questionId: string, status: SaveStatus, message?: string): void;
  reviewStarted(saver: Saver, detail: ReviewDetail): void;
  saveFailed(saver: Saver, questionId: string, error: ApiError, repeat: boolean): void;
  idle(saver: Saver): void;
}
interface SaversHooks {
  setStatus(questionId: string, status: SaveStatus, message?: string): void;
  reviewStarted(saver: Saver, detail: ReviewDetail): void;
  reportError(error: ApiError): void;
  reportBackgroundFailure(saver: Saver, error: ApiError): void;
  reportBackgroundSaved(saver: Saver): void;
}
interface Savers {
  readonly current: Saver | null;
  open(vendorId: string): Saver;
  background(): readonly Saver[];
  hasUnsaved(vendorIds?: readonly string[]): boolean;
  flushAll(): void;
  retry(questionId?: string): void;
  settled(): Promise<void>;
  dispose(): void;
}
interface SaverModule {
  AnswerSaver: new (vendorId: string, api: SaverApi, hooks: SaverHooks, options?: SaverOptions) => Saver;
  AnswerSavers: new (api: SaverApi, hooks: SaversHooks, options?: SaverOptions) => Savers;
  effectiveValue(value: AnswerValue): AnswerValue;
}

const saverModule: string = new URL('../../renderer/src/store/answerSaver.ts', import.meta.url).href;
const { AnswerSaver, AnswerSavers, effectiveValue } = (await import(saverModule)) as SaverModule;
assert.equal(typeof AnswerSaver, 'function');
assert.equal(typeof AnswerSavers, 'function');

type SaveInput = InputOf<'answer.save'>;

interface SaveCall {
  input: SaveInput;
  answered: boolean;
  resolve(result: Result<SavedAnswer>): void;
}

interface StartCall {
  vendorId: string;
  resolve(result: Result<ReviewDetail>): void;
}

const UNAVAILABLE: ApiError = { code: 'unavailable', message: 'Cannot reach Vetted: the local server stopped or the connection was lost.' };

/** An API whose every call waits until the test answers it; `stored` is the register as it would be. */
class FakeApi {
  readonly saves: SaveCall[] = [];
  readonly starts: StartCall[] = [];
  readonly stored = new Map<string, AnswerValue>();
  /** Each answer's stored version, counted up by every save as the register does. */
  readonly versions = new Map<string, number>();

  readonly api: SaverApi = {
    'answer.save': (input) =>
      new Promise<Result<SavedAnswer>>((resolve) => {
        const call: SaveCall = {
          input,
          answered: false,
          resolve: (result) => {
            call.answered = true;
            resolve(result);
          },
        };
        this.saves.push(call);
      }),
    'review.start': (input) =>
      new Promise<Result<ReviewDetail>>((resolve) => this.starts.push({ vendorId: input.vendorId, resolve })),
  };

  /** Saves sent and not answered yet. */
  open(): SaveCall[] {
    return this.saves.filter((s) => !s.answered);
  }

  /** Answers a save as the register would: its value is stored. */
  succeed(call: SaveCall): void {
    assert.equal(call.answered, false, 'each save is answered once');
    const { questionId } = call.input;
    if (call.input.value !== undefined) this.stored.set(questionId, call.input.value);
    const version = (this.versions.get(questionId) ?? 0) + 1;
    this.versions.set(questionId, version);
    const answer: SavedAnswer = {
      questionId,
      value: call.input.value ?? null,
      comment: call.input.comment ?? '',
      na: call.input.na ?? false,
      updatedAt: '2026-01-01T00:00:00.000Z',
      version,
    };
    call.resolve({ ok: true, value: answer });
  }

  fail(call: SaveCall, error: ApiError = UNAVAILABLE): void {
    assert.equal(call.answered, false, 'each save is answered once');
    call.resolve({ ok: false, error });
  }

  startReview(call: StartCall, reviewId: string): void {
    call.resolve({ ok: true, value: { review: { id: reviewId }, answers: [], template: {} } as unknown as ReviewDetail });
  }
}

/** Lets promise callbacks and one timer turn run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function until(condition: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the store would hear: statuses of the open provider's questions, and reports. */
function recorder() {
  const log = {
    statuses: new Map<string, SaveStatus[]>(),
    errors: [] as ApiError[],
    background: [] as { vendor: string | null; error: ApiError }[],
    backgroundSaved: [] as (string | null)[],
    started: [] as string[],
  };
  const hooks: SaversHooks = {
    setStatus: (questionId, status) => log.statuses.set(questionId, [...(log.statuses.get(questionId) ?? []), status]),
    reviewStarted: (saver) => log.started.push(saver.vendorId),
    reportError: (error) => log.errors.push(error),
    reportBackgroundFailure: (saver, error) => log.background.push({ vendor: saver.vendorName, error }),
    reportBackgroundSaved: (saver) => log.backgroundSaved.push(saver.vendorName),
  };
  const last = (questionId: string) => log.statuses.get(questionId)?.at(-1);
  return { log, hooks, last };
}

const pools: Savers[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
});

/** A pool with a provider open on a review that exists (unless told otherwise). */
function setup(options: { retryMs?: number; reviewId?: string | null; vendorName?: string } = {}) {
  const fake = new FakeApi();
  const rec = recorder();
  // Long pauses: nothing here is sent by a timer unless the test says so.
  const pool = new AnswerSavers(fake.api, rec.hooks, { debounceMs: 60_000, retryMs: options.retryMs ?? 60_000 });
  pools.push(pool);
  const saver = pool.open('vendor-a');
  saver.vendorName = options.vendorName ?? 'Burrow MQ';
  if (options.reviewId !== null) saver.knownReview(options.reviewId ?? 'review-a');
  return { fake, pool, saver, ...rec };
}

test('saves of one question never overlap: the next one is sent when the previous has its answer', async () => {
  const { fake, saver } = setup();
  saver.change('q1', { value: 'one' }, 'now');
  await settle();
  saver.change('q1', { value: 'two' }, 'now');
  saver.change('q1', { value: 'three' }, 'now');
  await settle();
  assert.equal(fake.saves.length, 1, 'one request for q1 at a time');
  assert.equal(fake.saves[0]!.input.value, 'one');

  fake.succeed(fake.saves[0]!);
  await settle();
  assert.equal(fake.saves.length, 2, 'the changes made meanwhile go in one request after it');
  assert.equal(fake.saves[1]!.input.value, 'three');
  fake.succeed(fake.saves[1]!);
  await settle();
  assert.equal(fake.saves.length, 2);
  assert.equal(fake.stored.get('q1'), 'three');
  assert.equal(saver.hasUnsaved(), false);
});

test('a change made while a save is in flight is sent after it, merged with nothing lost', async () => {
  const { fake, saver, last } = setup();
  saver.change('q1', { value: 'yes' }, 'now');
  await settle();
  saver.change('q1', { comment: 'per the SOC 2 report' }, 'now');
  await settle();
  assert.equal(last('q1'), 'pending');
  assert.equal(saver.hasUnsaved(), true);

  fake.succeed(fake.saves[0]!);
  await settle();
  assert.equal(fake.saves.length, 2, 'the comment typed meanwhile is sent');
  assert.deepEqual({ ...fake.saves[1]!.input }, { reviewId: 'review-a', questionId: 'q1', comment: 'per the SOC 2 report', basedOn: 1 }, 'made on the version the first save stored');
  assert.equal(last('q1'), 'saving');
  fake.succeed(fake.saves[1]!);
  await settle();
  assert.equal(last('q1'), 'saved');
  assert.equal(saver.hasUnsaved(), false);
});

test('a failed save is kept for Retry, and Retry sends the latest value', async () => {
  const { fake, saver, log, last } = setup();
  saver.change('q1', { value: 10 }, 'now');
  await settle();
  saver.change('q1', { value: 13 }, 'now'); // typed while the first save is on its way
  await settle();
  fake.fail(fake.saves[0]!);
  await settle();

  assert.equal(last('q1'), 'failed');
  assert.deepEqual(log.errors, [UNAVAILABLE], 'the failure is reported');
  assert.equal(saver.hasUnsaved(), true, 'the change is kept');
  assert.equal(saver.failedCount(), 1);
  assert.equal(fake.saves.length, 1, 'nothing is re-sent by itself on the open provider');
  assert.deepEqual(saver.outstanding().get('q1'), { patch: { value: 13 }, status: 'failed', message: UNAVAILABLE.message });

  saver.retry();
  await settle();
  assert.equal(fake.saves.length, 2);
  assert.equal(fake.saves[1]!.input.value, 13, 'Retry sends the newest value, not the one that failed');
  fake.succeed(fake.saves[1]!);
  await settle();
  assert.equal(last('q1'), 'saved');
  assert.equal(saver.hasUnsaved(), false);
  assert.equal(saver.failedCount(), 0);
  assert.equal(fake.stored.get('q1'), 13);
});

test('Retry of one question re-sends that question only', async () => {
  const { fake, saver } = setup();
  saver.change('q1', { value: 'a' }, 'now');
  saver.change('q2', { value: 'b' }, 'now');
  await settle();
  fake.fail(fake.saves[0]!);
  fake.fail(fake.saves[1]!);
  await settle();
  saver.retry('q2');
  await settle();
  assert.deepEqual(fake.open().map((s) => s.input.questionId), ['q2']);
  assert.equal(saver.hasUnsaved(), true, 'q1 still waits for its Retry');
});

test('answers arriving in any order never make an older value look saved', async () => {
  const { fake, saver, last } = setup();
  saver.change('q1', { value: 'draft' }, 'now');
  await settle();
  saver.change('q1', { value: 'final' }, 'now');
  await settle();
  // Answer whatever is open, newest request first, until nothing is left.
  for (let round = 0; round < 10 && fake.open().length > 0; round++) {
    for (const call of fake.open().reverse()) {
      fake.succeed(call);
      await settle();
      if (last('q1') === 'saved') assert.equal(fake.stored.get('q1'), 'final', 'shown as saved only once the newest value is stored');
    }
  }
  assert.equal(fake.stored.get('q1'), 'final', 'the register ends with the newest value');
  assert.equal(last('q1'), 'saved');

  // Typing on while a save is on its way: its answer leaves the question pending, not saved.
  saver.change('q1', { value: 'final, really' }, 'now');
  await settle();
  saver.change('q1', { value: 'final, really!' }, 'debounced');
  fake.succeed(fake.open()[0]!);
  await settle();
  assert.equal(last('q1'), 'pending');
  saver.flushAll();
  await settle();
  fake.succeed(fake.open()[0]!);
  await settle();
  assert.equal(last('q1'), 'saved');
  assert.equal(fake.stored.get('q1'), 'final, really!');
});

test('typed text waits for its pause, and flushAll sends it at once', async () => {
  const { fake, pool, saver, last } = setup();
  saver.change('notes', { value: 'Runs in eu-' }, 'debounced');
  saver.change('notes', { value: 'Runs in eu-west-1' }, 'debounced');
  await settle();
  assert.equal(fake.saves.length, 0, 'nothing is sent while typing');
  assert.equal(last('notes'), 'pending');
  assert.equal(pool.hasUnsaved(), true, 'typed text counts as unsaved');

  pool.flushAll();
  await settle();
  assert.equal(fake.saves.length, 1);
  assert.equal(fake.saves[0]!.input.value, 'Runs in eu-west-1');
  fake.succeed(fake.saves[0]!);
  await pool.settled();
  assert.equal(pool.hasUnsaved(), false);
  assert.equal(last('notes'), 'saved');
});

test('blank text is sent as "not answered"; an empty selection is an answer ("none of these"), as the register stores them', async () => {
  assert.equal(effectiveValue('   \n'), null);
  assert.deepEqual(effectiveValue([]), [], 'scoring model 2: an empty multi-choice selection is an answer');
  assert.equal(effectiveValue(' x '), ' x ');
  const { fake, saver } = setup();
  saver.change('q1', { value: '  ' }, 'now');
  saver.change('q2', { value: [] }, 'now');
  await settle();
  assert.deepEqual(
    fake.saves.map((s) => s.input.value),
    [null, []],
  );
});

test('the first change starts the review once, and every save goes to it', async () => {
  const { fake, saver, log } = setup({ reviewId: null });
  saver.change('q1', { value: 'yes' }, 'now');
  saver.change('q2', { value: 'no' }, 'now');
  await settle();
  assert.equal(fake.starts.length, 1, 'one review.start for both');
  assert.equal(fake.saves.length, 0, 'answers wait for the review');
  fake.startReview(fake.starts[0]!, 'review-new');
  await settle();
  assert.deepEqual(log.started, ['vendor-a']);
  assert.deepEqual(
    fake.saves.map((s) => s.input.reviewId),
    ['review-new', 'review-new'],
  );
});

test('a failed review.start fails the save, keeps the change, and is tried again on Retry', async () => {
  const { fake, saver, last } = setup({ reviewId: null });
  saver.change('q1', { value: 'yes' }, 'now');
  await settle();
  fake.starts[0]!.resolve({ ok: false, error: UNAVAILABLE });
  await settle();
  assert.equal(last('q1'), 'failed');
  assert.equal(saver.hasUnsaved(), true);
  saver.retry();
  await settle();
  assert.equal(fake.starts.length, 2, 'the review is started again');
  fake.startReview(fake.starts[1]!, 'review-new');
  await settle();
  assert.equal(fake.saves[0]!.input.value, 'yes');
});

test('opening another provider keeps the previous saver working: typed text is sent and counts as unsaved', async () => {
  const { fake, pool, saver, last } = setup();
  saver.change('q1', { value: 'typed just before leaving' }, 'debounced');
  const other = pool.open('vendor-b');
  assert.notEqual(other, saver);
  await settle();
  assert.equal(fake.saves.length, 1, 'the typed text is sent when the provider is left');
  assert.equal(fake.saves[0]!.input.value, 'typed just before leaving');
  assert.deepEqual(pool.background(), [saver]);
  assert.equal(other.hasUnsaved(), false);
  assert.equal(pool.hasUnsaved(), true, 'the background saver counts');
  assert.equal(pool.hasUnsaved(['vendor-a']), true);
  assert.equal(pool.hasUnsaved(['vendor-b']), false, 'asked about one provider, only its saver counts');

  let settled = false;
  void pool.settled().then(() => (settled = true));
  await settle();
  assert.equal(settled, false, 'settled() waits for background saves too');
  const before = last('q1');
  fake.succeed(fake.saves[0]!);
  await settle();
  assert.equal(settled, true);
  assert.equal(last('q1'), before, 'a background saver does not touch the statuses on screen');
  assert.deepEqual(pool.background(), [], 'a background saver with nothing left is let go');
  assert.equal(pool.hasUnsaved(), false);
});

test('a background saver reports its failure naming its provider, keeps retrying, and says when it saved', async () => {
  const { fake, pool, saver, log } = setup({ retryMs: 20, vendorName: 'Burrow MQ' });
  saver.change('q1', { value: 'encrypted' }, 'now');
  await settle();
  pool.open('vendor-b');
  fake.fail(fake.saves[0]!); // fails after the switch
  await settle();

  assert.deepEqual(log.background, [{ vendor: 'Burrow MQ', error: UNAVAILABLE }], 'reported though not on screen');
  assert.deepEqual(log.errors, [], 'not reported as a failure of the provider on screen');
  assert.equal(pool.hasUnsaved(), true, 'the failed change counts as unsaved');

  await until(() => fake.saves.length === 2, 'the background saver retries by itself');
  assert.equal(fake.saves[1]!.input.value, 'encrypted');
  fake.fail(fake.saves[1]!);
  await settle();
  assert.equal(log.background.length, 1, 'a repeated failure is not reported again');

  await until(() => fake.saves.length === 3, 'it keeps retrying');
  fake.succeed(fake.saves[2]!);
  await settle();
  assert.deepEqual(log.backgroundSaved, ['Burrow MQ']);
  assert.equal(fake.stored.get('q1'), 'encrypted');
  assert.equal(pool.hasUnsaved(), false);
  assert.deepEqual(pool.background(), []);
});

test('failures kept when leaving a provider are retried in the background, and Retry all includes them', async () => {
  const { fake, pool, saver, log } = setup();
  saver.change('q1', { value: 'a' }, 'now');
  await settle();
  fake.fail(fake.saves[0]!);
  await settle();
  assert.equal(log.errors.length, 1, 'reported while on screen');
  pool.open('vendor-b');
  assert.equal(pool.hasUnsaved(), true, 'the failed change still counts after the switch');
  pool.retry();
  await settle();
  assert.equal(fake.saves.length, 2, 'Retry all re-sends the background failures too');
  fake.succeed(fake.saves[1]!);
  await settle();
  assert.equal(pool.hasUnsaved(), false);
  assert.deepEqual(log.backgroundSaved, ['Burrow MQ'], 'the failure the user was told about is cleared in words');
});

test('reopening a provider takes its background saver back, so old and new changes stay in order', async () => {
  const { fake, pool, saver, last } = setup();
  saver.change('q1', { value: 'old' }, 'now');
  await settle();
  pool.open('vendor-b');
  fake.fail(fake.saves[0]!);
  await settle();

  const again = pool.open('vendor-a');
  assert.equal(again, saver, 'the same saver, not a second one racing it');
  assert.deepEqual(pool.background(), []);
  assert.deepEqual(again.outstanding().get('q1'), { patch: { value: 'old' }, status: 'failed', message: UNAVAILABLE.message });

  again.change('q1', { value: 'new' }, 'now');
  await settle();
  assert.equal(fake.open().length, 1);
  assert.equal(fake.open()[0]!.input.value, 'new');
  fake.succeed(fake.open()[0]!);
  await settle();
  assert.equal(last('q1'), 'saved');
  assert.equal(fake.stored.get('q1'), 'new');
  assert.equal(pool.hasUnsaved(), false);
});

test('an AnswerSaver alone reports through its hooks', async () => {
  // The class is usable without the pool (statuses only while it is current).
  const fake = new FakeApi();
  let current = true;
  const statuses: SaveStatus[] = [];
  const failures: boolean[] = [];
  const saver = new AnswerSaver('v', fake.api, {
    isCurrent: () => current,
    setStatus: (_q, status) => statuses.push(status),
    reviewStarted: () => undefined,
    saveFailed: (_s, _q, _e, repeat) => failures.push(repeat),
    idle: () => undefined,
  });
  saver.knownReview('r');
  saver.change('q', { na: true }, 'now');
  await settle();
  current = false;
  fake.fail(fake.saves[0]!);
  await settle();
  assert.deepEqual(statuses, ['pending', 'saving'], 'no status once another provider is open');
  assert.deepEqual(failures, [false], 'the failure is still reported');
  saver.retry();
  await settle();
  fake.fail(fake.saves[1]!);
  await settle();
  assert.deepEqual(failures, [false, true], 'the second one is a repeat');
});

// Optimistic concurrency (issue 22): each save says which version of the answer it was made on.

const CHANGED_BY_ADA: ApiError = {
  code: 'conflict',
  message: 'Ada Reviewer changed this answer (q1) at 2026-12-06 10:42 UTC, after the version yours was made on; yours was not saved.',
  version: 7,
};

test('each save is made on the version last known: the loaded one, then what each save stored', async () => {
  const { fake, saver } = setup({ reviewId: null });
  saver.knownReview('review-a', true, { q1: 4, q2: 1 });
  saver.change('q1', { value: 'yes' }, 'now');
  saver.change('q3', { value: 'no' }, 'now');
  await settle();
  assert.equal(fake.saves.find((c) => c.input.questionId === 'q1')!.input.basedOn, 4);
  assert.equal(fake.saves.find((c) => c.input.questionId === 'q3')!.input.basedOn, 0, 'no answer seen: version 0');
  fake.versions.set('q1', 4);
  for (const call of fake.open()) fake.succeed(call);
  await settle();
  saver.change('q1', { comment: 'see the SOC 2 report' }, 'now');
  await settle();
  assert.equal(fake.saves.at(-1)!.input.basedOn, 5, 'made on the version its own save stored');
});

test('a re-read of the review never moves the base of a change still on its way', async () => {
  const { fake, saver } = setup();
  saver.knownReview('review-a', true, { q1: 2 });
  saver.change('q1', { value: 'yes' }, 'now');
  await settle();
  saver.change('q1', { value: 'no' }, 'debounced');
  // Someone else saved q1 meanwhile; the page reads the review again.
  saver.knownReview('review-a', true, { q1: 9 });
  fake.fail(fake.saves[0]!);
  await settle();
  saver.flush('q1');
  await settle();
  assert.equal(fake.saves.at(-1)!.input.basedOn, 2, 'still the version the change was made on');
  // A detail read before that save committed, delivered after it, does not take the version back.
  fake.versions.set('q1', 2);
  fake.succeed(fake.open()[0]!);
  await settle();
  saver.knownReview('review-a', true, { q1: 1 });
  saver.change('q1', { value: 'maybe' }, 'now');
  await settle();
  assert.equal(fake.saves.at(-1)!.input.basedOn, 3, 'still the version its own save stored');
  fake.succeed(fake.open()[0]!);
  await settle();
  // Another review: the versions of the old one mean nothing there.
  saver.knownReview('review-b', true, {});
  saver.change('q2', { value: 'x' }, 'now');
  await settle();
  assert.equal(fake.saves.at(-1)!.input.basedOn, 0);
});

test('someone else’s newer answer stops the save: background retries leave it, the user’s Retry saves over it', async () => {
  const { fake, pool, saver, log, last } = setup({ retryMs: 20 });
  saver.knownReview('review-a', true, { q1: 6 });
  saver.change('q1', { value: 'no' }, 'now');
  await settle();
  fake.fail(fake.saves[0]!, CHANGED_BY_ADA);
  await settle();
  assert.equal(last('q1'), 'failed');
  assert.equal(saver.inConflict('q1'), true);
  assert.match(log.errors.at(-1)!.message, /Ada Reviewer changed this answer/);
  // Typing on keeps being refused: still made on version 6.
  saver.change('q1', { value: 'no', comment: 'they are wrong' }, 'now');
  await settle();
  assert.equal(fake.saves.at(-1)!.input.basedOn, 6);
  fake.fail(fake.open()[0]!, CHANGED_BY_ADA);
  await settle();

  // Opening another provider: the change waits in the background, and its timer does not send it.
  const sent = fake.saves.length;
  pool.open('vendor-b');
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(fake.saves.length, sent, 'a background retry never saves over someone else’s answer');
  assert.equal(pool.hasUnsaved(['vendor-a']), true, 'still counted as unsaved');

  // Back on the provider, the user presses Retry: saved over theirs, on the version they stored.
  const again = pool.open('vendor-a');
  assert.equal(again, saver);
  pool.retry('q1');
  await settle();
  const retried = fake.saves.at(-1)!;
  assert.equal(retried.input.basedOn, 7);
  assert.equal(retried.input.comment, 'they are wrong');
  fake.versions.set('q1', 7);
  fake.succeed(retried);
  await settle();
  assert.equal(saver.inConflict('q1'), false);
  assert.equal(saver.hasUnsaved(), false);
});
