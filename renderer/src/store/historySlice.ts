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
    set({ historyVendorId: vendorId, history: [], audit: [], auditHasMore: false, historyStatus: 'idle', auditStatus: 'idle' });
  };

  return {
    historyVendorId: null,
    historyStatus: 'idle',
    historyError: null,
    history: [],
    auditStatus: 'idle',
    auditError: null,
    audit: [],
    auditHasMore: false,

    async loadHistory(vendorId) {
      switchTo(vendorId);
      const request = ++latestHistory;
      set({ historyStatus: 'loading' });
      await answersSettled(); // the open review's live score includes the answers just typed
      const result = await api['review.history']({ vendorId });
      if (request !== latestHistory || get().historyVendorId !== vendorId) return;
      if (result.ok) set({ history: result.value, historyStatus: 'ready', historyError: null });
      else set({ historyStatus: 'error', historyError: result.error });
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
  };
};
