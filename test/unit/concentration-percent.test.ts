// A share is said the same way by the app's Concentration page, Needs attention, the PDFs and the
// CLI (shared/reports/concentration-words.ts): whole percentages, never rounding a real share to 0 or 100.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertWords, percent } from '../../shared/reports/concentration-words';

test('a share in words: whole percentages, but a real share never reads as 0 % or 100 %', () => {
  assert.deepEqual([0, 0.004, 0.01, 0.75, 0.99, 0.996, 1].map(percent), ['0 %', '<1 %', '1 %', '75 %', '99 %', '>99 %', '100 %']);
  const alert = { party: 'Amazon Web Services', region: null, criticalProviders: 299, criticalPathProviders: 300, criticalShare: 299 / 300 };
  assert.equal(alertWords(alert as Parameters<typeof alertWords>[0]), 'Amazon Web Services carries 299 of your 300 critical-path providers (>99 %)');
});
