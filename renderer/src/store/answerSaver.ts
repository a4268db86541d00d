// Autosave for the providers a reviewer opens: every change is sent to answer.save, typed text
// after a short pause. Guarantees:
// - saves of one question never overlap: a change made while one is in flight is sent after it,
//   so answers arrive in order and the screen never calls an older value "saved";
// - a failed save keeps its change (under anything typed since) for Retry, which sends the latest;
// - the first change starts the review (review.start returns the open review if one exists);
// - opening another provider never drops anything: a saver that still holds unsent, in-flight or
//   failed changes keeps working in the background (an orphan), is retried, counts as unsaved,
//   reports its failures naming its provider, and is taken back when that provider is reopened;
// - a decided review is never written to: once closed, changes are refused and nothing is sent
//   (a decision freezes the answers; only a new review takes them further);
// - another person's save is never overwritten unasked: each save says which version of the answer
//   it was made on, and one refused because the answer changed since ("changed by X at T") is sent
//   again only by the user's Retry, which then saves over theirs; background retries skip it.
// Nothing here touches the DOM or the API client: the API is passed in (tests use a fake one).
import type { ReviewDetail, VettedApi } from '../../../shared/api';
import type { ApiError, Result } from '../../../shared/result';
import type { AnswerPatch, SaveStatus } from './types';
import { normalizeAnswerValue } from '../../../shared/domain/answers';

export const DEBOUNCE_MS = 400;
/** How often a background saver re-sends what failed. */
export const ORPHAN_RETRY_MS = 5000;

/** The two operations autosave needs. */
export type SaverApi = Pick<VettedApi, 'review.start' | 'answer.save'>;

export interface SaverOptions {
  debounceMs?: number;
  retryMs?: number;
}

/** What a value means once saved: the server's own rule (blank text and no selection are "not answered"). */
export const effectiveValue = normalizeAnswerValue;

export interface SaverHooks {
  /** False once another provider was opened: statuses are then not shown. */
  isCurrent(saver: AnswerSaver): boolean;
  setStatus(questionId: string, status: SaveStatus, message?: string, code?: ApiError['code']): void;
  reviewStarted(saver: AnswerSaver, detail: ReviewDetail): void;
  /** A save failed; `repeat` when the question's previous attempt had failed too. */
  saveFailed(saver: AnswerSaver, questionId: string, error: ApiError, repeat: boolean): void;
  /** Nothing is left to send and no request is waiting for its answer. */
  idle(saver: AnswerSaver): void;
}

/** A question's change that is not stored yet, as the screen should show it. */
export interface Outstanding {
  patch: AnswerPatch;
  status: SaveStatus;
  message?: string;
}

export class AnswerSaver {
  /** The provider's name once known, for messages about a saver in the background. */
  vendorName: string | null = null;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Changes not yet sent, or sent and failed: newest fields win when merged. */
  private readonly unsent = new Map<string, AnswerPatch>();
  private readonly inFlight = new Map<string, { job: Promise<void>; patch: AnswerPatch }>();
  /** Questions whose last attempt failed, with the reason. */
  private readonly failures = new Map<string, ApiError>();
  private reviewId: string | null = null;
  /** The stored version each question's next save is made on (answer.save's basedOn). */
  private readonly versions = new Map<string, number>();
  /** Questions whose save met someone else's newer answer: the version stored now, adopted only by a Retry. */
  private readonly conflicts = new Map<string, number>();
  /** The review was decided: its answers are frozen. */
  private closed = false;
  private reviewStart: Promise<Result<string>> | null = null;
  private readonly debounceMs: number;

  constructor(
    readonly vendorId: string,
    private readonly api: SaverApi,
    private readonly hooks: SaverHooks,
    options: SaverOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  }

  /**
   * The review answers go to; `open` false for a decided review (nothing is ever sent to it). With
   * the stored versions of its answers (ReviewDetail.versions): a question with a change still on its
   * way keeps the version that change was made on, so a re-read never turns it into an overwrite.
   */
  knownReview(reviewId: string, open = true, versions?: Readonly<Record<string, number>>): void {
    if (this.reviewId !== reviewId) {
      this.versions.clear();
      this.conflicts.clear();
    }
    this.reviewId = reviewId;
    this.closed = !open;
    if (!versions) return;
    for (const [questionId, version] of Object.entries(versions)) {
      if (this.unsent.has(questionId) || this.inFlight.has(questionId) || this.conflicts.has(questionId)) continue;
      // Versions only grow: a detail read before one of our saves committed, delivered after it,
      // must not take the question back to a version it has left.
      this.versions.set(questionId, Math.max(this.versions.get(questionId) ?? 0, version));
    }
  }

  /**
   * Gives up this question's change that met someone else's newer answer: theirs stays, and the next
   * change is made on it.
   */
  discardConflict(questionId: string): void {
    const theirs = this.conflicts.get(questionId);
    if (theirs === undefined) return;
    this.clearTimer(questionId);
    this.unsent.delete(questionId);
    this.failures.delete(questionId);
    this.conflicts.delete(questionId);
    this.versions.set(questionId, theirs);
    if (!this.hasUnsaved()) this.hooks.idle(this);
  }

  /** Whether a question's last save met someone else's newer answer (only a Retry saves over it). */
  inConflict(questionId: string): boolean {
    return this.conflicts.has(questionId);
  }

  /** True when the review was decided: changes are refused. */
  isClosed(): boolean {
    return this.closed;
  }

  /** False (and nothing kept) when the review is closed. */
  change(questionId: string, patch: AnswerPatch, timing: 'now' | 'debounced'): boolean {
    if (this.closed) return false;
    this.unsent.set(questionId, { ...this.unsent.get(questionId), ...patch });
    this.clearTimer(questionId);
    this.status(questionId, 'pending');
    if (timing === 'debounced') {
      this.timers.set(
        questionId,
        setTimeout(() => {
          this.timers.delete(questionId);
          void this.send(questionId);
        }, this.debounceMs),
      );
    } else {
      void this.send(questionId);
    }
    return true;
  }

  flush(questionId: string): void {
    if (!this.timers.has(questionId)) return;
    this.clearTimer(questionId);
    void this.send(questionId);
  }

  flushAll(): void {
    for (const questionId of [...this.timers.keys()]) this.flush(questionId);
  }

  /**
   * Re-sends what failed (everything waiting to be sent when no question is named). `overwrite`: the
   * user asked, so a change refused because someone else saved the answer since is saved over theirs;
   * without it (background retries) such a change stays where it is.
   */
  retry(questionId?: string, { overwrite = false }: { overwrite?: boolean } = {}): void {
    const ids = questionId ? [questionId] : [...this.unsent.keys()];
    for (const id of ids) {
      const theirs = this.conflicts.get(id);
      if (theirs !== undefined) {
        if (!overwrite) continue;
        this.versions.set(id, theirs);
        this.conflicts.delete(id);
      }
      this.clearTimer(id);
      void this.send(id);
    }
  }

  hasUnsaved(): boolean {
    return this.unsent.size > 0 || this.inFlight.size > 0;
  }

  hasInFlight(): boolean {
    return this.inFlight.size > 0;
  }

  /** Why a question's last save failed (its code tells a locked key from a lost connection). */
  failureOf(questionId: string): ApiError | undefined {
    return this.failures.get(questionId);
  }

  /** How many questions' last save failed. */
  failedCount(): number {
    return this.failures.size;
  }

  /** Every change not stored yet (in flight, waiting or failed), newest fields merged last. */
  outstanding(): Map<string, Outstanding> {
    const out = new Map<string, Outstanding>();
    for (const [id, { patch }] of this.inFlight) out.set(id, { patch, status: 'saving' });
    for (const [id, patch] of this.unsent) {
      const failure = this.failures.get(id);
      const status: SaveStatus = failure !== undefined ? 'failed' : this.inFlight.has(id) ? 'saving' : 'pending';
      out.set(id, {
        patch: { ...out.get(id)?.patch, ...patch },
        status,
        ...(failure !== undefined ? { message: failure.message } : {}),
      });
    }
    return out;
  }

  /** Resolves when every request already sent has its answer. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()].map((f) => f.job));
  }

  /**
   * Drops every change not stored yet (the review was decided elsewhere: they can never be saved)
   * and says how many questions lost one.
   */
  discardUnsent(): number {
    this.stopTimers();
    const lost = new Set([...this.unsent.keys(), ...this.failures.keys()]).size;
    this.unsent.clear();
    this.failures.clear();
    return lost;
  }

  /** Stops the typing timers without sending (for disposal). */
  stopTimers(): void {
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
  }

  private clearTimer(questionId: string): void {
    const timer = this.timers.get(questionId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(questionId);
  }

  private status(questionId: string, status: SaveStatus, error?: ApiError): void {
    if (this.hooks.isCurrent(this)) this.hooks.setStatus(questionId, status, error?.message, error?.code);
  }

  private send(questionId: string): Promise<void> {
    if (this.closed) return Promise.resolve(); // kept as unsaved: a closed review takes no answer
    const running = this.inFlight.get(questionId);
    if (running) return running.job; // sent again when it finishes
    const patch = this.unsent.get(questionId);
    if (!patch) return Promise.resolve();
    this.unsent.delete(questionId);
    const job = this.run(questionId, patch); // always awaits before it can finish
    this.inFlight.set(questionId, { job, patch });
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
        const result = await this.api['answer.save']({
          reviewId: review.value,
          questionId,
          ...('value' in patch ? { value: effectiveValue(patch.value ?? null) } : {}),
          ...('comment' in patch ? { comment: patch.comment ?? '' } : {}),
          ...('na' in patch ? { na: patch.na ?? false } : {}),
          // Sent with the comment it protects (a change merged with a pending one keeps both).
          ...('confidential' in patch ? { confidential: patch.confidential ?? false } : {}),
          basedOn: this.versions.get(questionId) ?? 0,
        });
        if (!result.ok) error = result.error;
        else this.versions.set(questionId, result.value.version);
      }
    } catch (thrown) {
      // The client returns Results; anything thrown is still a failed save, never a lost change.
      error = { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
    } finally {
      this.inFlight.delete(questionId);
    }
    if (error) {
      if (error.code === 'conflict' && error.version !== undefined) this.conflicts.set(questionId, error.version);
      const repeat = this.failures.has(questionId);
      this.failures.set(questionId, error);
      // Keep the change (under anything typed since) so Retry sends it.
      this.unsent.set(questionId, { ...patch, ...this.unsent.get(questionId) });
      this.status(questionId, 'failed', error);
      this.hooks.saveFailed(this, questionId, error, repeat);
      return;
    }
    this.failures.delete(questionId);
    if (this.unsent.has(questionId)) {
      // Changed while this save was on its way.
      if (this.timers.has(questionId)) this.status(questionId, 'pending');
      else void this.send(questionId);
      return;
    }
    this.status(questionId, 'saved');
    if (!this.hasUnsaved()) this.hooks.idle(this);
  }

  private ensureReview(): Promise<Result<string>> {
    if (this.reviewId) return Promise.resolve({ ok: true, value: this.reviewId });
    this.reviewStart ??= this.api['review.start']({ vendorId: this.vendorId }).then(
      (result): Result<string> => {
        if (!result.ok) {
          this.reviewStart = null; // the next save tries again
          return result;
        }
        this.reviewId = result.value.review.id;
        // An open review found (another window started it): its answers' versions, except where a
        // change from here is on its way (that change was not made on their answer).
        for (const [questionId, version] of Object.entries(result.value.versions ?? {})) {
          if (!this.unsent.has(questionId) && !this.inFlight.has(questionId)) this.versions.set(questionId, version);
        }
        if (this.hooks.isCurrent(this)) this.hooks.reviewStarted(this, result.value);
        return { ok: true, value: this.reviewId };
      },
      (thrown: unknown): Result<string> => {
        this.reviewStart = null;
        return { ok: false, error: { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) } };
      },
    );
    return this.reviewStart;
  }
}

/** What the store hears from the savers. */
export interface SaversHooks {
  /** A question's save state on the open provider. */
  setStatus(questionId: string, status: SaveStatus, message?: string, code?: ApiError['code']): void;
  /** The open provider's first change started (or found) its review. */
  reviewStarted(saver: AnswerSaver, detail: ReviewDetail): void;
  /** A save of the open provider failed (every attempt, so Retry gets an answer). */
  reportError(error: ApiError): void;
  /** A background saver's save failed for the first time since it last succeeded. */
  reportBackgroundFailure(saver: AnswerSaver, error: ApiError): void;
  /** A background saver that had failures stored everything in the end. */
  reportBackgroundSaved(saver: AnswerSaver): void;
  /**
   * A save was refused as a conflict: the review may have been decided elsewhere (another window,
   * the CLI), and the store reads it again.
   */
  saveConflict?(saver: AnswerSaver): void;
}

/** The open provider's saver and the background savers of providers left with unsaved changes. */
export class AnswerSavers {
  private currentSaver: AnswerSaver | null = null;
  private readonly orphans = new Set<AnswerSaver>();
  /** Background savers whose failures were reported (so a later success is worth saying). */
  private readonly reported = new WeakSet<AnswerSaver>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly retryMs: number;
  private readonly saverHooks: SaverHooks;

  constructor(
    private readonly api: SaverApi,
    private readonly hooks: SaversHooks,
    private readonly options: SaverOptions = {},
  ) {
    this.retryMs = options.retryMs ?? ORPHAN_RETRY_MS;
    this.saverHooks = {
      isCurrent: (saver) => saver === this.currentSaver,
      setStatus: (questionId, status, message, code) => this.hooks.setStatus(questionId, status, message, code),
      reviewStarted: (saver, detail) => this.hooks.reviewStarted(saver, detail),
      saveFailed: (saver, _questionId, error, repeat) => {
        if (error.code === 'conflict') this.hooks.saveConflict?.(saver);
        if (saver === this.currentSaver) {
          this.hooks.reportError(error);
          return;
        }
        if (!this.orphans.has(saver)) return;
        if (!repeat) {
          this.reported.add(saver);
          this.hooks.reportBackgroundFailure(saver, error);
        }
        this.scheduleRetry();
      },
      idle: (saver) => {
        if (!this.orphans.has(saver)) return;
        this.orphans.delete(saver);
        if (this.reported.has(saver)) {
          this.reported.delete(saver);
          this.hooks.reportBackgroundSaved(saver);
        }
      },
    };
  }

  get current(): AnswerSaver | null {
    return this.currentSaver;
  }

  /** The savers working in the background. */
  background(): readonly AnswerSaver[] {
    return [...this.orphans];
  }

  /**
   * Makes a provider the open one. The previous saver sends its typed text now and, while it
   * holds anything unsaved, keeps working in the background; a background saver of the provider
   * being opened is taken back, so its changes and this provider's new ones stay in order.
   */
  open(vendorId: string): AnswerSaver {
    const previous = this.currentSaver;
    if (previous) {
      previous.flushAll();
      if (previous.hasUnsaved()) {
        this.orphans.add(previous);
        if (previous.failedCount() > 0) {
          this.reported.add(previous); // the store says so when switching
          this.scheduleRetry();
        }
      }
    }
    let next = [...this.orphans].find((s) => s.vendorId === vendorId);
    if (next) {
      this.orphans.delete(next);
      this.reported.delete(next);
    } else {
      next = new AnswerSaver(vendorId, this.api, this.saverHooks, this.options);
    }
    this.currentSaver = next;
    return next;
  }

  /** Anything unsaved, by any saver (or only by the savers of these providers). */
  hasUnsaved(vendorIds?: readonly string[]): boolean {
    for (const saver of [this.currentSaver, ...this.orphans]) {
      if (!saver || (vendorIds && !vendorIds.includes(saver.vendorId))) continue;
      if (saver.hasUnsaved()) return true;
    }
    return false;
  }

  flushAll(): void {
    this.currentSaver?.flushAll();
    for (const saver of this.orphans) saver.flushAll();
  }

  /** Retry: one question of the open provider, or everything that failed, in the background too. */
  retry(questionId?: string): void {
    // One question's own Retry ("Save mine over theirs") saves over someone else's newer answer;
    // retrying everything never does: each such answer is decided at its question.
    this.currentSaver?.retry(questionId, { overwrite: questionId !== undefined });
    if (questionId === undefined) for (const saver of this.orphans) saver.retry();
  }

  /** Resolves when every request already sent, by any saver, has its answer. */
  async settled(): Promise<void> {
    for (;;) {
      const savers = [this.currentSaver, ...this.orphans].filter((s): s is AnswerSaver => s !== null);
      await Promise.all(savers.map((s) => s.settled()));
      if (savers.every((s) => !s.hasInFlight())) return;
    }
  }

  /** Stops the retry and typing timers (tests; the app lives as long as the page). */
  dispose(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.currentSaver?.stopTimers();
    for (const saver of this.orphans) saver.stopTimers();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      for (const saver of this.orphans) saver.retry();
    }, this.retryMs);
  }
}
