import { functionalUpdate } from '@tanstack/react-table';
import { api } from '../api/client';
import { takeFirstListing } from './firstListing';
import { answersSettled } from './providerSlice';
import type { RegisterFilters, RegisterSlice, SliceCreator } from './types';

const NO_FILTERS: RegisterFilters = { text: '', category: '', tier: '' };

export const createRegisterSlice: SliceCreator<RegisterSlice> = (set, get) => {
  // Listings can overlap (a provider added while the first listing of a large register is on its
  // way): only the latest asked for is shown, so an older answer arriving last never hides a change.
  let latestListing = 0;
  return {
    vendors: [],
    registerLoaded: false,
    registerLoading: false,
    registerError: null,
    filters: NO_FILTERS,
    sorting: [{ id: 'name', desc: false }],
    rowSelection: {},

    async loadVendors() {
      const listing = ++latestListing;
      set({ registerLoading: true });
      await answersSettled(); // scores and completion must include the answers just typed
      const result = await (takeFirstListing() ?? api['vendor.list']({}));
      if (listing !== latestListing) return;
      if (result.ok) {
        const ids = new Set(result.value.map((v) => v.id));
        // Selections of providers that no longer exist are dropped.
        const rowSelection = Object.fromEntries(
          Object.entries(get().rowSelection).filter(([id]) => ids.has(id)),
        ) as RegisterSlice['rowSelection'];
        set({ vendors: result.value, registerLoaded: true, registerLoading: false, registerError: null, rowSelection });
      } else {
        set({ registerLoading: false, registerError: result.error });
        get().reportError(result.error);
      }
    },

    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch } }));
    },

    clearFilters() {
      set({ filters: NO_FILTERS });
    },

    setSorting(updater) {
      set((s) => ({ sorting: functionalUpdate(updater, s.sorting) }));
    },

    setRowSelection(updater) {
      set((s) => ({ rowSelection: functionalUpdate(updater, s.rowSelection) }));
    },

    async createVendor(input) {
      const result = await api['vendor.create'](input);
      if (result.ok) void get().loadVendors();
      return result;
    },

    async loadDemo() {
      const result = await api['demo.load']({});
      if (!result.ok) {
        get().reportError(result.error);
        return;
      }
      get().pushToast('success', `Loaded ${result.value.vendors} demo providers.`);
      await get().loadVendors();
    },
  };
};
