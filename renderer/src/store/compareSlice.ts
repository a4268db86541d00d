// "Compare providers": the comparison on screen, loaded from the API for the ids in the address.
// Filtering happens on screen (filterComparison), so the filters live in the address, not here.
import { functionalUpdate } from '@tanstack/react-table';
import { api } from '../api/client';
import { answersSettled } from './providerSlice';
import type { CompareSlice, SliceCreator } from './types';

/** Each load gets a number; an answer that arrives after a newer request started is dropped. */
let latestRequest = 0;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get) => ({
  compareIds: [],
  compareStatus: 'idle',
  comparison: null,
  compareError: null,
  compareMissing: [],
  compareExpanded: {},

  async loadComparison(ids) {
    const request = ++latestRequest;
    const current = get();
    // The same providers again (back from a provider page): keep showing them while they refresh.
    const keep = sameIds(current.compareIds, ids) && current.comparison !== null;
    set({
      compareIds: [...ids],
      compareStatus: keep ? 'ready' : 'loading',
      comparison: keep ? current.comparison : null,
      compareError: null,
      compareMissing: [],
    });
    await answersSettled(); // the scores must include the answers just typed
    const result = await api['compare.get']({ vendorIds: [...ids] });
    if (request !== latestRequest) return;
    if (result.ok) {
      set({ compareStatus: 'ready', comparison: result.value });
      return;
    }
    // Which of the ids are gone? The register knows; the error names only the first.
    let missing: string[] = [];
    if (result.error.code === 'not_found') {
      const list = await api['vendor.list']({});
      if (request !== latestRequest) return;
      if (list.ok) {
        const known = new Set(list.value.map((v) => v.id));
        missing = ids.filter((id) => !known.has(id));
      }
    }
    set({ compareStatus: 'error', comparison: null, compareError: result.error, compareMissing: missing });
  },

  setCompareExpanded(updater) {
    set((s) => ({ compareExpanded: functionalUpdate(updater, s.compareExpanded) }));
  },
});
