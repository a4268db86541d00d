// Signals that connect the evidence: incidents of several providers open in the same hours (a
// shared upstream they record is named; none recorded may point at one nobody entered), and
// overlapping maintenance windows of providers that share a fourth party.
import { useEffect, useId, useState } from 'react';
import type { ConcentrationSignals } from '../../../../shared/api';
import type { SharedUpstream } from '../../../../shared/upstream/shared-upstreams';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { ListStatus } from '../../components/ListStatus';
import { formatSpan } from '../attention/maintenanceLines';
import { plural } from './words';

function sharedText(shared: readonly SharedUpstream[]): string {
  return shared
    .map((s) => (s.regions.length > 0 ? `${s.party} ${s.regions.map((r) => r.region.code).join(', ')}` : s.party))
    .join('; ');
}

export function SignalsPanel() {
  const uid = useId();
  const [signals, setSignals] = useState<ConcentrationSignals | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = async () => {
    setError(null);
    const result = await api['concentration.signals']({});
    if (result.ok) setSignals(result.value);
    else setError(result.error);
  };

  useEffect(() => {
    void reload();
  }, []);

  const incidents = signals?.incidents;
  const maintenance = signals?.maintenance;
  return (
    <section className="concentration-section" aria-labelledby={`${uid}-heading`} data-testid="signals">
      <h2 id={`${uid}-heading`}>Signals</h2>
      <ListStatus
        noun="signals"
        loading={signals === null && error === null}
        error={error}
        reload={reload}
        empty={
          signals !== null &&
          incidents!.total === 0 &&
          maintenance!.total === 0 && <p className="muted">No incidents of several providers in the same hours, and no overlapping maintenance on a shared fourth party.</p>
        }
      />
      {incidents && incidents.total > 0 && (
        <>
          <h3>Incidents in the same hours</h3>
          <p className="muted">
            {plural(incidents.total, 'group')}, {incidents.withSharedUpstream} with a shared upstream on record
            {incidents.groups.length < incidents.total ? ` (the first ${incidents.groups.length} shown)` : ''}.
          </p>
          <ul className="signal-list">
            {incidents.groups.map((g) => (
              <li key={`${g.from}-${g.providers.map((p) => p.vendorId).join(',')}`} data-testid="signal-incidents">
                <p>
                  <strong>{g.providers.map((p) => p.name).join(', ')}</strong> — all open {formatSpan(g.from, g.to)}
                </p>
                <p className={g.sharedUpstream ? undefined : 'muted'}>
                  {g.sharedUpstream
                    ? `Suggests a shared upstream: ${sharedText(g.shared)}.`
                    : 'No shared upstream on record: it may point at one nobody recorded.'}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {maintenance && maintenance.total > 0 && (
        <>
          <h3>Maintenance on a shared fourth party</h3>
          <ul className="signal-list">
            {maintenance.pairs.map((m) => (
              <li key={`${m.overlap.a.windowId}-${m.overlap.b.windowId}`} data-testid="signal-maintenance">
                <p>
                  <strong>
                    {m.overlap.a.vendorName} and {m.overlap.b.vendorName}
                  </strong>{' '}
                  — in maintenance at the same time, first {formatSpan(m.overlap.first.start, m.overlap.first.end)}
                </p>
                <p>Both on {sharedText(m.shared)}.</p>
              </li>
            ))}
          </ul>
          {maintenance.pairs.length < maintenance.total && <p className="muted">The first {maintenance.pairs.length} of {maintenance.total} shown.</p>}
        </>
      )}
    </section>
  );
}
