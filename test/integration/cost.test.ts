// Cost in one place (issue #12): the provider profile holds the fee (amount, currency, period) and
// the build effort; the built-in questionnaire v2 no longer asks them; reviews still on v1 (a
// register made before, here the schema-3 fixture) show the profile's figures instead of their own
// answers; and every review report, read back with pdftotext, prints one fee per provider.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import { DEMO_DAY_RATE } from '../../electron/core/demo';
import { renderPdf } from '../../electron/core/reports/render';
import { entryFor } from '../../electron/core/services/review-entries';
import { buildEffortText, feeText, type DayRate } from '../../shared/domain/cost';
import type { Vendor } from '../../shared/domain/vendor';
import { buildVendorReport } from '../../shared/reports/vendor-report';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { profileHeldFigure } from '../../shared/templates/profile-held';
import { REPO_ROOT, runCli } from '../helpers/cli';
import { INFRASTRUCTURE_TEMPLATE_V1 } from '../helpers/infrastructure-v1';
import { pdfText, savePdf } from '../helpers/pdf';
import { tempDbPath } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

const DATE = '2026-11-20';
const flat = (s: string) => s.replace(/\s+/g, ' ');
const isHeld = (questionId: string) => profileHeldFigure(INFRASTRUCTURE_TEMPLATE.id, questionId) !== null;

/** A copy of the register made at schema 3, before v2: its reviews are on v1 and answered the fee. */
async function registerMadeBeforeV2() {
  const file = tempDbPath();
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'registers', 'schema-3.sqlite'), file);
  const vetted = await openVetted(file, { logError: () => {}, now: () => new Date(`${DATE}T10:00:00Z`) });
  after(() => vetted.close());
  return Object.assign(vetted, { file });
}

/**
 * Every fee a report prints ("N CUR per month", or v1's "N EUR/month"), and every currency the register knows (the
 * profiles' and the day rate's, EUR and USD in the demo and the fixture, and others a stray figure could be in) printed after a number:
 * a report that prints two fees, or a fee in two currencies, contradicts itself.
 */
function moneyIn(text: string, known: ReadonlySet<string>): { fees: Set<string>; currencies: Set<string> } {
  const fees = new Set([...text.matchAll(/\b\d[\d,]*(?:\.\d+)? [A-Z]{3}(?: per |\/)(?:month|year)\b/g)].map((m) => m[0]));
  const codes = [...text.matchAll(/\b\d[\d,]*(?:\.\d+)? ([A-Z]{3})\b/g)].map((m) => m[1]!);
  return { fees, currencies: new Set(codes.filter((code) => known.has(code))) };
}

/**
 * The currencies a stray amount could be printed in: not only the register's own (EUR and USD), or
 * a GBP or CHF figure where none belongs would pass unseen. Common ISO 4217 codes; other capitals
 * after a number (an "SLA", a "CPU") are not currencies and are left alone.
 */
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set([
  'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF',
  'RON', 'BGN', 'ISK', 'TRY', 'INR', 'SGD', 'HKD', 'KRW', 'BRL', 'MXN', 'ZAR', 'ILS', 'AED', 'SAR', 'RUB', 'UAH',
]);

function assertOneFee(text: string, vendor: Vendor, dayRate: DayRate | null = null): void {
  const { fees, currencies } = moneyIn(text, KNOWN_CURRENCIES);
  const fee = feeText(vendor);
  assert.deepEqual([...fees], fee === null ? [] : [fee], `${vendor.name}: one fee, the profile's`);
  const allowed = new Set([vendor.currency, ...(dayRate ? [dayRate.currency] : [])]);
  assert.deepEqual([...currencies].filter((c) => !allowed.has(c)), [], `${vendor.name}: amounts only in the fee's (or the day rate's) currency`);
  assert.doesNotMatch(text, /EUR\/month/, `${vendor.name}: the v1 unit is never printed`);
}

/** The report of the provider's current review: the decided one, or the one in progress as a draft. */
async function reportText(api: Awaited<ReturnType<typeof freshVetted>>['api'], vendorId: string): Promise<string> {
  const current = unwrap(await api['review.current']({ vendorId }));
  const draft = current !== null && (current.review.status === 'draft' || current.review.status === 'in_review');
  const file = unwrap(await api['report.vendor']({ vendorId, date: DATE, draft }));
  return flat(pdfText(savePdf(Buffer.from(file.base64, 'base64'))));
}

test('the built-in template ships as its newest version (3): new registers start there; a register made before v2 keeps v1, exactly as stored', async () => {
  const fresh = await freshVetted();
  const stored = unwrap(await fresh.api['template.list']({})).filter((t) => t.id === INFRASTRUCTURE_TEMPLATE.id);
  assert.deepEqual(stored.map((t) => t.version), [INFRASTRUCTURE_TEMPLATE.version]);
  const vendor = unwrap(await fresh.api['vendor.create']({ name: 'New One' }));
  assert.equal(unwrap(await fresh.api['review.start']({ vendorId: vendor.id })).template.version, INFRASTRUCTURE_TEMPLATE.version);

  const old = await registerMadeBeforeV2();
  const versions = unwrap(await old.api['template.list']({})).filter((t) => t.id === INFRASTRUCTURE_TEMPLATE.id);
  assert.deepEqual(versions.map((t) => [t.version, t.builtIn]), [[1, true], [INFRASTRUCTURE_TEMPLATE.version, true]]);
  assert.deepEqual(unwrap(await old.api['template.get']({ id: INFRASTRUCTURE_TEMPLATE.id, version: 1 })), INFRASTRUCTURE_TEMPLATE_V1, 'the frozen v1 is the one registers stored');
  assert.deepEqual(unwrap(await old.api['template.get']({ id: INFRASTRUCTURE_TEMPLATE.id })), INFRASTRUCTURE_TEMPLATE);
});

test('reviews on v1 (open and decided) print the profile’s fee and effort, never their own answers', async () => {
  const { api, ctx } = await registerMadeBeforeV2();
  const vendors = unwrap(await api['vendor.list']({}));
  // Decide one more v1 review, so a frozen snapshot with the old fee answer is printed too.
  const burrow = vendors.find((v) => v.name === 'Burrow MQ')!;
  const burrowReview = unwrap(await api['review.current']({ vendorId: burrow.id }))!;
  assert.equal(burrowReview.template.version, 1);
  const oldFee = burrowReview.answers.find((a) => a.questionId === 'cost_monthly_fee')!;
  assert.equal(typeof oldFee.value, 'number', 'the fixture answered the fee in the questionnaire');
  unwrap(await api['review.transition']({ reviewId: burrowReview.review.id, to: 'in_review' }));
  unwrap(await api['review.transition']({ reviewId: burrowReview.review.id, to: 'approved' }));
  assert.ok((await ctx.steps.snapshot(burrowReview.review.id))!.answers.some((a) => a.questionId === 'cost_monthly_fee'), 'frozen with the old answer');

  let contradictions = 0;
  for (const summary of vendors) {
    const vendor = unwrap(await api['vendor.get']({ id: summary.id }));
    const current = unwrap(await api['review.current']({ vendorId: vendor.id }))!;
    assert.equal(current.template.version, 1, `${vendor.name} is still on v1`);
    const answered = current.answers.find((a) => a.questionId === 'cost_monthly_fee' && typeof a.value === 'number');
    if (answered && answered.value !== vendor.monthlyCost) contradictions += 1;
    const text = await reportText(api, vendor.id);
    assertOneFee(text, vendor);
    assert.ok(text.includes(`Kept in the provider profile: ${feeText(vendor)}`), `${vendor.name}: the v1 fee question shows the profile's fee`);
    if (answered) assert.ok(!text.includes(`${answered.value} EUR`) || answered.value === vendor.monthlyCost, `${vendor.name}: old answer ${answered.value} not printed`);
    assert.ok(text.includes(`Kept in the provider profile: ${buildEffortText(vendor)}`), `${vendor.name}: and its effort`);
  }
  assert.ok(contradictions >= 4, 'the fixture has the contradiction the issue reported (380 vs 69 EUR and the like)');
});

test('on a v1 review the fee and effort questions take no answer; moving to the newest version leaves them behind', async () => {
  const { api, file } = await registerMadeBeforeV2();
  const vendor = unwrap(await api['vendor.list']({})).find((v) => v.name === 'Tidewater Postgres')!;
  const current = unwrap(await api['review.current']({ vendorId: vendor.id }))!;
  for (const questionId of ['cost_monthly_fee', 'cost_build_run_days']) {
    const refused = await api['answer.save']({ reviewId: current.review.id, questionId, value: 69 });
    assert.equal(!refused.ok && refused.error.code, 'validation');
    assert.equal(!refused.ok && refused.error.details?.[0]?.path, 'questionId');
    assert.match(!refused.ok ? refused.error.message : '', new RegExp(`^questionId: ${questionId} is kept in the provider profile now`));
  }
  const cli = runCli(['answer', 'Tidewater Postgres', 'cost_monthly_fee', '69', '--db', file]);
  assert.equal(cli.status, 2, cli.stderr);
  assert.match(cli.stderr, /^vetted: questionId: cost_monthly_fee is kept in the provider profile now: change the fee there/);

  const moved = unwrap(await api['review.migrate']({ reviewId: current.review.id }));
  assert.equal(moved.review.template.version, INFRASTRUCTURE_TEMPLATE.version);
  const leftBehind = moved.unmatched.map((u) => u.questionId).filter(isHeld).sort();
  assert.deepEqual(leftBehind, current.answers.map((a) => a.questionId).filter(isHeld).sort());
  assert.deepEqual(moved.review.answers.filter((a) => isHeld(a.questionId)), []);
});

test('the demo: money only in the profiles (legal names, monthly and yearly fees), a day rate, one fee per report', async () => {
  const vetted = await freshVetted({ now: () => new Date(`${DATE}T10:00:00Z`) });
  const { api, ctx } = vetted;
  unwrap(await api['demo.load']({}));
  assert.deepEqual(unwrap(await api['settings.get']({})).dayRate, DEMO_DAY_RATE);
  const answers = await ctx.store.all<{ question_id: string }>('SELECT question_id FROM answers');
  assert.deepEqual(answers.filter((a) => isHeld(a.question_id)), [], 'no fee or effort answered in a questionnaire');

  const vendors = await Promise.all(unwrap(await api['vendor.list']({})).map(async (s) => unwrap(await api['vendor.get']({ id: s.id }))));
  assert.deepEqual(vendors.filter((v) => v.legalName.trim() === '').map((v) => v.name), [], 'every provider names its legal entity');
  assert.deepEqual(new Set(vendors.map((v) => v.costPeriod)), new Set(['month', 'year']));
  assert.deepEqual(new Set(vendors.map((v) => v.currency)), new Set(['EUR', 'USD']));
  for (const vendor of vendors) assertOneFee(await reportText(api, vendor.id), vendor, DEMO_DAY_RATE);
});

test('the report’s buy-vs-build line, read back: compared in one currency, refused across two', async () => {
  const vetted = await freshVetted({ now: () => new Date(`${DATE}T10:00:00Z`) });
  const { api, ctx } = vetted;
  unwrap(await api['demo.load']({}));
  const dayRate = unwrap(await api['settings.get']({})).dayRate!;
  const lines: Record<string, string> = {};
  for (const name of ['Burrow MQ', 'Logjam Cloud', 'PagerPigeon']) {
    const vendor = (await ctx.vendors.list()).find((v) => v.name === name)!;
    const entry = await entryFor(ctx, vendor);
    const doc = buildVendorReport({ ...entry, review: entry.review!, template: entry.template!, score: entry.score!, dayRate }, { generatedAt: DATE, includeConfidential: false });
    const { pdf } = await renderPdf(doc, { title: name, generatedAt: DATE });
    const text = flat(pdfText(savePdf(pdf)));
    assertOneFee(text, vendor, dayRate);
    lines[name] = text.slice(text.indexOf('Buy or build'), text.indexOf('Website'));
  }
  assert.match(lines['Burrow MQ']!, /Buying costs 4,560 EUR a year \(380 EUR per month\); building and running it yourself about 28,800 EUR a year \(45 engineer-days at 640 EUR a day\): buying is 24,240 EUR a year cheaper\./);
  assert.match(lines['Logjam Cloud']!, /Buying costs 7,440 EUR a year; building .* about 38,400 EUR a year .*: buying is 30,960 EUR a year cheaper\./);
  assert.match(lines['PagerPigeon']!, /2,280 USD a year.*25,600 EUR a year.*the fee is in USD and the day rate in EUR, and Vetted does not convert currencies, so the two cannot be compared\./);
  assert.doesNotMatch(lines['PagerPigeon']!, /cheaper/);
});

test('vetted vendor add: --legal-name and --cost-period are stored; a wrong period names the flag', async () => {
  const file = tempDbPath();
  const added = runCli(['vendor', 'add', 'Burrow MQ', '--legal-name', 'Burrow Messaging Ltd', '--cost', '4560', '--currency', 'EUR', '--cost-period', 'year', '--db', file]);
  assert.equal(added.status, 0, added.stderr);
  const bad = runCli(['vendor', 'add', 'Other', '--cost-period', 'weekly', '--db', file]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'vetted: --cost-period: expected one of month, year, got "weekly"\n');
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    const [vendor, ...others] = await vetted.ctx.vendors.list();
    assert.equal(others.length, 0, 'the refused one was not added');
    assert.deepEqual([vendor!.legalName, vendor!.monthlyCost, vendor!.currency, vendor!.costPeriod], ['Burrow Messaging Ltd', 4560, 'EUR', 'year']);
  } finally {
    vetted.close();
  }
});

test('an export made before legalName and costPeriod imports as "no legal name", monthly', async () => {
  const source = await freshVetted();
  unwrap(await source.api['vendor.create']({ name: 'Old Queue', monthlyCost: 120, currency: 'USD' }));
  const file = unwrap(await source.api['register.export']({}));
  const data = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
  for (const v of data.vendors) {
    delete v.legalName;
    delete v.costPeriod;
  }
  const target = await freshVetted();
  unwrap(await target.api['register.import']({ text: JSON.stringify(data) }));
  const [vendor] = await target.ctx.vendors.list();
  assert.deepEqual([vendor!.legalName, vendor!.costPeriod, feeText(vendor!)], ['', 'month', '120 USD per month']);
});
