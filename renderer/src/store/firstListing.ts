// The register's providers, asked for as soon as the app's script runs (main.tsx) when the page
// opens on the register: the request travels while React builds and paints its first frame rather
// than after it (issue 20, cold start). Taken once, by the register's first load; every later
// listing is asked for when it is needed, so none is older than the action that asked for it.
import type { VendorSummary } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { api } from '../api/client';

let early: Promise<Result<VendorSummary[]>> | null = null;

export function askForFirstListing(): void {
  early = api['vendor.list']({});
}

/** The listing asked for at start, once; null when none was, or it was taken already. */
export function takeFirstListing(): Promise<Result<VendorSummary[]>> | null {
  const taken = early;
  early = null;
  return taken;
}
