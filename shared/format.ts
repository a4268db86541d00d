// How numbers read, wherever they are shown: app, CLI, PDF, CSV and chart share these, so the
// same provider never shows 41.6 in one place and 41.7 in another.
import { roundScore } from './scoring/score';

/** A 0..100 score with one decimal, or `missing` when there is none. */
export function scoreText(score: number | null | undefined, missing: string): string {
  return score === null || score === undefined || !Number.isFinite(score) ? missing : roundScore(score).toFixed(1);
}

/** Completion 0..1 as a whole percentage, rounded down so 79.6 % never reads as the 80 % threshold. */
export function completionPercent(completion: number): number {
  if (!Number.isFinite(completion)) return 0;
  return Math.max(0, Math.min(100, Math.floor(completion * 100 + 1e-9)));
}

/**
 * An amount of money or days as people read it: thousands grouped with commas, two decimals only
 * when there is a fraction (1,450; 99.50; 1,234,567.50). No currency sign: the code follows it.
 */
export function formatAmount(amount: number): string {
  if (!Number.isFinite(amount)) return '';
  const fixed = Number.isInteger(amount) ? String(Math.abs(amount)) : Math.abs(amount).toFixed(2);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
