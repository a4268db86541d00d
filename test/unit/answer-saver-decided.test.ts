// Autosave never writes to a decided review (renderer/src/store/answerSaver.ts): a decision
// freezes the answers, so a closed review refuses changes and sends nothing, and opening the next
// review takes changes again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InputOf, ReviewDetail, VettedApi } from '../../shared/api';
import type { AnswerValue, SavedAnswer } from '../../shared/domain/review';
import type { Result } from '../../shared/result';

// Loaded by URL, as in answer-saver.test.ts (test/tsconfig.json does not reference the renderer).
type SaverApi = Pick<VettedApi, 'review.start' | 'answer.save'>;
interface Saver {
  knownReview(reviewId: string, open?: boolean): void;
  isClosed(): boolean;
  change(questionId: string, patch: { value?: AnswerValue }, timing: 'now' | 'debounced'): boolean;
  hasUnsaved(): boolean;
  settled(): Promise<void>;
  stopTimers(): void;
}
interface SaverModule {
  AnswerSaver: new (vendorId: string, api: SaverApi, hooks: object, options?: { debounceMs?: number }) => Saver;
}
const saverModule: string = new URL('../../renderer/src/store/answerSaver.ts', import.meta.url).href;
const { AnswerSaver } = (await import(saverModule)) as SaverModule;

function fakeApi() {
  const saves: InputOf<'answer.save'>[] = [];
  const starts: string[] = [];
  const api: SaverApi = {
    'answer.save': async (input) => {
      saves.push(input);
      return { ok: true, value: { questionId: input.questionId, value: input.value ?? null, comment: '', na: false, updatedAt: '', version: 1 } satisfies SavedAnswer };
    },
    'review.start': async (input): Promise<Result<ReviewDetail>> => {
      starts.push(input.vendorId);
      return { ok: false, error: { code: 'internal', message: 'not expected' } };
    },
  };
  return { api, saves, starts };
}

const hooks = {
  isCurrent: () => true,
  setStatus: () => undefined,
  reviewStarted: () => undefined,
  saveFailed: () => undefined,
  idle: () => undefined,
};

test('a decided review takes no change: nothing is kept, nothing is sent, no review is started', async () => {
  const { api, saves, starts } = fakeApi();
  const saver = new AnswerSaver('vendor-a', api, hooks, { debounceMs: 5 });
  saver.knownReview('review-approved', false);
  assert.equal(saver.isClosed(), true);
  assert.equal(saver.change('q1', { value: 'yes' }, 'now'), false);
  assert.equal(saver.change('q2', { value: 'typed' }, 'debounced'), false);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await saver.settled();
  assert.deepEqual(saves, []);
  assert.deepEqual(starts, [], 'a decided review never makes autosave start one behind the reviewer’s back');
  assert.equal(saver.hasUnsaved(), false);
});

test('the new review after a decision takes changes again, and they go to it', async () => {
  const { api, saves } = fakeApi();
  const saver = new AnswerSaver('vendor-a', api, hooks);
  saver.knownReview('review-approved', false);
  saver.knownReview('review-next');
  assert.equal(saver.isClosed(), false);
  assert.equal(saver.change('q1', { value: 'no' }, 'now'), true);
  await saver.settled();
  assert.deepEqual(
    saves.map((s) => [s.reviewId, s.questionId, s.value]),
    [['review-next', 'q1', 'no']],
  );
});
