// Nothing to draw: no provider has a maintenance window yet (say where windows come from and open
// a provider's Maintenance tab), or the critical-path filter hides every provider that has one.
import { useEffect, useId, useState } from 'react';
import type { VendorSummary } from '../../../../shared/api';
import { api } from '../../api/client';
import { hrefs } from '../../app/router';

export function CalendarEmpty({ filtered, onShowAll }: { filtered: boolean; onShowAll(): void }) {
  if (filtered) {
    return (
      <div className="empty-state cal-empty" data-testid="calendar-empty">
        <h2>No critical-path provider has maintenance windows</h2>
        <p className="muted">Other providers do. Mark a provider as on the critical path on its Profile tab to see it here.</p>
        <button type="button" className="button" onClick={onShowAll}>
          Show every provider
        </button>
      </div>
    );
  }
  return <NoWindows />;
}

function NoWindows() {
  const [vendors, setVendors] = useState<VendorSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const selectId = useId();

  useEffect(() => {
    let current = true;
    void api['vendor.list']({}).then((result) => {
      if (!current) return;
      const list = result.ok ? [...result.value] : [];
      // Critical-path providers first: their windows matter most.
      list.sort((a, b) => Number(b.criticalPath) - Number(a.criticalPath) || a.name.localeCompare(b.name));
      setVendors(list);
      setChosen(list[0]?.id ?? '');
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <div className="empty-state cal-empty" data-testid="calendar-empty">
      <h2>No maintenance windows yet</h2>
      <p className="muted">
        A provider’s windows are added on its Maintenance tab: type in its standing window (for example every Sunday 02:00–04:00 in its time zone)
        or import the iCalendar or Statuspage file it publishes. They show here, side by side, with your blackout periods.
      </p>
      {vendors !== null && vendors.length === 0 && (
        <p>
          <a className="button button-primary" href={hrefs.register}>
            Add a provider first
          </a>
        </p>
      )}
      {vendors !== null && vendors.length > 0 && (
        <div className="cal-empty-pick">
          <label htmlFor={selectId}>Provider</label>
          <select id={selectId} className="select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {vendors.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.criticalPath ? ' (critical path)' : ''}
              </option>
            ))}
          </select>
          <a className="button button-primary" href={chosen ? hrefs.maintenance(chosen) : hrefs.register}>
            Open its Maintenance tab
          </a>
        </div>
      )}
    </div>
  );
}
