// Reports in the register's language: Han drawn in the face of its region (read back with
// pdffonts), the document language and the PDF/A-2b identification (qpdf, pdfinfo -meta), clean
// metadata, and default file names that tell providers apart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';
import { embeddedFonts, pdfInfo, pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

const CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Skips without the CJK fonts (fails on CI, which installs them). */
function requireCjk(t: { skip(message: string): void }): boolean {
  if (fs.existsSync(CJK)) return true;
  const reason = 'skipped: fonts-noto-cjk is not installed (CI installs it)';
  if (process.env.CI) assert.fail(reason);
  t.skip(reason);
  return false;
}

const fontNames = embeddedFonts;

/** The XMP packet, from pdfinfo -meta. */
const xmp = (file: string) => execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });

/** The document catalog and the objects qpdf prints uncompressed (to find /Lang, /OutputIntents, …). */
const uncompressed = (file: string) =>
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');

/** A provider with a started review and one answer, so a draft report can be made. */
async function providerWithDraft(api: Awaited<ReturnType<typeof freshVetted>>['api'], name: string) {
  const vendor = unwrap(await api['vendor.create']({ name, status: 'active', dataCategories: ['personal-data'] }));
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const q = template.sections[0]!.questions[0]!;
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: q.id, value: q.options![0]!.id }));
  return vendor;
}

async function draftReport(api: Awaited<ReturnType<typeof freshVetted>>['api'], vendorId: string) {
  const file = unwrap(await api['report.vendor']({ vendorId, draft: true, date: '2026-11-20' }));
  return { file, pdf: savePdf(Buffer.from(file.base64, 'base64'), file.fileName) };
}

test('a Chinese provider name is drawn with the Simplified Chinese face, not the Japanese one', async (t) => {
  if (!requireCjk(t)) return;
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await api['settings.update']({ reportLanguage: 'en' }));
  const vendor = await providerWithDraft(api, '阿里云计算有限公司');
  const { file, pdf } = await draftReport(api, vendor.id);
  assert.deepEqual(file.warnings, []);
  const fonts = fontNames(pdf);
  assert.ok(fonts.includes('NotoSansCJKsc-Regular') || fonts.includes('NotoSansCJKsc-Bold'), `a Simplified Chinese face: ${fonts.join(', ')}`);
  assert.ok(!fonts.some((f) => f.startsWith('NotoSansCJKjp')), `no Japanese face: ${fonts.join(', ')}`);
  assert.ok(pdfText(pdf).includes('阿里云计算有限公司'), 'the name extracts');
});

test('with the report language set to Traditional Chinese, a Traditional name uses the TC face', async (t) => {
  if (!requireCjk(t)) return;
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  const saved = unwrap(await api['settings.update']({ reportLanguage: 'zh-hant' }));
  assert.equal(saved.reportLanguage, 'zh-Hant', 'the tag is stored in its canonical form');
  const vendor = await providerWithDraft(api, '中華電信股份有限公司');
  const { pdf } = await draftReport(api, vendor.id);
  const fonts = fontNames(pdf);
  assert.ok(fonts.some((f) => f.startsWith('NotoSansCJKtc')), `a Traditional Chinese face: ${fonts.join(', ')}`);
  assert.ok(!fonts.some((f) => /^NotoSansCJK(sc|jp)/.test(f)), `no Simplified or Japanese face: ${fonts.join(', ')}`);
  assert.match(uncompressed(pdf), /\/Lang \(zh-Hant\)/, 'the document language is the setting');
});

test('kana make a name Japanese and hangul Korean, whatever the report language', async (t) => {
  if (!requireCjk(t)) return;
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await api['settings.update']({ reportLanguage: 'zh-Hans' }));
  const japanese = await providerWithDraft(api, '東京ガス株式会社');
  const korean = await providerWithDraft(api, '삼성전자 三星電子');
  const jp = fontNames((await draftReport(api, japanese.id)).pdf);
  assert.ok(jp.some((f) => f.startsWith('NotoSansCJKjp')) && !jp.some((f) => f.startsWith('NotoSansCJKsc')), `Japanese: ${jp.join(', ')}`);
  const kr = fontNames((await draftReport(api, korean.id)).pdf);
  assert.ok(kr.some((f) => f.startsWith('NotoSansCJKkr')) && !kr.some((f) => /^NotoSansCJK(sc|jp)/.test(f)), `Korean: ${kr.join(', ')}`);
});

test('reports are PDF/A-2b with the document language, untagged, and their metadata has no bidi controls', async () => {
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await api['settings.update']({ reportLanguage: 'de' }));
  // A right-to-left override in the name: drawn nowhere, and kept out of the title.
  const vendor = await providerWithDraft(api, 'A&B <Cloud> \u202Egpj.exe\u202C');
  const other = await providerWithDraft(api, 'Plain Hosting');
  const { pdf } = await draftReport(api, vendor.id);
  const sub = unwrap(await api['report.subprocessors']({ date: '2026-11-20', includeProposed: true }));
  const cmp = unwrap(await api['compare.export']({ vendorIds: [vendor.id, other.id], format: 'pdf', draft: true }));
  const files = {
    review: pdf,
    subprocessors: savePdf(Buffer.from(sub.base64, 'base64')),
    comparison: savePdf(Buffer.from(cmp.base64, 'base64')),
  };
  for (const [what, file] of Object.entries(files)) {
    const check = qpdfCheck(file);
    assert.ok(check.ok, `${what}: ${check.output}`);
    const raw = uncompressed(file);
    assert.match(raw, /^%PDF-1\.7/, `${what}: PDF 1.7 (PDF/A-2 is based on it)`);
    assert.match(raw, /\/Lang \(de\)/, `${what}: /Lang`);
    assert.match(raw, /\/OutputIntents/, `${what}: an output intent`);
    assert.match(raw, /\/S \/GTS_PDFA1/, `${what}: a PDF/A output intent`);
    assert.match(raw, /\/DestOutputProfile/, `${what}: the ICC profile is embedded`);
    assert.doesNotMatch(raw, /\/StructTreeRoot|\/MarkInfo/, `${what}: no structure tree is claimed`);
    const meta = xmp(file);
    assert.match(meta, /<pdfaid:part>2<\/pdfaid:part>/, `${what}: PDF/A part 2`);
    assert.match(meta, /<pdfaid:conformance>B<\/pdfaid:conformance>/, `${what}: level B`);
    assert.doesNotMatch(meta, /pdfuaid/, `${what}: no PDF/UA claim`);
    assert.match(meta, /<dc:language><rdf:Bag><rdf:li>de<\/rdf:li><\/rdf:Bag><\/dc:language>/, `${what}: dc:language`);
    // No creation or modification time is claimed (/Info has none, so neither has the XMP); the
    // day the document speaks for is in the keywords, in both.
    assert.doesNotMatch(meta, /xmp:CreateDate|xmp:ModifyDate/, `${what}: no creation or modification date`);
    assert.match(meta, /<pdf:Keywords>As of 2026-11-20<\/pdf:Keywords>/, `${what}: pdf:Keywords matches /Keywords`);
    assert.equal(fontNames(file).length > 0 && fontNames(file).every(Boolean), true, `${what}: fonts listed`);
    const embedded = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    assert.ok(embedded.every((line) => / yes +yes +yes /.test(line)), `${what}: every font embedded, subset, with ToUnicode:\n${embedded.join('\n')}`);
  }
  const title = pdfInfo(pdf).Title!;
  assert.equal(title, 'DRAFT vendor review: A&B <Cloud> gpj.exe', 'the title without its bidi controls');
  const meta = xmp(pdf);
  assert.ok(meta.includes('DRAFT vendor review: A&amp;B &lt;Cloud&gt; gpj.exe'), `the XMP title is escaped:\n${meta}`);
  assert.doesNotMatch(meta, /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/, 'no bidi control in the XMP');
});

test('default file names: non-Latin names no longer collide; Latin names keep their readable slug', async () => {
  const { api } = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  const names = ['阿里云', '腾讯云', 'Облако', 'Zürich Løgs AG', 'Acme, Inc.', 'Acme Inc'];
  const files = new Map<string, string>();
  for (const name of names) {
    const vendor = await providerWithDraft(api, name);
    const file = unwrap(await api['report.vendor']({ vendorId: vendor.id, draft: true, date: '2026-11-20' }));
    files.set(name, file.fileName);
    assert.match(file.fileName, /^vetted-draft-review-[a-z0-9-]+-2026-11-20\.pdf$/, `${name}: ASCII only (${file.fileName})`);
  }
  assert.equal(new Set(files.values()).size, names.length, `every provider has its own name: ${[...files.values()].join(', ')}`);
  assert.equal(files.get('Zürich Løgs AG'), 'vetted-draft-review-zurich-logs-ag-2026-11-20.pdf', 'accents and ø transliterated, no id');
  assert.match(files.get('阿里云')!, /^vetted-draft-review-provider-[a-z0-9]+-2026-11-20\.pdf$/, 'a name without Latin letters: its id');
  assert.match(files.get('Acme Inc')!, /^vetted-draft-review-acme-inc-[a-z0-9]+-2026-11-20\.pdf$/, 'a slug two providers share gets the id');
});

test('CLI: vetted settings shows and sets the report language; a bad tag exits 2 and changes nothing', () => {
  const db = tempDbPath();
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  const set = runCli(['settings', 'set', 'report-language', 'zh-hant', '--db', db]);
  assert.equal(set.status, 0, set.stderr);
  assert.match(set.stdout, /report-language: zh-Hant/);
  const bad = runCli(['settings', 'set', 'report-language', 'not a tag', '--db', db]);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /report-language: a language tag/, 'named as the command line names it');
  const shown = runCli(['settings', '--json', '--db', db]);
  assert.equal(JSON.parse(shown.stdout).reportLanguage, 'zh-Hant', 'the bad tag changed nothing');
  assert.equal(runCli(['settings', 'set', 'report-language', 'system', '--db', db]).status, 0);
  assert.match(runCli(['settings', '--db', db]).stdout, /report-language\s+system/);
  const out = path.join(tempDir(), 'sub.pdf');
  assert.equal(runCli(['subprocessors', '--out', out, '--db', db], { LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' }).status, 0);
  assert.match(uncompressed(out), /\/Lang \(ja-JP\)/, 'unset: the system language (here from LC_ALL)');
});
