// The provider being reviewed. Pure zod schemas: the same rules validate the UI form,
// the API boundary and the CLI.
import { z } from 'zod';

export const VENDOR_CATEGORIES = [
  'database',
  'message-queue',
  'logging',
  'metrics',
  'alerting',
  'status-page',
  'configuration',
  'ci-build',
  'hosting',
  'other',
] as const;
export const VendorCategory = z.enum(VENDOR_CATEGORIES);
export type VendorCategory = z.infer<typeof VendorCategory>;

export const VENDOR_STATUSES = ['proposed', 'active', 'retired'] as const;
export const VendorStatus = z.enum(VENDOR_STATUSES);
export type VendorStatus = z.infer<typeof VendorStatus>;

/** What the recorded fee is for: a month or a year of the service. */
export const COST_PERIODS = ['month', 'year'] as const;
export const CostPeriod = z.enum(COST_PERIODS);
export type CostPeriod = z.infer<typeof CostPeriod>;

export const BUSINESS_IMPACTS = ['low', 'medium', 'high'] as const;
export const BusinessImpact = z.enum(BUSINESS_IMPACTS);
export type BusinessImpact = z.infer<typeof BusinessImpact>;

export const DATA_CATEGORIES = [
  'personal-data',
  'special-personal-data',
  'credentials-secrets',
  'customer-content',
  'logs-telemetry',
  'payment-data',
] as const;
export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

export const TENANCIES = ['multi-tenant', 'dedicated', 'dedicated-managed'] as const;
export const Tenancy = z.enum(TENANCIES);
export type Tenancy = z.infer<typeof Tenancy>;

/**
 * Links must be http(s) with a plain host (no user:password@): they end up as link targets
 * in the UI and in PDFs. A regular expression rather than URL keeps shared/ free of host APIs.
 */
const WEB_LINK = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#][^\s]*)?$/;
export const WebLink = z
  .string()
  .trim()
  .max(2000)
  .regex(WEB_LINK, 'must be an http:// or https:// address');

const optionalLink = z.union([WebLink, z.literal('')]).optional();

export const VendorLinks = z.object({
  statusPage: optionalLink,
  trustPage: optionalLink,
  dpa: optionalLink,
  subprocessors: optionalLink,
  privacyPolicy: optionalLink,
});
export type VendorLinks = z.infer<typeof VendorLinks>;

const shortText = (max: number) => z.string().trim().max(max);

/**
 * Codes ISO 4217 added lately, which an older ICU (Chromium's lags Node's) does not list yet: without
 * them the app's form would refuse a code the CLI takes. Add a code here when ISO adds one.
 */
const RECENT_ISO_CURRENCIES = ['SLE', 'VED', 'XCG', 'ZWG'];

/**
 * The ISO 4217 codes this runtime knows (Intl.supportedValuesOf: standard ECMAScript, in Node and
 * Chromium alike), read once on first use. Where Intl cannot list them, the shape alone is checked.
 */
let isoCurrencies: ReadonlySet<string> | null | undefined;
function knownCurrencies(): ReadonlySet<string> | null {
  if (isoCurrencies === undefined) {
    isoCurrencies =
      typeof Intl.supportedValuesOf === 'function' ? new Set([...Intl.supportedValuesOf('currency'), ...RECENT_ISO_CURRENCIES]) : null;
  }
  return isoCurrencies;
}

/** Whether `code` is an ISO 4217 currency code ("EUR", "USD"; not "XYZ", not "eur"). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (knownCurrencies()?.has(code) ?? true);
}

/**
 * An ISO 4217 currency code (EUR, USD): the profile's fee and the Settings' day rate each carry
 * one. Checked where a value is written (app, API, CLI, import); a register that already holds
 * another code still reads (repositories do not parse with it).
 */
/**
 * Money is kept to the cent: documents print amounts with two decimals, so a third would be a
 * figure the reader never sees yet every sum uses.
 */
export function atMostCents(amount: number): boolean {
  const cents = amount * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}
export const AT_MOST_CENTS = 'must have at most two decimals (cents)';

export const CurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as EUR', abort: true })
  .refine(isCurrencyCode, 'must be an ISO 4217 currency code such as EUR, USD or GBP');

/** Every editable field, without defaults, so a patch never resets what it does not name. */
const vendorFields = {
  name: shortText(200).min(1, 'is required'),
  /** The processor's legal entity as its contract names it ("Acme Cloud GmbH"); the subprocessor list prints it. */
  legalName: shortText(200),
  service: shortText(200),
  category: VendorCategory,
  website: z.union([WebLink, z.literal('')]),
  owner: shortText(200),
  status: VendorStatus,
  criticalPath: z.boolean(),
  businessImpact: BusinessImpact,
  dataCategories: z.array(DataCategory).max(DATA_CATEGORIES.length),
  dataLocations: z.array(shortText(100).min(1)).max(50),
  tenancy: Tenancy,
  /** The fee per costPeriod (the name stays from when every fee was monthly). */
  monthlyCost: z.number().finite().nonnegative('must be 0 or more').max(1e9, 'must be at most 1,000,000,000').refine(atMostCents, AT_MOST_CENTS).nullable(),
  costPeriod: CostPeriod,
  currency: CurrencyCode,
  /** Estimated engineering days to build and run it yourself for a year. */
  buildEffortDays: z.number().finite().nonnegative('must be 0 or more').max(100000, 'must be at most 100,000 engineer-days').nullable(),
  links: VendorLinks,
  notes: shortText(20000),
};

export interface VendorFields {
  name: string;
  legalName: string;
  service: string;
  category: VendorCategory;
  website: string;
  owner: string;
  status: VendorStatus;
  criticalPath: boolean;
  businessImpact: BusinessImpact;
  dataCategories: DataCategory[];
  dataLocations: string[];
  tenancy: Tenancy;
  monthlyCost: number | null;
  costPeriod: CostPeriod;
  currency: string;
  buildEffortDays: number | null;
  links: VendorLinks;
  notes: string;
}

export const VENDOR_DEFAULTS: Omit<VendorFields, 'name'> = {
  legalName: '',
  service: '',
  category: 'other',
  website: '',
  owner: '',
  status: 'proposed',
  criticalPath: false,
  businessImpact: 'medium',
  dataCategories: [],
  dataLocations: [],
  tenancy: 'multi-tenant',
  monthlyCost: null,
  costPeriod: 'month',
  currency: 'EUR',
  buildEffortDays: null,
  links: {},
  notes: '',
};

/** A partial update: only the fields given change; unknown fields are refused. */
export const VendorPatch = z.object(vendorFields).partial().strict();
export type VendorPatch = z.input<typeof VendorPatch>;

/** The fields given, and the default of every field left out. */
export function withVendorDefaults(given: z.output<typeof VendorPatch> & { name: string }): VendorFields {
  return { ...VENDOR_DEFAULTS, ...given, links: { ...given.links } };
}

/** What a person types to create a provider; everything but the name has a default. */
export const VendorInput = VendorPatch.required({ name: true }).transform(withVendorDefaults);
export type VendorInput = z.input<typeof VendorInput>;

export interface Vendor extends VendorFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** Profile categories that are personal data (payment data identifies card and account holders). */
export const PERSONAL_DATA_CATEGORIES: readonly DataCategory[] = ['personal-data', 'special-personal-data', 'payment-data'];

/** Whether a profile lists personal data: the subprocessor list and the profile/answer check read it alike. */
export function processesPersonalData(profile: { dataCategories: readonly DataCategory[] }): boolean {
  return profile.dataCategories.some((c) => PERSONAL_DATA_CATEGORIES.includes(c));
}
