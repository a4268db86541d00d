// The time axis: day labels over the grid (with the blackout periods named under them) and, behind
// every row at once, the day lines, weekends, quarter-day ticks (week view), blackout stripes and
// the line for now. One layer for the whole body instead of per row, so rows stay light.
import { memo } from 'react';
import { wallToUtc } from '../../../../shared/maintenance/zone';
import { spanText } from './barText';
import type { BlackoutStripe } from './calendarModel';
import { WEEKDAY_SHORT, MONTH_SHORT, type VisibleRange } from './calendarRange';

const percent = (range: VisibleRange, t: number) => ((t - range.span.start) / (range.span.end - range.span.start)) * 100;
const place = (left: number, width: number) => ({ left: `${left}%`, width: `${width}%` });

interface Props {
  range: VisibleRange;
  stripes: readonly BlackoutStripe[];
  now: number;
  zone: string;
}

/** Percent of the axis a blackout's name needs beside it to be worth writing. */
const LABEL_ROOM = 4.5;

/**
 * The blackout stripes that get their name over the grid: the longest first, none that starts
 * inside one already named (a freeze names itself, not the peak hours within it), and only where
 * the name has room up to the next named stripe. The rest are named by the legend and their title.
 */
function labelled(stripes: readonly BlackoutStripe[]): { stripe: BlackoutStripe; room: number }[] {
  const chosen: BlackoutStripe[] = [];
  for (const s of [...stripes].sort((a, b) => b.width - a.width || a.left - b.left)) {
    if (!chosen.some((c) => s.left >= c.left && s.left < c.left + Math.max(c.width, LABEL_ROOM))) chosen.push(s);
  }
  chosen.sort((a, b) => a.left - b.left);
  return chosen
    .map((stripe, i) => ({ stripe, room: (chosen[i + 1]?.left ?? 100) - stripe.left }))
    .filter((l) => l.room >= LABEL_ROOM || l.stripe.width >= LABEL_ROOM);
}

const inView = (range: VisibleRange, now: number) => now >= range.span.start && now < range.span.end;

export const TimeHeader = memo(function TimeHeader({ range, stripes, now, zone }: Props) {
  const week = range.view === 'week';
  return (
    <div className="cal-axis" aria-hidden="true">
      {range.days.map((day) => {
        const today = now >= day.start && now < day.end;
        const left = percent(range, day.start);
        return (
          <div
            key={day.date}
            className={`cal-day-head${day.weekday >= 5 ? ' cal-weekend' : ''}${today ? ' cal-today' : ''}`}
            style={place(left, percent(range, day.end) - left)}
            title={`${WEEKDAY_SHORT[day.weekday]} ${day.day} ${MONTH_SHORT[day.month - 1]}${today ? ' (today)' : ''}`}
          >
            <span className="cal-dow">{week ? WEEKDAY_SHORT[day.weekday] : WEEKDAY_SHORT[day.weekday]!.slice(0, 2)}</span>
            <span className="cal-dom">{week ? `${day.day} ${MONTH_SHORT[day.month - 1]}` : day.day}</span>
          </div>
        );
      })}
      <div className="cal-blackout-band">
        {labelled(stripes).map(({ stripe: s, room }) => (
          <span
            key={s.key}
            className="cal-blackout-label"
            style={{ left: `${s.left}%`, minWidth: `${Math.min(s.width, room)}%`, maxWidth: `${room}%` }}
            title={`Blackout: ${s.name}, ${spanText(zone, s.start, s.end)}`}
          >
            {s.name}
          </span>
        ))}
      </div>
      {inView(range, now) && <span className="cal-now-head" style={{ left: `${percent(range, now)}%` }} />}
    </div>
  );
});

export const TimeBackdrop = memo(function TimeBackdrop({ range, stripes, now, zone }: Props) {
  const ticks: number[] = [];
  if (range.view === 'week') {
    for (const day of range.days) {
      const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
      for (const hour of [6, 12, 18]) ticks.push(wallToUtc(zone, { y, m, d, minutes: hour * 60 }));
    }
  }
  return (
    <div className="cal-backdrop" aria-hidden="true">
      {range.days.map((day) => {
        const left = percent(range, day.start);
        const today = now >= day.start && now < day.end;
        return <div key={day.date} className={`cal-day${day.weekday >= 5 ? ' cal-weekend' : ''}${today ? ' cal-today' : ''}`} style={place(left, percent(range, day.end) - left)} />;
      })}
      {ticks.map((t) => (
        <div key={t} className="cal-tick" style={{ left: `${percent(range, t)}%` }} />
      ))}
      {stripes.map((s) => (
        <div key={s.key} className="cal-blackout" style={place(s.left, s.width)} />
      ))}
      {inView(range, now) && <div className="cal-now" style={{ left: `${percent(range, now)}%` }} />}
    </div>
  );
});
