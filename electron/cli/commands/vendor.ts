import { COST_PERIODS, type VendorInput } from '../../../shared/domain/vendor';
import { choiceFlag } from '../args';
import { usageError } from '../cli-error';
import type { Session } from '../session';
import { must } from '../session';

export interface VendorAddFlags {
  'legal-name'?: string;
  category?: string;
  service?: string;
  owner?: string;
  status?: string;
  website?: string;
  'critical-path'?: boolean;
  impact?: string;
  data?: string;
  locations?: string;
  tenancy?: string;
  cost?: string;
  'cost-period'?: string;
  currency?: string;
}

const list = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));

/** Flags map one-to-one onto VendorInput; the API validates and names the field at fault. */
export async function vendorAddCommand(session: Session, name: string | undefined, flags: VendorAddFlags): Promise<void> {
  if (!name) throw usageError('usage: vetted vendor add NAME [--category C] [--service S] …');
  const input: Record<string, unknown> = {
    name,
    legalName: flags['legal-name'],
    category: flags.category,
    service: flags.service,
    owner: flags.owner,
    status: flags.status,
    website: flags.website,
    criticalPath: flags['critical-path'],
    businessImpact: flags.impact,
    dataCategories: list(flags.data),
    dataLocations: list(flags.locations),
    tenancy: flags.tenancy,
    monthlyCost: flags.cost === undefined ? undefined : Number(flags.cost),
    costPeriod: flags['cost-period'] === undefined ? undefined : choiceFlag('cost-period', flags['cost-period'], COST_PERIODS),
    currency: flags.currency,
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const vendor = must(await session.api['vendor.create'](input as VendorInput));
  process.stdout.write(`Added ${vendor.name} (${vendor.id})\n`);
}
