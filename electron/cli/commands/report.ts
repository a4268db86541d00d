import { usageError } from '../cli-error';
import type { Session } from '../session';
import { findVendor, must } from '../session';
import { writeGeneratedFile } from '../write-file';

export async function reportCommand(
  session: Session,
  vendorRef: string | undefined,
  flags: { out?: string; date?: string; 'include-confidential'?: boolean },
): Promise<void> {
  if (!vendorRef || !flags.out) {
    throw usageError('usage: vetted report VENDOR --out FILE.pdf [--include-confidential] [--date YYYY-MM-DD]');
  }
  const vendor = await findVendor(session.api, vendorRef);
  const file = must(
    await session.api['report.vendor']({
      vendorId: vendor.id,
      includeConfidential: flags['include-confidential'] ?? false,
      date: flags.date,
    }),
  );
  writeGeneratedFile(flags.out, file);
}

export async function subprocessorsCommand(session: Session, flags: { out?: string; date?: string }): Promise<void> {
  if (!flags.out) throw usageError('usage: vetted subprocessors --out FILE.pdf [--date YYYY-MM-DD]');
  writeGeneratedFile(flags.out, must(await session.api['report.subprocessors']({ date: flags.date })));
}
