// The register's "Next review" filter. It lives beside the register rather than in the app store
// (store/ belongs to the register slice's other filters), but like them it survives leaving the page.
import { create } from 'zustand';
import type { DueState } from '../../../../shared/domain/reassessment';

/** What the filter can pick: every provider, or one reassessment state ("scheduled" is not offered). */
export type DueFilter = '' | Exclude<DueState, 'scheduled'>;

export const DUE_FILTER_OPTIONS: readonly [DueFilter, string][] = [
  ['', 'All'],
  ['overdue', 'Overdue'],
  ['due_soon', 'Due within 30 days'],
  ['not_approved', 'No approved review'],
];

interface DueFilterState {
  due: DueFilter;
  setDue(due: DueFilter): void;
}

export const useDueFilter = create<DueFilterState>()((set) => ({
  due: '',
  setDue: (due) => set({ due }),
}));
