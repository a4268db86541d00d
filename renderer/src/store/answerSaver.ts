// Autosave for one open provider: every change is sent to answer.save, typed text after a short
// pause. Saves of one question never overlap (a change made while one is in flight is sent after
// it), a failed save keeps its change for Retry, and the first change starts the review.
import { api } from '../api/client';
import type { AnswerValue } from '../../../shared/domain/review';
import type { ReviewDetail } from '../../../shared/api';
import type { ApiError, Result } from '../../../shared/result';
import type { AnswerPatch, SaveStatus } from './types';

export const DEBOUNCE_MS = 400;

/** The value as stored and scored: blank text and an empty choice list mean "not answered". */
export function effectiveValue(value: AnswerValue): AnswerValue {
  if (typeof value === 'string' && value.trim() === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return value;
}

export interface SaverHooks {
  /** False once another provider was opened: results then only finish their requests. */
  isCurrent(saver: AnswerSaver): boolean;
  setStatus(questionId: string, status: SaveStatus, message?: string): void;
  reviewStarted(detail: ReviewDetail): void;
  reportError(error: ApiError): void;
}

export class AnswerSaver {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Changes not yet sent, or sent and failed: newest fields win when merged. */
  private readonly unsent = new Map<string, AnswerPatch>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private reviewId: string | null = null;
  private reviewStart: Promise<Result<string>> | null = null;

  constructor(
    readonly vendorId: string,
    private readonly hooks: SaverHooks,
  ) {}

  knownReview(reviewId: string): void {
    this.reviewId = reviewId;
  }

  change(questionId: string, patch: AnswerPatch, timing: 'now' | 'debounced'): void {
    this.unsent.set(questionId, { ...this.unsent.get(questionId), ...patch });
    this.clearTimer(questionId);
    this.status(questionId, 'pending');
    if (timing === 'debounced') {
      this.timers.set(
        questionId,
        setTimeout(() => {
          this.timers.delete(questionId);
          void this.send(questionId);
        }, DEBOUNCE_MS),
      );
    } else {
      void this.send(questionId);
    }
  }

  flush(questionId: string): void {
    if (!this.timers.has(questionId)) return;
    this.clearTimer(questionId);
    void this.send(questionId);
  }

  flushAll(): void {
    for (const questionId of [...this.timers.keys()]) this.flush(questionId);
  }

  /** Re-sends what failed (everything waiting to be sent when no question is named). */
  retry(questionId?: string): void {
    const ids = questionId ? [questionId] : [...this.unsent.keys()];
    for (const id of ids) {
      this.clearTimer(id);
      void this.send(id);
    }
  }

  hasUnsaved(): boolean {
    return this.unsent.size > 0 || this.inFlight.size > 0;
  }

  /** Resolves when every request already sent has its answer. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private clearTimer(questionId: string): void {
    const timer = this.timers.get(questionId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(questionId);
  }

  private status(questionId: string, status: SaveStatus, message?: string): void {
    if (this.hooks.isCurrent(this)) this.hooks.setStatus(questionId, status, message);
  }

  private send(questionId: string): Promise<void> {
    const running = this.inFlight.get(questionId);
    if (running) return running; // sent again when it finishes
    const patch = this.unsent.get(questionId);
    if (!patch) return Promise.resolve();
    this.unsent.delete(questionId);
    const job = this.run(questionId, patch); // always awaits before it can finish
    this.inFlight.set(questionId, job);
    return job;
  }

  private async run(questionId: string, patch: AnswerPatch): Promise<void> {
    this.status(questionId, 'saving');
    let error: ApiError | null = null;
    try {
      const review = await this.ensureReview();
      if (!review.ok) {
        error = review.error;
      } else {
        const result = await api['answer.save']({
          reviewId: review.value,
          questionId,
          ...('value' in patch ? { value: effectiveValue(patch.value ?? null) } : {}),
          ...('comment' in patch ? { comment: patch.comment ?? '' } : {}),
          ...('na' in patch ? { na: patch.na ?? false } : {}),
        });
        if (!result.ok) error = result.error;
      }
    } finally {
      this.inFlight.delete(questionId);
    }
    if (error) {
      // Keep the change (under anything typed since) so Retry sends it.
      this.unsent.set(questionId, { ...patch, ...this.unsent.get(questionId) });
      this.status(questionId, 'failed', error.message);
      if (this.hooks.isCurrent(this)) this.hooks.reportError(error);
      return;
    }
    if (this.unsent.has(questionId)) {
      // Changed while this save was on its way.
      if (this.timers.has(questionId)) this.status(questionId, 'pending');
      else void this.send(questionId);
      return;
    }
    this.status(questionId, 'saved');
  }

  private ensureReview(): Promise<Result<string>> {
    if (this.reviewId) return Promise.resolve({ ok: true, value: this.reviewId });
    this.reviewStart ??= api['review.start']({ vendorId: this.vendorId }).then((result): Result<string> => {
      if (!result.ok) {
        this.reviewStart = null; // the next save tries again
        return result;
      }
      this.reviewId = result.value.review.id;
      if (this.hooks.isCurrent(this)) this.hooks.reviewStarted(result.value);
      return { ok: true, value: this.reviewId };
    });
    return this.reviewStart;
  }
}
