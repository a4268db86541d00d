import { usageError } from '../cli-error';
import type { Session } from '../session';
import { DATE_FLAGS, findVendor, mustNaming } from '../session';
import { writeGeneratedFile } from '../write-file';

export const REPORT_USAGE = 'usage: vetted report VENDOR --out FILE.pdf [--date YYYY-MM-DD] [--draft] [--include-confidential]';
export const SUBPROCESSORS_USAGE = 'usage: vetted subprocessors --out FILE.pdf [--date YYYY-MM-DD] [--include-proposed] [--tiers]';

export async function reportCommand(
  session: Session,
  vendorRef: string | undefined,
  flags: { out?: string; date?: string; draft?: boolean; 'include-confidential'?: boolean },
): Promise<void> {
  if (!vendorRef || !flags.out) throw usageError(REPORT_USAGE);
  const vendor = await findVendor(session.api, vendorRef);
  const file = mustNaming(
    await session.api['report.vendor']({
      vendorId: vendor.id,
      includeConfidential: flags['include-confidential'] ?? false,
      date: flags.date,
      draft: flags.draft ?? false,
    }),
    DATE_FLAGS,
  );
  writeGeneratedFile(flags.out, file);
}

export async function subprocessorsCommand(
  session: Session,
  flags: { out?: string; date?: string; 'include-proposed'?: boolean; tiers?: boolean },
): Promise<void> {
  if (!flags.out) throw usageError(SUBPROCESSORS_USAGE);
  const list = mustNaming(
    await session.api['report.subprocessors']({
      date: flags.date,
      includeProposed: flags['include-proposed'] ?? false,
      includeTiers: flags.tiers ?? false,
    }),
    DATE_FLAGS,
  );
  writeGeneratedFile(flags.out, list);
  // Nobody should build a privacy statement from this list without knowing who is not in it.
  const out = [`Listed: ${list.listed} provider${list.listed === 1 ? '' : 's'}.`];
  if (list.leftOut.length > 0) {
    out.push(`Left out: ${list.leftOut.length}`, ...list.leftOut.map((o) => `  ${o.name}: ${o.words}`));
  }
  process.stdout.write(out.join('\n') + '\n');
}
