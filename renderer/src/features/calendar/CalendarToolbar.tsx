// Above the grid: Previous / Today / Next, the range shown and the zone its times are in, the
// week/month switch and the critical-path filter. Every control changes the address
// (CalendarPage), so a reload or a bookmark shows the same view.
import type { CalendarSpan } from '../../app/router';

interface Props {
  view: CalendarSpan;
  title: string;
  zoneCaption: string;
  criticalOnly: boolean;
  onPrevious(): void;
  onToday(): void;
  onNext(): void;
  onView(view: CalendarSpan): void;
  onCriticalOnly(on: boolean): void;
}

export function CalendarToolbar({ view, title, zoneCaption, criticalOnly, onPrevious, onToday, onNext, onView, onCriticalOnly }: Props) {
  const unit = view === 'week' ? 'week' : 'month';
  return (
    <div className="cal-toolbar">
      <div className="cal-nav" role="group" aria-label="Move through time">
        <button type="button" className="button button-small" onClick={onPrevious} aria-label={`Previous ${unit}`} title={`Previous ${unit}`}>
          <span aria-hidden="true">‹</span> Previous
        </button>
        <button type="button" className="button button-small" onClick={onToday} aria-label={`Today: the ${unit} with today`} title={`The ${unit} with today`}>
          Today
        </button>
        <button type="button" className="button button-small" onClick={onNext} aria-label={`Next ${unit}`} title={`Next ${unit}`}>
          Next <span aria-hidden="true">›</span>
        </button>
      </div>
      <div className="cal-range">
        <h2 className="cal-range-title" aria-live="polite" data-testid="calendar-range">
          {title}
        </h2>
        <p className="cal-zone muted" data-testid="calendar-zone">
          Times in {zoneCaption}
        </p>
      </div>
      <div className="cal-options">
        <fieldset className="cal-views">
          <legend className="visually-hidden">View</legend>
          {(['week', 'month'] as const).map((v) => (
            <label key={v} className={view === v ? 'cal-view checked' : 'cal-view'}>
              <input type="radio" name="calendar-view" value={v} checked={view === v} onChange={() => onView(v)} />
              {v === 'week' ? 'Week' : 'Month'}
            </label>
          ))}
        </fieldset>
        <label className="cal-critical-toggle">
          <input type="checkbox" checked={criticalOnly} onChange={(e) => onCriticalOnly(e.target.checked)} />
          Critical path only
        </label>
      </div>
    </div>
  );
}
