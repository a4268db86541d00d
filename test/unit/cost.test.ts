// The money in one place: the buy-vs-build line (shared/domain/cost.ts), how a question an older
// template asked about the fee is shown (shared/templates/profile-held.ts), and the profile and
// Settings drafts that carry the fee period, the legal name and the day rate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildEffortText, buyVsBuild, DayRate, feeText, yearlyFee, type CostProfile } from '../../shared/domain/cost';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../shared/domain/settings';
import { VendorPatch, type CostPeriod, type Vendor } from '../../shared/domain/vendor';
import { formatAmount } from '../../shared/format';
import { formatAmount as reportFormatAmount } from '../../shared/reports/blocks';
import { keptInProfileText, profileHeldFigure } from '../../shared/templates/profile-held';
import { vendor } from '../helpers/review-fixtures';

// The renderer's form drafts are plain TypeScript; loaded by URL, as plain-Node code must not
// import the renderer (the same way the autosave tests load answerSaver.ts).
interface ProfileDraftLike {
  legalName: string;
  costPeriod: CostPeriod;
  monthlyCost: string;
}
interface ProfileDraftModule {
  draftFromVendor(v: Vendor): ProfileDraftLike;
  patchFromDraft(d: ProfileDraftLike): { patch: Record<string, unknown>; errors: Record<string, string> };
  changedFields(parsed: VendorPatch, stored: Vendor): VendorPatch;
}
interface DayRateDraft {
  amount: string;
  currency: string;
}
interface DayRateDraftModule {
  checkDayRate(d: DayRateDraft): { ok: true; rate: DayRate | null } | { ok: false; errors: Partial<DayRateDraft> };
  dayRateDraftOf(rate: DayRate | null): DayRateDraft;
  sameDayRate(d: DayRateDraft, stored: DayRate | null): boolean;
}
const rendererModule = (file: string) => new URL(`../../renderer/src/features/${file}`, import.meta.url).href;
const { changedFields, draftFromVendor, patchFromDraft } = (await import(rendererModule('profile/profileDraft.ts'))) as ProfileDraftModule;
const { checkDayRate, dayRateDraftOf, sameDayRate } = (await import(rendererModule('settings/dayRateDraft.ts'))) as DayRateDraftModule;

const profile = (fields: Partial<CostProfile> = {}): CostProfile => ({
  monthlyCost: 380,
  costPeriod: 'month',
  currency: 'EUR',
  buildEffortDays: 45,
  ...fields,
});
const EUR_640: DayRate = { amount: 640, currency: 'EUR' };

describe('buyVsBuild', () => {
  test('same currency, monthly fee: a year of fees against days × rate, and which is cheaper by how much', () => {
    const result = buyVsBuild(profile(), EUR_640);
    assert.equal(result.verdict, 'buy_cheaper');
    assert.deepEqual(result.yearlyFee, { amount: 4560, currency: 'EUR' });
    assert.deepEqual(result.yearlyBuild, { amount: 28800, currency: 'EUR' });
    assert.deepEqual(result.difference, { amount: 24240, currency: 'EUR' });
    assert.deepEqual(result.missing, []);
    assert.equal(
      result.sentence,
      'Buying costs 4,560 EUR a year (380 EUR per month); building and running it yourself about 28,800 EUR a year ' +
        '(45 engineer-days at 640 EUR a day): buying is 24,240 EUR a year cheaper.',
    );
  });

  test('a yearly fee is taken as it is, and building can be the cheaper way', () => {
    const result = buyVsBuild(profile({ monthlyCost: 40000, costPeriod: 'year', buildEffortDays: 30 }), EUR_640);
    assert.equal(result.verdict, 'build_cheaper');
    assert.deepEqual(result.yearlyFee, { amount: 40000, currency: 'EUR' });
    assert.deepEqual(result.difference, { amount: 20800, currency: 'EUR' });
    assert.equal(
      result.sentence,
      'Buying costs 40,000 EUR a year; building and running it yourself about 19,200 EUR a year ' +
        '(30 engineer-days at 640 EUR a day): building it yourself is 20,800 EUR a year cheaper.',
    );
  });

  test('month and year of the same money read the same, to the cent', () => {
    const monthly = buyVsBuild(profile({ monthlyCost: 19.99 }), EUR_640);
    const yearly = buyVsBuild(profile({ monthlyCost: 239.88, costPeriod: 'year' }), EUR_640);
    assert.deepEqual(monthly.yearlyFee, { amount: 239.88, currency: 'EUR' });
    assert.deepEqual(monthly.yearlyFee, yearly.yearlyFee);
    assert.deepEqual(monthly.difference, yearly.difference);
    assert.match(monthly.sentence, /^Buying costs 239\.88 EUR a year \(19\.99 EUR per month\);/);
  });

  test('equal costs say so', () => {
    const result = buyVsBuild(profile({ monthlyCost: 2400, buildEffortDays: 45 }), EUR_640);
    assert.equal(result.verdict, 'same');
    assert.deepEqual(result.difference, { amount: 0, currency: 'EUR' });
    assert.match(result.sentence, /: both cost the same\.$/);
  });

  test('different currencies: both figures, each in its own currency, never converted, and "cannot be compared"', () => {
    const result = buyVsBuild(profile({ monthlyCost: 2280, costPeriod: 'year', currency: 'USD', buildEffortDays: 40 }), EUR_640);
    assert.equal(result.verdict, 'different_currencies');
    assert.deepEqual(result.yearlyFee, { amount: 2280, currency: 'USD' });
    assert.deepEqual(result.yearlyBuild, { amount: 25600, currency: 'EUR' });
    assert.equal(result.difference, null);
    assert.equal(
      result.sentence,
      'Buying costs 2,280 USD a year; building and running it yourself about 25,600 EUR a year (40 engineer-days at 640 EUR a day); ' +
        'the fee is in USD and the day rate in EUR, and Vetted does not convert currencies, so the two cannot be compared.',
    );
    assert.doesNotMatch(result.sentence, /cheaper/);
  });

  test('missing pieces are named, every one of them, and nothing is compared', () => {
    const cases: [Partial<CostProfile>, DayRate | null, string[], string][] = [
      [{ monthlyCost: null }, EUR_640, ['fee'], 'the profile records no fee'],
      [{ buildEffortDays: null }, EUR_640, ['buildEffort'], 'the profile records no build effort'],
      [{}, null, ['dayRate'], 'no engineer day rate is set in Settings'],
      [{ monthlyCost: null }, null, ['fee', 'dayRate'], 'the profile records no fee and no engineer day rate is set in Settings'],
      [
        { monthlyCost: null, buildEffortDays: null },
        null,
        ['fee', 'buildEffort', 'dayRate'],
        'the profile records no fee, the profile records no build effort and no engineer day rate is set in Settings',
      ],
    ];
    for (const [fields, rate, missing, words] of cases) {
      const result = buyVsBuild(profile(fields), rate);
      assert.equal(result.verdict, 'incomplete', words);
      assert.deepEqual(result.missing, missing);
      assert.equal(result.difference, null);
      assert.equal(result.sentence, `Buying and building cannot be compared yet: ${words}.`);
    }
    // What is known is still returned.
    assert.deepEqual(buyVsBuild(profile(), null).yearlyFee, { amount: 4560, currency: 'EUR' });
    assert.equal(buyVsBuild(profile(), null).yearlyBuild, null);
  });

  test('a free service and a zero effort are figures, not gaps', () => {
    assert.equal(buyVsBuild(profile({ monthlyCost: 0 }), EUR_640).verdict, 'buy_cheaper');
    assert.equal(buyVsBuild(profile({ buildEffortDays: 0 }), EUR_640).verdict, 'build_cheaper');
  });
});

describe('fee and effort as text', () => {
  test('the fee carries its own currency and period; nothing recorded reads as null', () => {
    assert.equal(feeText(profile()), '380 EUR per month');
    assert.equal(feeText(profile({ monthlyCost: 7440, costPeriod: 'year' })), '7,440 EUR per year');
    assert.equal(feeText(profile({ monthlyCost: 99.5, currency: 'USD' })), '99.50 USD per month');
    assert.equal(feeText(profile({ monthlyCost: null })), null);
    assert.equal(buildEffortText(profile({ buildEffortDays: 1200 })), '1,200 engineer-days a year');
    assert.equal(buildEffortText(profile({ buildEffortDays: null })), null);
    assert.deepEqual(yearlyFee(profile({ monthlyCost: null })), null);
  });

  test('amounts are grouped by thousands, with two decimals only for a fraction', () => {
    const printed = [0, 7, 99.5, 1450, 1234567.5, -2500].map(formatAmount);
    assert.deepEqual(printed, ['0', '7', '99.50', '1,450', '1,234,567.50', '-2,500']);
    assert.equal(reportFormatAmount, formatAmount, 'the reports use the same function');
  });
});

describe('questions an older template version asked about money', () => {
  test('infrastructure-provider v1 fee and effort questions stand for the profile figures; nothing else does', () => {
    assert.equal(profileHeldFigure('infrastructure-provider', 'cost_monthly_fee'), 'fee');
    assert.equal(profileHeldFigure('infrastructure-provider', 'cost_build_run_days'), 'buildEffort');
    assert.equal(profileHeldFigure('infrastructure-provider', 'cost_predictable'), null);
    assert.equal(profileHeldFigure('infrastructure-provider', 'constructor'), null);
    assert.equal(profileHeldFigure('my-own-template', 'cost_monthly_fee'), null, 'an imported template keeps its own questions');
  });

  test('they read as the profile figure, in the profile currency and period', () => {
    const usdYearly = profile({ monthlyCost: 2280, costPeriod: 'year', currency: 'USD' });
    assert.equal(keptInProfileText('fee', usdYearly), 'Kept in the provider profile: 2,280 USD per year');
    assert.equal(keptInProfileText('buildEffort', usdYearly), 'Kept in the provider profile: 45 engineer-days a year');
    assert.equal(keptInProfileText('fee', profile({ monthlyCost: null })), 'Kept in the provider profile: not recorded');
  });
});

describe('the profile form draft', () => {
  test('legal name and fee period survive the round trip: vendor → draft → patch → vendor', () => {
    const stored = vendor('v', 'Logjam Cloud', { legalName: 'Logjam Cloud GmbH', monthlyCost: 7440, costPeriod: 'year', currency: 'EUR' });
    const draft = draftFromVendor(stored);
    assert.equal(draft.legalName, 'Logjam Cloud GmbH');
    assert.equal(draft.costPeriod, 'year');
    const { patch, errors } = patchFromDraft(draft);
    assert.deepEqual(errors, {});
    const parsed = VendorPatch.parse(patch);
    assert.deepEqual(changedFields(parsed, stored), {}, 'an untouched form changes nothing');

    const edited = patchFromDraft({ ...draft, legalName: '  Logjam Holding AG ', costPeriod: 'month', monthlyCost: '620' });
    assert.deepEqual(changedFields(VendorPatch.parse(edited.patch), stored), { legalName: 'Logjam Holding AG', costPeriod: 'month', monthlyCost: 620 });
  });

  test('a fee that is not a number names the field', () => {
    const { errors } = patchFromDraft({ ...draftFromVendor(vendor('v', 'X')), monthlyCost: 'cheap' });
    assert.deepEqual(errors, { monthlyCost: 'Fee must be a number such as 1450 or 99.50' });
  });
});

describe('the day rate setting', () => {
  test('is one setting (amount with currency), unset by default, refused when half-made', () => {
    assert.equal(DEFAULT_SETTINGS.dayRate, null);
    assert.deepEqual(SettingsPatch.parse({ dayRate: { amount: 640, currency: 'EUR' } }), { dayRate: { amount: 640, currency: 'EUR' } });
    assert.deepEqual(SettingsPatch.parse({ dayRate: null }), { dayRate: null });
    for (const bad of [{ amount: 640 }, { amount: 0, currency: 'EUR' }, { amount: 640, currency: 'euro' }, { amount: 640, currency: 'EUR', note: 'x' }]) {
      assert.equal(SettingsPatch.safeParse({ dayRate: bad }).success, false, JSON.stringify(bad));
    }
  });

  test('the Settings draft: empty amount is "no rate"; bad input names the field', () => {
    assert.deepEqual(checkDayRate({ amount: '', currency: 'EUR' }), { ok: true, rate: null });
    assert.deepEqual(checkDayRate({ amount: '612,50', currency: 'chf' }), { ok: true, rate: { amount: 612.5, currency: 'CHF' } });
    assert.deepEqual(checkDayRate({ amount: 'lots', currency: 'EUR' }), { ok: false, errors: { amount: 'Day rate must be a number such as 640 or 612.50' } });
    assert.deepEqual(checkDayRate({ amount: '0', currency: 'EU' }), {
      ok: false,
      errors: { amount: 'Day rate must be more than 0', currency: 'Day rate currency must be a three-letter currency code such as EUR' },
    });
    assert.ok(sameDayRate(dayRateDraftOf(null), null), 'the offered EUR alone is no change');
    assert.ok(sameDayRate(dayRateDraftOf({ amount: 640, currency: 'EUR' }), { amount: 640, currency: 'EUR' }));
    assert.ok(!sameDayRate({ amount: '640', currency: 'USD' }, { amount: 640, currency: 'EUR' }));
  });
});
