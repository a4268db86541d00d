import { useEffect, useState } from 'react';
import type { AcceptanceView, FindingView } from '../../../../shared/api';
import type { Vendor } from '../../../../shared/domain/vendor';
import { formatDate } from '../../lib/format';
import { useVetted } from '../../store';
import { AcceptanceList } from './AcceptanceList';
import { AcceptRiskDialog, type AcceptTarget } from './AcceptRiskDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { FindingDialog } from './FindingDialog';
import { FindingsTable } from './FindingsTable';

type Revoking = { id: string; subject: string };

const NO_FINDINGS: readonly FindingView[] = [];
const NO_ACCEPTANCES: readonly AcceptanceView[] = [];

/** The Findings tab: weaknesses to fix or accept, and the risk acceptances given. */
export function FindingsPage({ vendor }: { vendor: Vendor }) {
  const status = useVetted((s) => (s.findingsVendorId === vendor.id ? s.findingsStatus : 'loading'));
  const error = useVetted((s) => s.findingsError);
  // Another provider's lists are never shown, not even for the moment before these load.
  const findings = useVetted((s) => (s.findingsVendorId === vendor.id ? s.findings : NO_FINDINGS));
  const acceptances = useVetted((s) => (s.findingsVendorId === vendor.id ? s.acceptances : NO_ACCEPTANCES));
  const review = useVetted((s) => s.review);
  const loadFindings = useVetted((s) => s.loadFindings);
  const deleteFinding = useVetted((s) => s.deleteFinding);
  const revokeAcceptance = useVetted((s) => s.revokeAcceptance);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const [editing, setEditing] = useState<FindingView | 'new' | null>(null);
  const [accepting, setAccepting] = useState<AcceptTarget | null>(null);
  const [deleting, setDeleting] = useState<FindingView | null>(null);
  const [revoking, setRevoking] = useState<Revoking | null>(null);

  useEffect(() => {
    void loadFindings(vendor.id);
  }, [vendor.id, loadFindings]);
  // The user's name fills in "Accepted by".
  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  const open = findings.filter((f) => f.effectiveStatus === 'open' || f.effectiveStatus === 'in_progress').length;
  const overdue = findings.filter((f) => f.overdue).length;
  const loaded = status === 'ready' || findings.length > 0;

  return (
    <div className="lifecycle-page findings-page">
      <div className="lifecycle-header">
        <div>
          <h2>Findings</h2>
          <p className="muted" data-testid="findings-summary">
            {loaded
              ? `${open} open${overdue > 0 ? `, ${overdue} overdue` : ''} · ${findings.length} in all`
              : 'Loading findings…'}
          </p>
        </div>
        <div className="page-actions">
          {review && (
            <button
              type="button"
              className="button"
              onClick={() => setAccepting({ reviewId: review.id, subject: `The review started ${formatDate(review.startedAt)}` })}
            >
              Accept the review’s risk
            </button>
          )}
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            New finding
          </button>
        </div>
      </div>

      {status === 'error' && (
        <div className="form-error" role="alert">
          <p>The findings could not be loaded: {error?.message}</p>
          <button type="button" className="button button-small" onClick={() => void loadFindings(vendor.id)}>
            Try again
          </button>
        </div>
      )}

      {loaded &&
        (findings.length === 0 ? (
          <p className="empty-note muted">
            No findings yet. Create one from a question that lost points (on the Questionnaire), or write one by hand.
          </p>
        ) : (
          <FindingsTable
            findings={findings}
            onEdit={setEditing}
            onAccept={(f) => setAccepting({ findingId: f.id, subject: f.title })}
            onRevoke={(f) => f.acceptance && setRevoking({ id: f.acceptance.id, subject: f.title })}
            onDelete={setDeleting}
          />
        ))}

      <section className="lifecycle-section" aria-labelledby="acceptances-title">
        <h2 id="acceptances-title">Risk acceptances</h2>
        {loaded && <AcceptanceList acceptances={acceptances} onRevoke={(a: AcceptanceView) => setRevoking({ id: a.id, subject: a.subject })} />}
      </section>

      <FindingDialog vendorId={vendor.id} finding={editing} onClose={() => setEditing(null)} />
      <AcceptRiskDialog target={accepting} onClose={() => setAccepting(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete finding"
        message={deleting ? `Delete “${deleting.title}”? Its risk acceptances go with it. The audit trail keeps a record.` : ''}
        confirmLabel="Delete finding"
        busyLabel="Deleting…"
        onConfirm={async () => {
          if (!deleting) return null;
          const result = await deleteFinding(deleting.id);
          return result.ok ? null : result.error.message;
        }}
        onClose={() => setDeleting(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke acceptance"
        message={revoking ? `Revoke the acceptance of “${revoking.subject}”? The risk is open again from now.` : ''}
        confirmLabel="Revoke acceptance"
        busyLabel="Revoking…"
        onConfirm={async () => {
          if (!revoking) return null;
          const result = await revokeAcceptance(revoking.id);
          return result.ok ? null : result.error.message;
        }}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}
