// The review lifecycle from the command line, run as a user would (the real CLI in a child
// process) on a temp register: sign-off, findings, due dates, history with the audit trail,
// evidence files and the audit CSV.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { DueEntry, FindingView } from '../../shared/api';
import { addMonths } from '../../shared/domain/reassessment';
import { localIsoDate } from '../../shared/domain/dates';
import { MAX_EVIDENCE_BYTES } from '../../shared/domain/evidence';
import { openVetted } from '../../electron/core/vetted';
import { runCli, type CliRun } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

const ok = (run: CliRun, what: string) => {
  assert.equal(run.status, 0, `${what}: ${run.stderr}`);
  return run.stdout;
};
const fails = (run: CliRun, status: number, message: RegExp) => {
  assert.equal(run.status, status, `expected exit ${status}: ${run.stdout}${run.stderr}`);
  assert.match(run.stderr, message);
  // A bad value is one line naming it; a usage error may list the command's forms.
  if (status === 2) assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+/, 'no stack trace');
};

/** A demo register with the user name set (the audit trail records it). */
async function demoRegister(): Promise<string> {
  const db = tempDbPath();
  ok(runCli(['demo', '--db', db]), 'demo');
  const vetted = await openVetted(db, { logError: () => {} });
  unwrap(await vetted.api['settings.update']({ userName: 'Dana Whitfield' }));
  vetted.close();
  return db;
}

const today = () => localIsoDate(new Date());
const daysFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localIsoDate(d);
};

test('review submit, approve and new: the sign-off runs from the command line', async () => {
  const db = await demoRegister();
  const cli = (...args: string[]) => runCli([...args, '--db', db]);

  fails(cli('review', 'approve', 'Gaugeworks'), 2, /A review that is draft cannot be moved to approved\./);
  assert.match(ok(cli('review', 'submit', 'Gaugeworks'), 'submit'), /Gaugeworks: review \w{8} Draft → In review by Dana Whitfield\./);
  const before = dumpRegister(db);
  fails(cli('review', 'approve-with-conditions', 'Gaugeworks'), 2, /note: /);
  fails(cli('review', 'approve', 'Gaugeworks', '--by', '   '), 2, /^vetted: by: say who signs this step/);
  assert.deepEqual(dumpRegister(db), before, 'a refused step changes nothing');

  const approved = ok(cli('review', 'approve', 'gaugeworks', '--by', 'Chief Risk Officer', '--note', 'Fine for metrics.'), 'approve');
  assert.match(approved, /In review → Approved by Chief Risk Officer\./);
  // Gaugeworks comes out low tier: 24 months by default.
  assert.match(approved, new RegExp(`Next review due ${addMonths(today(), 24)}\\.`));
  fails(cli('review', 'reopen', 'Gaugeworks'), 2, /A review that is approved cannot be moved to draft\./);
  fails(cli('answer', 'Gaugeworks', 'sec_encryption_at_rest', 'partial'), 2, /This review is approved: its answers are frozen\./);

  const history = ok(cli('history', 'Gaugeworks'), 'history');
  assert.match(history, /Approved; score \d+\.\d, tier low, 100% answered \(frozen at the decision\)/);
  assert.match(history, /Draft → In review {2}by Dana Whitfield/);
  assert.match(history, /In review → Approved {2}by Chief Risk Officer: Fine for metrics\./);

  assert.match(ok(cli('review', 'new', 'Gaugeworks'), 'new'), /Started review \w{8} of Gaugeworks \(draft, with \d+ answers carried from the last review\)\./);
  assert.match(ok(cli('review', 'new', 'Gaugeworks'), 'new again'), /already has an open review \w{8} \(Draft\): nothing started\./);
  const json = JSON.parse(ok(cli('history', 'Gaugeworks', '--json'), 'history --json')) as { reviews: { review: { status: string }; frozen: boolean }[] };
  assert.deepEqual(json.reviews.map((r) => [r.review.status, r.frozen]), [['draft', false], ['approved', true]]);

  fails(cli('review', 'approve'), 1, /usage: vetted review/);
  fails(cli('review', 'sign', 'Gaugeworks'), 1, /usage: vetted review/);
  fails(cli('review', 'submit', 'Nobody Inc'), 2, /no provider named or with id "Nobody Inc"/);
});

test('findings: add, list, --open, --overdue, accept by a short id', async () => {
  const db = await demoRegister();
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const past = daysFromToday(-5);
  assert.match(
    ok(cli('finding', 'add', 'Burrow MQ', '--title', 'Backups never restored', '--severity', 'high', '--owner', 'Ops team', '--due', past), 'add'),
    new RegExp(`Added finding \\w{8} to Burrow MQ: Backups never restored \\(high, due ${past}\\)\\.`),
  );
  ok(cli('finding', 'add', 'Burrow MQ', '--title', 'No MFA on the console', '--severity', 'medium', '--due', daysFromToday(60)), 'add');
  ok(cli('finding', 'add', 'Gaugeworks', '--title', 'Retention too long', '--severity', 'low'), 'add');
  const before = dumpRegister(db);
  fails(cli('finding', 'add', 'Burrow MQ', '--title', 'X', '--severity', 'huge'), 2, /--severity: expected one of low, medium, high, critical/);
  fails(cli('finding', 'add', 'Burrow MQ', '--title', 'X', '--severity', 'low', '--due', '2026-02-30'), 2, /--due: expected a date/);
  fails(cli('finding', 'add', 'Burrow MQ', '--severity', 'low'), 1, /usage: vetted finding add/);
  assert.deepEqual(dumpRegister(db), before);

  const all = ok(cli('findings'), 'findings');
  assert.match(all, /ID\s+Provider\s+Severity\s+Status\s+Title\s+Owner\s+Due/);
  // The demo's two (PagerPigeon's overdue knock-out, StatusHarbor's accepted risk) and these three.
  assert.equal(all.trim().split('\n').length, 2 + 2 + 3);
  assert.match(all, new RegExp(`Burrow MQ\\s+high\\s+open\\s+Backups never restored\\s+Ops team\\s+${past} OVERDUE`));

  const overdue = ok(cli('findings', '--overdue'), '--overdue');
  assert.equal(overdue.trim().split('\n').length, 2 + 2, overdue);
  assert.match(overdue, /Backups never restored/);
  // A high knock-out on a critical-path provider is critical (scoring model 2).
  assert.match(overdue, /PagerPigeon\s+critical\s+in progress/);
  assert.match(ok(cli('findings', 'gaugeworks'), 'one provider'), /Retention too long/);
  assert.doesNotMatch(ok(cli('findings', 'gaugeworks'), 'one provider'), /Burrow MQ/);

  const views = JSON.parse(ok(cli('findings', 'Burrow MQ', '--json'), '--json')) as FindingView[];
  const mfa = views.find((f) => f.title === 'No MFA on the console')!;
  fails(cli('finding', 'accept', mfa.id.slice(0, 6), '--justification', 'VPN only', '--expires', today()), 2, /expiresOn: .*after today/);
  fails(cli('finding', 'accept', 'zzzzzz', '--justification', 'VPN only', '--expires', daysFromToday(90)), 2, /no finding with id "zzzzzz"/);
  const until = daysFromToday(90);
  assert.match(
    ok(cli('finding', 'accept', mfa.id.slice(0, 6), '--justification', 'Console reachable only through the VPN.', '--expires', until, '--by', 'CISO'), 'accept'),
    new RegExp(`Accepted Burrow MQ / No MFA on the console until ${until} \\(by CISO\\)\\.`),
  );
  assert.match(ok(cli('findings', 'Burrow MQ'), 'after accept'), new RegExp(`medium\\s+accepted until ${until}\\s+No MFA on the console`));
  const open = ok(cli('findings', '--open'), '--open');
  assert.doesNotMatch(open, /No MFA on the console/, 'an accepted finding is not open');
  assert.match(open, /Backups never restored/);
  assert.equal(ok(cli('findings', 'Tidewater Postgres'), 'none'), 'No findings for Tidewater Postgres.\n');
});

test('due --within lists the approved providers due by then, overdue first', async () => {
  const db = await demoRegister();
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  for (const name of ['Gaugeworks', 'Tidewater Postgres']) {
    ok(cli('review', 'submit', name), 'submit');
    ok(cli('review', 'approve', name), 'approve');
  }
  // A next-review date set by hand (the app's review.setDue) puts Tidewater within reach.
  const soon = daysFromToday(10);
  const vetted = await openVetted(db, { logError: () => {} });
  const tidewater = unwrap(await vetted.api['vendor.list']({})).find((v) => v.name === 'Tidewater Postgres')!;
  unwrap(await vetted.api['review.setDue']({ reviewId: tidewater.reassessment.reviewId!, due: soon }));
  vetted.close();

  const within = ok(cli('due', '--within', '30'), 'due --within 30');
  assert.match(within, /Provider\s+Tier\s+Approved on\s+Next review\s+State/);
  assert.match(within, new RegExp(`Tidewater Postgres\\s+\\w+\\s+${today()}\\s+${soon} \\(set by hand\\)\\s+due within 30 days`));
  assert.doesNotMatch(within, /Gaugeworks/);
  assert.doesNotMatch(within, /Burrow MQ/, 'never approved: no date to be due by');

  const everything = JSON.parse(ok(cli('due', '--json'), 'due --json')) as DueEntry[];
  assert.equal(everything.length, 8);
  assert.equal(everything.find((e) => e.vendorName === 'Gaugeworks')!.due, addMonths(today(), 24));
  // The demo's Logjam Cloud, approved long ago, is overdue: listed first, and alone within 0 days.
  assert.match(within.split('\n')[2]!, /^Logjam Cloud\s+(medium|low)\s+.*overdue/);
  const now = ok(cli('due', '--within', '0'), 'within 0');
  // The table ends at the first blank line (the demo's concentration alerts follow it).
  const dueRows = now.split('\n\n')[0]!.trim().split('\n').slice(2);
  assert.deepEqual(dueRows.map((l) => l.split(/\s{2,}/)[0]), ['Logjam Cloud']);
  assert.match(now, /Concentration above the threshold \(2; see vetted concentration\)/, 'the alerts of the demo follow the table');
  fails(cli('due', '--within', 'soon'), 2, /--within: expected a whole number from 0 to 3660, got "soon"/);
});

test('history --audit shows who changed an answer, old → new', async () => {
  const db = await demoRegister();
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  ok(cli('answer', 'Gaugeworks', 'sec_encryption_at_rest', 'partial', '--comment', 'Backups are not encrypted.'), 'answer');
  const audit = ok(cli('history', 'Gaugeworks', '--audit', '--limit', '5'), 'history --audit');
  assert.match(audit, /Audit trail, newest first \(5 rows; --limit 5 reached\):/);
  assert.match(audit, /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}Dana Whitfield {2}Answer sec_encryption_at_rest updated\n {4}comment: "" → "Backups are not encrypted\."\n {4}value: "yes" → "partial"/);
  const json = JSON.parse(ok(cli('history', 'Gaugeworks', '--audit', '--limit', '3', '--json'), '--json')) as { audit: { entity: string }[] };
  assert.equal(json.audit.length, 3);
  fails(cli('history', 'Gaugeworks', '--limit', '5'), 1, /--limit counts audit rows: give --audit too/);
  fails(cli('history', 'Gaugeworks', '--audit', '--limit', '0'), 2, /--limit: expected a whole number from 1 to 1000/);
  fails(cli('history'), 1, /usage: vetted history VENDOR/);

  const dir = tempDir();
  const out = path.join(dir, 'audit.csv');
  assert.match(ok(cli('audit', 'export', 'Gaugeworks', '--out', out), 'audit export'), /Wrote .*audit\.csv/);
  const csv = fs.readFileSync(out, 'utf8');
  assert.match(csv, /sec_encryption_at_rest/);
  assert.match(csv, /"Dana Whitfield"/);
  assert.doesNotMatch(csv, /Burrow MQ/, 'one provider only');
  assert.equal(ok(cli('audit', 'export', 'Gaugeworks'), 'to stdout'), csv, 'without --out the CSV goes to stdout');
});

test('evidence add stores a real file; save writes it back byte for byte; a bad file stores nothing', async () => {
  const db = await demoRegister();
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const dir = tempDir();
  const file = path.join(dir, 'soc2-2026.pdf');
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256))]);
  fs.writeFileSync(file, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');

  const added = ok(
    cli('evidence', 'add', 'Gaugeworks', file, '--kind', 'soc2', '--title', 'SOC 2 Type II 2026', '--issued', '2026-03-01', '--expires', daysFromToday(20)),
    'evidence add',
  );
  assert.match(added, new RegExp(`Stored soc2-2026\\.pdf \\(5 KB, SHA-256 ${sha}\\) for Gaugeworks as SOC 2 report; id (\\w{8})\\.`));
  const id = /id (\w{8})\./.exec(added)![1]!;

  const list = ok(cli('evidence', 'list', 'Gaugeworks'), 'evidence list');
  assert.match(list, new RegExp(`${id}\\s+Gaugeworks\\s+SOC 2 report\\s+SOC 2 Type II 2026 \\(soc2-2026\\.pdf\\)\\s+2026-03-01\\s+${daysFromToday(20)}\\s+expires within 30 days\\s+${sha.slice(0, 12)}`));
  assert.equal(ok(cli('evidence', 'list', 'Burrow MQ'), 'none'), 'No evidence stored for Burrow MQ.\n');

  const copy = path.join(dir, 'copy.pdf');
  assert.match(ok(cli('evidence', 'save', id, copy), 'evidence save'), new RegExp(`Wrote .*copy\\.pdf[\\s\\S]*SHA-256 checked: ${sha}`));
  assert.ok(fs.readFileSync(copy).equals(bytes), 'byte-identical');
  const folder = path.join(dir, 'out');
  fs.mkdirSync(folder);
  ok(cli('evidence', 'save', id, folder), 'save into a folder');
  assert.ok(fs.readFileSync(path.join(folder, 'soc2-2026.pdf')).equals(bytes), 'saved under its own name');

  const before = dumpRegister(db);
  const big = path.join(dir, 'huge.pdf');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, MAX_EVIDENCE_BYTES + 1);
  const cases: [string[], number, RegExp][] = [
    [['evidence', 'add', 'Gaugeworks', path.join(dir, 'missing.pdf'), '--kind', 'soc2'], 2, /missing\.pdf: no such file/],
    [['evidence', 'add', 'Gaugeworks', folder, '--kind', 'soc2'], 2, /out: not a file/],
    [['evidence', 'add', 'Gaugeworks', big, '--kind', 'soc2'], 2, /huge\.pdf: the file is 20\.0 MB; evidence files are at most 20 MB/],
    [['evidence', 'add', 'Gaugeworks', file, '--kind', 'certificate'], 2, /--kind: expected one of soc2, iso27001/],
    [['evidence', 'add', 'Gaugeworks', file, '--kind', 'soc2', '--expires', '2026-13-01'], 2, /--expires: expected a date/],
    [['evidence', 'add', 'Gaugeworks', file, '--kind', 'soc2', '--issued', '2027-01-01', '--expires', '2026-01-01'], 2, /expires before it was issued/],
    [['evidence', 'add', 'Nobody Inc', file, '--kind', 'soc2'], 2, /no provider named or with id "Nobody Inc"/],
    [['evidence', 'add', 'Gaugeworks', file], 1, /usage: vetted evidence add/],
    [['evidence', 'save', 'zzzzzzzz', path.join(dir, 'x.pdf')], 2, /no evidence with id "zzzzzzzz"/],
    [['evidence', 'save', id, path.join(dir, 'no-such-folder', 'x.pdf')], 2, /does not exist/],
  ];
  if (process.getuid?.() !== 0) {
    // Root reads any file whatever its mode, so this case only means something for other users.
    const locked = path.join(dir, 'locked.pdf');
    fs.writeFileSync(locked, bytes);
    fs.chmodSync(locked, 0o000);
    cases.push([['evidence', 'add', 'Gaugeworks', locked, '--kind', 'soc2'], 2, /locked\.pdf: cannot read it \(EACCES\)/]);
  }
  for (const [args, status, message] of cases) fails(cli(...args), status, message);
  assert.deepEqual(dumpRegister(db), before, 'nothing stored, nothing audited');
  assert.ok(!fs.existsSync(path.join(dir, 'x.pdf')));
});
