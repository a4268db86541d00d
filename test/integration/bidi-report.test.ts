// Right-to-left paragraphs that wrap, read back by position from real reports (#19): a Hebrew
// service description of three lines and more, a three-line Arabic comment, and a Hebrew name and
// "الإمارات العربية المتحدة" in the subprocessor list's narrow columns. poppler's `pdftotext -bbox`
// gives every word with its box (right-to-left words with their letters in visual order), so the
// test sees what a reader sees: within a line the words of a right-to-left stretch go from right
// to left, and the lines go from top to bottom in logical order (the first words on the top line).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { pdfPages, type PdfPage, type PdfWord } from '../helpers/pdf-columns';
import { pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { freshVetted, unwrap } from '../helpers/vetted';

const ARABIC_FONT = '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf';
const HEBREW_FONT = '/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf';

/** The provider's name (and legal entity): wraps in the subprocessor list's first column. */
const NAME = 'ספק בדיקה ישראלי לשירותי אחסון מאובטחים';
/** The service and purpose (at most 200 characters): three lines on the cover, more in the profile table. */
const SERVICE =
  'שירות ענן מנוהל לאחסון נתוני לקוחות ארגוניים הכולל גיבוי יומי אוטומטי הצפנה מלאה בזמן מנוחה ובתעבורה ניטור רציף של אירועי אבטחה תמיכה טכנית מסביב לשעון שחזור מהיר מאסון';
/** The reviewer's comment on an answer: three lines after "Comment:" (a left-to-right paragraph with an Arabic stretch). */
const COMMENT =
  'يقدم المورد خدمة تخزين سحابية مشفرة بالكامل مع نسخ احتياطي يومي ومراقبة مستمرة للأحداث الأمنية ودعم فني متواصل طوال أيام الأسبوع وخطة واضحة للتعافي من الكوارث وفصل صارم بين بيئات التطوير والإنتاج والاختبار لفرق العمل الموزعة جغرافيا';
const UAE = 'الإمارات العربية المتحدة';
/** A second processing location: the two, joined in one cell, wrap in the subprocessor list's locations column. */
const OMAN = 'سلطنة عمان';
const LOCATIONS = `${UAE}, ${OMAN}`;

/**
 * A word compared by its letters and digits as a multiset: pdftotext gives right-to-left words
 * with their letters in visual order, and an Arabic ligature (lam-alef) with its two letters as
 * the font maps them, so order inside a word is not what is tested here; order of words is.
 */
const key = (word: string) => [...word.normalize('NFC')].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).sort().join('');

/**
 * The words of `paragraph` found on a page (within a column, if given), as lines from top to
 * bottom, each line's words from right to left, given back in logical spelling.
 */
function readRightToLeft(page: PdfPage, paragraph: string, column?: { from: number; to: number }): string[][] {
  const logical = paragraph.split(/\s+/);
  const byKey = new Map(logical.map((word) => [key(word), word]));
  assert.equal(byKey.size, logical.length, `the test paragraph's words are all different: ${paragraph}`);
  const found = page.words.filter(
    (w) => byKey.has(key(w.text)) && key(w.text) !== '' && (!column || (w.x0 >= column.from - 0.5 && w.x1 <= column.to + 0.5)),
  );
  const middle = (w: PdfWord) => (w.y0 + w.y1) / 2;
  const lines: PdfWord[][] = [];
  for (const word of [...found].sort((a, b) => middle(a) - middle(b))) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(middle(line[0]!) - middle(word)) < 5) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => b.x0 - a.x0).map((w) => byKey.get(key(w.text))!));
}

/** Asserts that `lines` hold the paragraph's words in logical order, on at least `minLines` lines. */
function assertReadsInOrder(lines: string[][], paragraph: string, minLines: number, where: string): void {
  const shown = lines.map((line) => line.join(' ')).join('\n');
  assert.ok(lines.length >= minLines, `${where}: the paragraph wraps over ${minLines} lines or more, got ${lines.length}:\n${shown}`);
  assert.equal(lines[0]![0], paragraph.split(' ')[0], `${where}: the first logical word is on the top line, at its right end:\n${shown}`);
  assert.deepEqual(lines.flat(), paragraph.split(' '), `${where}: lines top to bottom, words right to left, read the paragraph in order:\n${shown}`);
}

function pageWith(pages: PdfPage[], words: readonly string[]): PdfPage {
  const page = pages.find((p) => words.every((word) => p.words.some((w) => w.text === word)));
  assert.ok(page, `a page with ${words.join(' ')}`);
  return page;
}

test('wrapped Hebrew and Arabic paragraphs in a review report and the subprocessor list read right to left, lines top to bottom', async (t) => {
  if (!fs.existsSync(ARABIC_FONT) || !fs.existsSync(HEBREW_FONT)) {
    t.skip('skipped: fonts-noto-core is not installed (CI installs it)');
    return;
  }
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  const vendor = unwrap(
    await api['vendor.create']({
      name: NAME,
      legalName: NAME,
      service: SERVICE,
      status: 'active',
      dataCategories: ['personal-data'],
      dataLocations: [UAE, OMAN],
    }),
  );
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const question = template.sections[0]!.questions[0]!;
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: question.id, value: question.options![0]!.id, comment: COMMENT }));

  // The review report.
  const report = unwrap(await api['report.vendor']({ vendorId: vendor.id, draft: true }));
  assert.deepEqual(report.warnings, []);
  const file = savePdf(Buffer.from(report.base64, 'base64'));
  assert.ok(qpdfCheck(file).ok, 'qpdf finds the file sound');
  const pages = pdfPages(file);

  // The cover: the service under the title, three lines.
  assertReadsInOrder(readRightToLeft(pages[0]!, SERVICE), SERVICE, 3, 'cover');
  // The profile table: the same paragraph in the value column.
  const profile = pageWith(pages, ['Service', 'purpose']);
  assertReadsInOrder(readRightToLeft(profile, SERVICE), SERVICE, 3, 'provider profile');
  // The answer's comment: "Comment:" then the Arabic stretch, over three lines.
  const answers = pages.find((p) => p.words.some((w) => w.text === 'Comment:'));
  assert.ok(answers, 'a page with the comment');
  const comment = readRightToLeft(answers, COMMENT);
  assertReadsInOrder(comment, COMMENT, 3, 'comment');
  const label = answers.words.find((w) => w.text === 'Comment:')!;
  const firstLine = answers.words.filter((w) => key(w.text) !== '' && comment[0]!.map(key).includes(key(w.text)));
  assert.ok(
    firstLine.every((w) => w.x0 > label.x1),
    'the Arabic stretch of the first line is to the right of the left-to-right label before it',
  );

  // Text extractors still read the Hebrew back in logical order (plain pdftotext).
  const text = pdfText(file).replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/\s+/g, ' ');
  assert.ok(text.includes(SERVICE.split(' ').slice(0, 6).join(' ')), `pdftotext reads the service in logical order:\n${text.slice(0, 600)}`);

  // The subprocessor list: the name and the locations wrap in their narrow columns.
  const list = unwrap(await api['report.subprocessors']({ includeProposed: true, date: '2026-11-20' }));
  const listPage = pdfPages(savePdf(Buffer.from(list.base64, 'base64'), 'list.pdf'))[0]!;
  const head = (word: string) => listPage.words.find((w) => w.text === word)!.x0;
  const processor = { from: head('Processor'), to: head('Service') };
  const locations = { from: head('Processing'), to: head('Transfers') };
  assertReadsInOrder(readRightToLeft(listPage, NAME, processor), NAME, 2, 'subprocessor list, processor column');
  assertReadsInOrder(readRightToLeft(listPage, LOCATIONS, locations), LOCATIONS, 2, 'subprocessor list, locations column');
});

test('a Hebrew name in an English line of the comparison is isolated: the line stays left to right', async (t) => {
  if (!fs.existsSync(HEBREW_FONT)) {
    t.skip('skipped: fonts-noto-core is not installed (CI installs it)');
    return;
  }
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  const hebrew = unwrap(await api['vendor.create']({ name: 'ספק ענן', status: 'active' }));
  const acme = unwrap(await api['vendor.create']({ name: 'Acme Storage', status: 'active' }));
  for (const vendor of [hebrew, acme]) {
    const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
    const question = template.sections[0]!.questions[0]!;
    unwrap(await api['answer.save']({ reviewId: review.id, questionId: question.id, value: question.options![0]!.id }));
  }
  const file = unwrap(await api['compare.export']({ vendorIds: [hebrew.id, acme.id], format: 'pdf', draft: true }));
  const pages = pdfPages(savePdf(Buffer.from(file.base64, 'base64')));
  // The subtitle "<Hebrew name> and Acme Storage": on one line, in that order from left to right
  // (without the isolate the line would take the name's direction and read "Acme Storage and …").
  const page = pages[0]!;
  const and = page.words.find((w) => w.text === 'and');
  const acmeWord = page.words.find((w) => w.text === 'Acme' && and && Math.abs(w.y0 - and.y0) < 2);
  const hebrewWords = page.words.filter((w) => and && Math.abs(w.y0 - and.y0) < 2 && /[\u0590-\u05ff]/.test(w.text));
  assert.ok(and && acmeWord && hebrewWords.length === 2, `the subtitle line: ${JSON.stringify(page.words.filter((w) => and && Math.abs(w.y0 - and.y0) < 2).map((w) => w.text))}`);
  assert.ok(hebrewWords.every((w) => w.x1 <= and.x0), 'the Hebrew name comes first, at the left');
  assert.ok(and.x1 <= acmeWord.x0, '"and" before "Acme Storage", left to right');
  const [right, left] = [...hebrewWords].sort((a, b) => b.x0 - a.x0);
  assert.equal(key(right!.text), key('ספק'), 'inside the name, its first word is at the right');
  assert.equal(key(left!.text), key('ענן'));
});
