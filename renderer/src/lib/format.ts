// Display formatting: the shared rules (shared/format.ts) with the app's own placeholders.
import { completionPercent, scoreText } from '../../../shared/format';

export { completionPercent };

export function formatScore(score: number | null | undefined): string {
  return scoreText(score, '—');
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
