// Reads a comparison PDF back by position: poppler's `pdftotext -bbox` gives every word with its
// box, so a test can tell which column a section score was printed in, and whether it was printed
// on the page at all (text drawn past the page edge is not extracted).
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}

/** Every page's words with their boxes, in pdftotext's reading order. */
export function pdfPages(file: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const [, width, height, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, x0, y0, x1, y1, text]) => ({ text: decode(text!), x0: Number(x0), y0: Number(y0), x1: Number(x1), y1: Number(y1) }),
    );
    pages.push({ width: Number(width), height: Number(height), words });
  }
  return pages;
}

/** The words of a page as one string, whitespace and zero-width spaces left out (for long unbroken names). */
export function squeezed(page: PdfPage): string {
  return page.words.map((w) => w.text).join('').replace(/[\s\u200b]/g, '');
}

export interface SectionScoreRow {
  /** 1 based. */
  page: number;
  /** The text printed in each numbered provider column of the row, in column order. */
  cells: string[];
}

/**
 * The "Section score" rows of a comparison, in document order, each cut into the provider columns
 * whose heads start with `heads` (their first word: "1." for numbered heads, else the name's). A
 * column spans from the left edge of its head to the left edge of the next one (the last to the
 * page edge); the row from its label to the next line of the question column. Throws when a head
 * is not on the page above a row: that column was not printed.
 */
export function sectionScoreRows(file: string, heads: readonly string[]): SectionScoreRow[] {
  const rows: SectionScoreRow[] = [];
  pdfPages(file).forEach((page, index) => {
    const { words } = page;
    words.forEach((word, i) => {
      if (word.text !== 'Section' || words[i + 1]?.text !== 'score') return;
      const top = word.y0;
      // The head row starts where the question column's head ("Question") does, right above.
      const headRow = words.filter((w) => w.text === 'Question' && w.y1 <= top).reduce((a, b) => (b.y0 > a.y0 ? b : a));
      const starts = heads.map((head) => {
        const found = words.filter((w) => w.text.startsWith(head) && w.y0 >= headRow.y0 - 0.5 && w.y1 <= top);
        if (found.length === 0) throw new Error(`page ${index + 1}: no head "${head}" above a section score row`);
        return found.reduce((a, b) => (b.y0 > a.y0 ? b : a)).x0;
      });
      const questionColumnEnd = starts[0]! - 1;
      const below = words.filter((w) => w.x1 <= questionColumnEnd && w.y0 > word.y1 + 1);
      // The footer line ends "Page N of M" (it starts "As of D" or "DRAFT: …"): a row ends above it.
      const footer = words.find((w, j) => w.text === 'Page' && /^\d+$/.test(words[j + 1]?.text ?? '') && words[j + 2]?.text === 'of' && w.y0 > page.height / 2);
      const bottom = Math.min(...below.map((w) => w.y0), footer?.y0 ?? page.height);
      const cells = starts.map((start, c) => {
        const end = starts[c + 1] ?? page.width;
        return words
          .filter((w) => w.x0 >= start - 0.5 && w.x0 < end - 0.5 && w.y0 >= top - 0.5 && w.y0 < bottom - 0.5)
          .map((w) => w.text)
          .join(' ');
      });
      rows.push({ page: index + 1, cells });
    });
  });
  return rows;
}

/** Words whose box reaches past the page's edges: drawn where nobody can read them. */
export function wordsOffPage(file: string): string[] {
  return pdfPages(file).flatMap((page, i) =>
    page.words.filter((w) => w.x0 < 0 || w.y0 < 0 || w.x1 > page.width || w.y1 > page.height).map((w) => `page ${i + 1}: ${w.text}`),
  );
}
