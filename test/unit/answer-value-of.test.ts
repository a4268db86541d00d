// The register's first listing reads option ids without the JSON parser (repositories/score-inputs.ts):
// it must read every stored value exactly as JSON.parse does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerValueOf } from '../../electron/core/repositories/score-inputs';

test('answerValueOf reads every kind of stored answer value as JSON.parse does', () => {
  const values: unknown[] = [
    'opt_yes', '', 'with "quotes"', 'back\\slash', 'line\nbreak', 'tab\t', 'ünïcødé ✓ 日本', '"', '\\', '\u2028', 'x"y',
    0, -1.5, 99.9, 1e21, 2026, ['a', 'b'], [], ['with "q"'], '2026-01-15', null,
  ];
  for (const value of values) {
    const text = JSON.stringify(value);
    assert.deepEqual(answerValueOf(text), JSON.parse(text), `stored ${text} reads back as ${JSON.stringify(value)}`);
  }
  // Text JSON.parse refuses (a hand edit) is refused here too, never read as a string.
  for (const broken of ['"a"b"', '"tab\there"', '"line\nbreak"']) {
    assert.throws(() => answerValueOf(broken), SyntaxError, `${JSON.stringify(broken)} is not JSON and is not read as a value`);
  }
});
