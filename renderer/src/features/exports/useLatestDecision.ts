import { useEffect } from 'react';
import type { ReviewHistoryEntry } from '../../../../shared/api';
import { isDecision } from '../../../../shared/domain/workflow';
import { useVetted } from '../../store';

/** The provider's latest decided review: the entry, 'none' when nothing was decided, or not known yet. */
export type LatestDecision = ReviewHistoryEntry | 'none' | 'loading' | 'unknown';

/** Reads the provider's history while `active` (a dialog is open) to find its latest decided review. */
export function useLatestDecision(vendorId: string, active: boolean): LatestDecision {
  const loadHistory = useVetted((s) => s.loadHistory);
  const history = useVetted((s) => (s.historyVendorId === vendorId ? s.history : null));
  const status = useVetted((s) => (s.historyVendorId === vendorId ? s.historyStatus : 'idle'));

  // Read afresh on every opening: a decision may have been made since the list was loaded.
  useEffect(() => {
    if (active) void loadHistory(vendorId);
  }, [active, vendorId, loadHistory]);

  if (status === 'error') return 'unknown';
  if (status !== 'ready' || history === null) return 'loading';
  // The history is newest first.
  return history.find((entry) => isDecision(entry.review.status)) ?? 'none';
}
