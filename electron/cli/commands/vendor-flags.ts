// The profile's fields as command-line flags, one reading for `vendor add` and `vendor set`: a flag
// value is checked here for its shape (a number, one of the choices) and named when it is wrong; the
// API checks the rest with the same schema the app uses, and its complaint is put back in flag words.
import type { ApiError, Result } from '../../../shared/result';
import {
  BUSINESS_IMPACTS,
  COST_PERIODS,
  DATA_CATEGORIES,
  TENANCIES,
  VENDOR_CATEGORIES,
  VENDOR_STATUSES,
  type VendorLinks,
  type VendorPatch,
} from '../../../shared/domain/vendor';
import { choiceFlag } from '../args';
import { inputError } from '../cli-error';

/** The profile flags both commands take (parseArgs options). */
export const PROFILE_FLAG_OPTIONS = {
  'legal-name': { type: 'string' },
  category: { type: 'string' },
  service: { type: 'string' },
  owner: { type: 'string' },
  status: { type: 'string' },
  website: { type: 'string' },
  'critical-path': { type: 'boolean' },
  impact: { type: 'string' },
  data: { type: 'string' },
  locations: { type: 'string' },
  tenancy: { type: 'string' },
  cost: { type: 'string' },
  currency: { type: 'string' },
  'cost-period': { type: 'string' },
  'build-days': { type: 'string' },
  'status-page': { type: 'string' },
  'trust-page': { type: 'string' },
  dpa: { type: 'string' },
  subprocessors: { type: 'string' },
  'privacy-policy': { type: 'string' },
  notes: { type: 'string' },
} as const;

export type ProfileFlags = { [K in keyof typeof PROFILE_FLAG_OPTIONS]?: (typeof PROFILE_FLAG_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string } & {
  name?: string;
  'no-critical-path'?: boolean;
};

/** The flag that sets each profile field, for naming it in a message. */
const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  name: '--name',
  legalName: '--legal-name',
  category: '--category',
  service: '--service',
  owner: '--owner',
  status: '--status',
  website: '--website',
  criticalPath: '--critical-path',
  businessImpact: '--impact',
  dataCategories: '--data',
  dataLocations: '--locations',
  tenancy: '--tenancy',
  monthlyCost: '--cost',
  costPeriod: '--cost-period',
  currency: '--currency',
  buildEffortDays: '--build-days',
  'links.statusPage': '--status-page',
  'links.trustPage': '--trust-page',
  'links.dpa': '--dpa',
  'links.subprocessors': '--subprocessors',
  'links.privacyPolicy': '--privacy-policy',
  notes: '--notes',
  templateId: '--template',
};

const LINK_FLAGS: readonly (readonly [keyof VendorLinks, keyof ProfileFlags])[] = [
  ['statusPage', 'status-page'],
  ['trustPage', 'trust-page'],
  ['dpa', 'dpa'],
  ['subprocessors', 'subprocessors'],
  ['privacyPolicy', 'privacy-policy'],
];

const list = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));

/**
 * A plain decimal number ("380", "19.99"), "none" for no value, or undefined when the flag was not
 * given. Only the word "none" clears: an empty value (an unset shell variable) is refused, so it
 * never wipes a recorded fee.
 */
function amountFlag(flag: string, value: string | undefined, example: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'none') return null;
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw inputError(`--${flag}: a number, e.g. ${example} (got "${value}"; none clears it)`);
  return Number(value);
}

/**
 * The profile fields the flags name, and nothing else (a patch never resets what it does not name).
 * `currentFee`: the profile's recorded fee, for `vendor set`; a new provider has none.
 */
export function patchFromFlags(flags: ProfileFlags, currentFee: { amount: number | null; currency: string } | null = null): VendorPatch {
  const cost = amountFlag('cost', flags.cost, '380');
  const currency = flags.currency?.trim().toUpperCase();
  // A fee without its currency is not a fee: EUR silently assumed made a USD invoice read as euros.
  // Changing the amount of a fee already recorded keeps that fee's currency (the profile says which).
  if (typeof cost === 'number' && currency === undefined && (currentFee === null || currentFee.amount === null)) {
    throw inputError('--currency: say which currency --cost is in (e.g. EUR)');
  }
  if (flags['critical-path'] && flags['no-critical-path']) throw inputError('--critical-path and --no-critical-path: give one of them');
  const patch: Record<string, unknown> = {
    name: flags.name,
    legalName: flags['legal-name'],
    category: flags.category === undefined ? undefined : choiceFlag('category', flags.category, VENDOR_CATEGORIES),
    service: flags.service,
    owner: flags.owner,
    status: flags.status === undefined ? undefined : choiceFlag('status', flags.status, VENDOR_STATUSES),
    website: flags.website,
    criticalPath: flags['critical-path'] ? true : flags['no-critical-path'] ? false : undefined,
    businessImpact: flags.impact === undefined ? undefined : choiceFlag('impact', flags.impact, BUSINESS_IMPACTS),
    dataCategories: list(flags.data)?.map((category) => choiceFlag('data', category, DATA_CATEGORIES)),
    dataLocations: list(flags.locations),
    tenancy: flags.tenancy === undefined ? undefined : choiceFlag('tenancy', flags.tenancy, TENANCIES),
    monthlyCost: cost,
    costPeriod: flags['cost-period'] === undefined ? undefined : choiceFlag('cost-period', flags['cost-period'], COST_PERIODS),
    currency,
    buildEffortDays: amountFlag('build-days', flags['build-days'], '45'),
    notes: flags.notes,
  };
  const links: Record<string, string> = {};
  for (const [field, flag] of LINK_FLAGS) {
    const value = flags[flag];
    if (typeof value === 'string') links[field] = value;
  }
  if (Object.keys(links).length > 0) patch.links = links;
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
  return patch as VendorPatch;
}

/**
 * A validation error from vendor.create or vendor.update in the words of the command line: the flag
 * instead of the field ("--cost: …", never "monthlyCost: …" for a yearly fee), with the value typed.
 */
export function flagWords(error: ApiError, flags: ProfileFlags): string {
  // A name another provider holds, given by --name (vendor set; vendor add takes it as NAME).
  if (error.code === 'conflict' && error.details?.[0]?.path.replace(/^patch\./, '') === 'name' && typeof flags.name === 'string') {
    return `--name: ${error.message}`;
  }
  const problem = error.code === 'validation' ? error.details?.[0] : undefined;
  if (!problem) return error.message;
  const field = problem.path.replace(/^patch\./, '');
  const flag = FLAG_OF_FIELD[field];
  if (!flag) return error.message;
  const typed = (flags as Record<string, unknown>)[flag.slice(2)];
  // The value typed, unless the message already quotes it.
  const echo = typeof typed === 'string' && !problem.message.includes(`"${typed}"`) ? ` (got "${typed}")` : '';
  return `${flag}: ${problem.message}${echo}`;
}

/** The flag that sets a profile field, without its dashes ("legal-name" for legalName); the field's own name where none does. */
export function flagNameOf(field: string): string {
  return FLAG_OF_FIELD[field]?.slice(2) ?? field;
}

/** Unwraps a vendor.create/vendor.update result, or throws its problem named by flag. */
export function mustWithFlags<T>(result: Result<T>, flags: ProfileFlags): T {
  if (result.ok) return result.value;
  throw inputError(flagWords(result.error, flags));
}
