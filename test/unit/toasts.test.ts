// Toasts (#18): the same message does not pile up (it is shown once, counted), at most three are
// shown, and none follows the user to another page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore, type StateCreator } from 'zustand/vanilla';

// The renderer is a separate TypeScript project: its slice is loaded at run time, typed here by what the test uses.
interface Toast {
  message: string;
  count: number;
  page: string;
}
interface UiSlice {
  toasts: Toast[];
  pushToast(tone: 'error' | 'warning' | 'info' | 'success', message: string): void;
  enterPage(page: string): void;
}
const { createUiSlice } = (await import(new URL('../../renderer/src/store/uiSlice.ts', import.meta.url).href)) as { createUiSlice: StateCreator<UiSlice> };

function uiStore() {
  // The slice alone: it reads and writes only its own fields.
  return createStore<UiSlice>()(createUiSlice);
}

test('the same message again is one toast with a count, moved to the end; at most three at once', () => {
  const store = uiStore();
  const ui = () => store.getState();
  ui().enterPage('provider:a');
  ui().pushToast('error', 'Cannot save');
  ui().pushToast('warning', 'Check the date');
  ui().pushToast('error', 'Cannot save');
  ui().pushToast('error', 'Cannot save');
  assert.deepEqual(ui().toasts.map((t) => [t.message, t.count]), [['Check the date', 1], ['Cannot save', 3]]);
  for (const n of [1, 2, 3]) ui().pushToast('error', `Problem ${n}`);
  assert.deepEqual(ui().toasts.map((t) => t.message), ['Problem 1', 'Problem 2', 'Problem 3'], 'the oldest give way');
});

test('toasts said on one page do not follow the user to another; what the new page says stays', () => {
  const store = uiStore();
  const ui = () => store.getState();
  ui().enterPage('provider:a');
  ui().pushToast('error', 'An answer for Acme could not be saved');
  ui().enterPage('provider:a');
  assert.equal(ui().toasts.length, 1, 'the same page (another tab of it) keeps them');
  ui().enterPage('settings:');
  assert.deepEqual(ui().toasts, [], 'another page does not');
  ui().pushToast('success', 'Settings saved');
  assert.deepEqual(ui().toasts.map((t) => [t.message, t.page]), [['Settings saved', 'settings:']]);
});
