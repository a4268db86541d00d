import path from 'node:path';
import { usageError } from '../cli-error';
import type { Session } from '../session';
import { DATE_FLAGS, findVendors, mustNaming } from '../session';
import { writeGeneratedFile } from '../write-file';

const USAGE = 'usage: vetted compare VENDOR VENDOR [...] --out FILE.pdf|FILE.csv [--differences-only] [--date YYYY-MM-DD] [--draft]';

export async function compareCommand(
  session: Session,
  vendorRefs: string[],
  flags: { out?: string; 'differences-only'?: boolean; date?: string; draft?: boolean },
): Promise<void> {
  if (vendorRefs.length < 2 || !flags.out) throw usageError(USAGE);
  const extension = path.extname(flags.out).toLowerCase();
  if (extension !== '.pdf' && extension !== '.csv') throw usageError(`--out must end in .pdf or .csv (${USAGE})`);
  const vendorIds = (await findVendors(session.api, vendorRefs)).map((v) => v.id);
  const file = mustNaming(
    await session.api['compare.export']({
      vendorIds,
      format: extension === '.pdf' ? 'pdf' : 'csv',
      differencesOnly: flags['differences-only'] ?? false,
      date: flags.date,
      draft: flags.draft ?? false,
    }),
    DATE_FLAGS,
  );
  writeGeneratedFile(flags.out, file);
}
