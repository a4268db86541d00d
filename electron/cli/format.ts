import { completionPercent, scoreText } from '../../shared/format';

// Plain-text tables for the terminal.
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const percent = (n: number) => `${completionPercent(n)}%`;
export const score = (n: number | null) => scoreText(n, '-');
