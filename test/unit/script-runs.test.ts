// Font runs (shared/reports/script-runs.ts): splitting strings by font coverage, bidi levels, and
// the walk over pdfmake document definitions; the per-line order of right-to-left text (bidi.ts).
// A fake `covers` stands in for fontkit:
//   A: Latin and friends (below U+0370)       – the bundled font
//   B: CJK (kana, ideographs, CJK punctuation, the Extension B ideograph 𠀋) plus ASCII space, digits and punctuation
//   C: Arabic and Hebrew plus the ASCII space
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fontkitDrawsReversed, hasRightToLeftScript, orderLine, resolveBidi, reverseClusters, visualOrder, type LaidOutLine, type LineInline } from '../../shared/reports/bidi';
import { applyFontRuns, splitIntoRuns, type Covers, type FontRun } from '../../shared/reports/script-runs';

const inRange = (cp: number, from: number, to: number) => cp >= from && cp <= to;

const covers: Covers = (font, cp) => {
  if (font === 'A') return cp < 0x0370;
  if (font === 'B') return inRange(cp, 0x3000, 0x30ff) || inRange(cp, 0x4e00, 0x9fff) || inRange(cp, 0x20000, 0x2a6df) || inRange(cp, 0x20, 0x40);
  if (font === 'C') return inRange(cp, 0x0590, 0x06ff) || cp === 0x20;
  return false;
};
const FONTS = ['A', 'B', 'C'];

const split = (text: string) => splitIntoRuns(text, FONTS, covers);
const texts = (runs: readonly FontRun[]) => runs.map((run) => `${run.font}:${run.text}`);

describe('splitIntoRuns', () => {
  test('text the first font covers is one run in it', () => {
    assert.deepEqual(split('Plain Latin text, with punctuation (and digits 123).'), {
      runs: [{ text: 'Plain Latin text, with punctuation (and digits 123).', font: 'A' }],
      missing: [],
    });
  });

  test('an empty string has no runs', () => {
    assert.deepEqual(split(''), { runs: [], missing: [] });
  });

  test('mixed Latin and Japanese: each script in the first font that has it', () => {
    const { runs, missing } = split('Tokyo office: 日本語のテスト and more');
    assert.deepEqual(texts(runs), ['A:Tokyo office: ', 'B:日本語のテスト ', 'A:and more']);
    assert.deepEqual(missing, []);
  });

  test('spaces, digits and punctuation stay in the current run when its font has them', () => {
    assert.deepEqual(texts(split('東京, 大阪 2024!').runs), ['B:東京, 大阪 2024!']);
    // ... and go back to the first font when the current one lacks them ("、" is CJK, "é" is not).
    assert.deepEqual(texts(split('東京、大阪 é').runs), ['B:東京、大阪 ', 'A:é']);
  });

  test('leading neutrals take the first font that has them', () => {
    assert.deepEqual(texts(split('  東京').runs), ['A:  ', 'B:東京']);
  });

  test('mixed Latin, Japanese and Arabic', () => {
    const { runs, missing } = split('Name 日本 اختبار end');
    assert.deepEqual(texts(runs), ['A:Name ', 'B:日本 ', 'C:اختبار ', 'A:end']);
    assert.deepEqual(missing, []);
  });

  test('walks code points: a surrogate pair is never split', () => {
    const { runs, missing } = split('x𠀋y');
    assert.deepEqual(texts(runs), ['A:x', 'B:𠀋', 'A:y']);
    assert.equal(runs[1]!.text.length, 2);
    assert.deepEqual(missing, []);
  });

  test('an emoji no font has stays in the first font and is reported once', () => {
    const { runs, missing } = split('a😀b😀c');
    assert.deepEqual(texts(runs), ['A:a😀b😀c']);
    assert.deepEqual(missing, ['😀']);
  });

  test('characters no font has go to the first font, even after another run', () => {
    const { runs, missing } = split('Tokyo 東京\uE000');
    assert.deepEqual(texts(runs), ['A:Tokyo ', 'B:東京', 'A:\uE000']);
    assert.deepEqual(missing, ['\uE000']);
  });

  test('missing characters are unique and in order of appearance', () => {
    assert.deepEqual(split('\uE001\uE000\uE001 x \uE000').missing, ['\uE001', '\uE000']);
  });

  test('a lone surrogate is reported, not dropped', () => {
    const { runs, missing } = split('a\uD800b');
    assert.equal(runs.map((run) => run.text).join(''), 'a\uD800b');
    assert.deepEqual(missing, ['\uD800']);
  });

  test('a combining mark stays with its base', () => {
    const { runs, missing } = split('Cafe\u0301 日本');
    assert.deepEqual(texts(runs), ['A:Cafe\u0301 ', 'B:日本']);
    assert.deepEqual(missing, []);
    // Katakana with a combining voiced mark (U+3099): both in B.
    assert.deepEqual(texts(split('カ\u3099').runs), ['B:カ\u3099']);
  });

  test('a mark the base font lacks is reported, and does not break the run', () => {
    const { runs, missing } = split('日\u0301本');
    assert.deepEqual(texts(runs), ['B:日\u0301本']);
    assert.deepEqual(missing, ['\u0301']);
  });

  test('ZWJ sequences, variation selectors and skin tones stay in one cluster', () => {
    const family = '👨\u200D👩\u200D👧';
    const { runs, missing } = split(`a${family}b`);
    assert.deepEqual(texts(runs), [`A:a${family}b`]);
    assert.deepEqual(missing, ['👨', '👩', '👧']);
    // A variation selector is never "missing" and never switches fonts.
    assert.deepEqual(split('東\uFE0E京'), { runs: [{ text: '東\uFE0E京', font: 'B' }], missing: [] });
    assert.deepEqual(split('👍\u{1F3FD}').missing, ['👍', '\u{1F3FD}']);
  });

  test('controls and format characters (newline, ZWSP, soft hyphen) never count as missing', () => {
    assert.deepEqual(split('東京\n大阪\u200B'), { runs: [{ text: '東京\n大阪\u200B', font: 'B' }], missing: [] });
  });

  test('the order of fonts decides: the first font that has a character wins', () => {
    const { runs } = splitIntoRuns('日本', ['A', 'C', 'B'], covers);
    assert.deepEqual(texts(runs), ['B:日本']);
    const both: Covers = (font, cp) => (font === 'X' || font === 'Y') && cp >= 0x4e00;
    assert.deepEqual(texts(splitIntoRuns('日本', ['A', 'Y', 'X'], both).runs), ['Y:日本']);
  });

  test('needs a font', () => {
    assert.throws(() => splitIntoRuns('x', [], covers), /at least one font/);
  });
});

describe('bidi levels and line order (bidi.ts)', () => {
  /** A line as pdfmake lays it out: words in logical order, each `width` wide, trailing whitespace measured as trailingCut. */
  const laidOut = (words: readonly { text: string; level?: number }[], base: number, width = 10, space = 2): LaidOutLine => {
    const inlines: LineInline[] = words.map(({ text, level }) => ({
      text,
      width,
      trailingCut: /\s$/.test(text) ? space : 0,
      leadingCut: /^\s/.test(text) ? space : 0,
      ...(level === undefined ? {} : { bidi: { level, base } }),
    }));
    return { inlines, inlineWidths: width * inlines.length, leadingCut: 0, trailingCut: 0 };
  };
  const textsOf = (line: LaidOutLine) => line.inlines.map((inline) => inline.text);

  test('hasRightToLeftScript: right-to-left letters and Arabic numbers, in any right-to-left script', () => {
    assert.equal(hasRightToLeftScript('Tokyo 東京 (2024)'), false);
    assert.equal(hasRightToLeftScript('abc اختبار'), true);
    assert.equal(hasRightToLeftScript('\u0661\u0662'), true, 'Arabic-Indic digits: fontkit would reverse them');
    assert.equal(hasRightToLeftScript('𞤀𞤁'), true, 'Adlam (not a script fontkit reverses, but bidi type R)');
    assert.equal(hasRightToLeftScript('\u202Eabc'), false, 'an override in left-to-right text is not honoured');
  });

  test('fontkitDrawsReversed follows fontkit: the first letter of a specific script decides', () => {
    assert.equal(fontkitDrawsReversed('שלום'), true);
    assert.equal(fontkitDrawsReversed('(اختبار)'), true, 'punctuation first, Arabic decides');
    assert.equal(fontkitDrawsReversed('\u0661\u0662\u0663'), true, 'Arabic-Indic digits are Arabic script');
    assert.equal(fontkitDrawsReversed('123'), false);
    assert.equal(fontkitDrawsReversed('), '), false);
    assert.equal(fontkitDrawsReversed('abc שלום'), false, 'Latin first');
  });

  test('resolveBidi: levels per character and the base level per paragraph', () => {
    const { levels, bases } = resolveBidi('ספק (ענן) Acme\nabc');
    assert.deepEqual([...levels.slice(0, 9)], [1, 1, 1, 1, 1, 1, 1, 1, 1], 'brackets between Hebrew letters are right to left');
    assert.deepEqual([...levels.slice(10, 14)], [2, 2, 2, 2], 'Latin in a right-to-left paragraph is at level 2');
    assert.equal(bases[0], 1);
    assert.equal(bases[15], 0, 'the second paragraph starts with a Latin letter');
  });

  test('visualOrder is rule L2: reverse each stretch at each level from the highest down to the lowest odd one', () => {
    assert.deepEqual(visualOrder([0, 0, 0]), [0, 1, 2]);
    assert.deepEqual(visualOrder([0, 1, 1, 1, 0]), [0, 3, 2, 1, 4]);
    assert.deepEqual(visualOrder([1, 2, 2, 1, 1]), [4, 3, 1, 2, 0]);
    assert.deepEqual(visualOrder([2, 2]), [0, 1], 'level 2 alone is read left to right');
  });

  test('a right-to-left line: the first logical word is drawn on the right, x positions follow the new order', () => {
    const line = laidOut([{ text: 'אחת ', level: 1 }, { text: 'שתיים ', level: 1 }, { text: 'שלוש', level: 1 }], 1);
    assert.equal(orderLine(line), true);
    assert.deepEqual(textsOf(line), ['שלוש', 'שתיים ', 'אחת ']);
    assert.deepEqual(line.inlines.map((inline) => inline.x), [0, 10, 20]);
    assert.equal(line.inlineWidths, 30);
    assert.equal(line.leadingCut, 0, 'the leftmost word (the last logical one) has no trailing space');
  });

  test('the trailing space of a right-to-left line hangs off its left end (L1), where fontkit draws it', () => {
    const line = laidOut([{ text: 'אחת ', level: 1 }, { text: 'שתיים ', level: 1 }], 1);
    orderLine(line);
    assert.deepEqual(textsOf(line), ['שתיים ', 'אחת ']);
    assert.equal(line.leadingCut, 2, 'the trailing space of the leftmost word is left out of the line width');
    assert.deepEqual(line.inlines.map((inline) => inline.x), [-2, 8]);
  });

  test('Latin and numbers inside a right-to-left line keep their own order', () => {
    // Logical: שם Acme Data 2024 סוף → visual: סוף 2024 Acme Data שם
    const line = laidOut(
      [
        { text: 'שם ', level: 1 },
        { text: 'Acme ', level: 2 },
        { text: 'Data', level: 2 },
        { text: ' ', level: 1 },
        { text: '2024', level: 2 },
        { text: ' ', level: 1 },
        { text: 'סוף', level: 1 },
      ],
      1,
    );
    orderLine(line);
    assert.deepEqual(textsOf(line), ['סוף', ' ', '2024', ' ', 'Acme ', 'Data', 'שם ']);
  });

  test('a left-to-right line with a right-to-left phrase: the phrase is reversed, and its trailing space at the line end dropped (L1)', () => {
    const line = laidOut([{ text: 'Name: ', level: 0 }, { text: 'ספק ', level: 1 }, { text: 'ענן ', level: 1 }], 0);
    orderLine(line);
    assert.deepEqual(textsOf(line), ['Name: ', 'ענן', 'ספק ']);
    assert.equal(line.inlines[1]!.width, 8, 'the dropped space no longer counts');
    assert.equal(line.inlineWidths, 28);
    assert.equal(line.trailingCut, 0);
  });

  test('a word fontkit would draw the wrong way round is reversed here, so that the two reversals add up', () => {
    // Punctuation alone at an odd level: fontkit draws it left to right, so it is mirrored and reversed here.
    const odd = laidOut([{ text: 'שלום', level: 1 }, { text: '»,', level: 1 }], 1);
    orderLine(odd);
    assert.deepEqual(textsOf(odd), [',«', 'שלום']);
    // Arabic-Indic digits at level 2: fontkit would reverse them, so they are handed over reversed.
    const even = laidOut([{ text: 'رقم ', level: 1 }, { text: '\u0661\u0662\u0663', level: 2 }], 1);
    orderLine(even);
    assert.deepEqual(textsOf(even), ['\u0663\u0662\u0661', 'رقم ']);
    // Brackets at an odd level are mirrored (L4) and then drawn reversed with the word they belong to.
    const brackets = laidOut([{ text: 'ספק ', level: 1 }, { text: '(ענן)', level: 1 }], 1);
    orderLine(brackets);
    assert.deepEqual(textsOf(brackets), [')ענן(', 'ספק ']);
    const alone = laidOut([{ text: 'שלום ', level: 1 }, { text: '(', level: 1 }, { text: 'Acme', level: 2 }, { text: ')', level: 1 }], 1);
    orderLine(alone);
    assert.deepEqual(textsOf(alone), ['(', 'Acme', ')', 'שלום '], 'visually: (Acme) to the left of the Hebrew word');
    // Marks stay with their base when a word is reversed.
    assert.equal(reverseClusters('a\u0301b'), 'ba\u0301');
  });

  test('a line without bidi marks is left exactly as it is', () => {
    const line = laidOut([{ text: 'plain ' }, { text: 'text' }], 0);
    const before = structuredClone(line);
    assert.equal(orderLine(line), false);
    assert.deepEqual(line, before);
  });
});

describe('applyFontRuns', () => {
  const apply = <T extends object>(doc: T) => applyFontRuns(doc, FONTS, covers);

  test('a document the first font covers comes back equal, strings untouched', () => {
    const doc = {
      content: ['Title', { text: 'Body', bold: true }, { table: { body: [['a', { text: 'b' }]] } }],
      styles: { h1: { fontSize: 16 } },
    };
    const { doc: out, missing, used } = apply(doc);
    assert.deepEqual(out, doc);
    assert.notEqual(out, doc);
    assert.deepEqual(missing, []);
    assert.deepEqual(used, []);
  });

  test('a string that needs another font becomes inline runs; the input is not modified', () => {
    const doc = { content: ['Office 東京', { text: 'Name: 日本語のテスト', style: 'h1' }] };
    const before = structuredClone(doc);
    const { doc: out, used } = apply(doc);
    assert.deepEqual(doc, before);
    assert.deepEqual(out.content, [
      { text: [{ text: 'Office ', font: 'A' }, { text: '東京', font: 'B' }] },
      { text: [{ text: 'Name: ', font: 'A' }, { text: '日本語のテスト', font: 'B' }], style: 'h1' },
    ]);
    assert.deepEqual(used, ['A', 'B']);
  });

  test('inlines keep their own style on every run; ids stay on the first run', () => {
    const doc = {
      content: {
        text: [
          'Plain ',
          { text: 'bold 東京 link', bold: true, italics: true, color: 'red', link: 'https://example.com', id: 'x', tocItem: true },
          { text: ' tail' },
        ],
      },
    };
    const { doc: out } = apply(doc);
    assert.deepEqual((out.content as { text: unknown[] }).text, [
      'Plain ',
      { text: 'bold ', font: 'A', bold: true, italics: true, color: 'red', link: 'https://example.com', id: 'x', tocItem: true },
      { text: '東京 ', font: 'B', bold: true, italics: true, color: 'red', link: 'https://example.com' },
      { text: 'link', font: 'A', bold: true, italics: true, color: 'red', link: 'https://example.com' },
      { text: ' tail' },
    ]);
  });

  test('nested text arrays and nested text objects', () => {
    const doc = {
      content: [
        { text: ['a ', { text: ['b ', { text: '日本', italics: true }], bold: true }] },
        { text: { text: 'x 東京', color: 'blue' } },
        { text: { text: 'only latin' } },
      ],
    };
    const { doc: out } = apply(doc);
    const [first, second, third] = out.content as { text: unknown }[];
    assert.deepEqual(first!.text, ['a ', { text: ['b ', { text: '日本', font: 'B', italics: true }], bold: true }]);
    assert.deepEqual(second!.text, [
      { text: 'x ', font: 'A', color: 'blue' },
      { text: '東京', font: 'B', color: 'blue' },
    ]);
    assert.deepEqual(third!.text, { text: 'only latin' });
  });

  test('tables: every body cell, including null cells and span placeholders', () => {
    const doc = {
      content: [
        {
          table: {
            headerRows: 1,
            widths: ['*', '*'],
            body: [
              ['Name', { text: '名前', bold: true }],
              [{ text: 'x', colSpan: 2 }, {}],
              [null, ['stack 東京', { text: 'ok' }]],
            ],
          },
          layout: 'lightHorizontalLines',
        },
      ],
    };
    const { doc: out } = apply(doc);
    const table = (out.content as { table: { body: unknown[][]; widths: unknown } }[])[0]!.table;
    assert.deepEqual(table.widths, ['*', '*']);
    assert.deepEqual(table.body[0], ['Name', { text: [{ text: '名前', font: 'B' }], bold: true }]);
    assert.deepEqual(table.body[1], [{ text: 'x', colSpan: 2 }, {}]);
    assert.deepEqual(table.body[2], [null, [{ text: [{ text: 'stack ', font: 'A' }, { text: '東京', font: 'B' }] }, { text: 'ok' }]]);
  });

  test('columns, stacks, lists, sections and toc titles', () => {
    const doc = {
      content: [
        { columns: [{ width: '*', text: '東' }, 'plain'] },
        { stack: ['京'] },
        { ul: ['大', ['阪']] },
        { ol: [{ text: '名' }] },
        { toc: { title: { text: '目次', style: 'tocTitle' } } },
        { section: ['節'] },
      ],
    };
    const { doc: out } = apply(doc);
    const run = (text: string) => ({ text: [{ text, font: 'B' }] });
    assert.deepEqual(out.content, [
      { columns: [{ width: '*', text: [{ text: '東', font: 'B' }] }, 'plain'] },
      { stack: [run('京')] },
      { ul: [run('大'), [run('阪')]] },
      { ol: [{ text: [{ text: '名', font: 'B' }] }] },
      { toc: { title: { text: [{ text: '目次', font: 'B' }], style: 'tocTitle' } } },
      { section: [run('節')] },
    ]);
  });

  test('svg, image, qr and canvas nodes are left alone', () => {
    const svg = '<svg width="10" height="10"><text>日本</text></svg>';
    const doc = {
      content: [
        { svg, width: 10 },
        { image: 'data:image/png;base64,AAAA', width: 10 },
        { qr: '東京' },
        { canvas: [{ type: 'rect', x: 0, y: 0, w: 1, h: 1 }] },
      ],
    };
    const { doc: out, missing, used } = apply(doc);
    assert.deepEqual(out.content, doc.content);
    assert.deepEqual(missing, []);
    assert.deepEqual(used, []);
  });

  test('page and text references are not touched', () => {
    const doc = { content: [{ pageReference: 'x', text: '00000' }, { text: [{ textReference: 'y' }] }] };
    assert.deepEqual(apply(doc).doc.content, doc.content);
  });

  test('header and footer functions are wrapped: what they return is transformed, missing grows live', () => {
    const calls: unknown[][] = [];
    const doc = {
      content: ['Body'],
      header: (page: number, pages: number, size: unknown) => {
        calls.push([page, pages, size]);
        return page === 1 ? null : { columns: ['Report', { text: `東京 ${page}/${pages}`, alignment: 'right' }] };
      },
      footer: () => 'Footer \uE000',
    };
    const { doc: out, missing, used } = apply(doc);
    assert.equal(typeof out.header, 'function');
    assert.deepEqual(missing, []); // nothing called yet
    const header = out.header as (...args: unknown[]) => unknown;
    assert.equal(header(1, 3, { width: 1 }), null);
    assert.deepEqual(header(2, 3, { width: 1 }), {
      columns: ['Report', { text: [{ text: '東京 2/3', font: 'B' }], alignment: 'right' }],
    });
    assert.deepEqual(calls, [
      [1, 3, { width: 1 }],
      [2, 3, { width: 1 }],
    ]);
    assert.deepEqual(used, ['B']);
    assert.deepEqual((out.footer as () => unknown)(), 'Footer \uE000');
    assert.deepEqual(missing, ['\uE000']);
  });

  test('header and footer objects are transformed like content', () => {
    const { doc: out } = apply({ content: [], header: { text: '東' }, footer: '京' });
    assert.deepEqual(out.header, { text: [{ text: '東', font: 'B' }] });
    assert.deepEqual(out.footer, { text: [{ text: '京', font: 'B' }] });
  });

  test('missing characters are collected once across the document', () => {
    const { missing } = apply({ content: ['a😀', { text: ['😀', { text: 'x\uE000' }] }, { table: { body: [['\uE000 😀 🧪']] } }] });
    assert.deepEqual(missing, ['😀', '\uE000', '🧪']);
  });

  test('a string with missing characters only is left as it is', () => {
    const doc = { content: ['x \uE000'] };
    const { doc: out, missing } = apply(doc);
    assert.deepEqual(out.content, ['x \uE000']);
    assert.deepEqual(missing, ['\uE000']);
  });

  test('Arabic in a document: runs in logical order, cut where the level changes, each marked with its level', () => {
    const { doc: out, used } = apply({ content: [{ text: 'Vendor: اختبار عربي', bold: true }] });
    assert.deepEqual(out.content, [
      {
        text: [
          { text: 'Vendor: ', font: 'A', bidi: { level: 0, base: 0 } },
          { text: 'اختبار عربي', font: 'C', bidi: { level: 1, base: 0 } },
        ],
        bold: true,
      },
    ]);
    assert.deepEqual(used, ['A', 'C']);
  });

  test('the levels of a text node are resolved over all its inlines together (one paragraph)', () => {
    // The Latin inline alone would be a left-to-right paragraph; here it sits in a Hebrew one (level 2).
    const { doc: out } = apply({ content: [{ text: ['שם: ', { text: 'Acme Ltd', bold: true }, ' בע"מ'] }] });
    const runs = (out.content as { text: (FontRun & { bold?: boolean })[] }[])[0]!.text;
    assert.equal(runs.map((run) => run.text).join(''), 'שם: Acme Ltd בע"מ', 'nothing lost, nothing moved');
    assert.ok(runs.every((run) => run.bidi?.base === 1), `every run knows its paragraph is right to left: ${JSON.stringify(runs)}`);
    assert.deepEqual(
      runs.filter((run) => run.bidi?.level === 2).map((run) => [run.text, run.bold]),
      [['Acme Ltd', true]],
      'the bold Latin inline keeps its style and is at level 2',
    );
  });

  test('brackets stay as they are until the line is laid out; each paragraph of a string has its own base level', () => {
    // Mirroring before line breaking would change where lines may break ("(" and ")" differ in UAX #14).
    const { doc: out } = apply({ content: ['ספק (ענן)', 'abc\nשלום'] });
    const [first, second] = out.content as unknown as { text: FontRun[] }[];
    assert.equal(first!.text.map((run) => run.text).join(''), 'ספק (ענן)');
    assert.deepEqual(
      second!.text.map((run) => [run.text, run.bidi]),
      [
        ['abc\n', { level: 0, base: 0 }],
        ['שלום', { level: 1, base: 1 }],
      ],
    );
  });

  test('a name in first-strong isolates leaves an English sentence left to right; the formatting characters are not drawn', () => {
    const { doc: out } = apply({ content: ['\u2068שלום עולם\u2069: draft, in progress.', { text: ['\u200F', { text: 'x', id: 'keep' }, ' שלום'] }] });
    const [sentence, marks] = out.content as unknown as { text: FontRun[] }[];
    assert.equal(sentence!.text.map((run) => run.text).join(''), 'שלום עולם: draft, in progress.', 'FSI and PDI are left out');
    assert.ok(sentence!.text.every((run) => run.bidi?.base === 0), 'the isolate does not decide the paragraph direction (P2)');
    assert.deepEqual(
      sentence!.text.filter((run) => run.bidi?.level === 1).map((run) => run.text.trim()),
      ['שלום עולם'],
      'the name alone is right to left',
    );
    // An inline that is nothing but a mark stays, empty; the paragraph is right to left (RLM is strong R).
    assert.deepEqual(marks!.text[0], { text: '', font: 'A', bidi: { level: 1, base: 1 } });
    assert.equal((marks!.text[1] as FontRun & { id?: string }).id, 'keep');
  });

  test('Arabic-Indic digits alone get a level, so that they are not drawn reversed', () => {
    const { doc: out } = apply({ content: ['\u0661\u0662\u0663'] });
    assert.deepEqual(out.content, [{ text: [{ text: '\u0661\u0662\u0663', font: 'C', bidi: { level: 2, base: 0 } }] }]);
  });

  test('numbers, booleans and empty values pass through', () => {
    const doc = { content: [{ text: 42 }, 7, null, { text: '' }, { text: true }] };
    assert.deepEqual(apply(doc).doc.content, doc.content);
  });

  test('a long string is handled in one pass', () => {
    const long = `${'lorem ipsum '.repeat(8000)}東京`;
    const started = performance.now();
    const { doc: out } = apply({ content: [long] });
    assert.ok(performance.now() - started < 2000);
    const runs = (out.content as unknown as { text: FontRun[] }[])[0]!.text;
    assert.equal(runs.length, 2);
    assert.equal(runs[0]!.text.length, long.length - 2);
  });
});

test('a direction override typed into a name reverses nothing else on the line: plain() and isolate() drop it', async () => {
  const { isolate, resolveBidi } = await import('../../shared/reports/bidi');
  const { plain } = await import('../../shared/reports/blocks');
  const names = ['Acme\u202E', 'Contoso 1999', 'שלום', 'Evil\u2067'];
  for (const line of [names.map(isolate).join(', '), plain(names.join(', '))]) {
    const { levels } = resolveBidi(line);
    const at = line.indexOf('Contoso 1999');
    assert.ok(at >= 0, `the second name is in the line: ${JSON.stringify(line)}`);
    const contoso = [...levels.slice(at, at + 'Contoso 1999'.length)];
    assert.ok(contoso.every((l) => l === 0), `"Contoso 1999" stays left to right (levels ${contoso.join('')}) in ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /[\u202a-\u202e]/, 'no override or embedding survives');
  }
  assert.equal(isolate('Evil\u2067'), 'Evil', 'an unpaired isolate in a name is dropped, not wrapped');
  assert.equal(isolate('שלום\u202E'), '\u2068שלום\u2069', 'a right-to-left name is isolated, without its override');
});
