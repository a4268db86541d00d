// The Maintenance tab's view of the next 90 days from this provider's side: other providers in
// maintenance at the same time (critical-path pairs first), its windows inside the company's
// blackout periods, and its maintenances announced at short notice — the same warnings as Needs
// attention and the calendar, asked for this provider only.
import { useEffect, useId, useState } from 'react';
import { addDays } from '../../../../shared/domain/dates';
import type { MaintenanceWarnings } from '../../../../shared/maintenance/overlaps';
import { api } from '../../api/client';
import { hrefs } from '../../app/router';
import { today } from '../attention/dates';
import { formatInstant, formatSpan } from '../attention/maintenanceLines';

const DAYS = 90;
/** More than a side panel can hold; the calendar lists them all. */
const LIMIT = 20;

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** `version` changes when the provider's windows do, so the warnings are asked again. */
export function ProviderClashes({ vendorId, version }: { vendorId: string; version: unknown }) {
  const headingId = useId();
  const [state, setState] = useState<{ warnings: MaintenanceWarnings | null; error: string | null }>({ warnings: null, error: null });

  useEffect(() => {
    let current = true;
    const from = today();
    void api['maintenance.warnings']({ range: { from, to: addDays(from, DAYS - 1) }, vendorId, limit: LIMIT }).then((result) => {
      if (!current) return;
      setState(result.ok ? { warnings: result.value, error: null } : { warnings: null, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [vendorId, version]);

  const w = state.warnings;
  const total = w ? w.totals.overlaps + w.totals.blackouts + w.totals.shortNotice : 0;
  const listed = w ? w.overlaps.length + w.blackouts.length + w.shortNotice.length : 0;
  return (
    <section className="side-panel provider-clashes" aria-labelledby={headingId} data-testid="provider-clashes">
      <h2 id={headingId}>Next {DAYS} days</h2>
      <p className="muted side-panel-intro">Other providers in maintenance at the same time, your blackout periods and short notice; times in your zone.</p>
      {state.error && (
        <p className="form-error" role="alert">
          The warnings could not be loaded: {state.error}
        </p>
      )}
      {!state.error && !w && (
        <p className="muted" role="status">
          Checking…
        </p>
      )}
      {w && total === 0 && <p className="claim-none">No overlaps with other providers, no windows in blackout periods and no short notice.</p>}
      {w && total > 0 && (
        <ul className="clash-list">
          {w.overlaps.map((o) => {
            const other = o.a.vendorId === vendorId ? o.b : o.a;
            const mine = o.a.vendorId === vendorId ? o.a : o.b;
            return (
              <li key={`${o.a.windowId}/${o.b.windowId}`} className={`clash clash-critical-${o.critical}`} data-testid="provider-clash">
                <span className="clash-mark" aria-hidden="true">
                  ⚠
                </span>
                <span>
                  In maintenance with <a href={hrefs.maintenance(other.vendorId)}>{other.vendorName}</a>
                  {other.criticalPath ? ' (critical path)' : ''}: “{mine.title}” and “{other.title}” overlap {times(o.times)}, first{' '}
                  {formatSpan(o.first.start, o.first.end)}.{o.critical === 2 ? ' Both on the critical path.' : ''}
                </span>
              </li>
            );
          })}
          {w.blackouts.map((b) => (
            <li key={`${b.window.windowId}/${b.blackoutId}`} className="clash" data-testid="provider-blackout-hit">
              <span className="clash-mark" aria-hidden="true">
                ▨
              </span>
              <span>
                “{b.window.title}” falls in the blackout period “{b.blackoutName}” {times(b.times)}, first {formatSpan(b.first.start, b.first.end)}.
              </span>
            </li>
          ))}
          {w.shortNotice.map((n) => (
            <li key={`${n.window.windowId}/${n.start}`} className="clash" data-testid="provider-short-notice">
              <span className="clash-mark" aria-hidden="true">
                !
              </span>
              <span>
                “{n.window.title}” starts {formatInstant(n.start)}, announced {n.noticeHours} hours ahead; {n.requiredHours} needed.
              </span>
            </li>
          ))}
        </ul>
      )}
      {w && total > listed && <p className="muted">{total - listed} more not listed here.</p>}
      {w && total > 0 && (
        <p className="muted">
          <a href={hrefs.calendar}>Open the maintenance calendar</a>
        </p>
      )}
    </section>
  );
}
