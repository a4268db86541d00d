import type { InputOf } from '../../../shared/api';
import { COST_PERIODS } from '../../../shared/domain/vendor';
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
  template?: string;
}

const list = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));

/**
 * Flags map one-to-one onto vendor.create's input; the API validates and names the field at fault.
 * --template starts the first review on that template (an unknown id creates nothing).
 */
export async function vendorAddCommand(session: Session, name: string | undefined, flags: VendorAddFlags): Promise<void> {
  if (!name) throw usageError('usage: vetted vendor add NAME [--category C] [--service S] … [--template ID]');
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
    templateId: flags.template,
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const vendor = must(await session.api['vendor.create'](input as InputOf<'vendor.create'>));
  if (flags.template === undefined) {
    process.stdout.write(`Added ${vendor.name} (${vendor.id})\n`);
    return;
  }
  // vendor.create started the first review on the template, in the same transaction.
  const review = must(await session.api['review.current']({ vendorId: vendor.id }));
  const on = review ? ` on “${review.template.name}” (${review.template.id} v${review.template.version})` : '';
  process.stdout.write(`Added ${vendor.name} (${vendor.id}); its first review starts${on}\n`);
}
