import { useEffect } from 'react';
import type { ReviewHistoryEntry } from '../../../../shared/api';
import type { Vendor } from '../../../../shared/domain/vendor';
import { useVetted } from '../../store';
import { AuditTrail } from './AuditTrail';
import { NextReview } from './NextReview';
import { ReviewHistoryList } from './ReviewHistoryList';
import { ScoreChart } from './ScoreChart';

const NONE: readonly ReviewHistoryEntry[] = [];

/** The History tab: the provider's reviews and scores over time, and its audit trail. */
export function HistoryPage({ vendor }: { vendor: Vendor }) {
  const history = useVetted((s) => (s.historyVendorId === vendor.id ? s.history : NONE));
  const status = useVetted((s) => (s.historyVendorId === vendor.id ? s.historyStatus : 'loading'));
  const error = useVetted((s) => s.historyError);
  const loadHistory = useVetted((s) => s.loadHistory);
  const loadAudit = useVetted((s) => s.loadAudit);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);

  useEffect(() => {
    void loadHistory(vendor.id);
    void loadAudit(vendor.id);
  }, [vendor.id, loadHistory, loadAudit]);
  // The months per tier explain where the next review date comes from.
  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  return (
    <div className="lifecycle-page history-page">
      <section className="lifecycle-section" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Reviews</h2>
        {status === 'error' && (
          <div className="form-error" role="alert">
            <p>The reviews could not be loaded: {error?.message}</p>
            <button type="button" className="button button-small" onClick={() => void loadHistory(vendor.id)}>
              Try again
            </button>
          </div>
        )}
        {history.length === 0 && status === 'ready' && <p className="muted">No review yet: answering a question starts the first one.</p>}
        {history.length > 0 && (
          <div className="history-reviews">
            <div className="history-top">
              <ScoreChart entries={history} />
              <NextReview vendorId={vendor.id} />
            </div>
            <ReviewHistoryList entries={history} />
          </div>
        )}
        {history.length === 0 && status === 'loading' && (
          <p className="muted" role="status">
            Loading the reviews…
          </p>
        )}
      </section>
      <AuditTrail vendorId={vendor.id} vendorName={vendor.name} />
    </div>
  );
}
