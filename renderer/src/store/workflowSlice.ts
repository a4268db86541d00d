// The sign-off workflow of the open review: submit, return, decide, and start the next review.
// A decision freezes the answers, so every typed answer must be stored before one is sent.
import { api } from '../api/client';
import type { ReviewDetail } from '../../../shared/api';
import { fail, type Result } from '../../../shared/result';
import { answersSettled, hasUnsavedAnswers } from './providerSlice';
import { isApproval, isOpenStatus } from '../../../shared/domain/workflow';
import type { SliceCreator, VettedState, WorkflowSlice } from './types';

/** True when the open review was decided: its answers are frozen. */
export const reviewDecided = (s: Pick<VettedState, 'review'>): boolean => s.review !== null && !isOpenStatus(s.review.status);

/** True when the answers on screen cannot be changed: the review was decided, or a move is on its way. */
export const answersLocked = (s: Pick<VettedState, 'review' | 'workflowBusy'>): boolean =>
  s.workflowBusy || (s.review !== null && !isOpenStatus(s.review.status));

export const createWorkflowSlice: SliceCreator<WorkflowSlice> = (set, get) => {
  /** Runs one workflow call with the questionnaire read-only, then shows the review it returns. */
  const run = async (call: (vendorId: string) => Promise<Result<ReviewDetail>>): Promise<Result<ReviewDetail>> => {
    const { vendorId, workflowBusy } = get();
    if (!vendorId) return fail('not_found', 'No provider is open.');
    if (workflowBusy) return fail('conflict', 'The review is already being updated.');
    set({ workflowBusy: true });
    try {
      get().flushAllAnswers();
      await answersSettled();
      if (hasUnsavedAnswers([vendorId])) {
        return fail('conflict', 'Some answers are not saved yet: retry them (or wait until they are saved), then try again.');
      }
      const result = await call(vendorId);
      if (result.ok && get().vendorId === vendorId) {
        get().showReview(result.value);
        void get().loadHistory(vendorId); // the History tab reads the new step
      }
      return result;
    } finally {
      set({ workflowBusy: false });
    }
  };

  /** Reads the provider again (its status), keeping what is on screen when that fails. */
  const refreshVendor = async (vendorId: string) => {
    const vendor = await api['vendor.get']({ id: vendorId });
    if (vendor.ok && get().vendorId === vendorId) set({ vendor: vendor.value });
  };

  return {
    workflowBusy: false,

    transitionReview(to, input = {}) {
      const review = get().review;
      if (!review) return Promise.resolve(fail('not_found', 'No review yet: answer a question to start one.'));
      const by = input.by?.trim();
      const note = input.note?.trim();
      // Only an approval can change the provider's status; the flag means nothing to other steps.
      const activate = isApproval(to) && input.activateProvider !== undefined ? { activateProvider: input.activateProvider } : {};
      return run(async (vendorId) => {
        const result = await api['review.transition']({ reviewId: review.id, to, ...(by ? { by } : {}), ...(note ? { note } : {}), ...activate });
        // An approval may have made a proposed provider active: show the status the register now holds.
        if (result.ok && isApproval(to)) await refreshVendor(vendorId);
        return result;
      });
    },

    startNewReview(templateId) {
      return run((vendorId) => api['review.start']({ vendorId, ...(templateId === undefined ? {} : { templateId }) }));
    },
  };
};
