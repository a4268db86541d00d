// The register shows the latest listing asked for (renderer/src/store/registerSlice.ts): listings
// can overlap — the first listing of a large register still on its way when a provider is added —
// and an older answer arriving last must not replace a newer one (it would hide the change).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore, type StateCreator } from 'zustand/vanilla';

// The renderer is a separate TypeScript project: its modules are loaded at run time, typed here by what the test uses.
type Listing = { ok: true; value: { id: string; name: string }[] } | { ok: false; error: { code: string; message: string } };
interface RegisterState {
  vendors: { id: string; name: string }[];
  registerLoading: boolean;
  loadVendors(): Promise<void>;
  reportError(error: unknown): void;
  rowSelection: Record<string, boolean>;
}
const { createRegisterSlice } = (await import(new URL('../../renderer/src/store/registerSlice.ts', import.meta.url).href)) as {
  createRegisterSlice: StateCreator<RegisterState>;
};
const { api } = (await import(new URL('../../renderer/src/api/client.ts', import.meta.url).href)) as {
  api: Record<string, (input: unknown) => Promise<Listing>>;
};

function registerStore(errors: unknown[]) {
  return createStore<RegisterState>()((set, get, store) => ({
    ...createRegisterSlice(set, get, store),
    reportError: (error: unknown) => errors.push(error),
  }));
}

test('an older listing answered after a newer one is not shown; the newer one stays', async (t) => {
  const original = api['vendor.list']!;
  t.after(() => (api['vendor.list'] = original));
  let answerFirst!: (listing: Listing) => void;
  const answers: Promise<Listing>[] = [
    new Promise<Listing>((resolve) => (answerFirst = resolve)),
    Promise.resolve({ ok: true, value: [{ id: 'a', name: 'Acme DB' }, { id: 'n', name: 'New Queue' }] }),
  ];
  api['vendor.list'] = () => answers.shift()!;
  const errors: unknown[] = [];
  const store = registerStore(errors);

  const first = store.getState().loadVendors();
  const second = store.getState().loadVendors();
  await second;
  assert.deepEqual(store.getState().vendors.map((v) => v.name), ['Acme DB', 'New Queue']);
  assert.equal(store.getState().registerLoading, false);

  answerFirst({ ok: true, value: [{ id: 'a', name: 'Acme DB' }] });
  await first;
  assert.deepEqual(store.getState().vendors.map((v) => v.name), ['Acme DB', 'New Queue'], 'the provider added meanwhile is still shown');

  assert.deepEqual(errors, []);
});
