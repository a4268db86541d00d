import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { runCli } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { tempDbPath } from '../helpers/tmp';

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+/, `stack trace leaked:\n${s}`);

function questionOfKind(kind: string) {
  for (const s of INFRASTRUCTURE_TEMPLATE.sections) for (const q of s.questions) if (q.kind === kind && !q.showWhen) return q;
  throw new Error(kind);
}

test('demo then list --json prints every demo provider with score, tier and completion', () => {
  const db = tempDbPath();
  const demo = runCli(['demo', '--db', db]);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /Loaded 8 demo providers/);
  const list = runCli(['list', '--db', db, '--json']);
  assert.equal(list.status, 0, list.stderr);
  const rows = JSON.parse(list.stdout) as { name: string; score: number; tier: string | null; completion: number }[];
  assert.equal(rows.length, 8);
  for (const row of rows) {
    assert.ok(row.score >= 0 && row.score <= 100, row.name);
    assert.ok(row.completion >= 0 && row.completion <= 1, row.name);
    assert.ok('tier' in row);
  }
  assert.ok(rows.filter((r) => r.tier !== null).length >= 7, 'all complete reviews and the knock-out have a tier');
  const table = runCli(['list', '--db', db]);
  assert.match(table.stdout, /Name\s+Category\s+Score\s+Tier\s+Tier basis\s+Completion\s+Status/);
  assert.match(table.stdout, /Tidewater Postgres/);
  // Which kind of tier: an incomplete first review shows the inherent risk, and says so.
  assert.match(table.stdout, /^Forgeline CI\s+ci-build\s+[\d.]+\s+high\s+Inherent risk \(not reviewed yet\)\s+42%/m, 'the unreviewed provider\'s tier is named inherent');
  assert.match(table.stdout, /^Tidewater Postgres\s+\S+\s+[\d.]+\s+medium\s+Review not decided yet/m, 'a draft\'s tier is named not decided');
  const forgeline = rows.find((r) => r.name === 'Forgeline CI') as unknown as { tier: string | null; shownTier: string; tierBasis: string };
  assert.deepEqual([forgeline.tier, forgeline.shownTier, forgeline.tierBasis], [null, 'high', 'inherent'], '--json keeps the review tier apart from the shown one');
});

test('VETTED_DB selects the register when --db is not given', () => {
  const db = tempDbPath();
  assert.equal(runCli(['vendor', 'add', 'Env Corp'], { VETTED_DB: db }).status, 0);
  assert.match(runCli(['list', '--db', db]).stdout, /Env Corp/);
});

test('vendor add, answer and score work together', () => {
  const db = tempDbPath();
  const add = runCli(['vendor', 'add', 'Burrow MQ', '--category', 'message-queue', '--critical-path', '--data', 'personal-data', '--db', db]);
  assert.equal(add.status, 0, add.stderr);
  const yesno = questionOfKind('yesno');
  const best = yesno.options!.find((o) => o.score === 1)!;
  const answer = runCli(['answer', 'burrow mq', yesno.id, best.id, '--comment', 'from their trust page', '--db', db]);
  assert.equal(answer.status, 0, answer.stderr);
  assert.match(answer.stdout, new RegExp(`Saved Burrow MQ / ${yesno.id} = `));
  const number = questionOfKind('number');
  assert.equal(runCli(['answer', 'Burrow MQ', number.id, '12', '--db', db]).status, 0);

  const score = runCli(['score', 'Burrow MQ', '--json', '--db', db]);
  assert.equal(score.status, 0, score.stderr);
  const parsed = JSON.parse(score.stdout);
  assert.equal(parsed.vendor.name, 'Burrow MQ');
  assert.equal(parsed.score.state, 'incomplete');
  assert.equal(parsed.score.inherent === 'low', false, 'critical path + personal data is not low inherent risk');
  const text = runCli(['score', 'Burrow MQ', '--db', db]);
  assert.match(text.stdout, /Completion/);
});

test('bad input exits 2 with a one-line message and leaves the register unchanged', () => {
  const db = tempDbPath();
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  assert.equal(runCli(['vendor', 'add', 'No Review Yet', '--db', db]).status, 0);
  const before = dumpRegister(db);
  const yesno = questionOfKind('yesno');
  const number = questionOfKind('number');
  const cases: [string[], RegExp][] = [
    [['score', 'Nobody Inc'], /no provider named or with id "Nobody Inc"/],
    [['answer', 'Nobody Inc', yesno.id, 'yes'], /no provider/],
    [['answer', 'Gaugeworks', 'no_such_question', 'yes'], /question "no_such_question" is not in template/],
    [['answer', 'Gaugeworks', yesno.id, 'perhaps'], new RegExp(`value for ${yesno.id}: expected one of`)],
    [['answer', 'Gaugeworks', number.id, 'twelve'], new RegExp(`value for ${number.id}: expected a number`)],
    [['vendor', 'add', 'Tidewater Postgres'], /already exists/],
    [['vendor', 'add', 'New One', '--category', 'spaceship'], /^vetted: --category: /],
    [['vendor', 'add', 'New One', '--cost', 'cheap'], /^vetted: --cost: a number, e\.g\. 380/],
    [['demo'], /already has providers/],
    // Refused before a review is started for it: the register stays as it was.
    [['answer', 'No Review Yet', yesno.id, 'yes', '--comment', 'x'.repeat(20_001)], /comment: /],
  ];
  for (const [args, message] of cases) {
    const run = runCli([...args, '--db', db]);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${run.stderr}`);
    noStack(run.stderr);
  }
  assert.deepEqual(dumpRegister(db), before);
});

test('a register with a newer schema gets exit 2 and stays byte-identical', () => {
  const db = tempDbPath();
  const raw = new Database(db);
  raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  raw.exec('CREATE TABLE vendors (id)');
  raw.close();
  const bytes = fs.readFileSync(db);
  const run = runCli(['list', '--db', db]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /newer Vetted/);
  noStack(run.stderr);
  assert.deepEqual(fs.readFileSync(db), bytes);
});

test('usage errors exit 1', () => {
  for (const args of [['frobnicate'], ['list', '--colour'], ['score'], ['vendor', 'remove', 'x'], []]) {
    const run = runCli(args);
    assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
    noStack(run.stderr);
  }
  assert.equal(runCli(['--help']).status, 0);
});

test('vetted answer takes a question by number, explains a number answer, warns on an implausible one, and says when the question is not asked', () => {
  const db = tempDbPath();
  assert.equal(runCli(['vendor', 'add', 'Number Co', '--db', db]).status, 0);
  // 4.5 is the SLA question, 4.6 the uptime it shows (docs/questionnaire.md).
  const sla = runCli(['answer', 'Number Co', '4.5', 'credits_auto', '--db', db]);
  assert.equal(sla.status, 0, sla.stderr);
  assert.match(sla.stdout, /^Saved Number Co \/ inc_sla_credits = SLA with credits applied automatically;/, 'the number named the question');
  const odd = runCli(['answer', 'Number Co', '4.6', '119', '--db', db]);
  assert.equal(odd.status, 0, `saved all the same: ${odd.stderr}`);
  assert.match(odd.stdout, /\n {2}119 %: “99\.95% or more”, the best band\.\n$/);
  assert.match(odd.stderr, /^vetted: warning: inc_sla_uptime_percent: 119 % is outside the plausible range \(90 to 100 %\)/);
  assert.equal(runCli(['answer', 'Number Co', 'inc_sla_credits', 'none', '--db', db]).status, 0);
  const hidden = runCli(['answer', 'Number Co', 'inc_sla_uptime_percent', '99.9', '--db', db]);
  assert.match(hidden.stdout, /99\.9 %: kept, but the question is not asked for the current answers, so it is not scored\./);
  assert.equal(hidden.stderr, '', 'a plausible number gets no warning');
  const scored = runCli(['score', 'Number Co', '--db', db]);
  assert.match(scored.stdout, /^ {2}1\.1 sec_encryption_at_rest \(must-have\)/m, 'open questions listed by number and id');
  assert.match(scored.stdout, /must-have questions are not answered: 1\.1, /, 'the blocker names numbers');
  const unknown = runCli(['answer', 'Number Co', '99.1', 'yes', '--db', db]);
  assert.match(unknown.stderr, /question "99\.1" is not in template/, 'an unknown number is named as typed');
});
