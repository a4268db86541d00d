import { completionPercent, scoreText } from '../../shared/format';

// Plain-text tables for the terminal.
export function table(headers: string[], rows: string[][]): string {
  // A cell is one line: a line break typed into a field (an imported purpose, a note) would break the table.
  rows = rows.map((r) => r.map((c) => (c ?? '').replace(/\s*[\r\n]+\s*/g, ' ')));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const percent = (n: number) => `${completionPercent(n)}%`;
export const score = (n: number | null) => scoreText(n, '-');
