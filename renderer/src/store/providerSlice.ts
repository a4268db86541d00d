import { api } from '../api/client';
import type { ReviewDetail } from '../../../shared/api';
import { visibleQuestionIds } from '../../../shared/domain/conditions';
import type { Answer, AnswerMap } from '../../../shared/domain/review';
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { Result } from '../../../shared/result';
import { scoreReview } from '../../../shared/scoring';
import { AnswerSaver, effectiveValue } from './answerSaver';
import type { LocalAnswer, ProviderSlice, SaveStatus, SliceCreator, VettedState } from './types';

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
  for (const a of answers) out[a.questionId] = { value: a.value, comment: a.comment, na: a.na };
  return out;
}

let builtInTemplate: Template | null = null;

/** The template a new review uses, shown before the first answer starts the review. */
async function defaultTemplate(): Promise<Result<Template>> {
  if (builtInTemplate) return { ok: true, value: builtInTemplate };
  const list = await api['template.list']({});
  if (!list.ok) return list;
  const summary = list.value.find((t) => t.builtIn) ?? list.value[0];
  if (!summary) return { ok: false, error: { code: 'not_found', message: 'No questionnaire template is installed.' } };
  const template = await api['template.get']({ id: summary.id, version: summary.version });
  if (template.ok) builtInTemplate = template.value;
  return template;
}

let saver: AnswerSaver | null = null;

export const createProviderSlice: SliceCreator<ProviderSlice> = (set, get) => {
  const hooks = {
    isCurrent: (s: AnswerSaver) => s === saver,
    setStatus: (questionId: string, status: SaveStatus, message?: string) =>
      set((state) => ({ saves: { ...state.saves, [questionId]: message ? { status, message } : { status } } })),
    reviewStarted: (detail: ReviewDetail) => {
      const state = get();
      const sameTemplate =
        state.template?.id === detail.template.id && state.template.version === detail.template.version;
      set({
        review: detail.review,
        ...(sameTemplate ? {} : { template: detail.template, ...derived(detail.template, state.vendor, state.answers) }),
      });
    },
    reportError: (error: Parameters<VettedState['reportError']>[0]) => get().reportError(error),
  };

  return {
    vendorId: null,
    providerStatus: 'idle',
    providerError: null,
    vendor: null,
    review: null,
    template: null,
    answers: {},
    saves: {},
    score: null,
    visible: new Set(),

    async openProvider(id) {
      const previous = saver;
      if (previous) {
        previous.flushAll();
        const state = get();
        const failed = Object.values(state.saves).filter((s) => s.status === 'failed').length;
        if (failed > 0 && state.vendor) {
          get().pushToast(
            'error',
            `${failed} ${failed === 1 ? 'answer' : 'answers'} for ${state.vendor.name} could not be saved.`,
          );
        }
      }
      const mine = new AnswerSaver(id, hooks);
      saver = mine;
      set({
        vendorId: id,
        providerStatus: 'loading',
        providerError: null,
        vendor: null,
        review: null,
        template: null,
        answers: {},
        saves: {},
        score: null,
        visible: new Set(),
      });
      // Answers still on their way must land before the review is read back.
      if (previous) await previous.settled();
      const [vendor, current] = await Promise.all([
        api['vendor.get']({ id }),
        api['review.current']({ vendorId: id }),
      ]);
      if (saver !== mine) return;
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
        mine.knownReview(current.value.review.id);
      } else {
        const fallback = await defaultTemplate();
        if (saver !== mine) return;
        if (!fallback.ok) {
          set({ providerStatus: 'error', providerError: fallback.error });
          return;
        }
        template = fallback.value;
      }
      set({
        providerStatus: 'ready',
        vendor: vendor.value,
        review: current.value?.review ?? null,
        template,
        answers,
        ...derived(template, vendor.value, answers),
      });
    },

    editAnswer(questionId, patch, timing = 'now') {
      if (!saver || get().providerStatus !== 'ready') return;
      const state = get();
      const answers = { ...state.answers, [questionId]: { ...answerOf(state.answers, questionId), ...patch } };
      set({ answers, ...derived(state.template, state.vendor, answers) });
      saver.change(questionId, patch, timing);
    },

    flushAnswer(questionId) {
      saver?.flush(questionId);
    },

    flushAllAnswers() {
      saver?.flushAll();
    },

    retrySaves(questionId) {
      saver?.retry(questionId);
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

/** Resolves when answers already sent have their answer (the register reads scores after them). */
export function answersSettled(): Promise<void> {
  return saver?.settled() ?? Promise.resolve();
}

/** True while answers of the open provider are waiting to be saved or failed to save. */
export function hasUnsavedAnswers(): boolean {
  return saver?.hasUnsaved() ?? false;
}
