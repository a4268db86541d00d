// `vetted audit export [VENDOR] [--out FILE]`: the audit trail as CSV, to a file or to stdout.
// `vetted audit verify [--json]`: recomputes the trail's hash chain; exit 65 when it is broken.
import { auditChainLine, type AuditChainCheck } from '../../../shared/domain/audit';
import { parse } from '../args';
import { EXIT, usageError } from '../cli-error';
import { findVendor, must, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';

export const AUDIT_USAGE = 'usage: vetted audit export [VENDOR] [--out FILE.csv] | vetted audit verify [--json]';

/** Runs an audit subcommand; returns the exit code. */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return auditExport(rest);
  if (sub === 'verify') return auditVerify(rest);
  throw usageError(AUDIT_USAGE);
}

async function auditExport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length > 1) throw usageError(AUDIT_USAGE);
  const { api } = await openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const file = must(await api['audit.export']({ vendorId: vendor?.id }));
  if (values.out) writeGeneratedFile(values.out, file);
  else process.stdout.write(Buffer.from(file.base64, 'base64'));
  return EXIT.ok;
}

async function auditVerify(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw usageError(AUDIT_USAGE);
  const { api } = await openSession(values.db);
  const check = must(await api['audit.verify']({}));
  process.stdout.write(values.json ? `${JSON.stringify(check, null, 2)}\n` : verifyText(check));
  // A script tells a broken chain (65) from bad input (2) and from busy (75).
  return check.ok ? EXIT.ok : EXIT.auditBroken;
}

function verifyText(check: AuditChainCheck): string {
  const lines: string[] = [];
  if (check.ok) {
    lines.push(`${check.rows} audit ${check.rows === 1 ? 'entry' : 'entries'} checked: the chain is intact.`);
    lines.push(check.head ? `Chain head: entry ${check.head.id}, ${check.head.hash}` : 'The trail is empty.');
  }
  if (check.imported > 0) {
    // The chain proves they were not changed here since they came in, not that the exporter's record was true.
    lines.push(`${check.imported} of them came in with register imports: each names the export it came from, and they are that register's record, not this one's.`);
  }
  if (!check.ok) {
    const broken = check.firstBroken!;
    lines.push(auditChainLine(check));
    lines.push(`First broken entry: ${broken.id}, written ${broken.at} (${broken.kind}).`);
    lines.push(check.head ? `Last entry that verified: ${check.head.id}, ${check.head.hash}` : 'No entry before it verified.');
  }
  return `${lines.join('\n')}\n`;
}
