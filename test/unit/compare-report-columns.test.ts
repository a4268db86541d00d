// The comparison report's columns (shared/reports/compare-report.ts): fixed widths worked out
// from the page, provider names shortened in the heads with a legend of full names, and bands of
// providers when they do not fit one page width. The PDFs are rendered and read back by position.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { renderPdf } from '../../electron/core/reports/render';
import { compareProviders } from '../../shared/compare';
import type { CompareEntry, Comparison } from '../../shared/compare';
import { toAnswerMap } from '../../shared/domain/review';
import { scoreText } from '../../shared/format';
import { A4 } from '../../shared/reports/blocks';
import {
  LANDSCAPE_CONTENT_WIDTH,
  buildComparisonReport,
  breakLongWords,
  planColumnBands,
  shortenToWidth,
} from '../../shared/reports/compare-report';
import type { DocDefinition } from '../../shared/reports/types';
import { scoreReview } from '../../shared/scoring';
import { INFRASTRUCTURE_TEMPLATE as V1 } from '../../shared/templates/infrastructure';
import { pdfPages, sectionScoreRows, squeezed, wordsOffPage } from '../helpers/pdf-columns';
import { answer, answersFor, review, vendor } from '../helpers/review-fixtures';
import { tempDir } from '../helpers/tmp';

const GENERATED = '2025-03-10';
const PADDING = 8;

/** Provider `i` gives the weakest answer to its first `i` questions of every section, so its section scores differ from the others'. */
function entry(i: number, name: string): CompareEntry {
  const v = vendor(`p${i}`, name);
  const weakest = V1.sections.flatMap((s) => s.questions.filter((q) => q.kind === 'yesno').slice(0, i).map((q) => [q.id, answer(q.id, 'no')]));
  const answers = answersFor(V1, Object.fromEntries(weakest));
  return { vendor: v, review: review(v.id, V1), template: V1, answers, score: scoreReview(V1, toAnswerMap(answers), v) };
}

/** A name as long as the profile allows (200 characters), with nowhere to break it. */
const unbroken = (i: number) => `${String.fromCharCode(65 + i)}${String.fromCharCode(97 + i).repeat(199)}`;

/** The strings of a node, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return ['text', 'stack', 'columns', 'table', 'body'].flatMap((k) => (k in o ? texts(o[k]) : []));
  }
  return [];
}

interface TableInfo {
  /** The column heads: the last header row. */
  heads: string[];
  /** The first header row's text (a section table's title). */
  title: string;
  /** The text of each cell of the rows after the header rows. */
  rows: string[][];
}

function tables(doc: DocDefinition): TableInfo[] {
  const out: TableInfo[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.table) {
        const t = o.table as { body: unknown[][]; headerRows: number };
        const cellTexts = (row: unknown[]) => row.map((c) => texts(c).join(''));
        out.push({ heads: cellTexts(t.body[t.headerRows - 1]!), title: texts(t.body[0]![0]).join(''), rows: t.body.slice(t.headerRows).map(cellTexts) });
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(doc.content);
  return out;
}

async function render(doc: DocDefinition, name: string): Promise<string> {
  const { pdf, warnings } = await renderPdf(doc, { title: doc.info.title, generatedAt: GENERATED });
  assert.deepEqual(warnings, []);
  const file = path.join(tempDir('vetted-compare-columns-'), name);
  fs.writeFileSync(file, pdf);
  return file;
}

/** Each section's score row read back from the PDF: every provider's score in its own column. */
function assertScoresInColumns(file: string, comparison: Comparison, heads: string[]): void {
  assert.deepEqual(wordsOffPage(file), []);
  const rows = sectionScoreRows(file, heads);
  assert.equal(rows.length, comparison.sections.length);
  comparison.sections.forEach((section, s) => {
    section.cells.forEach((cell, c) => {
      assert.ok(rows[s]!.cells[c]!.includes(scoreText(cell.score, '')), `${section.title}, column ${c + 1}: ${rows[s]!.cells[c]}`);
    });
  });
}

describe('planColumnBands', () => {
  test('2 to 6 providers share one landscape page width with the question column, never more than the page', () => {
    for (let n = 2; n <= 6; n++) {
      const bands = planColumnBands(n);
      assert.equal(bands.length, 1, `${n} providers`);
      const { start, end, widths } = bands[0]!;
      assert.deepEqual([start, end, widths.length], [0, n, n + 1]);
      const used = widths.reduce((a, b) => a + b, 0) + PADDING * widths.length;
      assert.ok(used <= LANDSCAPE_CONTENT_WIDTH && used > LANDSCAPE_CONTENT_WIDTH - 1, `${n}: ${used}`);
      // The providers share alike; the question column takes 28 % of the page, less (never under 160) to make room.
      assert.ok(widths.slice(1).every((w) => w === widths[1] && w >= 84 - PADDING), `${n}: ${widths.join(', ')}`);
      assert.ok(widths[0]! >= 160 - PADDING && widths[0]! <= 0.28 * LANDSCAPE_CONTENT_WIDTH - PADDING, `${n}: ${widths[0]}`);
    }
  });

  test('providers that do not fit go into bands of nearly equal size, each fitting the page', () => {
    const sizes = (n: number, width?: number) => planColumnBands(n, width).map((b) => b.end - b.start);
    assert.deepEqual(sizes(8), [4, 4], 'seven fit a landscape page; eight do not');
    assert.deepEqual(sizes(6, 500), [3, 3], 'not 4 + 2');
    assert.deepEqual(sizes(5, 400), [2, 2, 1]);
    for (const band of planColumnBands(6, 500)) {
      assert.ok(band.widths.reduce((a, b) => a + b, 0) + PADDING * band.widths.length <= 500);
    }
  });
});

describe('provider heads', () => {
  test('shortenToWidth keeps a name that fits and cuts a long one with an ellipsis', () => {
    assert.deepEqual(shortenToWidth('Burrow MQ', 20), { text: 'Burrow MQ', shortened: false });
    const cut = shortenToWidth('a'.repeat(200), 20);
    assert.equal(cut.shortened, true);
    assert.equal(cut.text, `${'a'.repeat(27)}…`, '27 × 0.7 + 0.7 = 19.6 ems');
  });

  test('shortenToWidth counts ideographs as wide and never splits a character made of several code points', () => {
    assert.equal(shortenToWidth('東'.repeat(200), 10).text, `${'東'.repeat(9)}…`);
    const accented = 'e\u0301'.repeat(50); // é as e + combining acute
    assert.match(shortenToWidth(accented, 10).text, /^(e\u0301)+…$/u);
    const family = '👨‍👩‍👧'.repeat(30);
    assert.match(shortenToWidth(family, 8).text, /^(👨‍👩‍👧)+…$/u);
    const hindi = 'क्षत्रिय'.repeat(20); // conjuncts and vowel signs: clusters of several code points
    const clusters = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(hindi), (g) => g.segment);
    const kept = shortenToWidth(hindi, 12).text.slice(0, -1);
    assert.ok(clusters.some((_, n) => clusters.slice(0, n).join('') === kept), 'cut between clusters');
  });

  test('breakLongWords breaks only words longer than a line, into lines that fit', () => {
    assert.equal(breakLongWords('Burrow MQ Europe', 10), 'Burrow MQ Europe');
    const lines = breakLongWords(`1. ${'z'.repeat(40)}`, 10).split('\n');
    assert.deepEqual(lines.map((l) => l.length), [14, 14, 14, 1], 'the first line holds "1. " and 11 letters');
    assert.equal(lines.join('').replace('1. ', ''), 'z'.repeat(40));
    assert.equal(breakLongWords(`1. ${'東京'.repeat(20)}`, 10), `1. ${'東京'.repeat(20)}`, 'pdfmake breaks between ideographs itself');
  });

  test('six 200-character names: numbered, shortened heads; a legend of full names instead of the subtitle', () => {
    const comparison = compareProviders(Array.from({ length: 6 }, (_, i) => entry(i, unbroken(i))));
    const doc = buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: false });
    const [summary, legend, ...sections] = tables(doc);
    for (const table of [summary!, ...sections]) {
      table.heads.slice(1).forEach((head, i) => {
        assert.ok(head.startsWith(`${i + 1}. ${String.fromCharCode(65 + i)}`), head);
        assert.ok(head.endsWith('…') && head.length < 80, head);
      });
    }
    assert.deepEqual(legend!.heads, ['Column', 'Provider']);
    // plain() gives a long word break opportunities (zero-width spaces); the names are whole otherwise.
    assert.deepEqual(
      legend!.rows.map(([key, name]) => [key, name!.replace(/\u200b/g, '')]),
      Array.from({ length: 6 }, (_, i) => [`${i + 1}.`, unbroken(i)]),
    );
    const text = texts(doc.content).join('\n').replace(/\u200b/g, '');
    assert.ok(!text.includes(`${unbroken(0)}, `), 'no subtitle listing the names');
    const header = texts(doc.header(2, 9, { width: A4.height, height: A4.width })).join(' ');
    assert.ok(header.includes('6 providers'));
  });

  test('short names stay as they are: no numbers, no legend', () => {
    const names = ['Ledgerly DB', 'Burrow MQ', 'Lumen Logs'];
    const doc = buildComparisonReport(compareProviders(names.map((n, i) => entry(i, n))), { generatedAt: GENERATED, differencesOnly: false });
    for (const table of tables(doc)) assert.deepEqual(table.heads.slice(1), names);
    assert.ok(!texts(doc.content).includes('Providers compared'));
  });
});

describe('the comparison PDF with long names', () => {
  test('six 200-character unbroken names: each provider\'s section scores are printed in its own column', async () => {
    const comparison = compareProviders(Array.from({ length: 6 }, (_, i) => entry(i, unbroken(i))));
    const file = await render(buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: false }), 'six.pdf');
    assertScoresInColumns(file, comparison, ['1.', '2.', '3.', '4.', '5.', '6.']);
    const everything = pdfPages(file).map(squeezed).join('');
    for (let i = 0; i < 6; i++) assert.ok(everything.includes(unbroken(i)), `the legend names provider ${i + 1} in full`);
  });

  test('four providers, the last with a 200-character unbroken name: the fourth column is printed whole', async () => {
    const names = ['Ledgerly DB', 'Burrow MQ', 'Lumen Logs', unbroken(3)];
    const comparison = compareProviders(names.map((n, i) => entry(i, n)));
    const file = await render(buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: false }), 'four.pdf');
    assertScoresInColumns(file, comparison, ['1.', '2.', '3.', '4.']);
  });

  test('providers that do not fit one page width are printed in bands, the question column repeated', async () => {
    // Eight providers (more than a comparison takes today, and than fit a page): two comparisons side by side.
    const [a, b] = [0, 4].map((first) => compareProviders([0, 1, 2, 3].map((i) => entry(first + i, `Provider ${first + i + 1}`))));
    const merged: Comparison = {
      columns: [...a!.columns, ...b!.columns],
      sections: a!.sections.map((s, i) => ({
        ...s,
        cells: [...s.cells, ...b!.sections[i]!.cells],
        questions: s.questions.map((q, j) => ({ ...q, cells: [...q.cells, ...b!.sections[i]!.questions[j]!.cells] })),
      })),
    };
    const doc = buildComparisonReport(merged, { generatedAt: GENERATED, differencesOnly: false });
    const all = tables(doc);
    const sectionTables = all.filter((t) => t.heads[0] === 'Question');
    assert.equal(sectionTables.length, 2 * V1.sections.length, 'each section once per band');
    sectionTables.forEach((t, i) => {
      const band = i % 2;
      assert.ok(t.title.endsWith(`providers ${band === 0 ? '1–4' : '5–8'} of 8`), t.title);
      assert.deepEqual(t.heads.slice(1), [1, 2, 3, 4].map((k) => `${k + 4 * band}. Provider ${k + 4 * band}`));
    });
    const file = await render(doc, 'bands.pdf');
    assert.deepEqual(wordsOffPage(file), []);
    const pages = pdfPages(file).map(squeezed);
    for (const s of V1.sections) {
      const title = s.title.replace(/\s/g, '');
      assert.ok(pages.some((p) => p.includes(`${title}providers1–4of8`)), s.title);
      assert.ok(pages.some((p) => p.includes(`${title}providers5–8of8`)), s.title);
    }
  });
});
