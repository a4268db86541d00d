// Comparing providers through the API and the CLI, read back as a user would.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Comparison } from '../../shared/compare';
import { scoreText } from '../../shared/format';
import { BEST_MARK, TOO_LITTLE_ANSWERED, WORST_MARK } from '../../shared/reports/compare-report';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { REPO_ROOT, runCli } from '../helpers/cli';
import { parseCsv } from '../helpers/csv';
import { pdfInfo, pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { pdfPages, sectionScoreRows, squeezed, wordsOffPage } from '../helpers/pdf-columns';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';
import { openVetted } from '../../electron/core/vetted';
import { buildEffortText, feeText } from '../../shared/domain/cost';

async function demo() {
  // The demo's clock stands on 2026-11-20: exports dated that day may show the reviews in progress.
  const vetted = await freshVetted({ now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await vetted.api['demo.load']({}));
  const vendors = unwrap(await vetted.api['vendor.list']({}));
  const id = (name: string) => vendors.find((v) => v.name === name)!.id;
  return { ...vetted, id };
}

test('compare.get aligns three providers question by question', async () => {
  const { api, id } = await demo();
  const ids = [id('Burrow MQ'), id('PagerPigeon'), id('Keystone Config')];
  const comparison = unwrap(await api['compare.get']({ vendorIds: ids }));
  assert.deepEqual(comparison.columns.map((c) => c.name), ['Burrow MQ', 'PagerPigeon', 'Keystone Config']);
  assert.deepEqual(comparison.sections.map((s) => s.title), INFRASTRUCTURE_TEMPLATE.sections.map((s) => s.title));
  const rows = comparison.sections.flatMap((s) => s.questions);
  assert.ok(rows.some((r) => r.differs && r.best.length > 0 && r.worst.length > 0), 'some question separates them');
  const knockout = rows.find((r) => r.questionId === 'acc_individual_accounts')!;
  assert.equal(knockout.cells[1]!.knockout, 'critical', 'PagerPigeon shares one credential: high, one tier higher on the critical path');
  assert.ok(knockout.worst.includes(ids[1]!));
});

test('compare input is validated: 2 to 6 distinct, existing providers', async () => {
  const { api, id } = await demo();
  const one = await api['compare.get']({ vendorIds: [id('Gaugeworks')] });
  assert.equal(!one.ok && one.error.code, 'validation');
  assert.match(!one.ok ? one.error.message : '', /at least 2/);
  const twice = await api['compare.get']({ vendorIds: [id('Gaugeworks'), id('Gaugeworks')] });
  assert.match(!twice.ok ? twice.error.message : '', /twice/);
  const seven = await api['compare.get']({ vendorIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
  assert.match(!seven.ok ? seven.error.message : '', /at most 6/);
  const missing = await api['compare.get']({ vendorIds: [id('Gaugeworks'), 'no-such-id'] });
  assert.equal(!missing.ok && missing.error.code, 'not_found');
});

test('an exported comparison rests on decided reviews as of its date, says so per column, and a draft is asked for', async () => {
  const { api, id } = await demo();
  const names = ['Logjam Cloud', 'Burrow MQ'];
  const file = unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'pdf', date: '2026-11-20' }));
  const text = pdfText(savePdf(Buffer.from(file.base64, 'base64'))).replace(/\s+/g, ' ');
  assert.match(text, /Each column shows the provider's latest review decided on or before 2026-11-20/);
  assert.match(text, /Logjam Cloud: approved on 2024-10-21\. Reassessment in progress since 2026-11-20/, '760 days before the clock, reassessment opened since');
  assert.match(text, /Burrow MQ: no review decided on or before 2026-11-20 \(empty column\)\./);
  assert.doesNotMatch(text, /DRAFT/);
  const draft = unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'pdf', draft: true }));
  const draftText = pdfText(savePdf(Buffer.from(draft.base64, 'base64'))).replace(/\s+/g, ' ');
  assert.match(draftText, /DRAFT: each column shows the provider's review in progress on 2026-11-20/);
  assert.match(draftText, /DRAFT: not a decided review · As of 2026-11-20/);
  assert.match(draft.fileName, /^vetted-draft-comparison-/);
  const past = await api['compare.export']({ vendorIds: names.map(id), format: 'pdf', draft: true, date: '2026-11-01' });
  assert.match(!past.ok ? past.error.message : '', /^date: a draft comparison shows the reviews in progress as they are today/);
  const anonymous = Buffer.from(unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'csv' })).base64, 'base64').toString('utf8');
  assert.ok(!anonymous.includes('"Organisation"'), 'no organisation row while none is set');
  unwrap(await api['settings.update']({ organisation: 'Example Shop Ltd' }));
  const csv = Buffer.from(unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'csv' })).base64, 'base64').toString('utf8');
  assert.ok(csv.includes('"Summary","","Organisation","Example Shop Ltd","Example Shop Ltd"'), 'the CSV names the organisation, as the PDF does on every page');
  assert.ok(csv.includes('"Summary","","As of (decided reviews)","2026-11-20","2026-11-20"'), 'the CSV says its date and basis');
  assert.ok(csv.includes('"Summary","","Rests on","approved on 2024-10-21. Reassessment in progress since 2026-11-20 (draft, not decided as of 2026-11-20). Reassessment overdue since '), 'per column, with what happened since');
  assert.ok(csv.includes(',"no review decided on or before 2026-11-20 (empty column). Review in progress since '), 'and the empty one, with its review in progress');
  const draftCsv = Buffer.from(unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'csv', draft: true })).base64, 'base64').toString('utf8');
  assert.ok(draftCsv.includes('"Summary","","As of (DRAFT: reviews in progress)","2026-11-20"'), 'a draft CSV says DRAFT');
  const future = await api['compare.export']({ vendorIds: names.map(id), format: 'csv', date: '2026-11-21' });
  assert.match(!future.ok ? future.error.message : '', /^date: is after today/);
});

test('a provider whose review is in progress reads "No decided review as of D" in a decided comparison, never "Not asked"', async () => {
  const { api, id } = await demo();
  const names = ['Logjam Cloud', 'Burrow MQ'];
  const file = unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'pdf', date: '2026-11-20' }));
  const text = pdfText(savePdf(Buffer.from(file.base64, 'base64'))).replace(/\s+/g, ' ');
  assert.match(text, /State Scored: 100% answered No decided review as of 2026-11-20 \(a review is in progress since 2026-\d\d-\d\d, [a-z ]+ on 2026-11-20\)/, 'the State says why the column is empty');
  for (const wrong of ['Not started', 'not scored (no review)', 'Not asked']) assert.ok(!text.includes(wrong), `no "${wrong}" for a review in progress`);
  assert.doesNotMatch(text, /No review(?! in this column)/, 'no "No review" for a review in progress');
  const csv = parseCsv(Buffer.from(unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'csv' })).base64, 'base64').toString('utf8').slice(1));
  const burrow = (label: string) => csv.find((r) => r[2] === label)![4];
  assert.match(burrow('Overall score')!, /^Not scored: no decided review as of 2026-11-20 \(a review is in progress since /);
  assert.equal(burrow('Template'), '—');
  const cells = csv.slice(1).filter((r) => r[0] !== 'Summary' && !r[0]!.includes('not the questionnaire')).map((r) => r[4]);
  assert.ok(cells.length > 60 && cells.every((c) => c === '—'), `every section and question cell of the empty column reads —: ${[...new Set(cells)].join(' | ')}`);
});

test('dated before a profile changed and before today: the PDF and CSV say the profile and the day rate are as they are now', async () => {
  const { api, id } = await demo();
  const ids = ['Logjam Cloud', 'StatusHarbor'].map(id);
  // The demo's profiles date from 2024; Logjam Cloud's fee is changed on the clock's day.
  unwrap(await api['vendor.update']({ id: ids[0]!, patch: { monthlyCost: 8000 } }));
  const pdf = async (date: string) => pdfText(savePdf(Buffer.from(unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', date })).base64, 'base64'))).replace(/\s+/g, ' ');
  const past = await pdf('2025-01-01');
  assert.ok(past.includes('60 engineer-days at 640 EUR a day'), 'the buy-or-build line uses the day rate');
  assert.ok(past.includes('8,000 EUR per year'), 'the fee as recorded now');
  // The two cells' lines interleave in the extracted text: read by their first words.
  assert.equal((past.match(/The profile was last changed on 2026-11-20, after 2025-01-01:/g) ?? []).length, 1, 'said for the changed column');
  assert.ok(past.includes('it shows the provider as recorded now.'), 'in the review report\'s words');
  assert.match(past, /Last changed on 2024-\d\d-\d\d: as it stood on 2025-01-01\./, 'the unchanged one says when it last changed');
  assert.ok(past.includes('The day rate (640 EUR a day) is the one set in Settings when this document was made (2026-11-20), not necessarily the one on 2025-01-01'), 'the day rate is today\'s');
  const now = await pdf('2026-11-20');
  assert.ok(!now.includes('recorded now') && !now.includes('set in Settings'), 'as of today there is nothing to say');
  const csv = parseCsv(Buffer.from(unwrap(await api['compare.export']({ vendorIds: ids, format: 'csv', date: '2025-01-01' })).base64, 'base64').toString('utf8').slice(1));
  const row = (label: string) => csv.find((r) => r[2] === label)?.slice(3, 5);
  const [changed, unchanged] = row('Profile (fee, build effort)')!;
  assert.equal(changed, 'The profile was last changed on 2026-11-20, after 2025-01-01: it shows the provider as recorded now.');
  assert.match(unchanged!, /^Last changed on 2024-\d\d-\d\d: as it stood on 2025-01-01\.$/);
  assert.deepEqual(row('Day rate'), Array(2).fill('The day rate (640 EUR a day) is the one set in Settings when this document was made (2026-11-20), not necessarily the one on 2025-01-01: Settings keep no dated copy.'));
});

test('v1 reviews that answered the fee: the comparison PDF and CSV print only the profile\'s fee, draft or decided', async () => {
  // The schema-1 register: v1 reviews that answered the fee themselves (Burrow MQ 69 EUR/month; its profile says 380).
  const file = tempDbPath();
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'registers', 'schema-1.sqlite'), file);
  const vetted = await openVetted(file, { logError: () => {}, now: () => new Date('2026-11-20T10:00:00Z') });
  after(() => vetted.close());
  const { api } = vetted;
  const vendors = unwrap(await api['vendor.list']({}));
  const named = ['Burrow MQ', 'Logjam Cloud', 'Gaugeworks'].map((name) => vendors.find((v) => v.name === name)!);
  const ids = named.map((v) => v.id);
  const profiles = await Promise.all(ids.map(async (id) => unwrap(await api['vendor.get']({ id }))));
  const burrow = unwrap(await api['review.current']({ vendorId: ids[0]! }))!;
  assert.equal(burrow.template.version, 1);
  assert.equal(burrow.answers.find((a) => a.questionId === 'cost_monthly_fee')?.value, 69, 'the fixture answered 69 in the questionnaire');
  assert.equal(profiles[0]!.monthlyCost, 380, 'and holds 380 in the profile');

  const exported = async (draft: boolean) => {
    const pdf = unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', draft }));
    const csv = unwrap(await api['compare.export']({ vendorIds: ids, format: 'csv', draft }));
    const saved = savePdf(Buffer.from(pdf.base64, 'base64'));
    return {
      pdf: pdfText(saved).replace(/\s+/g, ' '),
      layout: pdfText(saved, true),
      csv: parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8').slice(1)),
    };
  };
  const check = ({ pdf, layout, csv }: Awaited<ReturnType<typeof exported>>, when: string) => {
    const feeRow = csv.find((r) => r[1] === 'cost_monthly_fee')!;
    const effortRow = csv.find((r) => r[1] === 'cost_build_run_days')!;
    profiles.forEach((profile, i) => {
      assert.equal(feeRow[3 + i], `Kept in the provider profile: ${feeText(profile)}`, `${when} CSV, ${profile.name}: the profile's fee`);
      assert.equal(effortRow[3 + i], `Kept in the provider profile: ${buildEffortText(profile)}`, `${when} CSV, ${profile.name}: the profile's effort`);
      // The cell wraps after "per": its first line is read from the layout text.
      assert.ok(layout.includes(`Kept in the provider profile: ${feeText(profile)!.replace(/ (month|year)$/, '')}`), `${when} PDF, ${profile.name}: the profile's fee`);
    });
    // No other fee anywhere: the questionnaire's 69 EUR a month (v1's unit) is never printed.
    const fees = new Set([...pdf.matchAll(/\b\d[\d,]*(?:\.\d+)? [A-Z]{3}(?: per |\/)(?:month|year)\b/g)].map((m) => m[0]));
    assert.deepEqual([...fees].sort(), profiles.map((p) => feeText(p)!).sort(), `${when} PDF: one fee per provider, the profile's`);
    assert.doesNotMatch(pdf, /EUR\/month|\b69 EUR/, `${when} PDF: the answered fee is not printed`);
    assert.ok(!csv.flat().some((cell) => /EUR\/month|^69$|\b69 EUR/.test(cell)), `${when} CSV: the answered fee is not printed`);
  };
  check(await exported(true), 'draft');
  // Decided: the frozen snapshot still holds the answer 69; the comparison still prints the profile's.
  for (const id of ids) {
    const current = unwrap(await api['review.current']({ vendorId: id }))!;
    unwrap(await api['review.transition']({ reviewId: current.review.id, to: 'in_review', by: 'Ann' }));
    unwrap(await api['review.transition']({ reviewId: current.review.id, to: 'approved', by: 'Bob' }));
  }
  check(await exported(false), 'decided');
});

test('the comparison PDF is landscape and carries every provider and section', async () => {
  const { api, id } = await demo();
  const names = ['Tidewater Postgres', 'Burrow MQ', 'Logjam Cloud'];
  const file = unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'pdf', date: '2026-11-20', draft: true }));
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  assert.ok(qpdfCheck(pdf).ok);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  for (const name of names) assert.ok(text.includes(name), name);
  for (const s of INFRASTRUCTURE_TEMPLATE.sections) assert.ok(text.includes(s.title), s.title);
  const info = pdfInfo(pdf);
  assert.match(info['Page size'] ?? '', /841\.89 x 595\.28/, 'A4 landscape');
  assert.equal(info.Title, 'Provider comparison: Tidewater Postgres, Burrow MQ, Logjam Cloud');
  const again = unwrap(await api['compare.export']({ vendorIds: names.map(id), format: 'pdf', date: '2026-11-20', draft: true }));
  assert.equal(again.base64, file.base64, 'deterministic');
});

/** A name as long as the profile allows (200 characters), with nowhere to break it. */
const unbrokenName = (i: number) => `${String.fromCharCode(65 + i)}${String.fromCharCode(97 + i).repeat(199)}`;

/**
 * Renames the providers, exports their comparison as PDF and checks it: every provider's section
 * score (or "too little answered"), with its best/worst mark, in that provider's own column of
 * every section, and each renamed provider's full name somewhere in the document.
 */
async function assertEveryColumnPrinted(names: string[], renamed: ReadonlyMap<string, string>) {
  const { api, id } = await demo();
  const ids = names.map(id);
  for (const [name, newName] of renamed) unwrap(await api['vendor.update']({ id: id(name), patch: { name: newName } }));
  const comparison: Comparison = unwrap(await api['compare.get']({ vendorIds: ids }));
  const file = unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', date: '2026-11-20', draft: true }));
  assert.deepEqual(file.warnings, []);
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  assert.ok(qpdfCheck(pdf).ok);
  assert.deepEqual(wordsOffPage(pdf), []);

  // Long names are shortened in the heads, which are then numbered (the legend has the names).
  const rows = sectionScoreRows(pdf, ids.map((_, i) => `${i + 1}.`));
  assert.equal(rows.length, comparison.sections.length, 'one section score row per section');
  comparison.sections.forEach((section, s) => {
    section.cells.forEach((cell, c) => {
      const printed = rows[s]!.cells[c]!;
      const where = `${section.title}, column ${c + 1} (page ${rows[s]!.page}): "${printed}"`;
      const expected = cell.tooLittleAnswered ? TOO_LITTLE_ANSWERED : scoreText(cell.score, 'not scored');
      assert.ok(printed.includes(expected), `${where} should show ${expected}`);
      assert.equal(printed.includes(BEST_MARK), section.best.includes(cell.providerId), `${where}: best`);
      assert.equal(printed.includes(WORST_MARK), section.worst.includes(cell.providerId), `${where}: worst`);
    });
  });
  const everything = pdfPages(pdf).map(squeezed).join('');
  for (const name of renamed.values()) assert.ok(everything.includes(name), `the full name ${name.slice(0, 12)}… is printed`);
  return comparison;
}

test('six providers with 200-character unbroken names: every section score is in its column, none cut', async () => {
  const names = ['Forgeline CI', 'Tidewater Postgres', 'Gaugeworks', 'Burrow MQ', 'StatusHarbor', 'PagerPigeon'];
  const comparison = await assertEveryColumnPrinted(names, new Map(names.map((name, i) => [name, unbrokenName(i)])));
  // Forgeline CI is barely reviewed: its sections are "too little answered", never best or worst.
  const forgeline = comparison.columns[0]!.id;
  assert.ok(comparison.sections.some((s) => s.cells[0]!.tooLittleAnswered));
  for (const s of comparison.sections) {
    if (s.cells[0]!.tooLittleAnswered) assert.ok(!s.best.includes(forgeline) && !s.worst.includes(forgeline), s.title);
  }
});

test('four providers, the last with a 200-character unbroken name: its column is printed whole', async () => {
  const names = ['Gaugeworks', 'Burrow MQ', 'Keystone Config', 'Logjam Cloud'];
  await assertEveryColumnPrinted(names, new Map([['Logjam Cloud', unbrokenName(3)]]));
});

test('the comparison CSV is RFC 4180 with a BOM, one column per provider', async () => {
  const { api, id } = await demo();
  const file = unwrap(await api['compare.export']({ vendorIds: [id('Gaugeworks'), id('StatusHarbor')], format: 'csv' }));
  assert.match(file.mediaType, /^text\/csv/);
  assert.match(file.fileName, /\.csv$/);
  const bytes = Buffer.from(file.base64, 'base64');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  assert.ok(text.includes('\r\n'));
  const header = text.split('\r\n')[0]!;
  assert.ok(header.includes('Gaugeworks') && header.includes('StatusHarbor'), header);
  const all = unwrap(await api['compare.export']({ vendorIds: [id('Gaugeworks'), id('StatusHarbor')], format: 'csv' }));
  const diff = unwrap(await api['compare.export']({ vendorIds: [id('Gaugeworks'), id('StatusHarbor')], format: 'csv', differencesOnly: true }));
  const lines = (f: typeof all) => Buffer.from(f.base64, 'base64').toString('utf8').split('\r\n').length;
  assert.ok(lines(diff) < lines(all), 'differences only drops rows where both agree');
});

test('CLI: vetted compare writes PDF or CSV; bad input exits with a message', () => {
  const db = tempDbPath();
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  const dir = tempDir();
  const pdf = path.join(dir, 'cmp.pdf');
  const run = runCli(['compare', 'Gaugeworks', 'Burrow MQ', 'PagerPigeon', '--out', pdf, '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(pdfText(pdf), /PagerPigeon/);
  const csv = path.join(dir, 'cmp.csv');
  assert.equal(runCli(['compare', 'Gaugeworks', 'Burrow MQ', '--out', csv, '--differences-only', '--db', db]).status, 0);
  assert.ok(fs.readFileSync(csv).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  const cases: [string[], number, RegExp][] = [
    [['compare', 'Gaugeworks', '--out', path.join(dir, 'x.pdf')], 1, /usage/],
    [['compare', 'Gaugeworks', 'Burrow MQ', '--out', path.join(dir, 'x.txt')], 1, /\.pdf or \.csv/],
    [['compare', 'Gaugeworks', 'Nobody', '--out', path.join(dir, 'y.pdf')], 2, /no provider/],
    [['compare', 'Gaugeworks', 'gaugeworks', '--out', path.join(dir, 'z.pdf')], 2, /twice/],
  ];
  for (const [args, status, message] of cases) {
    const r = runCli([...args, '--db', db]);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.deepEqual(fs.readdirSync(dir).sort(), ['cmp.csv', 'cmp.pdf']);
});
