// The provider's incidents over the period as a timeline: one lane per impact (most serious on
// top), each incident a mark at its start in its impact's colour AND shape (diamond, square,
// triangle, circle; "?" on a lane of its own when a history feed gave none), with a line for as
// long as it lasted. An open incident is drawn hollow with a
// dashed line to today; one the status page never showed carries "!". The legend says all of it
// in words, and the same incidents are listed as text for those who cannot see the drawing.
import { useId } from 'react';
import type { IncidentView } from '../../../../shared/api';
import { IMPACT_ORDER, IMPACT_SYMBOLS, impactLabel, laneOf, type Lane } from './impact';
import { instantText, periodDayText } from './instants';
import { countOf, impactCounts, minutesBetween, minutesText } from './measureWords';
import { monthTicks, placeIncidents, type Placed } from './timelineLayout';

const DAY = 86_400_000;
const WIDTH = 880;
const LEFT = 104;
const RIGHT = 18;
const TOP = 8;
const LANE = 30;
const AXIS = 30;
const PLOT = WIDTH - LEFT - RIGHT;

interface Props {
  incidents: readonly IncidentView[];
  /** Whole UTC days, both inclusive. */
  period: { from: string; to: string };
  /** Now, as epoch milliseconds (open incidents reach it). */
  now: number;
}

/** The mark of an impact, centred on (x, y); `hollow` for an open incident. */
export function ImpactMark({ impact, x, y, hollow = false, className = '' }: { impact: Lane; x: number; y: number; hollow?: boolean; className?: string }) {
  const cls = `tl-mark tl-impact-${impact}${hollow ? ' is-hollow' : ''} ${className}`.trim();
  switch (impact) {
    case 'unknown':
      return (
        <g>
          <circle className={cls} cx={x} cy={y} r={7.5} />
          <text className={hollow ? 'tl-unknown-glyph is-hollow' : 'tl-unknown-glyph'} x={x} y={y} textAnchor="middle" dominantBaseline="central">
            ?
          </text>
        </g>
      );
    case 'critical':
      return <polygon className={cls} points={`${x},${y - 8} ${x + 8},${y} ${x},${y + 8} ${x - 8},${y}`} />;
    case 'major':
      return <rect className={cls} x={x - 6} y={y - 6} width={12} height={12} />;
    case 'minor':
      return <polygon className={cls} points={`${x},${y - 7.5} ${x + 7.5},${y + 6} ${x - 7.5},${y + 6}`} />;
    default:
      return <circle className={cls} cx={x} cy={y} r={6} />;
  }
}

/** One incident in words, as the text alternative lists it. */
export function incidentWords(p: Placed): string {
  const i = p.incident;
  const lasted = minutesBetween(i.startedAt, i.resolvedAt);
  const lane = laneOf(i);
  const parts = [`${IMPACT_SYMBOLS[lane]} ${impactLabel(lane)}: ${i.title}`, `started ${instantText(i.startedAt)}`];
  parts.push(p.open ? 'still open' : `resolved after ${minutesText(lasted ?? 0)}`);
  if (!i.onStatusPage) parts.push('not on their status page');
  return parts.join(', ');
}

export function IncidentTimeline({ incidents, period, now }: Props) {
  const captionId = useId();
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const to = Date.parse(`${period.to}T00:00:00Z`) + DAY;
  const x = (t: number) => LEFT + ((Math.min(Math.max(t, from), to) - from) / (to - from)) * PLOT;
  const placed = placeIncidents(incidents, from, to, now);
  const byLane: Record<Lane, number> = { critical: 0, major: 0, minor: 0, none: 0, unknown: 0 };
  for (const p of placed) byLane[laneOf(p.incident)]++;
  // The lane for incidents whose impact no one gave appears only when there are some.
  const lanes: readonly Lane[] = byLane.unknown > 0 ? [...IMPACT_ORDER, 'unknown'] : IMPACT_ORDER;
  const height = TOP + lanes.length * LANE + AXIS;
  const open = placed.filter((p) => p.open).length;
  const ticks = monthTicks(from, to);
  const laneY = (lane: Lane) => TOP + lanes.indexOf(lane) * LANE + LANE / 2;
  const axisY = TOP + lanes.length * LANE;
  const caption =
    placed.length === 0
      ? `No incidents on record from ${periodDayText(period.from)} to ${periodDayText(period.to)}.`
      : `${countOf(placed.length, 'incident')} from ${periodDayText(period.from)} to ${periodDayText(period.to)}: ${impactCounts(byLane, byLane.unknown)}${open > 0 ? `; ${open} still open` : ''}.`;

  return (
    <figure className="incident-timeline" data-testid="incident-timeline">
      <figcaption id={captionId} className="timeline-caption">
        {caption}
      </figcaption>
      <svg className="timeline-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={captionId} preserveAspectRatio="xMinYMin meet">
        {lanes.map((impact, index) => (
          <g key={impact}>
            <rect className={index % 2 === 0 ? 'tl-lane' : 'tl-lane tl-lane-alt'} x={LEFT} y={TOP + index * LANE} width={PLOT} height={LANE} />
            <ImpactMark impact={impact} x={14} y={laneY(impact)} className="tl-lane-mark" />
            <text className="tl-lane-label" x={28} y={laneY(impact)} dominantBaseline="central">
              {impactLabel(impact)}
            </text>
          </g>
        ))}
        {ticks.map((t) => (
          <g key={t.at}>
            <line className={t.label ? 'tl-tick tl-tick-major' : 'tl-tick'} x1={x(t.at)} x2={x(t.at)} y1={TOP} y2={axisY + (t.label ? 6 : 3)} />
            {t.label && (
              <text className="tl-tick-label" x={x(t.at)} y={axisY + 18} textAnchor="middle">
                {t.label}
              </text>
            )}
          </g>
        ))}
        <line className="tl-axis" x1={LEFT} x2={LEFT + PLOT} y1={axisY} y2={axisY} />
        {placed.map((p) => {
          const lane = laneOf(p.incident);
          const y = laneY(lane);
          const x1 = x(p.start);
          const x2 = Math.max(x(p.end), x1);
          return (
            <g key={p.incident.id} className="tl-incident" data-testid="timeline-mark" data-impact={lane} data-open={p.open || undefined}>
              <title>{incidentWords(p)}</title>
              {x2 - x1 > 1 && <line className={`tl-bar tl-impact-${lane}${p.open ? ' is-open' : ''}`} x1={x1} x2={x2} y1={y} y2={y} />}
              <ImpactMark impact={lane} x={x1} y={y} hollow={p.open} />
              {!p.incident.onStatusPage && (
                <text className="tl-not-on-page" x={x1} y={y - 10} textAnchor="middle">
                  !
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="timeline-legend" aria-label="Legend">
        {lanes.map((impact) => (
          <li key={impact}>
            <svg className="legend-mark" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <ImpactMark impact={impact} x={10} y={10} />
            </svg>
            <span>{impactLabel(impact)}</span>
          </li>
        ))}
        <li>
          <svg className="legend-mark legend-mark-wide" viewBox="0 0 36 20" aria-hidden="true" focusable="false">
            <line className="tl-bar tl-impact-none is-open" x1={10} x2={34} y1={10} y2={10} />
            <ImpactMark impact="none" x={10} y={10} hollow />
          </svg>
          <span>Hollow, dashed: still open</span>
        </li>
        <li>
          <span className="legend-bang" aria-hidden="true">
            !
          </span>
          <span>Not on their status page</span>
        </li>
      </ul>
      {placed.length > 0 && (
        <details className="timeline-text">
          <summary>The timeline as text</summary>
          <ol aria-label="Incidents in the timeline, oldest first">
            {placed.map((p) => (
              <li key={p.incident.id}>{incidentWords(p)}</li>
            ))}
          </ol>
        </details>
      )}
    </figure>
  );
}
