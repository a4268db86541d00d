// The PDF runtime (electron/core/reports/render.ts) checked with real tools: poppler's pdftotext,
// pdfinfo, pdffonts and pdftoppm, and qpdf. Text must extract, metadata must be ours, the same
// input and date must give the same bytes, scripts beyond Latin must use real fonts, and hostile
// content must neither reach the network nor read a file.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  BUNDLED_FAMILY,
  bundledCoverage,
  bundledFamily,
  bundledFontDir,
  defaultFontFolders,
  discoverFallbackFonts,
  pdfmakeDescriptor,
} from '../../electron/core/reports/fonts';
import { missingCharactersWarning, renderPdf, type PdfMeta } from '../../electron/core/reports/render';
import { embeddedFonts } from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';

const META: PdfMeta = { title: 'Vendor review: Burrow MQ', subject: 'Infrastructure template v1', generatedAt: '2026-11-20' };
const CHART =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">' +
  '<rect x="0" y="10" width="120" height="12" fill="#3c6e9e"/>' +
  '<text x="4" y="50" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="#1f2933">A</text></svg>';

const dir = tempDir('vetted-pdf-render-');

let counter = 0;
function save(pdf: Buffer): string {
  const file = path.join(dir, `doc-${++counter}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** Bidi controls pdftotext puts around right-to-left text in -layout mode. */
const stripBidi = (text: string) => text.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

function text(file: string): string {
  return stripBidi(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

function info(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

const fonts = embeddedFonts;

function assertValid(file: string): void {
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, `qpdf --check failed:\n${check.stdout}${check.stderr}`);
}

/** The PDF with every stream uncompressed (qpdf --qdf), as text to grep. */
function uncompressed(file: string): string {
  const out = path.join(dir, `qdf-${++counter}.pdf`);
  const run = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, out], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 3, `qpdf --qdf failed: ${run.stderr}`);
  return fs.readFileSync(out, 'latin1');
}

function sampleDoc(extra: unknown[] = []): object {
  return {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 64],
    content: [
      { text: 'Burrow MQ', style: 'h1' },
      { text: 'Security and access', style: 'h2' },
      'A message queue with per-queue credentials and a public incident history.',
      {
        table: {
          headerRows: 1,
          widths: ['*', 60],
          body: [
            [{ text: 'Section', bold: true }, { text: 'Score', bold: true }],
            ['Access granularity', '82.5'],
            ['Incident transparency', '64.0'],
          ],
        },
      },
      { svg: CHART, width: 200 },
      ...extra,
    ],
    styles: { h1: { fontSize: 18, bold: true }, h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] } },
    defaultStyle: { font: BUNDLED_FAMILY, fontSize: 10 },
    footer: (page: number, pages: number) => ({ text: `Page ${page} of ${pages}`, alignment: 'right', margin: [56, 20, 56, 0] }),
  };
}

/** A fallback font on this machine that has all these characters, or null. */
function machineCovers(chars: string): boolean {
  const fallbacks = discoverFallbackFonts();
  return [...chars].every((ch) => {
    const cp = ch.codePointAt(0)!;
    return /\s/.test(ch) || bundledCoverage()(cp) || fallbacks.some((font) => font.covers(cp));
  });
}

/** Skips (or, on CI, fails) when this machine has no font for the text. */
function requireFonts(t: { skip(message: string): void }, chars: string, what: string): boolean {
  if (machineCovers(chars)) return true;
  const reason = `skipped: no font on this machine covers ${what} (install fonts-noto-core and fonts-noto-cjk; CI does)`;
  if (process.env.CI) assert.fail(reason);
  t.skip(reason);
  return false;
}

describe('renderPdf', () => {
  test('renders headings, a table and an SVG chart; the text extracts; the metadata is ours', async () => {
    const { pdf, warnings } = await renderPdf(sampleDoc(), META);
    assert.deepEqual(warnings, []);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const file = save(pdf);
    assertValid(file);
    const extracted = text(file);
    for (const expected of ['Burrow MQ', 'Security and access', 'per-queue credentials', 'Access granularity', '82.5', 'Incident transparency', 'Page 1 of 1']) {
      assert.ok(extracted.includes(expected), `"${expected}" not in:\n${extracted}`);
    }
    assert.match(extracted, /^\s*A\s*$/m, 'the SVG chart label extracts');
    const meta = info(file);
    assert.equal(meta.Title, META.title);
    assert.equal(meta.Subject, META.subject);
    assert.equal(meta.Creator, 'Vetted');
    assert.equal(meta.Producer, 'Vetted');
    // No creation or modification time is claimed (Vetted has no clock it could vouch for, and an
    // as-of document is not created on its date); the date it speaks for is in the keywords.
    assert.equal(meta.CreationDate, undefined, 'no creation date');
    assert.equal(meta.ModDate, undefined, 'no modification date');
    assert.equal(meta.Keywords, 'As of 2026-11-20');
    assert.match(meta['Page size']!, /595\.2\d* x 841\.8\d* pts \(A4\)/);
    // Only the bundled family is embedded for a Latin document.
    assert.ok(fonts(file).every((name) => name.startsWith('NotoSans-')), fonts(file).join(', '));
  });

  test('the same document and date give the same bytes; another date gives other bytes', async () => {
    const doc = sampleDoc();
    const first = await renderPdf(doc, META);
    const second = await renderPdf(doc, META);
    assert.ok(first.pdf.equals(second.pdf), 'two renders of the same input differ');
    // Concurrent renders share pdfmake's singleton: still identical.
    const [a, b] = await Promise.all([renderPdf(sampleDoc(), META), renderPdf(sampleDoc(), META)]);
    assert.ok(a.pdf.equals(first.pdf) && b.pdf.equals(first.pdf));
    const later = await renderPdf(doc, { ...META, generatedAt: '2026-11-21' });
    assert.ok(!later.pdf.equals(first.pdf));
    assert.equal(info(save(later.pdf)).Keywords, 'As of 2026-11-21');
    // An ISO timestamp counts by its date.
    const stamped = await renderPdf(doc, { ...META, generatedAt: '2026-11-20T15:42:10.000Z' });
    assert.ok(stamped.pdf.equals(first.pdf));
  });

  test('the input document is not modified', async () => {
    const doc = sampleDoc(['Tokyo 東京', { text: ['x ', { text: 'اختبار', bold: true }] }]);
    const before = JSON.stringify(doc);
    await renderPdf(doc, META);
    assert.equal(JSON.stringify(doc), before);
  });

  test('a bad date is refused', async () => {
    await assert.rejects(renderPdf(sampleDoc(), { ...META, generatedAt: 'yesterday' }), /YYYY-MM-DD/);
    await assert.rejects(renderPdf(sampleDoc(), { ...META, generatedAt: '2026-02-30' }), /YYYY-MM-DD/);
  });

  test('Greek and Cyrillic extract with the bundled font alone', async () => {
    const { pdf, warnings } = await renderPdf(sampleDoc(['Ελληνικά', { text: 'Кириллица', bold: true, italics: true }]), META);
    assert.deepEqual(warnings, []);
    const file = save(pdf);
    const extracted = text(file);
    assert.ok(extracted.includes('Ελληνικά'), extracted);
    assert.ok(extracted.includes('Кириллица'), extracted);
    assert.ok(fonts(file).every((name) => name.startsWith('NotoSans-')), fonts(file).join(', '));
  });

  test('the page size and orientation of the document are honoured', async () => {
    const file = save((await renderPdf({ ...sampleDoc(), pageOrientation: 'landscape' }, META)).pdf);
    assert.match(info(file)['Page size']!, /841\.8\d* x 595\.2\d* pts/);
    const letter = save((await renderPdf({ ...sampleDoc(), pageSize: 'LETTER' }, META)).pdf);
    assert.match(info(letter)['Page size']!, /612 x 792 pts/);
  });

  test('Japanese extracts with a system fallback font, also from a running header', async (t) => {
    if (!requireFonts(t, '日本語のテスト東京', 'Japanese')) return;
    const doc = {
      ...sampleDoc([{ text: ['Provider: ', { text: '日本語のテスト', bold: true }], pageBreak: 'after' }, 'Second page']),
      header: (page: number) => (page === 1 ? null : { text: `Report — 東京 ${page}`, margin: [56, 20, 56, 0] }),
    };
    const { pdf, warnings } = await renderPdf(doc, META);
    assert.deepEqual(warnings, []);
    const file = save(pdf);
    assertValid(file);
    const extracted = text(file);
    assert.ok(extracted.includes('日本語のテスト'), extracted);
    assert.ok(extracted.includes('Report — 東京 2'), extracted);
    const embedded = fonts(file);
    assert.ok(embedded.some((name) => !name.startsWith('NotoSans-')), `a fallback font is embedded: ${embedded.join(', ')}`);
    // A look at the page (pdftoppm): real glyphs give ink; kept for a human at test-results/.
    const png = path.join(dir, 'japanese');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, png]);
    assert.ok(fs.statSync(`${png}-1.png`).size > 1000);
  });

  test('Arabic extracts in logical order with a system fallback font', async (t) => {
    if (!requireFonts(t, 'اختبار عربي', 'Arabic')) return;
    const { pdf, warnings } = await renderPdf(sampleDoc(['Name: اختبار', { text: 'اختبار عربي طويل', bold: true }]), META);
    assert.deepEqual(warnings, []);
    const file = save(pdf);
    assertValid(file);
    const extracted = text(file);
    assert.ok(extracted.includes('اختبار'), extracted);
    // Words were laid out right to left; pdftotext reads them back in logical order.
    assert.ok(extracted.includes('اختبار عربي طويل'), extracted);
    assert.ok(fonts(file).some((name) => /Arabic|Naskh|Kufi|Geeza|DejaVu|Arial|Segoe|Tahoma/i.test(name)), fonts(file).join(', '));
  });

  test('a character no font has still gives a valid PDF, and a warning naming it', async () => {
    const candidates = ['\uE000', '\u{1F9EA}'].filter((ch) => !machineCovers(ch));
    assert.ok(candidates.includes('\uE000'), 'no font should cover the Private Use Area character U+E000');
    const { pdf, warnings } = await renderPdf(sampleDoc([`Lab ${candidates.join(' ')} notes`]), META);
    assertValid(save(pdf));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^Some characters have no font on this machine and will not show: ".+" \(U\+E000/);
    if (candidates.includes('\u{1F9EA}')) assert.match(warnings[0]!, /U\+1F9EA/);
  });

  test('an image given as a data: URL (directly or by name) is kept', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
    const doc = { ...sampleDoc([{ image: png, width: 20 }, { image: 'logo', width: 20 }]), images: { logo: png } };
    const file = save((await renderPdf(doc, META)).pdf);
    assertValid(file);
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(list.length >= 1, 'the image is in the PDF');
  });

  test('the warning names every missing character by code point', () => {
    assert.equal(missingCharactersWarning([]), null);
    assert.equal(
      missingCharactersWarning(['\uE000', '🧪']),
      'Some characters have no font on this machine and will not show: "\uE000🧪" (U+E000, U+1F9EA)',
    );
    const many = Array.from({ length: 25 }, (_, i) => String.fromCodePoint(0xe000 + i));
    assert.match(missingCharactersWarning(many)!, /U\+E013, and 5 more\)$/);
  });
});

describe('fonts', () => {
  const NOTO = '/usr/share/fonts/truetype/noto';
  const NOTO_CJK = '/usr/share/fonts/opentype/noto';

  test('the bundled family is the four Noto Sans files in assets/fonts', () => {
    const fontDir = bundledFontDir();
    assert.equal(fontDir, path.resolve(import.meta.dirname, '..', '..', 'assets', 'fonts'));
    const family = bundledFamily(fontDir);
    assert.equal(family.name, BUNDLED_FAMILY);
    for (const style of ['normal', 'bold', 'italics', 'bolditalics'] as const) assert.ok(fs.existsSync(family[style].file), family[style].file);
    assert.deepEqual(pdfmakeDescriptor(family).bold, path.join(fontDir, 'NotoSans-Bold.ttf'));
    assert.ok(fs.existsSync(path.join(fontDir, 'OFL.txt')));
    const covers = bundledCoverage(fontDir);
    assert.ok(covers(0x41) && covers(0x3b1) && covers(0x436), 'Latin, Greek and Cyrillic');
    assert.ok(!covers(0x65e5) && !covers(0x627), 'no CJK, no Arabic');
  });

  test('the usual folders of each platform', () => {
    assert.deepEqual(defaultFontFolders('win32', { WINDIR: 'D:\\Win', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'C:\\Users\\me'), [
      path.join('C:\\Users\\me\\AppData\\Local', 'Microsoft', 'Windows', 'Fonts'),
      path.join('D:\\Win', 'Fonts'),
    ]);
    const mac = defaultFontFolders('darwin', {}, '/Users/me');
    assert.deepEqual(mac.slice(0, 3), ['/Users/me/Library/Fonts', '/Library/Fonts', '/System/Library/Fonts']);
    assert.deepEqual(defaultFontFolders('linux', { XDG_DATA_HOME: '/data' }, '/home/me'), [
      '/data/fonts',
      '/home/me/.fonts',
      '/usr/local/share/fonts',
      '/usr/share/fonts',
    ]);
  });

  test('discovery lists file names only; a font is opened when its script turns up, and a broken one never counts', (t) => {
    if (!fs.existsSync(path.join(NOTO, 'NotoSansArabic-Regular.ttf'))) {
      t.skip('skipped: fonts-noto-core is not installed');
      return;
    }
    const folder = tempDir('vetted-fonts-');
    fs.mkdirSync(path.join(folder, 'nested', 'deeper'), { recursive: true });
    fs.copyFileSync(path.join(NOTO, 'NotoSansArabic-Regular.ttf'), path.join(folder, 'nested', 'deeper', 'NotoSansArabic-Regular.ttf'));
    fs.copyFileSync(path.join(NOTO, 'NotoSansArabic-Bold.ttf'), path.join(folder, 'NotoSansArabic-Bold.ttf'));
    fs.writeFileSync(path.join(folder, 'NotoSansHebrew-Regular.ttf'), 'not a font');
    fs.writeFileSync(path.join(folder, 'readme.txt'), 'not a font either');

    const reads: string[] = [];
    const original = fs.readFileSync;
    (fs as { readFileSync: unknown }).readFileSync = (...args: Parameters<typeof fs.readFileSync>) => {
      reads.push(String(args[0]));
      return original(...args);
    };
    let found: Awaited<ReturnType<typeof discoverFallbackFonts>>;
    try {
      found = discoverFallbackFonts([folder]);
    } finally {
      (fs as { readFileSync: unknown }).readFileSync = original;
    }
    assert.deepEqual(reads, [], 'discovery opened files');
    assert.deepEqual(found.map((font) => font.name), ['Fallback-Arabic', 'Fallback-Hebrew']);
    assert.equal(discoverFallbackFonts([folder]), found, 'cached per process');

    const [arabic, hebrew] = found as [(typeof found)[number], (typeof found)[number]];
    assert.equal(arabic.covers(0x65e5), false, 'outside its script: not even opened');
    assert.equal(arabic.covers(0x0627), true);
    const family = arabic.family()!;
    assert.equal(family.normal.file, path.join(folder, 'nested', 'deeper', 'NotoSansArabic-Regular.ttf'));
    assert.equal(family.bold.file, path.join(folder, 'NotoSansArabic-Bold.ttf'));
    assert.equal(family.italics, family.normal, 'italics use the regular face');
    assert.equal(hebrew.covers(0x05d0), false, 'a broken file is no font');
    assert.equal(hebrew.family(), null);
  });

  test('a face of a collection (.ttc) is named for pdfmake', (t) => {
    const regular = path.join(NOTO_CJK, 'NotoSansCJK-Regular.ttc');
    if (!fs.existsSync(regular)) {
      t.skip('skipped: fonts-noto-cjk is not installed');
      return;
    }
    const folder = tempDir('vetted-fonts-');
    fs.symlinkSync(regular, path.join(folder, 'NotoSansCJK-Regular.ttc'));
    fs.symlinkSync(path.join(NOTO_CJK, 'NotoSansCJK-Bold.ttc'), path.join(folder, 'NotoSansCJK-Bold.ttc'));
    const [cjk, hangul] = discoverFallbackFonts([folder]);
    assert.equal(cjk!.name, 'Fallback-CJK');
    assert.ok(cjk!.covers(0x65e5));
    assert.deepEqual(pdfmakeDescriptor(cjk!.family()!), {
      normal: [path.join(folder, 'NotoSansCJK-Regular.ttc'), 'NotoSansCJKjp-Regular'],
      bold: [path.join(folder, 'NotoSansCJK-Bold.ttc'), 'NotoSansCJKjp-Bold'],
      italics: [path.join(folder, 'NotoSansCJK-Regular.ttc'), 'NotoSansCJKjp-Regular'],
      bolditalics: [path.join(folder, 'NotoSansCJK-Bold.ttc'), 'NotoSansCJKjp-Bold'],
    });
    assert.equal(hangul!.name, 'Fallback-Hangul');
    assert.ok(hangul!.covers(0xd55c));
    assert.equal(hangul!.family()!.normal.face, 'NotoSansCJKkr-Regular');
  });

  test('only the fallback fonts a document uses are embedded; without any, a warning names the characters', async (t) => {
    if (!fs.existsSync(path.join(NOTO, 'NotoSansArabic-Regular.ttf'))) {
      t.skip('skipped: fonts-noto-core is not installed');
      return;
    }
    const folder = tempDir('vetted-fonts-');
    fs.copyFileSync(path.join(NOTO, 'NotoSansArabic-Regular.ttf'), path.join(folder, 'NotoSansArabic-Regular.ttf'));
    fs.copyFileSync(path.join(NOTO, 'NotoSansHebrew-Regular.ttf'), path.join(folder, 'NotoSansHebrew-Regular.ttf'));
    const doc = sampleDoc(['Arabic: اختبار', 'Japanese: 日本']);
    const withArabic = await renderPdf(doc, META, { fontFolders: [folder] });
    const file = save(withArabic.pdf);
    assertValid(file);
    assert.deepEqual(fonts(file).filter((name) => !name.startsWith('NotoSans-')), ['NotoSansArabic-Regular']);
    assert.deepEqual(withArabic.warnings, ['Some characters have no font on this machine and will not show: "日本" (U+65E5, U+672C)']);
    assert.ok(text(file).includes('اختبار'));

    const none = await renderPdf(doc, META, { fontFolders: [tempDir('vetted-no-fonts-')] });
    assertValid(save(none.pdf));
    assert.deepEqual(none.warnings, [
      'Some characters have no font on this machine and will not show: "اختبر日本" (U+0627, U+062E, U+062A, U+0628, U+0631, U+65E5, U+672C)',
    ]);
  });
});

describe('renderPdf with hostile content', () => {
  let server: http.Server;
  let base = '';
  let requests = 0;

  before(async () => {
    server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('nothing is fetched, no file but a font is read, scripts and foreign links are gone', async () => {
    const passwd = '/etc/passwd';
    const long = 'overflowing text '.repeat(6000).slice(0, 100_000);
    assert.equal(long.length, 100_000);
    const doc = {
      content: [
        `file://${passwd}`,
        `${base}/evil.png`,
        'https://evil.example/x.png',
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=',
        { text: 'click me', link: 'javascript:alert(1)' },
        { text: ['inline ', { text: 'script', link: 'JavaScript:alert(2)' }, { text: ' file', link: `file://${passwd}` }] },
        { text: 'a fine link', link: 'https://example.com/policy' },
        { image: passwd, width: 10 },
        { image: `${base}/a.png`, width: 10 },
        { image: 'https://evil.example/a.png', width: 10 },
        { image: 'evil', width: 10 },
        { attachment: passwd },
        { text: 'font as a path', font: passwd },
        {
          svg:
            `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="60" height="20">` +
            `<image href="${base}/svg.png" x="0" y="0" width="10" height="10"/>` +
            `<image xlink:href="${passwd}" x="10" y="0" width="10" height="10"/>` +
            `<a href="javascript:alert(3)"><rect x="20" y="0" width="10" height="10"/></a></svg>`,
          width: 60,
        },
        long,
      ],
      images: { evil: `${base}/b.png`, other: passwd },
      files: { secret: { src: passwd } },
      attachments: { secret: { src: passwd } },
      ownerPassword: 'x',
      watermark: { text: 'DRAFT', font: passwd },
    };

    const opened: string[] = [];
    const fetched: string[] = [];
    const record = (value: unknown) => {
      if (typeof value === 'string') opened.push(value);
      else if (value instanceof URL) opened.push(value.href);
    };
    type AnyFn = (...args: unknown[]) => unknown;
    const spied = ['readFileSync', 'openSync', 'statSync', 'createReadStream', 'existsSync', 'readdirSync'] as const;
    const fsAny = fs as unknown as Record<string, AnyFn>;
    const originals = Object.fromEntries(spied.map((name) => [name, fsAny[name]!])) as Record<(typeof spied)[number], AnyFn>;
    const originalFetch = globalThis.fetch;
    for (const name of spied) {
      fsAny[name] = function (this: unknown, ...args: unknown[]) {
        record(args[0]);
        return originals[name].apply(this, args);
      };
    }
    globalThis.fetch = ((input: unknown) => {
      fetched.push(String(input));
      return Promise.reject(new Error('no fetch in tests'));
    }) as typeof fetch;

    let result: Awaited<ReturnType<typeof renderPdf>>;
    try {
      result = await renderPdf(doc, META);
    } finally {
      for (const name of spied) fsAny[name] = originals[name];
      globalThis.fetch = originalFetch;
    }

    assert.ok(opened.some((file) => file.endsWith('NotoSans-Regular.ttf')), 'the spy saw the font being read');
    assert.deepEqual(fetched, [], 'fetch was called');
    assert.equal(requests, 0, 'the local "evil" server got a request');
    // Fonts, and the sRGB profile pdfkit ships for the PDF/A output intent (a fixed file of its own).
    const strays = opened.filter((file) => !/\.(ttf|otf|ttc)$/i.test(file) && !/[\\/]pdfkit[\\/]js[\\/]data[\\/]sRGB_IEC61966_2_1\.icc$/.test(file));
    assert.deepEqual(strays, [], 'files other than fonts and the sRGB profile were opened');
    assert.ok(!opened.some((file) => file.includes('passwd')));

    const file = save(result.pdf);
    assertValid(file);
    const raw = uncompressed(file);
    assert.doesNotMatch(raw, /javascript/i);
    assert.doesNotMatch(raw, /\/JavaScript|\/Launch|\/EmbeddedFile|\/Encrypt|file:\/\//);
    assert.match(raw, /\/URI \(https:\/\/example\.com\/policy\)/, 'the https link stays');
    const extracted = text(file);
    assert.ok(extracted.includes('file:///etc/passwd'), 'hostile text is printed as text');
    assert.ok(extracted.includes('click me'));
    assert.ok(extracted.includes('overflowing text overflowing text'));
    assert.ok(!extracted.includes('root:'), 'the password file never made it in');
    assert.ok(Number(info(file).Pages) > 10, 'the long text flows over pages');
  });
});

describe('renderPdf speed', () => {
  test('a 10-page report renders in well under a few seconds (warm)', async (t) => {
    const content: unknown[] = [];
    for (let page = 0; page < 10; page++) {
      content.push({ text: `Section ${page + 1}`, fontSize: 16, bold: true, pageBreak: page > 0 ? 'before' : undefined });
      content.push({ text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6) });
      const body: unknown[][] = [['Question', 'Answer', 'Score']];
      for (let row = 0; row < 16; row++) body.push([`Question ${row} on access and incident transparency`, { text: `Answer ${row}`, italics: true }, String(row)]);
      content.push({ table: { headerRows: 1, widths: ['*', '*', 40], body } });
      content.push({ svg: CHART, width: 200 });
    }
    const doc = { content, footer: (p: number, n: number) => ({ text: `Page ${p} of ${n}`, alignment: 'right', margin: [56, 20, 56, 0] }) };
    await renderPdf(doc, META); // warm: fonts read, code compiled
    const started = performance.now();
    const { pdf } = await renderPdf(doc, META);
    const elapsed = performance.now() - started;
    const pages = Number(info(save(pdf)).Pages);
    assert.equal(pages, 10);
    t.diagnostic(`10-page report rendered in ${elapsed.toFixed(0)} ms (warm), ${pdf.length} bytes`);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });
});
