// The words the export dialogs and their outcomes use, and how an API error reads in the app.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiError } from '../../shared/result';

// Loaded by URL, as answer-saver.test.ts does: test/tsconfig.json does not reference the renderer
// project, so the shapes the tests use are spelled out here.
interface ListedInput {
  listed: number;
  date: string;
  includeProposed: boolean;
  includeTiers: boolean;
}
const load = async <T>(path: string): Promise<T> => (await import(new URL(`../../renderer/src/${path}`, import.meta.url).href)) as T;
const { asOfDateProblem, listedSentence, providers, warningsHeading } = await load<{
  asOfDateProblem(value: string, today: string): string | null;
  listedSentence(outcome: ListedInput): string;
  providers(n: number): string;
  warningsHeading(count: number): string | null;
}>('features/exports/exportText.ts');
const { formatDay } = await load<{ formatDay(isoDate: string): string }>('features/workflow/formatWhen.ts');
const { errorText } = await load<{ errorText(error: ApiError): string }>('lib/errorText.ts');

test('an as-of date is today or earlier, written YYYY-MM-DD; a future day is refused in words', () => {
  assert.equal(asOfDateProblem('2026-12-04', '2026-12-04'), null);
  assert.equal(asOfDateProblem('2025-01-31', '2026-12-04'), null);
  assert.match(asOfDateProblem('', '2026-12-04') ?? '', /^Choose the day the list is as of/);
  assert.match(asOfDateProblem('2026-02-30', '2026-12-04') ?? '', /YYYY-MM-DD/);
  const future = asOfDateProblem('2026-12-05', '2026-12-04') ?? '';
  assert.ok(future.startsWith(`${formatDay('2026-12-05')} is in the future`), future);
  assert.doesNotMatch(future, /date:/, 'never the schema’s "field: message"');
});

test('the outcome says how many providers are listed, as of when, and with which options', () => {
  const base = { listed: 1, date: '2026-12-04', includeProposed: false, includeTiers: false };
  assert.equal(listedSentence(base), `It lists 1 provider as of ${formatDay('2026-12-04')}.`);
  assert.equal(
    listedSentence({ ...base, listed: 0, includeProposed: true, includeTiers: true }),
    `It lists 0 providers as of ${formatDay('2026-12-04')}, proposed providers included (marked), with internal risk tiers.`,
  );
  assert.equal(providers(2), '2 providers');
  assert.equal(warningsHeading(0), null);
  assert.equal(warningsHeading(1), 'Exported with a warning:');
  assert.equal(warningsHeading(3), 'Exported with 3 warnings:');
});

test('a validation error reads as sentences; other errors keep their message', () => {
  assert.equal(
    errorText({ code: 'validation', message: 'note: write down the conditions', details: [{ path: 'note', message: 'write down the conditions' }] }),
    'Write down the conditions.',
  );
  assert.equal(errorText({ code: 'conflict', message: 'A review that is draft cannot be moved to approved.' }), 'A review that is draft cannot be moved to approved.');
});
