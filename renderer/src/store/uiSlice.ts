import type { SliceCreator, UiSlice } from './types';

const TOAST_MS = { info: 5000, success: 4000 } as const;
/** At most this many at once: older ones give way. */
const MAX_TOASTS = 3;
let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  toasts: [],
  currentPage: '',
  connectionProblem: null,
  addDialogOpen: false,
  findRequest: 0,

  pushToast(tone, message, details) {
    const id = nextToastId++;
    const page = get().currentPage;
    // The same message again does not pile up: it moves to the end, counted, and fades anew.
    const same = details?.length ? undefined : get().toasts.find((t) => t.message === message && t.tone === tone && !t.details);
    const toast = { id, tone, message, count: (same?.count ?? 0) + 1, page, ...(details?.length ? { details } : {}) };
    set((s) => ({ toasts: [...s.toasts.filter((t) => t !== same).slice(-(MAX_TOASTS - 1)), toast] }));
    // Errors and warnings stay until dismissed (or the user moves on); everything else fades.
    if (tone === 'info' || tone === 'success') setTimeout(() => get().dismissToast(id), TOAST_MS[tone]);
  },

  enterPage(page) {
    if (page === get().currentPage) return;
    // The Add provider dialog belongs to the page it was opened on: a page change (Back, a menu
    // command) closes it instead of leaving it over a page it has nothing to do with.
    set((s) => ({ currentPage: page, toasts: s.toasts.filter((t) => t.page === page), addDialogOpen: false }));
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
