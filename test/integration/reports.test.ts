// Reports read back with the real tools: pdftotext, pdfinfo, qpdf.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { runCli } from '../helpers/cli';
import { pdfInfo, pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

const demo = async () => {
  const vetted = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await vetted.api['demo.load']({}));
  const vendors = unwrap(await vetted.api['vendor.list']({}));
  const id = (name: string) => vendors.find((v) => v.name === name)!.id;
  return { ...vetted, vendors, id };
};

const flat = (s: string) => s.replace(/\s+/g, ' ');

test('the vendor report carries the provider, every section, the score and the tier (a draft, asked for, marked)', async () => {
  const { api, id, vendors } = await demo();
  const file = unwrap(await api['report.vendor']({ vendorId: id('Keystone Config'), date: '2026-11-20', draft: true }));
  assert.equal(file.mediaType, 'application/pdf');
  assert.equal(file.fileName, 'vetted-draft-review-keystone-config-2026-11-20.pdf');
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  const check = qpdfCheck(pdf);
  assert.ok(check.ok, check.output);
  const text = flat(pdfText(pdf));
  assert.match(text, /Keystone Config/);
  for (const section of INFRASTRUCTURE_TEMPLATE.sections) assert.ok(text.includes(section.title), `section ${section.title}`);
  const summary = vendors.find((v) => v.name === 'Keystone Config')!;
  assert.ok(text.includes(summary.score!.toFixed(1)), `score ${summary.score!.toFixed(1)}`);
  assert.match(text, /Critical/);
  assert.match(text, /Page 1 of \d+/);
  assert.match(text, /As of 2026-11-20/);
  assert.match(text, /DRAFT: not a decided review/);
  const info = pdfInfo(pdf);
  assert.equal(info.Title, 'DRAFT vendor review: Keystone Config');
  assert.ok(Number(info.Pages) >= 3);
});

test('same register and same date give byte-identical PDFs; another date does not', async () => {
  const { api, id } = await demo();
  const a = unwrap(await api['report.vendor']({ vendorId: id('Logjam Cloud'), date: '2026-11-20' }));
  const b = unwrap(await api['report.vendor']({ vendorId: id('Logjam Cloud'), date: '2026-11-20' }));
  const c = unwrap(await api['report.vendor']({ vendorId: id('Logjam Cloud'), date: '2026-11-19' }));
  assert.equal(a.base64, b.base64);
  assert.notEqual(a.base64, c.base64);
  const s1 = unwrap(await api['report.subprocessors']({ date: '2026-11-20' }));
  const s2 = unwrap(await api['report.subprocessors']({ date: '2026-11-20' }));
  assert.equal(s1.base64, s2.base64);
});

test('the subprocessor annex lists the approved active providers that process personal data, and names the rest', async () => {
  const { api } = await demo();
  unwrap(await api['settings.update']({ subprocessorIntro: 'Our providers are listed below, checked by the security team.', organisation: 'Example Ltd' }));
  const file = unwrap(await api['report.subprocessors']({ date: '2026-11-20' }));
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  assert.ok(qpdfCheck(pdf).ok);
  const text = flat(pdfText(pdf));
  assert.match(text, /Subprocessors/);
  assert.match(text, /Our providers are listed below, checked by the security team\./);
  const listed = ['Logjam Cloud', 'StatusHarbor'];
  for (const name of listed) assert.ok(text.includes(name), name);
  assert.equal(file.listed, listed.length);
  const leftOut = Object.fromEntries(file.leftOut.map((o) => [o.name, o.reason]));
  assert.deepEqual(leftOut, {
    'Burrow MQ': 'not_approved',
    'Forgeline CI': 'no_personal_data',
    Gaugeworks: 'no_personal_data',
    'Keystone Config': 'no_personal_data',
    PagerPigeon: 'not_approved',
    'Tidewater Postgres': 'not_approved',
  });
  for (const name of Object.keys(leftOut)) assert.ok(!text.includes(name), `${name} is not in the annex`);
  assert.match(text, /Encrypted at rest/);
  assert.match(text, /Example Ltd · As of 2026-11-20/);
  assert.equal(pdfInfo(pdf).Title, 'Subprocessors');
});

test('a provider without a review cannot be reported, and says why', async () => {
  const { api } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Fresh' }));
  const result = await api['report.vendor']({ vendorId: vendor.id });
  assert.equal(!result.ok && result.error.code, 'conflict');
  assert.match(!result.ok ? result.error.message : '', /Fresh has no review decided on or before/);
  const draft = await api['report.vendor']({ vendorId: vendor.id, draft: true });
  assert.match(!draft.ok ? draft.error.message : '', /Fresh has no review in progress to report as a draft/);
  const badDate = await api['report.vendor']({ vendorId: vendor.id, date: '2026-02-30' });
  assert.equal(!badDate.ok && badDate.error.code, 'validation');
});

const hasFontFor = (file: string) => fs.existsSync(file);
const CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const ARABIC = '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf';

test('provider names in Latin, Greek, Cyrillic, Japanese and Arabic extract from the PDF', async (t) => {
  if (!hasFontFor(CJK) || !hasFontFor(ARABIC)) {
    t.skip('skipped: fonts-noto-core and fonts-noto-cjk are not installed (CI installs them)');
    return;
  }
  const { api } = await freshVetted();
  const names = ['Zürich Logs AG', 'Ελληνική Υπηρεσία', 'Облачная база', '東京メッセージ', 'خدمة السحابة'];
  for (const name of names) {
    const vendor = unwrap(await api['vendor.create']({ name, status: 'active', dataCategories: ['personal-data'] }));
    const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
    const q = template.sections[0]!.questions[0]!;
    unwrap(await api['answer.save']({ reviewId: review.id, questionId: q.id, value: q.options![0]!.id, comment: `Kommentar für ${name}` }));
    const file = unwrap(await api['report.vendor']({ vendorId: vendor.id, draft: true }));
    assert.deepEqual(file.warnings, [], name);
    const text = pdfText(savePdf(Buffer.from(file.base64, 'base64')));
    assert.ok(text.includes(name), `${name} in:\n${text.slice(0, 400)}`);
  }
  // Not approved: listed, marked, only because asked.
  const appendix = unwrap(await api['report.subprocessors']({ includeProposed: true }));
  const text = pdfText(savePdf(Buffer.from(appendix.base64, 'base64')));
  for (const name of names) assert.ok(text.includes(name), `appendix: ${name}`);
});

test('CLI: report and subprocessors write PDFs; bad input exits 2 and writes nothing', () => {
  const db = tempDbPath();
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  const dir = tempDir();
  const out = path.join(dir, 'tidewater.pdf');
  const run = runCli(['report', 'Tidewater Postgres', '--out', out, '--draft', '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Wrote .*tidewater\.pdf/);
  assert.match(flat(pdfText(out)), /Tidewater Postgres/);
  const again = path.join(dir, 'again.pdf');
  assert.equal(runCli(['report', 'tidewater postgres', '--out', again, '--draft', '--db', db]).status, 0);
  assert.ok(fs.readFileSync(out).equals(fs.readFileSync(again)), 'CLI output is deterministic too');

  const sub = path.join(dir, 'sub.pdf');
  assert.equal(runCli(['subprocessors', '--out', sub, '--db', db]).status, 0);
  assert.match(pdfText(sub), /Subprocessors/);

  const cases: [string[], number, RegExp][] = [
    [['report', 'Nobody', '--out', path.join(dir, 'x.pdf')], 2, /no provider/],
    [['report', 'Gaugeworks', '--out', path.join(dir, 'y.pdf'), '--date', '2026-13-01'], 2, /date: must be a date/],
    [['report', 'Gaugeworks', '--out', path.join(dir, 'missing', 'z.pdf'), '--draft'], 2, /does not exist/],
    [['report', 'Gaugeworks', '--out', path.join(dir, 'w.pdf')], 2, /Gaugeworks has no review decided on or before .*draft/],
    [['report', 'Gaugeworks', '--out', path.join(dir, 'v.pdf'), '--date', '2999-01-01'], 2, /^vetted: --date: is after today/],
    [['report', 'Gaugeworks'], 1, /usage/],
    [['subprocessors'], 1, /usage/],
  ];
  for (const [args, status, message] of cases) {
    const r = runCli([...args, '--db', db]);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.deepEqual(fs.readdirSync(dir).sort(), ['again.pdf', 'sub.pdf', 'tidewater.pdf']);
});
