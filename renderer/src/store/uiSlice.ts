import type { SliceCreator, UiSlice } from './types';

const TOAST_MS = { info: 5000, success: 4000 } as const;
let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  toasts: [],
  connectionProblem: null,
  addDialogOpen: false,
  findRequest: 0,

  pushToast(tone, message, details) {
    const id = nextToastId++;
    // The same error twice in a row is shown once.
    const last = get().toasts.at(-1);
    if (last && last.message === message && last.tone === tone && !details?.length) return;
    const toast = details?.length ? { id, tone, message, details } : { id, tone, message };
    set((s) => ({ toasts: [...s.toasts.slice(-4), toast] }));
    // Errors and warnings stay until dismissed; everything else fades.
    if (tone === 'info' || tone === 'success') setTimeout(() => get().dismissToast(id), TOAST_MS[tone]);
  },

  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },

  reportError(error) {
    if (error.code === 'unavailable' || error.code === 'unauthorized') return; // the banner shows it
    get().pushToast('error', error.message);
  },

  setConnectionProblem(problem) {
    const current = get().connectionProblem;
    if (current === problem || (current && problem && current.message === problem.message)) return;
    set({ connectionProblem: problem });
  },

  openAddDialog() {
    set({ addDialogOpen: true });
  },

  closeAddDialog() {
    set({ addDialogOpen: false });
  },

  requestFind() {
    set((s) => ({ findRequest: s.findRequest + 1 }));
  },
});
