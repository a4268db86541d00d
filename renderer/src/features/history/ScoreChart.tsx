import type { ReviewHistoryEntry } from '../../../../shared/api';
import { REVIEW_STATUS_LABELS } from '../../../../shared/domain/labels';
import { formatDate, formatScore } from '../../lib/format';
import { decisionStep } from '../workflow/workflowText';

const WIDTH = 560;
const HEIGHT = 190;
const PAD = { top: 24, right: 20, bottom: 30, left: 34 };
/** Points keep clear of the axis labels. */
const INSET = 22;
const GRID = [0, 25, 50, 75, 100];

interface Point {
  x: number;
  y: number;
  score: number;
  entry: ReviewHistoryEntry;
  date: string;
}

/** When a review's score counts: its decision (the frozen score), else when it was started. */
function dateOf(entry: ReviewHistoryEntry): string {
  return decisionStep(entry.review, entry.steps)?.at ?? entry.review.startedAt;
}

/**
 * The provider's score review after review, oldest on the left: drawn as SVG elements (no markup
 * injected), named in words for screen readers by its aria-label.
 */
export function ScoreChart({ entries }: { entries: readonly ReviewHistoryEntry[] }) {
  const scored = [...entries].reverse().filter((e): e is ReviewHistoryEntry & { score: number } => e.score !== null);
  if (scored.length === 0) return <p className="muted">No review has a score yet.</p>;

  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = scored.length > 1 ? (plotW - 2 * INSET) / (scored.length - 1) : 0;
  const points: Point[] = scored.map((entry, i) => ({
    x: PAD.left + (scored.length > 1 ? INSET + i * step : plotW / 2),
    y: PAD.top + plotH * (1 - entry.score / 100),
    score: entry.score,
    entry,
    date: formatDate(dateOf(entry)),
  }));
  const summary = points
    .map((p) => `${formatScore(p.score)} on ${p.date} (${REVIEW_STATUS_LABELS[p.entry.review.status]}${p.entry.frozen ? ', frozen' : ''})`)
    .join('; ');
  const label = `Score over time, oldest first: ${summary}.`;
  // Dates under the axis: all of them when few, else the first and the last.
  const dated = points.length <= 6 ? points : [points[0]!, points.at(-1)!];

  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label} data-testid="score-chart">
        {GRID.map((value) => {
          const y = PAD.top + plotH * (1 - value / 100);
          return (
            <g key={value} className="score-chart-grid" aria-hidden="true">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 8} y={y + 4} textAnchor="end">
                {value}
              </text>
            </g>
          );
        })}
        {points.length > 1 && <polyline className="score-chart-line" points={points.map((p) => `${p.x},${p.y}`).join(' ')} />}
        {points.map((p) => (
          <g key={p.entry.review.id} aria-hidden="true">
            <circle className={`score-chart-dot tier-fill-${p.entry.tier ?? 'none'}${p.entry.frozen ? '' : ' is-live'}`} cx={p.x} cy={p.y} r={5} />
            <text className="score-chart-value" x={p.x} y={p.y - 10} textAnchor="middle">
              {formatScore(p.score)}
            </text>
          </g>
        ))}
        {dated.map((p) => (
          <text
            key={`date-${p.entry.review.id}`}
            className="score-chart-date"
            x={p.x}
            y={HEIGHT - 8}
            textAnchor="middle"
            aria-hidden="true"
          >
            {p.date}
          </text>
        ))}
      </svg>
      <figcaption className="muted score-chart-caption">Filled dots: scores frozen at a decision; hollow: the open review, live.</figcaption>
    </figure>
  );
}
