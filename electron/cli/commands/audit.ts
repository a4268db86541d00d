// `vetted audit export [VENDOR] [--out FILE]`: the audit trail as CSV, to a file or to stdout.
import { parse } from '../args';
import { usageError } from '../cli-error';
import { findVendor, must, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';

export const AUDIT_USAGE = 'usage: vetted audit export [VENDOR] [--out FILE.csv]';

export async function auditCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'export') throw usageError(AUDIT_USAGE);
  const { values, positionals } = parse(rest, { out: { type: 'string' } });
  if (positionals.length > 1) throw usageError(AUDIT_USAGE);
  const { api } = openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const file = must(await api['audit.export']({ vendorId: vendor?.id }));
  if (values.out) writeGeneratedFile(values.out, file);
  else process.stdout.write(Buffer.from(file.base64, 'base64'));
}
