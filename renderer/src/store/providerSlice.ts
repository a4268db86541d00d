import { api } from '../api/client';
import type { ReviewDetail } from '../../../shared/api';
import { visibleQuestionIds } from '../../../shared/domain/conditions';
import type { Answer, AnswerMap } from '../../../shared/domain/review';
import { questionIndex, type Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { ApiError, Result } from '../../../shared/result';
import { scoreReview } from '../../../shared/scoring';
import { isOpenStatus } from '../../../shared/domain/workflow';
import { AnswerSaver, AnswerSavers, effectiveValue } from './answerSaver';
import type { AnswerPatch, LocalAnswer, ProviderSlice, QuestionSave, SaveStatus, SliceCreator } from './types';

const EMPTY_ANSWER: LocalAnswer = { value: null, comment: '', na: false };

export function answerOf(answers: Readonly<Record<string, LocalAnswer>>, questionId: string): LocalAnswer {
  return answers[questionId] ?? EMPTY_ANSWER;
}

/** What scoring and conditions read: the answers as they would be stored. */
export function toScoringMap(answers: Readonly<Record<string, LocalAnswer>>): AnswerMap {
  const map: Record<string, { value: LocalAnswer['value']; na: boolean }> = {};
  for (const [id, answer] of Object.entries(answers)) map[id] = { value: effectiveValue(answer.value), na: answer.na };
  return map;
}

function derived(template: Template | null, vendor: Vendor | null, answers: Readonly<Record<string, LocalAnswer>>) {
  if (!template) return { visible: new Set<string>(), score: null };
  const map = toScoringMap(answers);
  return { visible: visibleQuestionIds(template, map), score: vendor ? scoreReview(template, map, vendor) : null };
}

function localAnswers(answers: readonly Answer[]): Record<string, LocalAnswer> {
  const out: Record<string, LocalAnswer> = {};
  for (const a of answers) {
    out[a.questionId] = {
      value: a.value,
      comment: a.comment,
      na: a.na,
      ...(a.confidential ? { confidential: true } : {}),
      ...(a.locked ? { locked: true } : {}),
      ...(a.providerComment ? { providerComment: a.providerComment } : {}),
      ...(a.answeredBy ? { answeredBy: a.answeredBy } : {}),
    };
  }
  return out;
}

/** Stored answers with the changes not stored yet on top (what the reviewer typed wins). */
function withOutstanding(stored: Record<string, LocalAnswer>, saver: AnswerSaver) {
  const answers = { ...stored };
  const saves: Record<string, QuestionSave> = {};
  for (const [id, { patch, status, message }] of saver.outstanding()) {
    answers[id] = { ...answerOf(answers, id), ...patch };
    saves[id] = saveState(status, message, message ? saver.failureOf(id)?.code : undefined);
  }
  return { answers, saves };
}

/**
 * The template a new review of the provider would use, shown before the first answer starts the
 * review: review.templateFor applies review.start's rule (the category's default from Settings,
 * else the built-in template), so what is shown is what the first answer starts.
 */
async function newReviewTemplate(vendorId: string): Promise<Result<Template>> {
  const chosen = await api['review.templateFor']({ vendorId });
  return chosen.ok ? { ok: true, value: chosen.value.template } : chosen;
}

function saveState(status: SaveStatus, message: string | undefined, code: ApiError['code'] | undefined): QuestionSave {
  return { status, ...(message ? { message } : {}), ...(code ? { code } : {}) };
}

const plural = (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}`;
const nameOf = (s: AnswerSaver) => s.vendorName ?? 'another provider';
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

let savers: AnswerSavers | null = null;

export const createProviderSlice: SliceCreator<ProviderSlice> = (set, get) => {
  savers = new AnswerSavers(api, {
    setStatus: (questionId: string, status: SaveStatus, message?: string, code?: ApiError['code']) =>
      set((state) => ({
        saves: { ...state.saves, [questionId]: saveState(status, message, code) },
        // Saved: what is on screen for the question is what the register holds now.
        ...(status === 'saved' ? { storedAnswers: { ...state.storedAnswers, [questionId]: answerOf(state.answers, questionId) } } : {}),
      })),
    reviewStarted: (saver: AnswerSaver, detail: ReviewDetail) => {
      // review.start returns the provider's open review when there is one (another window or the
      // CLI may have started it): show its stored answers under what was typed here.
      const state = get();
      if (state.providerStatus !== 'ready') return; // still loading: the load reads the review
      const sameTemplate =
        state.template?.id === detail.template.id && state.template.version === detail.template.version;
      const template = sameTemplate ? state.template : detail.template;
      const stored = detail.answers.length > 0 ? localAnswers(detail.answers) : state.storedAnswers;
      const { answers } = detail.answers.length > 0 ? withOutstanding(stored, saver) : { answers: state.answers };
      const changed = !sameTemplate || answers !== state.answers;
      set({
        storedAnswers: stored,
        review: detail.review,
        frozenScore: detail.frozenScore,
        steps: detail.steps,
        ...(changed ? { template, answers, ...derived(template, state.vendor, answers) } : {}),
      });
    },
    reportError: (error) => get().reportError(error),
    reportBackgroundFailure: (saver, error) =>
      get().pushToast(
        'error',
        `An answer for ${nameOf(saver)} could not be saved: ${sentence(error.message)} Vetted keeps trying while the app is open.`,
      ),
    reportBackgroundSaved: (saver) => get().pushToast('success', `The answers for ${nameOf(saver)} are saved now.`),
    saveConflict: (saver) => void afterConflict(saver),
  });

  /**
   * A save refused as a conflict: the review was decided elsewhere, or someone else saved the answer
   * since. Either way the review is read again; an open one's stored answers (theirs) are kept apart
   * from what was typed here, so "Use theirs" can show them.
   */
  const afterConflict = async (saver: AnswerSaver) => {
    const current = await api['review.current']({ vendorId: saver.vendorId });
    if (!current.ok || !current.value) return;
    const detail = current.value;
    if (!isOpenStatus(detail.review.status)) {
      closeDecided(saver, detail);
      return;
    }
    if (pool.current !== saver || get().review?.id !== detail.review.id) return;
    saver.knownReview(detail.review.id, true, detail.versions);
    set({ storedAnswers: localAnswers(detail.answers) });
  };

  /** A review decided elsewhere: its answers are frozen, so what could not be saved is dropped, and said so. */
  const closeDecided = (saver: AnswerSaver, detail: ReviewDetail) => {
    saver.knownReview(detail.review.id, false);
    const lost = saver.discardUnsent();
    if (pool.current === saver) get().showReview(detail);
    if (lost > 0) {
      get().pushToast(
        'warning',
        `The review of ${nameOf(saver)} was decided elsewhere, so ${plural(lost)} could not be saved. Start a new review to change answers.`,
      );
    }
  };
  const pool = savers;

  return {
    vendorId: null,
    providerStatus: 'idle',
    providerError: null,
    vendor: null,
    review: null,
    frozenScore: null,
    steps: [],
    template: null,
    answers: {},
    storedAnswers: {},
    saves: {},
    score: null,
    visible: new Set(),
    latestVersion: null,
    migration: null,
    migrating: false,

    async openProvider(id) {
      const previous = pool.current;
      const mine = pool.open(id); // the previous one keeps saving in the background
      if (previous && previous !== mine && previous.failedCount() > 0) {
        get().pushToast(
          'error',
          `${plural(previous.failedCount())} for ${nameOf(previous)} could not be saved yet. Vetted keeps trying while the app is open.`,
        );
      }
      set({
        vendorId: id,
        providerStatus: 'loading',
        providerError: null,
        vendor: null,
        review: null,
        frozenScore: null,
        steps: [],
        template: null,
        answers: {},
        storedAnswers: {},
        saves: {},
        score: null,
        visible: new Set(),
        latestVersion: null,
        migration: null,
      });
      // Answers still on their way (a provider reopened quickly) must land before the review is read back.
      await mine.settled();
      const [vendor, current] = await Promise.all([
        api['vendor.get']({ id }),
        api['review.current']({ vendorId: id }),
      ]);
      if (pool.current !== mine) return;
      if (!vendor.ok || !current.ok) {
        const error = !vendor.ok ? vendor.error : !current.ok ? current.error : null;
        set({ providerStatus: 'error', providerError: error });
        return;
      }
      let template: Template;
      let answers: Record<string, LocalAnswer> = {};
      if (current.value) {
        template = current.value.template;
        answers = localAnswers(current.value.answers);
        mine.knownReview(current.value.review.id, isOpenStatus(current.value.review.status), current.value.versions);
      } else {
        const fallback = await newReviewTemplate(id);
        if (pool.current !== mine) return;
        if (!fallback.ok) {
          set({ providerStatus: 'error', providerError: fallback.error });
          return;
        }
        template = fallback.value;
      }
      mine.vendorName = vendor.value.name;
      // A saver taken back from the background still holds changes the register does not have yet.
      const shown = withOutstanding(answers, mine);
      set({
        providerStatus: 'ready',
        vendor: vendor.value,
        review: current.value?.review ?? null,
        frozenScore: current.value?.frozenScore ?? null,
        steps: current.value?.steps ?? [],
        latestVersion: current.value?.latestVersion ?? null,
        template,
        answers: shown.answers,
        storedAnswers: answers,
        saves: shown.saves,
        ...derived(template, vendor.value, shown.answers),
      });
    },

    editAnswer(questionId, patch, timing = 'now') {
      const saver = pool.current;
      const state = get();
      if (!saver || state.providerStatus !== 'ready') return;
      // A decided review's answers are frozen; during a transition they are about to be.
      if ((state.review && !isOpenStatus(state.review.status)) || state.workflowBusy || saver.isClosed()) return;
      const before = answerOf(state.answers, questionId);
      // A comment marked confidential is never sent without the mark: the register seals it even
      // if the mark's own save has not arrived yet (or failed and waits for Retry).
      const sent: AnswerPatch = 'comment' in patch && before.confidential && !('confidential' in patch) ? { ...patch, confidential: true } : patch;
      // A value changed here is no longer the provider's answer (the register drops the mark on save).
      const { answeredBy, ...rest } = before;
      const kept = 'value' in sent || 'na' in sent ? rest : { ...rest, ...(answeredBy ? { answeredBy } : {}) };
      const answers = { ...state.answers, [questionId]: { ...kept, ...sent } };
      set({ answers, ...derived(state.template, state.vendor, answers) });
      saver.change(questionId, sent, timing);
    },

    showReview(detail) {
      const state = get();
      const saver = pool.current;
      if (!saver || state.vendorId !== detail.review.vendorId) return;
      saver.knownReview(detail.review.id, isOpenStatus(detail.review.status), detail.versions);
      const keepTyped = state.review?.id === detail.review.id && isOpenStatus(detail.review.status);
      // The same open review keeps what was typed and not stored yet; a decided one shows what it froze.
      const stored = localAnswers(detail.answers);
      const shown = keepTyped ? { answers: state.answers, saves: state.saves } : withOutstanding(stored, saver);
      set({
        storedAnswers: stored,
        review: detail.review,
        frozenScore: detail.frozenScore,
        steps: detail.steps,
        template: detail.template,
        latestVersion: detail.latestVersion,
        answers: shown.answers,
        saves: shown.saves,
        ...derived(detail.template, state.vendor, shown.answers),
      });
    },

    flushAnswer(questionId) {
      pool.current?.flush(questionId);
    },

    flushAllAnswers() {
      pool.flushAll();
    },

    retrySaves(questionId) {
      pool.retry(questionId);
    },

    keepTheirAnswer(questionId) {
      const saver = pool.current;
      const state = get();
      if (!saver || !saver.inConflict(questionId)) return;
      saver.discardConflict(questionId);
      const answers = { ...state.answers, [questionId]: answerOf(state.storedAnswers, questionId) };
      const { [questionId]: _dropped, ...saves } = state.saves;
      set({ answers, saves, ...derived(state.template, state.vendor, answers) });
    },

    async migrateReview() {
      const { review, vendorId, latestVersion, migrating, template } = get();
      if (!review || !vendorId || migrating) return;
      set({ migrating: true });
      try {
        // The answers just typed must be stored before they are carried over.
        get().flushAllAnswers();
        await answersSettled();
        const result = await api['review.migrate']({ reviewId: review.id, ...(latestVersion ? { toVersion: latestVersion } : {}) });
        if (!result.ok) {
          get().reportError(result.error);
          return;
        }
        // Left-behind answers are named by their question in the version the review was on.
        const before = template ? questionIndex(template) : null;
        const unmatched = result.value.unmatched.map(({ questionId, reason }) => {
          const text = before?.get(questionId)?.question.text;
          return `${text ? `${text} (${questionId})` : questionId}: ${reason}`;
        });
        await get().openProvider(vendorId);
        if (get().vendorId !== vendorId) return;
        set({
          migration: {
            toVersion: result.value.review.template.version,
            carried: result.value.carried.length,
            unmatched,
          },
        });
      } finally {
        set({ migrating: false });
      }
    },

    dismissMigration() {
      set({ migration: null });
    },

    async updateVendor(patch) {
      const id = get().vendorId;
      if (!id) return { ok: false, error: { code: 'not_found', message: 'No provider is open.' } };
      const result = await api['vendor.update']({ id, patch });
      if (result.ok && get().vendorId === id) {
        const state = get();
        set({ vendor: result.value, ...derived(state.template, result.value, state.answers) });
      }
      return result;
    },
  };
};

/**
 * Resolves when answers already sent have their answer, for any provider (the register and the
 * comparison read scores after them).
 */
export function answersSettled(): Promise<void> {
  return savers?.settled() ?? Promise.resolve();
}

/**
 * True while answers are waiting to be saved or failed to save: of the open provider, or of
 * providers left with unsaved changes (their savers keep trying in the background); only of the
 * providers named, when given.
 */
export function hasUnsavedAnswers(vendorIds?: readonly string[]): boolean {
  return savers?.hasUnsaved(vendorIds) ?? false;
}
