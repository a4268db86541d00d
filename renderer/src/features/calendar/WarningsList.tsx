// Under the grid: what the visible range warns about, in words, critical path first: two
// providers in maintenance at once (both named, with the time), windows inside blackout
// periods, and scheduled maintenances announced with less notice than required. Long lists (500
// providers in a month can overlap thousands of times) show a page of entries at a time.
import { useState, type ReactNode } from 'react';
import type { BlackoutHit, MaintenanceWarnings, ShortNotice, WindowOverlap, WindowRef } from '../../../../shared/maintenance/overlaps';
import { hrefs } from '../../app/router';
import { instantText, spanText } from './barText';
import { unlistedWarnings } from './scopeWarnings';
import { CALENDAR_WARNING_LIMIT } from './useCalendarData';

const PAGE = 50;

interface Props {
  /** Trimmed to the view; null while they load. */
  warnings: MaintenanceWarnings | null;
  error: string | null;
  userZone: string;
  /** "this week", "this month". */
  period: string;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const hours = (h: number) => `${h} hour${h === 1 ? '' : 's'}`;

function Provider({ window }: { window: WindowRef }) {
  return (
    <>
      <a href={hrefs.maintenance(window.vendorId)} className="cal-warning-provider">
        {window.vendorName}
      </a>
      {window.criticalPath && (
        <span className="cal-critical cal-critical-inline">
          <span aria-hidden="true">◆ </span>critical path
        </span>
      )}
    </>
  );
}

function criticalWords(critical: WindowOverlap['critical']): string {
  return critical === 2 ? 'Both on the critical path' : critical === 1 ? 'One of them on the critical path' : 'Neither on the critical path';
}

function OverlapItem({ o, zone, period }: { o: WindowOverlap; zone: string; period: string }) {
  return (
    <li className={`cal-warning cal-warning-critical-${o.critical}`} data-testid="calendar-overlap">
      <span className="cal-warning-mark" aria-hidden="true">
        ⚠
      </span>
      <div>
        <p>
          <Provider window={o.a} /> and <Provider window={o.b} /> are both in maintenance <strong>{spanText(zone, Date.parse(o.first.start), Date.parse(o.first.end))}</strong>
          {o.times > 1 ? ' (the first time)' : ''}.
        </p>
        <p className="muted">
          {o.a.title} and {o.b.title} overlap {times(o.times)} {period}, {o.minutes} minutes in all. {criticalWords(o.critical)}.
        </p>
      </div>
    </li>
  );
}

function BlackoutItem({ hit, zone, period }: { hit: BlackoutHit; zone: string; period: string }) {
  return (
    <li className="cal-warning" data-testid="calendar-blackout-hit">
      <span className="cal-warning-mark cal-warning-blackout" aria-hidden="true" />
      <div>
        <p>
          <Provider window={hit.window} /> — {hit.window.title} falls in the blackout period <strong>{hit.blackoutName}</strong>:{' '}
          <strong>{spanText(zone, Date.parse(hit.first.start), Date.parse(hit.first.end))}</strong>
          {hit.times > 1 ? ` and ${times(hit.times - 1)} more ${period}` : ''}.
        </p>
      </div>
    </li>
  );
}

function NoticeItem({ n, zone }: { n: ShortNotice; zone: string }) {
  const whose = n.missed.length === 2 ? 'both what the provider promised and the minimum in Settings' : n.missed[0] === 'promised' ? 'what the provider promised' : 'the minimum in Settings';
  return (
    <li className="cal-warning" data-testid="calendar-short-notice">
      <span className="cal-warning-mark" aria-hidden="true">
        ⏱
      </span>
      <div>
        <p>
          <Provider window={n.window} /> — {n.window.title} starts <strong>{instantText(zone, Date.parse(n.start))}</strong>: announced {hours(n.noticeHours)} before,
          less than the {hours(n.requiredHours)} needed ({whose}).
        </p>
      </div>
    </li>
  );
}

function Group<T>({ title, items, render, testId }: { title: string; items: readonly T[]; render(item: T, i: number): ReactNode; testId: string }) {
  const [pages, setPages] = useState(1);
  if (items.length === 0) return null;
  const shown = items.slice(0, pages * PAGE);
  return (
    <div className="cal-warning-group" data-testid={testId}>
      <h3>
        {title} ({items.length})
      </h3>
      <ul className="cal-warning-list">{shown.map(render)}</ul>
      {items.length > shown.length && (
        <p className="cal-warning-more">
          <span className="muted">
            Showing {shown.length} of {items.length}.
          </span>{' '}
          <button type="button" className="button button-small" onClick={() => setPages((n) => n + 1)}>
            Show {Math.min(PAGE, items.length - shown.length)} more
          </button>
        </p>
      )}
    </div>
  );
}

export function WarningsList({ warnings, error, userZone, period }: Props) {
  const count = warnings ? warnings.overlaps.length + warnings.blackouts.length + warnings.shortNotice.length : 0;
  const unlisted = warnings ? unlistedWarnings(warnings) : 0;
  return (
    <section className="cal-warnings" aria-labelledby="cal-warnings-title" data-testid="calendar-warnings">
      <h2 id="cal-warnings-title">
        Warnings {period}
        {warnings && count > 0 ? <span className="cal-warnings-count"> ({count})</span> : null}
      </h2>
      {error && (
        <p className="form-error" role="alert">
          The warnings could not be loaded: {error}
        </p>
      )}
      {!error && !warnings && (
        <p className="muted" role="status">
          Checking for overlaps…
        </p>
      )}
      {warnings && count === 0 && <p className="muted">No overlaps between providers, no windows in blackout periods and no short-notice maintenance {period}.</p>}
      {warnings && count > 0 && (
        <>
          <p className="muted cal-warnings-intro">Times in {userZone}; critical-path providers first.</p>
          {unlisted > 0 && (
            <p className="cal-warnings-partial" role="note" data-testid="calendar-warnings-partial">
              Only the first {CALENDAR_WARNING_LIMIT.toLocaleString()} warnings of each kind around these days are listed
              (critical path first); {unlisted.toLocaleString()} more are not. Narrow the view (a week, or critical path only), or run
              <code> vetted overlaps</code> for the whole list.
            </p>
          )}
          <Group
            title="Providers in maintenance at the same time"
            items={warnings.overlaps}
            testId="calendar-overlaps"
            render={(o) => <OverlapItem key={`${o.a.windowId}/${o.b.windowId}`} o={o} zone={userZone} period={period} />}
          />
          <Group
            title="Windows in blackout periods"
            items={warnings.blackouts}
            testId="calendar-blackout-hits"
            render={(hit) => <BlackoutItem key={`${hit.window.windowId}/${hit.blackoutId}`} hit={hit} zone={userZone} period={period} />}
          />
          <Group
            title="Announced at short notice"
            items={warnings.shortNotice}
            testId="calendar-short-notices"
            render={(n) => <NoticeItem key={`${n.window.windowId}/${n.start}`} n={n} zone={userZone} />}
          />
        </>
      )}
    </section>
  );
}
