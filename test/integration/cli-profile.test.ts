// The provider profile and the money from the command line, run as a user would (the real CLI in a
// child process) on temp registers: the build effort and `vendor set` (only the fields named, through
// the app's own update, audited), the day rate as "640 EUR", money flags named in messages, ISO 4217
// currencies refused everywhere on write (and a register already holding another code still read),
// the help, and who the audit trail names when an approval makes a provider active.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Vendor } from '../../shared/domain/vendor';
import type { Settings } from '../../shared/domain/settings';
import { registerAuditFunctions } from '../../electron/core/db/audit-chain';
import { openVetted } from '../../electron/core/vetted';
import { runCli, type CliRun } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { tempDbPath } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

const ok = (run: CliRun, what: string) => {
  assert.equal(run.status, 0, `${what}: ${run.stderr}`);
  return run.stdout;
};

/** Exit 2, one line naming what is wrong, no stack trace. */
const refused = (run: CliRun, message: RegExp, what: string) => {
  assert.equal(run.status, 2, `${what}: expected exit 2, got ${run.status}: ${run.stdout}${run.stderr}`);
  assert.match(run.stderr, message, what);
  assert.equal(run.stderr.trim().split('\n').length, 1, `${what}: one line: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+/, `${what}: no stack trace`);
};

/** The register's bytes and every row: "nothing changed" in both senses. */
const snapshot = (db: string) => ({ bytes: fs.readFileSync(db), rows: dumpRegister(db) });
const assertUnchanged = (db: string, before: Awaited<ReturnType<typeof snapshot>>, what: string) => {
  const now = snapshot(db);
  assert.deepEqual(now.rows, before.rows, `${what}: every row as it was`);
  assert.ok(now.bytes.equals(before.bytes), `${what}: the register file is byte-identical`);
};

async function vendorNamed(db: string, name: string): Promise<Vendor> {
  const vetted = await openVetted(db, { logError: () => {} });
  try {
    const summary = unwrap(await vetted.api['vendor.list']({})).find((v) => v.name === name);
    assert.ok(summary, `${name} is in the register`);
    return unwrap(await vetted.api['vendor.get']({ id: summary.id }));
  } finally {
    vetted.close();
  }
}

const settingsOf = (db: string) => JSON.parse(ok(runCli(['settings', '--json', '--db', db]), 'settings --json')) as Settings;

test('vendor add records the build effort; vendor set changes only the fields named, audited like the app’s edits', async () => {
  const db = tempDbPath();
  ok(runCli(['vendor', 'add', 'Nimbus Mail', '--cost', '380', '--currency', 'USD', '--cost-period', 'year', '--build-days', '45', '--db', db]), 'vendor add');
  const added = await vendorNamed(db, 'Nimbus Mail');
  assert.deepEqual([added.monthlyCost, added.currency, added.costPeriod, added.buildEffortDays], [380, 'USD', 'year', 45], 'the fee and the build effort as given');

  const vetted = await openVetted(db, { logError: () => {} });
  unwrap(await vetted.api['settings.update']({ userName: 'Dana Whitfield' }));
  vetted.close();
  const out = ok(
    runCli([
      'vendor', 'set', 'nimbus mail', '--legal-name', 'Nimbus Mail Inc.', '--build-days', '50', '--dpa', 'https://nimbus.example/dpa',
      '--locations', 'United States,EU', '--status', 'active', '--db', db,
    ]),
    'vendor set',
  );
  assert.match(out, /^Updated Nimbus Mail:$/m, 'says what it updated');
  assert.match(out, /legal-name: "" → "Nimbus Mail Inc\."/, 'lists each change old → new, by flag');
  assert.match(out, /build effort: 45 engineer-days a year → 50 engineer-days a year/, 'the build effort in words');
  const edited = await vendorNamed(db, 'Nimbus Mail');
  assert.deepEqual(
    { ...edited, updatedAt: added.updatedAt },
    { ...added, legalName: 'Nimbus Mail Inc.', buildEffortDays: 50, links: { dpa: 'https://nimbus.example/dpa' }, dataLocations: ['United States', 'EU'], status: 'active' },
    'only the fields named changed',
  );

  // The amount of a fee already recorded keeps its currency (the profile says which), and says so.
  assert.match(ok(runCli(['vendor', 'set', 'Nimbus Mail', '--cost', '400', '--db', db]), 'set --cost'), /fee: 380 USD per year → 400 USD per year/);
  assert.match(ok(runCli(['vendor', 'set', 'Nimbus Mail', '--build-days', 'none', '--db', db]), 'clear'), /build effort: 50 engineer-days a year → \(none\)/);
  assert.equal((await vendorNamed(db, 'Nimbus Mail')).buildEffortDays, null, '"none" clears the build effort');

  const audit = ok(runCli(['history', 'Nimbus Mail', '--audit', '--db', db]), 'history --audit');
  assert.match(audit, /Dana Whitfield {2}Provider Nimbus Mail updated\n(?: {4}.*\n)*? {4}legal_name: "" → "Nimbus Mail Inc\."/, 'the edit is in the audit trail under the user name');
  assert.match(audit, / {4}monthly_cost: 380 → 400/, 'the fee change is audited');

  const usage = runCli(['vendor', 'set', 'Nimbus Mail', '--db', db]);
  assert.equal(usage.status, 1, 'nothing to change is a usage error');
  assert.match(usage.stderr, /say what to change/);
});

test('bad profile flags are named by flag (never "monthlyCost") and change nothing', async () => {
  const db = tempDbPath();
  ok(runCli(['vendor', 'add', 'Nimbus Mail', '--cost', '380', '--currency', 'EUR', '--db', db]), 'vendor add');
  ok(runCli(['vendor', 'set', 'Nimbus Mail', '--cost', 'none', '--db', db]), 'clear the fee');
  ok(runCli(['vendor', 'add', 'Other Corp', '--db', db]), 'another provider');
  const before = snapshot(db);
  const cases: [string[], RegExp][] = [
    [['vendor', 'add', 'X', '--cost', 'abc', '--currency', 'EUR'], /^vetted: --cost: a number, e\.g\. 380 \(got "abc"/],
    [['vendor', 'add', 'X', '--cost=-5', '--currency', 'EUR', '--cost-period', 'year'], /^vetted: --cost: a number, e\.g\. 380/],
    [['vendor', 'add', 'X', '--cost', '2000000000', '--currency', 'EUR', '--cost-period', 'year'], /^vetted: --cost: must be at most 1,000,000,000/],
    [['vendor', 'add', 'X', '--cost', '380'], /^vetted: --currency: say which currency --cost is in \(e\.g\. EUR\)\n$/],
    [['vendor', 'add', 'X', '--cost', '380', '--currency', 'XYZ'], /^vetted: --currency: must be an ISO 4217 currency code such as EUR.*\(got "XYZ"\)\n$/],
    [['vendor', 'add', 'X', '--currency', 'euro'], /^vetted: --currency: must be a three-letter currency code/],
    [['vendor', 'add', 'X', '--build-days', 'lots'], /^vetted: --build-days: a number, e\.g\. 45/],
    [['vendor', 'add', 'X', '--category', 'spaceship'], /^vetted: --category: expected one of/],
    [['vendor', 'set', 'Nimbus Mail', '--currency', 'XYZ'], /^vetted: --currency: must be an ISO 4217 currency code/],
    // The fee was cleared: a new amount needs its currency again.
    [['vendor', 'set', 'Nimbus Mail', '--cost', '12'], /^vetted: --currency: say which currency --cost is in/],
    [['vendor', 'set', 'Nimbus Mail', '--website', 'notaurl'], /^vetted: --website: must be an http/],
    [['vendor', 'set', 'Nimbus Mail', '--status', 'maybe'], /^vetted: --status: expected one of proposed, active, retired/],
    [['vendor', 'set', 'Nobody', '--status', 'active'], /no provider named or with id "Nobody"/],
    // Only the word none clears: an empty value (an unset shell variable) is refused.
    [['vendor', 'set', 'Nimbus Mail', '--name', 'Other Corp'], /^vetted: --name: A provider named "Other Corp" already exists\.\n$/],
    // Kept to the cent: a third decimal would be summed but never printed.
    [['vendor', 'add', 'X', '--cost', '0.004', '--currency', 'EUR'], /^vetted: --cost: must have at most two decimals \(cents\)/],
    [['vendor', 'set', 'Nimbus Mail', '--build-days', ''], /^vetted: --build-days: a number, e\.g\. 45 \(got ""; none clears it\)/],
  ];
  for (const [args, message] of cases) {
    const run = runCli([...args, '--db', db]);
    refused(run, message, args.join(' '));
    assert.doesNotMatch(run.stderr, /monthly/i, `${args.join(' ')}: a fee is not called monthly`);
  }
  assertUnchanged(db, before, 'after every refused profile flag');
});

test('settings set day-rate takes "640 EUR" or the JSON form; anything else is refused showing the form, changing nothing', () => {
  const db = tempDbPath();
  ok(runCli(['vendor', 'add', 'Nimbus Mail', '--db', db]), 'vendor add');
  assert.equal(ok(runCli(['settings', 'set', 'day-rate', '640 eur', '--db', db]), 'day-rate "640 eur"'), 'day-rate: 640 EUR a day\n');
  assert.deepEqual(settingsOf(db).dayRate, { amount: 640, currency: 'EUR' }, 'stored as amount and currency');
  ok(runCli(['settings', 'set', 'day-rate', '{"amount":512.5,"currency":"GBP"}', '--db', db]), 'the JSON form');
  assert.deepEqual(settingsOf(db).dayRate, { amount: 512.5, currency: 'GBP' });
  assert.match(ok(runCli(['settings', '--db', db]), 'settings'), /^day-rate\s+512\.50 GBP a day$/m, 'listed in words');

  const before = snapshot(db);
  const cases: [string, RegExp][] = [
    ['640', /^vetted: day-rate: give an amount and an ISO 4217 currency code, e\.g\. "640 EUR" .*got "640"\n$/],
    ['500 pounds', /^vetted: day-rate: give an amount and an ISO 4217 currency code, e\.g\. "640 EUR"/],
    ['640 XYZ', /^vetted: day-rate currency: must be an ISO 4217 currency code .*"640 EUR"/],
    ['0 EUR', /^vetted: day-rate amount: must be more than 0/],
    ['{"amount":640,"currency":"XYZ"}', /^vetted: day-rate currency: must be an ISO 4217 currency code/],
    ['{"amount":640', /^vetted: day-rate: give an amount and an ISO 4217 currency code, e\.g\. "640 EUR"/],
    ['', /^vetted: day-rate: give a value \("none" clears it\)\n$/],
    ['640.555 EUR', /^vetted: day-rate amount: must have at most two decimals \(cents\)/],
  ];
  for (const [value, message] of cases) refused(runCli(['settings', 'set', 'day-rate', value, '--db', db]), message, `day-rate ${value}`);
  assertUnchanged(db, before, 'after every refused day rate');

  const help = ok(runCli(['--help']), '--help');
  assert.match(help, /day-rate "640 EUR"/, 'the help shows the form');
});

test('a currency that is not ISO 4217 is refused by the API too, naming the field; a register already holding one still reads', async () => {
  const db = tempDbPath();
  const vetted = await openVetted(db, { logError: () => {} });
  try {
    const created = await vetted.api['vendor.create']({ name: 'Odd Coin', monthlyCost: 5, currency: 'XYZ' });
    assert.ok(!created.ok && created.error.code === 'validation' && /^currency: must be an ISO 4217/.test(created.error.message), `vendor.create: ${JSON.stringify(created)}`);
    const rate = await vetted.api['settings.update']({ dayRate: { amount: 640, currency: 'XYZ' } });
    assert.ok(!rate.ok && /^dayRate\.currency: must be an ISO 4217/.test(rate.error.message), `settings.update: ${JSON.stringify(rate)}`);
    for (const code of ['EUR', 'USD', 'GBP', 'CHF', 'JPY']) {
      assert.ok((await vetted.api['settings.update']({ dayRate: { amount: 1, currency: code } })).ok, `${code} is accepted`);
    }
    unwrap(await vetted.api['vendor.create']({ name: 'Old Entry', monthlyCost: 9, currency: 'EUR' }));
  } finally {
    vetted.close();
  }
  // Written before the check existed (or by hand): reading never re-validates, so it still lists, exports and shows.
  const raw = new Database(db);
  registerAuditFunctions(raw);
  raw.prepare("UPDATE vendors SET currency = 'XYZ' WHERE name = 'Old Entry'").run();
  raw.close();
  assert.match(ok(runCli(['list', '--db', db]), 'list'), /Old Entry/);
  assert.match(ok(runCli(['export-csv', '--out', `${db}.csv`, '--db', db]), 'export-csv'), /./);
  assert.match(fs.readFileSync(`${db}.csv`, 'utf8'), /XYZ/, 'the export states what the register holds');
  // Editing another field leaves the stored code alone; changing the fee's currency must name a real one.
  ok(runCli(['vendor', 'set', 'Old Entry', '--owner', 'Ops', '--db', db]), 'an edit that does not touch the currency');
  refused(runCli(['vendor', 'set', 'Old Entry', '--currency', 'ABC', '--db', db]), /^vetted: --currency: must be an ISO 4217/, 'set --currency ABC');
});

test('vetted --help lists vendor set, --build-days and review approve --keep-status', () => {
  const help = ok(runCli(['--help']), '--help');
  assert.match(help, /^ {2}vetted vendor set VENDOR /m, 'vendor set');
  assert.match(help, /vetted vendor add NAME[\s\S]*--build-days N[\s\S]*vetted vendor set/, 'vendor add --build-days');
  assert.match(help, /--cost needs it, there is no default/, 'says --cost has no default currency');
  assert.match(help, /^ {2}vetted review approve\|approve-with-conditions VENDOR .*--keep-status$/m, 'review approve --keep-status');
});

test('an approval that makes a provider active is audited in the signer’s name, and the user name in Settings stays as it was', async () => {
  const db = tempDbPath();
  ok(runCli(['demo', '--db', db]), 'demo');
  assert.equal(settingsOf(db).userName, '', 'no user name set');
  ok(runCli(['vendor', 'set', 'Gaugeworks', '--status', 'proposed', '--db', db]), 'make it proposed');
  ok(runCli(['review', 'submit', 'Gaugeworks', '--by', 'Sam Submitter', '--db', db]), 'submit');
  const settingsRows = (file: string) => dumpRegister(file).settings;
  const settingsBefore = settingsRows(db);
  assert.match(ok(runCli(['review', 'approve', 'Gaugeworks', '--by', 'Alex Approver', '--db', db]), 'approve'), /now active/);

  const audit = ok(runCli(['history', 'Gaugeworks', '--audit', '--limit', '3', '--db', db]), 'history --audit');
  assert.match(audit, /^\S+ \S+ UTC {2}Alex Approver {2}Provider Gaugeworks updated\n {4}status: "proposed" → "active"$/m, `the status change names the signer:\n${audit}`);
  assert.doesNotMatch(audit, /Setting/, 'lending the name to the trail writes no settings entries');
  assert.deepEqual(settingsRows(db), settingsBefore, 'the settings are as they were, no user name stored');
  assert.match(ok(runCli(['audit', 'verify', '--db', db]), 'audit verify'), /the chain is intact/);

  // With a user name set, the signer still does it, and the stored name comes back byte for byte.
  const vetted = await openVetted(db, { logError: () => {} });
  unwrap(await vetted.api['settings.update']({ userName: 'Dana Whitfield' }));
  vetted.close();
  ok(runCli(['vendor', 'set', 'Burrow MQ', '--status', 'proposed', '--db', db]), 'make it proposed');
  ok(runCli(['review', 'submit', 'Burrow MQ', '--db', db]), 'submit as Dana');
  const named = settingsRows(db);
  ok(runCli(['review', 'approve', 'Burrow MQ', '--by', 'Alex Approver', '--db', db]), 'approve');
  const burrow = ok(runCli(['history', 'Burrow MQ', '--audit', '--limit', '3', '--db', db]), 'history --audit');
  assert.match(burrow, /Alex Approver {2}Provider Burrow MQ updated\n {4}status: "proposed" → "active"/, burrow);
  assert.match(burrow, /Dana Whitfield {2}Review \S+ updated/, 'the review’s own change names the user at the keyboard, as before');
  assert.deepEqual(settingsRows(db), named, 'the user name is Dana’s again');
});
