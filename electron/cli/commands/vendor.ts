// `vetted vendor add NAME [flags]` adds a provider; `vetted vendor set VENDOR [flags]` changes only
// the profile fields its flags name, through vendor.update: the app's own edit, checked by the same
// schema and audited the same way (the trail names the user in Settings, old → new).
import type { InputOf } from '../../../shared/api';
import { buildEffortText, feeText } from '../../../shared/domain/cost';
import type { Vendor } from '../../../shared/domain/vendor';
import { parse } from '../args';
import { usageError } from '../cli-error';
import type { Session } from '../session';
import { findVendor, must, openSession } from '../session';
import { valueText } from './history';
import { flagNameOf, mustWithFlags, patchFromFlags, PROFILE_FLAG_OPTIONS, type ProfileFlags } from './vendor-flags';

export const VENDOR_USAGE = [
  'usage: vetted vendor add NAME [--legal-name L] [--cost N --currency C [--cost-period month|year]] [--build-days N] … [--template ID]',
  '       vetted vendor set VENDOR [--name N] [--legal-name L] [--cost N [--currency C] [--cost-period month|year]] [--build-days N]',
  '                                [--status S] [--service S] [--locations A,B] [--data D,D] [--website URL] [--dpa URL] …',
  '       (see: vetted --help)',
].join('\n');

export type VendorAddFlags = ProfileFlags & { template?: string };

export async function vendorCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') {
    const { values, positionals } = parse(rest, { ...PROFILE_FLAG_OPTIONS, template: { type: 'string' } });
    if (positionals.length !== 1) throw usageError(VENDOR_USAGE);
    // Every flag is read before the register is opened: a bad one creates no register either.
    const patch = patchFromFlags(values);
    return vendorAddCommand(await openSession(values.db), positionals[0]!, values, patch);
  }
  if (sub === 'set') {
    const { values, positionals } = parse(rest, { ...PROFILE_FLAG_OPTIONS, name: { type: 'string' }, 'no-critical-path': { type: 'boolean' } });
    if (positionals.length !== 1) throw usageError(VENDOR_USAGE);
    return vendorSetCommand(await openSession(values.db), positionals[0]!, values);
  }
  throw usageError(VENDOR_USAGE);
}

/**
 * Flags map one-to-one onto vendor.create's input; the API validates and the flag at fault is named.
 * --template starts the first review on that template (an unknown id creates nothing).
 */
async function vendorAddCommand(session: Session, name: string, flags: VendorAddFlags, patch: ReturnType<typeof patchFromFlags>): Promise<void> {
  const input = { ...patch, name, ...(flags.template === undefined ? {} : { templateId: flags.template }) };
  const vendor = mustWithFlags(await session.api['vendor.create'](input as InputOf<'vendor.create'>), flags);
  if (flags.template === undefined) {
    process.stdout.write(`Added ${vendor.name} (${vendor.id})\n`);
    return;
  }
  // vendor.create started the first review on the template, in the same transaction.
  const review = must(await session.api['review.current']({ vendorId: vendor.id }));
  const on = review ? ` on “${review.template.name}” (${review.template.id} v${review.template.version})` : '';
  process.stdout.write(`Added ${vendor.name} (${vendor.id}); its first review starts${on}\n`);
}

/**
 * The profile as `vendor set` reports it, by flag name: the fee (amount, currency, period) and the
 * build effort in words, as the provider page says them.
 */
function shownFields(v: Vendor): Record<string, string> {
  const { id: _id, createdAt: _created, updatedAt: _updated, monthlyCost: _fee, costPeriod: _period, currency: _currency, buildEffortDays: _days, links, ...rest } = v;
  const shown: Record<string, string> = {};
  for (const [field, value] of Object.entries(rest)) shown[flagNameOf(field)] = valueText(value);
  for (const [field, value] of Object.entries(links)) shown[flagNameOf(`links.${field}`)] = valueText(value ?? '');
  shown.fee = feeText(v) ?? '(none)';
  shown['build effort'] = buildEffortText(v) ?? '(none)';
  return shown;
}

async function vendorSetCommand(session: Session, ref: string, flags: ProfileFlags): Promise<void> {
  const { api } = session;
  const before = must(await api['vendor.get']({ id: (await findVendor(api, ref)).id }));
  const patch = patchFromFlags(flags, { amount: before.monthlyCost, currency: before.currency });
  if (Object.keys(patch).length === 0) throw usageError(`vendor set: say what to change, e.g. --legal-name "Acme Cloud GmbH" or --build-days 45\n${VENDOR_USAGE}`);
  const after = mustWithFlags(await api['vendor.update']({ id: before.id, patch }), flags);
  const [was, now] = [shownFields(before), shownFields(after)];
  const changes = Object.keys(now).filter((field) => was[field] !== now[field]);
  const out = [changes.length === 0 ? `${after.name}: nothing changed (the profile already says so).` : `Updated ${after.name}:`];
  for (const field of changes) out.push(`  ${field}: ${was[field] ?? '(none)'} → ${now[field]}`);
  process.stdout.write(out.join('\n') + '\n');
}
