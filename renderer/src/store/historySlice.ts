// A provider's past: its reviews (with the scores frozen at each decision) and its audit trail,
// read a page at a time, newest first.
import { api } from '../api/client';
import { answersSettled } from './providerSlice';
import type { HistorySlice, SliceCreator } from './types';

/** Audit rows per page ("Show older" fetches the next). */
export const AUDIT_PAGE = 50;

let latestHistory = 0;
let latestAudit = 0;

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => {
  /** A different provider: nothing of the previous one stays on screen. */
  const switchTo = (vendorId: string) => {
    if (get().historyVendorId === vendorId) return;
    set({
      historyVendorId: vendorId,
      history: [],
      reassessment: null,
      audit: [],
      auditHasMore: false,
      historyStatus: 'idle',
      auditStatus: 'idle',
    });
  };

  return {
    historyVendorId: null,
    historyStatus: 'idle',
    historyError: null,
    history: [],
    reassessment: null,
    auditStatus: 'idle',
    auditError: null,
    audit: [],
    auditHasMore: false,

    async loadHistory(vendorId) {
      switchTo(vendorId);
      const request = ++latestHistory;
      set({ historyStatus: 'loading' });
      await answersSettled(); // the open review's live score includes the answers just typed
      const [result, schedule] = await Promise.all([api['review.history']({ vendorId }), api['reassessment.list']({})]);
      if (request !== latestHistory || get().historyVendorId !== vendorId) return;
      if (!result.ok) {
        set({ historyStatus: 'error', historyError: result.error });
        return;
      }
      // The schedule is extra: without it the reviews are still worth showing.
      const reassessment = schedule.ok ? (schedule.value.find((d) => d.vendorId === vendorId) ?? null) : null;
      set({ history: result.value, reassessment, historyStatus: 'ready', historyError: null });
    },

    async loadAudit(vendorId) {
      switchTo(vendorId);
      const request = ++latestAudit;
      set({ auditStatus: 'loading' });
      await answersSettled();
      const result = await api['audit.list']({ vendorId, limit: AUDIT_PAGE });
      if (request !== latestAudit || get().historyVendorId !== vendorId) return;
      if (result.ok) {
        set({ audit: result.value, auditHasMore: result.value.length === AUDIT_PAGE, auditStatus: 'ready', auditError: null });
      } else {
        set({ auditStatus: 'error', auditError: result.error });
      }
    },

    async loadOlderAudit() {
      const { historyVendorId: vendorId, audit, auditStatus } = get();
      const oldest = audit.at(-1);
      if (!vendorId || !oldest || auditStatus === 'loading') return;
      const request = ++latestAudit;
      set({ auditStatus: 'loading' });
      const result = await api['audit.list']({ vendorId, limit: AUDIT_PAGE, before: oldest.id });
      if (request !== latestAudit || get().historyVendorId !== vendorId) return;
      if (result.ok) {
        set((s) => ({
          audit: [...s.audit, ...result.value],
          auditHasMore: result.value.length === AUDIT_PAGE,
          auditStatus: 'ready',
          auditError: null,
        }));
      } else {
        set({ auditStatus: 'error', auditError: result.error });
      }
    },

    async setReviewDue(reviewId, due) {
      const result = await api['review.setDue']({ reviewId, due });
      const vendorId = get().historyVendorId;
      if (result.ok && vendorId) await Promise.all([get().loadHistory(vendorId), get().loadAudit(vendorId)]);
      return result;
    },
  };
};
