// Findings and risk acceptances of the open provider. An acceptance changes its finding's status,
// so every change reloads both lists (one source of truth: the register).
import { api } from '../api/client';
import { fail, type Result } from '../../../shared/result';
import { answersSettled } from './providerSlice';
import type { FindingsSlice, SliceCreator } from './types';

/** Each load gets a number; an answer that arrives after a newer request started is dropped. */
let latestLoad = 0;

export const createFindingsSlice: SliceCreator<FindingsSlice> = (set, get) => {
  /** After a change succeeded: the lists again, for the provider on screen. */
  const afterChange = async <T>(result: Result<T>): Promise<Result<T>> => {
    const vendorId = get().findingsVendorId;
    if (result.ok && vendorId) await get().loadFindings(vendorId);
    return result;
  };

  return {
    findingsVendorId: null,
    findingsStatus: 'idle',
    findingsError: null,
    findings: [],
    acceptances: [],
    highlightedFinding: null,

    async loadFindings(vendorId) {
      const request = ++latestLoad;
      if (get().findingsVendorId !== vendorId) {
        set({ findingsVendorId: vendorId, findings: [], acceptances: [], highlightedFinding: null, findingsStatus: 'loading' });
      } else if (get().findingsStatus !== 'ready') {
        set({ findingsStatus: 'loading' }); // a reload after a change keeps the lists on screen
      }
      const [findings, acceptances] = await Promise.all([
        api['finding.list']({ vendorId }),
        api['acceptance.list']({ vendorId }),
      ]);
      if (request !== latestLoad) return;
      if (!findings.ok || !acceptances.ok) {
        const error = !findings.ok ? findings.error : !acceptances.ok ? acceptances.error : null;
        set({ findingsStatus: 'error', findingsError: error });
        return;
      }
      set({ findingsStatus: 'ready', findingsError: null, findings: findings.value, acceptances: acceptances.value });
    },

    async createFinding(input) {
      return afterChange(await api['finding.create'](input));
    },

    async findingFromAnswer(questionId, fields = {}) {
      const review = get().review;
      if (!review) return fail('not_found', 'No review yet: answer the question first.');
      // The finding is built from the stored answer: the one just typed must be stored first.
      get().flushAnswer(questionId);
      await answersSettled();
      return afterChange(await api['finding.fromAnswer']({ ...fields, reviewId: review.id, questionId }));
    },

    async updateFinding(id, patch) {
      return afterChange(await api['finding.update']({ id, patch }));
    },

    async deleteFinding(id) {
      return afterChange(await api['finding.delete']({ id }));
    },

    async acceptRisk(input) {
      return afterChange(await api['acceptance.create'](input));
    },

    async revokeAcceptance(id) {
      return afterChange(await api['acceptance.revoke']({ id }));
    },

    highlightFinding(id) {
      set({ highlightedFinding: id });
    },
  };
};
