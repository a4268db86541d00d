// "Maintenance calendar": every provider's maintenance windows side by side in a week or a month,
// in the user's own time zone, with the company's blackout periods shaded, overlaps between
// providers marked, and the warnings for the range listed under the grid. The view, the day and
// the filter live in the address (#/calendar?view=month&date=…&critical=1): a reload keeps them.
import { useEffect, useId, useMemo, useState } from 'react';
import { hrefs, replaceRoute, useRoute, type CalendarView } from '../../app/router';
import { ExportButton } from '../../components/ExportButton';
import { useFocusHeading } from '../../components/useFocusHeading';
import { CalendarEmpty } from './CalendarEmpty';
import { CalendarGrid } from './CalendarGrid';
import { CalendarLegend } from './CalendarLegend';
import { buildModel } from './calendarModel';
import { todayIn, userTimeZone, visibleRange, zoneCaption } from './calendarRange';
import { CalendarToolbar } from './CalendarToolbar';
import { scopeWarnings } from './scopeWarnings';
import { useCalendarSource, useWarnings } from './useCalendarData';
import { useIcsExport } from './useIcsExport';
import { WarningsList } from './WarningsList';

const DEFAULT_VIEW: CalendarView = { view: 'week', date: null, criticalOnly: false };
const MINUTE = 60_000;

/** The clock, to the minute: the "now" line and which day is today move while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function CalendarPage() {
  const route = useRoute();
  const view: CalendarView = route.page === 'calendar' ? { view: route.view, date: route.date, criticalOnly: route.criticalOnly } : DEFAULT_VIEW;
  const { criticalOnly } = view;
  // The zone the grid is drawn in: the one the user's computer is set to.
  const userZone = useMemo(userTimeZone, []);
  const now = useNow();
  const date = view.date ?? todayIn(userZone, now);
  const range = useMemo(() => visibleRange(view.view, date, userZone), [view.view, date, userZone]);
  const period = view.view === 'week' ? 'this week' : 'this month';

  const source = useCalendarSource();
  const model = useMemo(
    () => (source.windows ? buildModel(source.windows, source.blackouts, range.span, criticalOnly) : null),
    [source.windows, source.blackouts, range, criticalOnly],
  );
  const hasRows = model !== null && model.rows.length > 0;
  const anyWindows = source.windows !== null && source.windows.some((w) => w.status !== 'cancelled');
  // Nothing on record at all: moving through weeks would show the same nothing, so no toolbar.
  const noWindowsAtAll = source.windows !== null && !anyWindows;
  const { warnings, error: warningsError } = useWarnings(range.apiRange, criticalOnly, hasRows);
  const scoped = useMemo(() => (warnings && model ? scopeWarnings(warnings, model, range.span) : null), [warnings, model, range]);
  const { busy, exportIcs } = useIcsExport();
  const heading = useFocusHeading<HTMLHeadingElement>('calendar');
  const hintId = useId();

  useEffect(() => {
    document.title = 'Maintenance calendar — Vetted';
  }, []);

  const setView = (patch: Partial<CalendarView>) => replaceRoute(hrefs.calendarAt({ ...view, ...patch }));
  const barsInView = model ? model.bars.length : 0;

  return (
    <div className="page cal-page">
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Maintenance calendar
          </h1>
          <p className="page-subtitle muted">Providers’ maintenance windows side by side, with your blackout periods. Open a window for its provider’s Maintenance tab.</p>
        </div>
        <div className="page-actions">
          <ExportButton
            label="Export .ics"
            busy={busy}
            onExport={() => void exportIcs(range.apiRange, criticalOnly)}
            unavailable={model && !hasRows ? 'No maintenance windows to export yet.' : undefined}
            description={`Every maintenance ${criticalOnly ? 'of critical-path providers ' : ''}from ${range.apiRange.from} to ${range.apiRange.to} (UTC days covering ${period}) as an iCalendar file for a team calendar.`}
            busyAnnouncement="Exporting the maintenance calendar…"
            testId="calendar-export-ics"
          />
        </div>
      </div>
      {!noWindowsAtAll && (
        <CalendarToolbar
          view={view.view}
          title={range.title}
          zoneCaption={zoneCaption(userZone, range.span)}
          criticalOnly={criticalOnly}
          onPrevious={() => setView({ date: range.previous })}
          onToday={() => setView({ date: null })}
          onNext={() => setView({ date: range.next })}
          onView={(v) => setView({ view: v })}
          onCriticalOnly={(on) => setView({ criticalOnly: on })}
        />
      )}
      {source.error && (
        <div className="cal-problem">
          <p className="form-error" role="alert">
            The maintenance windows could not be loaded: {source.error}
          </p>
          <button type="button" className="button" onClick={source.reload}>
            Try again
          </button>
        </div>
      )}
      {!source.error && !model && (
        <p className="muted loading" role="status">
          Loading maintenance windows…
        </p>
      )}
      {model && !hasRows && <CalendarEmpty filtered={criticalOnly && anyWindows} onShowAll={() => setView({ criticalOnly: false })} />}
      {model && hasRows && (
        <>
          <CalendarLegend stripes={model.stripes} />
          {barsInView === 0 && (
            <p className="cal-nothing" role="status">
              No provider has maintenance {period}.
            </p>
          )}
          <CalendarGrid
            model={model}
            range={range}
            userZone={userZone}
            now={now}
            label={`Maintenance windows, ${range.title}, times in ${userZone}`}
            hintId={hintId}
          />
          <p id={hintId} className="cal-keys muted">
            Keyboard: <kbd className="kbd">Tab</kbd> to the windows, <kbd className="kbd">←</kbd> <kbd className="kbd">→</kbd> earlier or later window of the
            provider, <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> the provider above or below, <kbd className="kbd">Home</kbd>{' '}
            <kbd className="kbd">End</kbd> first or last in the row, <kbd className="kbd">Enter</kbd> opens the provider’s Maintenance tab.
          </p>
          <WarningsList warnings={scoped} error={warningsError} userZone={userZone} period={period} />
        </>
      )}
    </div>
  );
}
