// The provider's "Evidence" tab: the documents that back its review, flagged as they near their
// expiry, and the form that attaches another one.
import { useId, useRef } from 'react';
import { AttachEvidenceForm } from './AttachEvidenceForm';
import { EvidenceItem } from './EvidenceItem';
import { useEvidence } from './useEvidence';
import { useReviewQuestions } from './useReviewQuestions';

export function EvidencePanel({ vendorId, reviewId }: { vendorId: string; reviewId: string | null }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const evidence = useEvidence(vendorId);
  const review = useReviewQuestions(vendorId, reviewId);
  const expired = evidence.items.filter((e) => e.state === 'expired').length;
  const expiring = evidence.items.filter((e) => e.state === 'expiring_soon').length;

  return (
    <section className="evidence-panel" aria-labelledby={headingId}>
      <div className="evidence-list-column">
        <div className="evidence-list-head">
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            Evidence
          </h2>
          {evidence.items.length > 0 && (
            <p className="evidence-counts" data-testid="evidence-counts">
              <span>
                {evidence.items.length} {evidence.items.length === 1 ? 'document' : 'documents'}
              </span>
              {expiring > 0 && <span className="evidence-count-warn">{expiring} expiring within 30 days</span>}
              {expired > 0 && <span className="evidence-count-danger">{expired} expired</span>}
            </p>
          )}
        </div>
        {evidence.loading && (
          <p className="muted loading" role="status">
            Loading evidence…
          </p>
        )}
        {!evidence.loading && evidence.error && (
          <div className="form-error" role="alert">
            <p>The evidence could not be loaded: {evidence.error.message}</p>
            <button type="button" className="button button-small" onClick={() => void evidence.reload()}>
              Try again
            </button>
          </div>
        )}
        {!evidence.loading && !evidence.error && evidence.items.length === 0 && (
          <div className="evidence-empty">
            <p>No evidence yet.</p>
            <p className="muted">
              Attach the documents this review relies on — a SOC 2 report, an ISO 27001 certificate, a penetration test
              summary, the signed DPA — with their expiry dates, so you hear when they run out.
            </p>
          </div>
        )}
        {evidence.items.length > 0 && (
          <ul className="evidence-list" aria-labelledby={headingId}>
            {evidence.items.map((item) => (
              <EvidenceItem
                key={item.id}
                item={item}
                questionText={item.questionId ? (review.textOf.get(item.questionId) ?? null) : null}
                onChanged={() => void evidence.reload()}
                onDeleted={() => {
                  heading.current?.focus();
                  void evidence.reload();
                }}
              />
            ))}
          </ul>
        )}
      </div>
      <AttachEvidenceForm vendorId={vendorId} review={review} onAttached={() => void evidence.reload()} />
    </section>
  );
}
