// The profile form's working copy: strings as typed, turned into a VendorPatch for the shared schema.
import type {
  BusinessImpact,
  CostPeriod,
  DataCategory,
  Tenancy,
  Vendor,
  VendorCategory,
  VendorLinks,
  VendorPatch,
  VendorStatus,
} from '../../../../shared/domain/vendor';

export type LinkKey = keyof VendorLinks;

export const LINK_FIELDS: readonly (readonly [LinkKey, string])[] = [
  ['statusPage', 'Status page'],
  ['trustPage', 'Trust page'],
  ['dpa', 'Data processing agreement (DPA)'],
  ['subprocessors', 'Subprocessor list'],
  ['privacyPolicy', 'Privacy policy'],
];

/** How the period reads beside the fee: "380 EUR per month". */
export const COST_PERIOD_OPTIONS: readonly (readonly [CostPeriod, string])[] = [
  ['month', 'per month'],
  ['year', 'per year'],
];

export interface ProfileDraft {
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
  /** Comma-separated, as typed. */
  dataLocations: string;
  tenancy: Tenancy;
  /** The fee, as typed, per costPeriod. */
  monthlyCost: string;
  costPeriod: CostPeriod;
  currency: string;
  buildEffortDays: string;
  links: Record<LinkKey, string>;
  notes: string;
}

/** Field labels by error path (links.* by link key), for messages such as "Website must be…". */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  legalName: 'Legal name',
  service: 'Service',
  category: 'Category',
  website: 'Website',
  owner: 'Owner',
  status: 'Status',
  criticalPath: 'Critical path',
  businessImpact: 'Business impact',
  dataCategories: 'Data categories',
  dataLocations: 'Data locations',
  tenancy: 'Tenancy',
  monthlyCost: 'Fee',
  costPeriod: 'Fee period',
  currency: 'Currency',
  buildEffortDays: 'Build effort',
  notes: 'Notes',
  ...Object.fromEntries(LINK_FIELDS.map(([key, label]) => [`links.${key}`, label])),
};

export function draftFromVendor(v: Vendor): ProfileDraft {
  return {
    name: v.name,
    legalName: v.legalName,
    service: v.service,
    category: v.category,
    website: v.website,
    owner: v.owner,
    status: v.status,
    criticalPath: v.criticalPath,
    businessImpact: v.businessImpact,
    dataCategories: [...v.dataCategories],
    dataLocations: v.dataLocations.join(', '),
    tenancy: v.tenancy,
    monthlyCost: v.monthlyCost === null ? '' : String(v.monthlyCost),
    costPeriod: v.costPeriod,
    currency: v.currency,
    buildEffortDays: v.buildEffortDays === null ? '' : String(v.buildEffortDays),
    links: {
      statusPage: v.links.statusPage ?? '',
      trustPage: v.links.trustPage ?? '',
      dpa: v.links.dpa ?? '',
      subprocessors: v.links.subprocessors ?? '',
      privacyPolicy: v.links.privacyPolicy ?? '',
    },
    notes: v.notes,
  };
}

/** "1450", "1450.50", "1,5" → number; "" → null; anything else → undefined (not a number). */
export function parseAmount(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** The whole draft as a patch (numbers that are not numbers are reported, not sent). */
export function patchFromDraft(d: ProfileDraft): { patch: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const monthlyCost = parseAmount(d.monthlyCost);
  const buildEffortDays = parseAmount(d.buildEffortDays);
  if (monthlyCost === undefined) errors.monthlyCost = 'Fee must be a number such as 1450 or 99.50';
  if (buildEffortDays === undefined) errors.buildEffortDays = 'Build effort must be a number of days such as 40';
  const patch: Record<string, unknown> = {
    name: d.name,
    legalName: d.legalName,
    service: d.service,
    category: d.category,
    website: d.website.trim(),
    owner: d.owner,
    status: d.status,
    criticalPath: d.criticalPath,
    businessImpact: d.businessImpact,
    dataCategories: d.dataCategories,
    dataLocations: d.dataLocations
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    tenancy: d.tenancy,
    monthlyCost: monthlyCost ?? null,
    costPeriod: d.costPeriod,
    currency: d.currency.trim().toUpperCase(),
    buildEffortDays: buildEffortDays ?? null,
    links: Object.fromEntries(LINK_FIELDS.map(([key]) => [key, d.links[key].trim()])),
    notes: d.notes,
  };
  return { patch, errors };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that differ from what is stored, so a save never overwrites other changes. */
export function changedFields(parsed: VendorPatch, vendor: Vendor): VendorPatch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'links') {
      const stored = vendor.links as Record<string, string | undefined>;
      const given = value as Record<string, string | undefined>;
      const differs = LINK_FIELDS.some(([k]) => (given[k] ?? '') !== (stored[k] ?? ''));
      if (differs) out.links = value;
    } else if (!same(value, (vendor as unknown as Record<string, unknown>)[key])) {
      out[key] = value;
    }
  }
  return out as VendorPatch;
}

/** The form field an error path belongs to: "dataLocations.2" → "dataLocations". */
export function fieldOfPath(path: string): string {
  const [head, second] = path.split('.');
  return head === 'links' && second ? `links.${second}` : head!;
}

/**
 * The form after a save: a field edited since the draft was sent keeps what was typed; every other
 * field shows what is stored now (the fields sent, as stored: trimmed, normalised).
 */
export function mergeSaved(current: ProfileDraft, sent: ProfileDraft, saved: ProfileDraft): ProfileDraft {
  const next: Record<string, unknown> = {};
  // In the order of `saved`: the form compares drafts as JSON.
  for (const key of Object.keys(saved) as (keyof ProfileDraft)[]) {
    if (key === 'links') {
      const links = {} as Record<LinkKey, string>;
      for (const [k] of LINK_FIELDS) links[k] = current.links[k] === sent.links[k] ? saved.links[k] : current.links[k];
      next.links = links;
    } else {
      next[key] = same(current[key], sent[key]) ? saved[key] : current[key];
    }
  }
  return next as unknown as ProfileDraft;
}
