// What the marks on the grid mean. Every mark has a symbol, a pattern or a line style besides its
// colour, and the legend says so in words (the grid reads the same in grey-scale).
import type { BlackoutStripe } from './calendarModel';
import { listNames } from './barText';

export function CalendarLegend({ stripes }: { stripes: readonly BlackoutStripe[] }) {
  const names = [...new Set(stripes.map((s) => s.name))];
  return (
    <ul className="cal-legend" aria-label="Legend" data-testid="calendar-legend">
      <li>
        <span className="cal-swatch cal-bar cal-impact-outage" aria-hidden="true" />
        Window (outage)
      </li>
      <li>
        <span className="cal-swatch cal-bar cal-impact-degraded" aria-hidden="true" />
        Degraded service
      </li>
      <li>
        <span className="cal-swatch cal-bar cal-impact-none" aria-hidden="true" />
        No impact expected
      </li>
      <li>
        <span className="cal-swatch cal-bar cal-impact-outage cal-tentative" aria-hidden="true" />
        Tentative (dashed)
      </li>
      <li>
        <span className="cal-swatch cal-bar cal-overlap" aria-hidden="true">
          <span className="cal-bar-mark">⚠</span>
        </span>
        Overlaps another provider
      </li>
      <li>
        <span className="cal-swatch cal-swatch-blackout" aria-hidden="true" />
        Blackout period (hatched){names.length > 0 ? `: ${listNames(names)}` : ''}
      </li>
      <li>
        <span className="cal-critical">
          <span aria-hidden="true">◆ </span>Critical path
        </span>
        provider
      </li>
      <li>
        <span className="cal-swatch cal-swatch-now" aria-hidden="true" />
        Now
      </li>
    </ul>
  );
}
