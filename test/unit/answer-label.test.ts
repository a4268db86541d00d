// A number answer reads as a person writes it (#18): "1 day", never "1 days".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerLabel, quantity } from '../../shared/domain/answers';

test('one of a plural unit is singular; other numbers and other units are as written', () => {
  assert.deepEqual(
    [quantity(1, 'days'), quantity(2, 'days'), quantity(1, 'hours'), quantity(0, 'minutes'), quantity(-1, 'days'), quantity(1.5, 'days')],
    ['1 day', '2 days', '1 hour', '0 minutes', '-1 day', '1.5 days'],
  );
  assert.deepEqual([quantity(1, 'per month'), quantity(99.5, '%'), quantity(1, '%'), quantity(1, undefined)], ['1 per month', '99.5 %', '1 %', '1']);
  assert.equal(answerLabel({ kind: 'number', unit: 'days' }, 1), '1 day', 'the answer label uses it');
});
