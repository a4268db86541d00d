// What a provider costs, against building and running the same thing yourself. The provider
// profile is the one place the money is kept (fee, currency, period, build effort); Settings hold
// what an engineer-day costs. Pure, and it never converts currencies: an exchange rate is a
// judgement the reviewer has not made, so figures in two currencies are said to be incomparable.
import { z } from 'zod';
import { formatAmount } from '../format';
import { AT_MOST_CENTS, CurrencyCode, atMostCents, type CostPeriod, type Vendor } from './vendor';

/** What one engineer-day costs you (salary and overheads), in a currency: Settings → Day rate. */
export const DayRate = z
  .object({
    amount: z.number().finite().positive('must be more than 0').max(1e6, 'must be at most 1,000,000').refine(atMostCents, AT_MOST_CENTS),
    currency: CurrencyCode,
  })
  .strict();
export type DayRate = z.infer<typeof DayRate>;

/** The profile fields this module reads. */
export type CostProfile = Pick<Vendor, 'monthlyCost' | 'costPeriod' | 'currency' | 'buildEffortDays'>;

export interface Money {
  amount: number;
  currency: string;
}

/** A piece the buy-vs-build line needs, in the order the sentence names them. */
export type CostPiece = 'fee' | 'buildEffort' | 'dayRate';

/**
 * - 'buy_cheaper' / 'build_cheaper' / 'same': both yearly figures known, in one currency;
 * - 'different_currencies': both known, but the fee and the day rate are in different currencies;
 * - 'incomplete': a piece is missing (see `missing`).
 */
export type BuyVsBuildVerdict = 'buy_cheaper' | 'build_cheaper' | 'same' | 'different_currencies' | 'incomplete';

export interface BuyVsBuild {
  verdict: BuyVsBuildVerdict;
  /** The fee over a year, in the fee's currency; null without a fee. */
  yearlyFee: Money | null;
  /** Engineer-days a year × the day rate, in the day rate's currency; null without either. */
  yearlyBuild: Money | null;
  /** How much the cheaper way saves a year; null unless the two can be compared. */
  difference: Money | null;
  missing: CostPiece[];
  /** The comparison in one sentence, as the provider page and the review report print it. */
  sentence: string;
}

const PER_PERIOD: Readonly<Record<CostPeriod, string>> = { month: 'per month', year: 'per year' };
const PERIODS_A_YEAR: Readonly<Record<CostPeriod, number>> = { month: 12, year: 1 };

const MISSING_WORDS: Readonly<Record<CostPiece, string>> = {
  fee: 'the profile records no fee',
  buildEffort: 'the profile records no build effort',
  dayRate: 'no engineer day rate is set in Settings',
};

/** To the cent: 19.99 × 12 is 239.88, not 239.88000000000002. */
const cents = (n: number) => Math.round(n * 100) / 100;

const money = (m: Money) => `${formatAmount(m.amount)} ${m.currency}`;

/** "380 EUR per month", "7,440 EUR per year"; null when the profile records no fee. */
export function feeText(profile: CostProfile): string | null {
  if (profile.monthlyCost === null) return null;
  return `${money({ amount: profile.monthlyCost, currency: profile.currency })} ${PER_PERIOD[profile.costPeriod]}`;
}

/** "45 engineer-days a year"; null when the profile records no build effort. */
export function buildEffortText(profile: CostProfile): string | null {
  if (profile.buildEffortDays === null) return null;
  return `${formatAmount(profile.buildEffortDays)} engineer-days a year`;
}

/** "640 EUR a day". */
export function dayRateText(rate: DayRate): string {
  return `${money(rate)} a day`;
}

/** The fee over a year (a monthly fee × 12), in the fee's currency; null without a fee. */
export function yearlyFee(profile: CostProfile): Money | null {
  if (profile.monthlyCost === null) return null;
  return { amount: cents(profile.monthlyCost * PERIODS_A_YEAR[profile.costPeriod]), currency: profile.currency };
}

/** Building and running it yourself for a year: engineer-days × the day rate; null without either. */
export function yearlyBuildCost(profile: CostProfile, rate: DayRate | null): Money | null {
  if (profile.buildEffortDays === null || rate === null) return null;
  return { amount: cents(profile.buildEffortDays * rate.amount), currency: rate.currency };
}

/** "a", "a and b", "a, b and c". */
function listOf(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function missingPieces(profile: CostProfile, rate: DayRate | null): CostPiece[] {
  const missing: CostPiece[] = [];
  if (profile.monthlyCost === null) missing.push('fee');
  if (profile.buildEffortDays === null) missing.push('buildEffort');
  if (rate === null) missing.push('dayRate');
  return missing;
}

/** "Buying costs 4,560 EUR a year (380 EUR per month); building and running it yourself about 28,800 EUR a year (45 engineer-days at 640 EUR a day)" */
function bothFigures(profile: CostProfile, rate: DayRate, fee: Money, build: Money): string {
  const monthly = profile.costPeriod === 'month' ? ` (${feeText(profile)})` : '';
  return (
    `Buying costs ${money(fee)} a year${monthly}; building and running it yourself about ${money(build)} a year ` +
    `(${formatAmount(profile.buildEffortDays!)} engineer-days at ${dayRateText(rate)})`
  );
}

/**
 * The yearly fee against the yearly cost of building and running it yourself, with one sentence
 * that says which is cheaper and by how much, or why the two cannot be compared: a missing piece
 * (named), or a fee and a day rate in different currencies (never converted).
 */
export function buyVsBuild(profile: CostProfile, rate: DayRate | null): BuyVsBuild {
  const fee = yearlyFee(profile);
  const build = yearlyBuildCost(profile, rate);
  const missing = missingPieces(profile, rate);
  const base = { yearlyFee: fee, yearlyBuild: build, difference: null, missing };
  if (fee === null || build === null || rate === null) {
    return {
      ...base,
      verdict: 'incomplete',
      sentence: `Buying and building cannot be compared yet: ${listOf(missing.map((p) => MISSING_WORDS[p]))}.`,
    };
  }
  const figures = bothFigures(profile, rate, fee, build);
  if (fee.currency !== build.currency) {
    return {
      ...base,
      verdict: 'different_currencies',
      sentence: `${figures}; the fee is in ${fee.currency} and the day rate in ${build.currency}, and Vetted does not convert currencies, so the two cannot be compared.`,
    };
  }
  const difference: Money = { amount: cents(Math.abs(fee.amount - build.amount)), currency: fee.currency };
  if (difference.amount === 0) return { ...base, verdict: 'same', difference, sentence: `${figures}: both cost the same.` };
  const buyCheaper = fee.amount < build.amount;
  return {
    ...base,
    verdict: buyCheaper ? 'buy_cheaper' : 'build_cheaper',
    difference,
    sentence: `${figures}: ${buyCheaper ? 'buying' : 'building it yourself'} is ${money(difference)} a year cheaper.`,
  };
}
