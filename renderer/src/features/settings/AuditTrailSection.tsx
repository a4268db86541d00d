// Settings → Audit trail: whether the trail's hash chain verifies (audit.verify), checked when the
// page opens and again on "Check now". Read-only: what the chain proves is in docs/security.md.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { auditChainLine, type AuditChainCheck } from '../../../../shared/domain/audit';
import { api } from '../../api/client';

type CheckState = { status: 'checking' } | { status: 'ready'; check: AuditChainCheck } | { status: 'error'; message: string };

export function AuditTrailSection() {
  const headingId = useId();
  const [state, setState] = useState<CheckState>({ status: 'checking' });
  const live = useRef(true);

  const check = useCallback(async () => {
    setState({ status: 'checking' });
    const result = await api['audit.verify']({});
    if (!live.current) return;
    setState(result.ok ? { status: 'ready', check: result.value } : { status: 'error', message: result.error.message });
  }, []);

  useEffect(() => {
    live.current = true;
    void check();
    return () => {
      live.current = false;
    };
  }, [check]);

  const broken = state.status === 'ready' && !state.check.ok;
  return (
    <section className="form-section audit-trail-section" aria-labelledby={headingId} data-testid="audit-trail-settings">
      <h2 id={headingId}>Audit trail</h2>
      <p className="muted section-hint">
        Every change is recorded, and each entry is chained to the one before it by a hash, so an entry edited, removed
        or slipped in behind the app’s back shows here. Keep the chain head printed on each review report: a later
        rewrite of the whole trail would then contradict paper.
      </p>
      <p className={`audit-chain-line${broken ? ' form-error' : ''}`} role={broken ? 'alert' : 'status'} data-testid="audit-chain">
        {state.status === 'checking' && 'Checking the audit trail…'}
        {state.status === 'error' && `The audit trail could not be checked: ${state.message}`}
        {state.status === 'ready' && auditChainLine(state.check)}
      </p>
      <button type="button" className="button" onClick={() => void check()} disabled={state.status === 'checking'}>
        Check now
      </button>
    </section>
  );
}
