// Display formatting. Scores are rounded only here (shared/scoring never rounds).
import { roundScore } from '../../../shared/scoring';

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : roundScore(score).toFixed(1);
}

/** Completion 0..1 as a whole percentage, rounded down so 79.6 % never reads as 80 %. */
export function completionPercent(completion: number): number {
  return Math.max(0, Math.min(100, Math.floor(completion * 100 + 1e-9)));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateFormat.format(date);
}

export function formatPoints(points: number): string {
  return points >= 0.05 ? `−${points.toFixed(1)}` : points > 0 ? '−<0.1' : '0';
}
