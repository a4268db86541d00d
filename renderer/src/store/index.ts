// The renderer's one store, built from typed slices. Components select what they need:
//   const vendors = useVetted((s) => s.vendors);
import { create } from 'zustand';
import { onConnectionChange } from '../api/client';
import { createCompareSlice } from './compareSlice';
import { createExportSlice } from './exportSlice';
import { createFindingsSlice } from './findingsSlice';
import { createHistorySlice } from './historySlice';
import { createProviderSlice } from './providerSlice';
import { createRegisterSlice } from './registerSlice';
import { createSettingsSlice } from './settingsSlice';
import type { SaveStatus, VettedState } from './types';
import { createUiSlice } from './uiSlice';
import { createWorkflowSlice } from './workflowSlice';

export const useVetted = create<VettedState>()((...args) => ({
  ...createRegisterSlice(...args),
  ...createProviderSlice(...args),
  ...createWorkflowSlice(...args),
  ...createFindingsSlice(...args),
  ...createHistorySlice(...args),
  ...createCompareSlice(...args),
  ...createExportSlice(...args),
  ...createSettingsSlice(...args),
  ...createUiSlice(...args),
}));

onConnectionChange((problem) => useVetted.getState().setConnectionProblem(problem));

export type OverallSave = 'idle' | Exclude<SaveStatus, 'pending'>;

/** One save state for the whole questionnaire: any failure wins, then anything unsaved. */
export function overallSave(saves: VettedState['saves']): OverallSave {
  let state: OverallSave = 'idle';
  for (const { status } of Object.values(saves)) {
    if (status === 'failed') return 'failed';
    if (status === 'pending' || status === 'saving') state = 'saving';
    else if (state === 'idle') state = 'saved';
  }
  return state;
}

export type { VettedState } from './types';
