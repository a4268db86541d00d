// The register's rules of issue #18 that need no register: which tier a row shows and of what
// kind, a finding's title from the score's reason, what the short finding form refuses, and which
// columns fit a narrow window.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerFindingSeverity, answerFindingTitle } from '../../shared/domain/answer-finding';
import type { FindingSeverity } from '../../shared/domain/findings';
import { registerTier } from '../../shared/register/tier-basis';

// The renderer's plain-TypeScript parts, loaded by URL: plain-Node code must not import the
// renderer (as in cost.test.ts).
interface ColumnLayoutModule {
  COLUMN_TRACKS: Readonly<Record<string, unknown>>;
  fittingColumns(ids: readonly string[], width: number, sortedBy?: string): string[];
  gridOf(ids: readonly string[]): { template: string; minWidth: number };
}
interface AnswerFindingDraft {
  title: string;
  severity: FindingSeverity;
  owner: string;
  dueDate: string;
}
interface AnswerFindingDraftModule {
  EMPTY_ANSWER_FINDING: AnswerFindingDraft;
  answerFindingProblems(draft: AnswerFindingDraft, today: string, dateUnfinished: boolean): { path: string; message: string }[];
}
const rendererModule = (file: string) => new URL(`../../renderer/src/features/${file}`, import.meta.url).href;
const { COLUMN_TRACKS, fittingColumns, gridOf } = (await import(rendererModule('register/columnLayout.ts'))) as ColumnLayoutModule;
const { answerFindingProblems, EMPTY_ANSWER_FINDING } = (await import(rendererModule('findings/answerFindingDraft.ts'))) as AnswerFindingDraftModule;

test('the register tier: decided, from an open review, or inherent only while nothing was ever decided', () => {
  const base = { inherentTier: 'high' as const, lastDecidedAt: null };
  assert.deepEqual(registerTier({ ...base, reviewStatus: null, tier: null }), { tier: 'high', basis: 'inherent' }, 'no review: inherent');
  assert.deepEqual(registerTier({ ...base, reviewStatus: 'draft', tier: null }), { tier: 'high', basis: 'inherent' }, 'incomplete draft: inherent');
  assert.deepEqual(registerTier({ ...base, reviewStatus: 'draft', tier: 'low' }), { tier: 'low', basis: 'not_decided' }, 'scored draft');
  assert.deepEqual(registerTier({ ...base, reviewStatus: 'in_review', tier: 'critical' }), { tier: 'critical', basis: 'not_decided' });
  const decided = { ...base, lastDecidedAt: '2026-01-01T10:00:00.000Z' };
  assert.deepEqual(registerTier({ ...decided, reviewStatus: 'approved', tier: 'medium' }), { tier: 'medium', basis: 'decided' });
  assert.deepEqual(registerTier({ ...decided, reviewStatus: 'rejected', tier: null }), { tier: null, basis: 'decided' }, 'decided, not rated');
  assert.deepEqual(
    registerTier({ ...decided, reviewStatus: 'draft', tier: null }),
    { tier: null, basis: null },
    'an incomplete reassessment of a reviewed provider is not "not reviewed"',
  );
});

test('a finding title is the first sentence of the reason, without its full stop, and fits 200 characters', () => {
  assert.equal(answerFindingTitle('No encryption at rest. A stolen disk exposes the data.'), 'No encryption at rest');
  assert.equal(answerFindingTitle('Answered “No”: Is data encrypted at rest? This answer is a knock-out.'), 'Answered “No”: Is data encrypted at rest?');
  assert.equal(answerFindingTitle('Only some logs, e.g. access logs, are kept.'), 'Only some logs, e.g. access logs, are kept', 'an abbreviation does not end it');
  const long = answerFindingTitle(`${'word '.repeat(80)}end.`);
  assert.ok(long.length <= 200, `at most 200 characters: ${long.length}`);
  assert.ok(long.endsWith('…') && !long.includes('wor…'), `cut at a word, marked: ${long.slice(-12)}`);
  assert.equal(answerFindingSeverity({ pointsLost: 0, knockout: 'critical' }), 'critical');
  assert.equal(answerFindingSeverity({ pointsLost: 6, knockout: null }), 'high');
  assert.equal(answerFindingSeverity({ pointsLost: 1, knockout: null }), 'low');
});

test('the short finding form names the field at fault: an empty title, a date typed in part, a due date before today', () => {
  const today = '2026-12-05';
  const ok = { ...EMPTY_ANSWER_FINDING, title: 'No SSO' };
  assert.deepEqual(answerFindingProblems(ok, today, false), []);
  assert.deepEqual(answerFindingProblems({ ...ok, dueDate: today }, today, false), [], 'due today is fine');
  assert.deepEqual(answerFindingProblems({ ...ok, title: '  ' }, today, false).map((p) => p.path), ['title']);
  assert.deepEqual(answerFindingProblems(ok, today, true).map((p) => p.path), ['dueDate']);
  const past = answerFindingProblems({ ...ok, dueDate: '2026-12-04' }, today, false);
  assert.deepEqual(past.map((p) => p.path), ['dueDate']);
  assert.match(past[0]!.message, /before today/);
});

test('columns that do not fit go least important first, and the sorted one stays', () => {
  const ids = Object.keys(COLUMN_TRACKS);
  const all = gridOf(ids).minWidth;
  assert.deepEqual(fittingColumns(ids, all), ids, 'all fit');
  const narrow = fittingColumns(ids, all - 1);
  assert.deepEqual(
    ids.filter((id) => !narrow.includes(id)),
    ['status'],
    'one pixel short: the least important goes',
  );
  const tiny = fittingColumns(ids, 100);
  assert.deepEqual(tiny, ['select', 'name'], 'never below the name');
  assert.ok(fittingColumns(ids, all - 1, 'status').includes('status'), 'the sorted column stays');
  assert.ok(gridOf(narrow).minWidth <= all - 1, 'what is kept fits');
});
