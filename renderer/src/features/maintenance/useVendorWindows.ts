// One provider's maintenance windows, read once and shared: the Maintenance tab lists them and
// three questionnaire answers are checked against them, so the questionnaire must not ask the
// register three times (or once per keystroke). Only the provider on screen is kept.
import { useEffect, useSyncExternalStore } from 'react';
import type { WindowView } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

/**
 * When to read again. `opening`: the provider as opened (a new object each time the provider
 * page opens it): a read made for another opening is stale. `visit`, optional: a read made for
 * another visit is stale too (the Maintenance tab passes one per visit; the questionnaire none,
 * so it takes whatever read of this opening is there).
 */
export interface Freshness {
  opening: unknown;
  visit?: unknown;
}

interface Snapshot extends Freshness {
  vendorId: string;
  windows: readonly WindowView[];
  /** True once a list of this provider arrived (a reload keeps the old list on screen). */
  loaded: boolean;
  error: ApiError | null;
}

let snapshot: Snapshot | null = null;
let latest = 0;
const listeners = new Set<() => void>();

function publish(next: Snapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const read = () => snapshot;

/** Reads the provider’s windows (again: after an add, edit, delete or import). */
async function reloadWindows(vendorId: string, freshness: Freshness): Promise<void> {
  const request = ++latest;
  const same = snapshot?.vendorId === vendorId ? snapshot : null;
  const kept = same?.windows ?? [];
  const loaded = same?.loaded ?? false;
  publish({ vendorId, ...freshness, windows: kept, loaded, error: null });
  const result = await api['window.list']({ vendorId });
  // A slower answer for an earlier request (or another provider) must not overwrite a newer one.
  if (request !== latest) return;
  publish(
    result.ok
      ? { vendorId, ...freshness, windows: result.value, loaded: true, error: null }
      : { vendorId, ...freshness, windows: kept, loaded, error: result.error },
  );
}

const EMPTY: readonly WindowView[] = [];

export interface VendorWindows {
  windows: readonly WindowView[];
  /** True while no list of this provider has arrived yet. */
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
}

const stale = (vendorId: string, { opening, visit }: Freshness) =>
  snapshot === null || snapshot.vendorId !== vendorId || snapshot.opening !== opening || (visit !== undefined && snapshot.visit !== visit);

/**
 * The provider's windows, read when what is held is stale for `opening` and `visit` (see
 * Freshness): the three questionnaire answers share one read per opening of the provider, and
 * going back from the Maintenance tab reads nothing again.
 */
export function useVendorWindows(vendorId: string, opening: unknown, visit?: unknown): VendorWindows {
  const current = useSyncExternalStore(subscribe, read);
  useEffect(() => {
    if (stale(vendorId, { opening, visit })) void reloadWindows(vendorId, { opening, visit });
  }, [vendorId, opening, visit]);
  const mine = current?.vendorId === vendorId ? current : null;
  return {
    windows: mine?.windows ?? EMPTY,
    loading: mine === null || (!mine.loaded && mine.error === null),
    error: mine?.error ?? null,
    reload: () => reloadWindows(vendorId, { opening, visit }),
  };
}
