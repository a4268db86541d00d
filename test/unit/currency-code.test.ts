// Currencies are ISO 4217 codes wherever money is written: the profile's fee and the Settings' day
// rate share one schema (shared/domain/vendor.ts), so the app, the API and the CLI refuse alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingsPatch } from '../../shared/domain/settings';
import { CurrencyCode, isCurrencyCode, VendorPatch } from '../../shared/domain/vendor';

test('ISO 4217 codes pass; made-up, lower-case and short ones do not', () => {
  for (const code of ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', ' EUR ']) assert.ok(CurrencyCode.safeParse(code).success, `${code} is a currency`);
  for (const code of ['XYZ', 'ABC', 'EURO', 'eur', 'EU', '']) assert.ok(!CurrencyCode.safeParse(code).success, `${code} is refused`);
  // Added to ISO 4217 lately: accepted even where the runtime's ICU (Chromium's) does not list them yet.
  for (const code of ['SLE', 'VED', 'XCG', 'ZWG']) assert.ok(isCurrencyCode(code), `${code} is a recent ISO code`);
});

test('the profile and the day rate name the field of a code that is not ISO 4217', () => {
  const profile = VendorPatch.safeParse({ currency: 'XYZ' });
  assert.ok(!profile.success, 'the profile refuses XYZ');
  assert.deepEqual(profile.error.issues.map((i) => [i.path.join('.'), i.message]), [['currency', 'must be an ISO 4217 currency code such as EUR, USD or GBP']]);
  const rate = SettingsPatch.safeParse({ dayRate: { amount: 640, currency: 'XYZ' } });
  assert.ok(!rate.success, 'the day rate refuses XYZ');
  assert.deepEqual(rate.error.issues.map((i) => i.path.join('.')), ['dayRate.currency']);
});
