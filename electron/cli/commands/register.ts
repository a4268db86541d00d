// `vetted export`, `vetted import` and `vetted export-csv`: the register exchange format
// (docs/formats.md) and the one-row-per-provider CSV, over the same API the app uses.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import { must, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';

/** Files over this are refused before a byte is read. */
export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;

const MB = 1024 * 1024;

export async function exportCommand(flags: { db?: string; out?: string }): Promise<void> {
  if (!flags.out) throw usageError('usage: vetted export --out FILE.json [--db FILE]');
  const file = must(await (await openSession(flags.db)).api['register.export']({}));
  writeGeneratedFile(flags.out, file);
  process.stdout.write(exportSummary(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as ExportCounts));
}

interface ExportCounts {
  vendors: unknown[];
  reviews: { snapshot: unknown }[];
  answers: { commentConfidential?: boolean }[];
  reviewSteps: unknown[];
  findings: unknown[];
  acceptances: unknown[];
  evidence: { content?: string }[];
  auditTrail: unknown[];
  confidential: { registerId: string; source: string } | null;
}

/** What the file carries, so a person sees the lifecycle went along (and what stayed behind). */
export function exportSummary(data: ExportCounts): string {
  const n = (list: unknown[], one: string, many = `${one}s`) => `${list.length} ${list.length === 1 ? one : many}`;
  const frozen = data.reviews.filter((r) => r.snapshot !== null);
  const files = data.evidence.filter((e) => e.content !== undefined);
  const lines = [
    `It holds ${n(data.vendors, 'provider')}, ${n(data.reviews, 'review')} (${frozen.length} decided, frozen at the decision), ${n(data.reviewSteps, 'sign-off step')}, ` +
      `${n(data.findings, 'finding')}, ${n(data.acceptances, 'risk acceptance')}, ${n(data.evidence, 'evidence record')} (${files.length} with the file) ` +
      `and ${n(data.auditTrail, 'audit trail entry', 'audit trail entries')}.`,
  ];
  if (files.length < data.evidence.length) lines.push(`${data.evidence.length - files.length} evidence files were left out (see the warning above): only their SHA-256 travels.`);
  const sealed = data.answers.filter((a) => a.commentConfidential).length;
  if (data.confidential) {
    lines.push(
      `Confidential values travel sealed (${sealed} confidential ${sealed === 1 ? 'comment' : 'comments'}), with the key's id ${data.confidential.registerId} and its salt: ` +
        `they open with the same ${data.confidential.source === 'passphrase' ? 'passphrase' : data.confidential.source === 'key-file' ? 'key file' : 'keychain key'}. The key itself is not in the file.`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function exportCsvCommand(flags: { db?: string; out?: string }): Promise<void> {
  if (!flags.out) throw usageError('usage: vetted export-csv --out FILE.csv [--db FILE]');
  writeGeneratedFile(flags.out, must(await (await openSession(flags.db)).api['register.exportCsv']({})));
}

/** Reads the file (refusing a missing or oversized one first), then imports or dry-runs it. */
export async function importCommand(file: string | undefined, flags: { db?: string; 'dry-run'?: boolean }): Promise<void> {
  if (!file) throw usageError('usage: vetted import FILE.json [--dry-run] [--db FILE]');
  const shown = file;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`${shown}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (!stat.isFile()) throw inputError(`${shown}: not a file`);
  if (stat.size > MAX_IMPORT_FILE_BYTES) {
    throw inputError(`${shown}: the file is ${Math.ceil(stat.size / MB)} MB; an import reads at most ${MAX_IMPORT_FILE_BYTES / MB} MB`);
  }
  const text = fs.readFileSync(file, 'utf8');
  const session = await openSession(flags.db);
  const dryRun = flags['dry-run'] ?? false;
  const result = await session.api['register.import']({ text, dryRun });
  if (!result.ok) {
    const { details, message } = result.error;
    // The contract's own size check names its field ("text"); the person named a file.
    throw inputError(`${shown}: ${details?.[0]?.path === 'text' ? details[0].message : message}`);
  }
  process.stdout.write(formatReport(result.value, path.resolve(file), session.dbPath));
}

/** What the file's audit trail was checked against, and how its entries are marked. */
function trailLine(report: ImportReport): string {
  const checked =
    report.auditTrailHead === 'matches'
      ? "The file's audit trail ends at the chain head the file states"
      : "The file states no audit chain head, so its audit trail could not be checked against one";
  const verb = report.dryRun ? 'would be' : 'are';
  return `${checked}; the entries it brings ${verb} marked as imported from that export, and the import itself ${report.dryRun ? 'would be' : 'is'} an entry of its own.`;
}

export function formatReport(report: ImportReport, file: string, dbPath: string): string {
  const row = (label: string, c: ImportReport['vendors']) => [label, String(c.added), String(c.updated), String(c.unchanged), String(c.conflicts)];
  const out: string[] = [
    report.dryRun ? `Dry run: nothing was written. Importing ${file} into ${dbPath} would give:` : `Imported ${file} into ${dbPath}:`,
    '',
    table(
      ['', 'Added', 'Updated', 'Unchanged', 'Conflicts'],
      [
        row('Templates', report.templates),
        row('Providers', report.vendors),
        row('Reviews', report.reviews),
        row('Answers', report.answers),
        row('Maintenance windows', report.windows),
        row('Blackout periods', report.blackouts),
        row('Incidents', report.incidents),
        row('Deleted incidents', report.deletedIncidents),
        row('Status page settings', report.statusSettings),
        row('Questionnaires sent', report.questionnaireRequests),
        row('Fourth parties', report.upstreams),
        row('Settings', report.settings),
        row('Sign-off steps', report.reviewSteps),
        row('Findings', report.findings),
        row('Risk acceptances', report.acceptances),
        row('Evidence', report.evidence),
        row('Audit trail entries', report.auditTrail),
      ],
    ),
    '',
  ];
  const c = report.confidential;
  if (c.key !== 'none' || c.opened + c.resealed + c.locked + c.keptOut > 0) out.push(confidentialLine(report), '');
  if (report.evidenceFilesMissing > 0) {
    out.push(`${report.evidenceFilesMissing} evidence ${report.evidenceFilesMissing === 1 ? 'record' : 'records'} arrived without ${report.evidenceFilesMissing === 1 ? 'its file' : 'their files'} (left out of the export) and ${report.dryRun ? 'would not be' : 'were not'} imported.`, '');
  }
  out.push(trailLine(report), '');
  const n = report.conflicts.length;
  if (n === 0) {
    out.push('No conflicts.');
  } else {
    const noun = n === 1 ? 'conflict' : 'conflicts';
    out.push(report.dryRun ? `${n} ${noun} would be left as they are:` : `${n} ${noun} left as they are:`);
    const kinds = {
      template: 'template', vendor: 'provider', review: 'review', answer: 'answer', window: 'window', blackout: 'blackout',
      incident: 'incident', 'deleted-incident': 'deleted incident', status: 'status page', request: 'questionnaire', upstream: 'fourth party', setting: 'setting',
      step: 'sign-off step', finding: 'finding', acceptance: 'risk acceptance', evidence: 'evidence', audit: 'audit entry', confidential: 'confidential',
    } as const;
    for (const c of report.conflicts) out.push(`  ${kinds[c.kind].padEnd(16)}  ${c.name}: ${c.reason}`);
  }
  return out.join('\n') + '\n';
}

/** How the file's sealed values fared, in one line. */
function confidentialLine(report: ImportReport): string {
  const c = report.confidential;
  const key = {
    none: 'The file names no data key.',
    adopted: 'This register had no data key and now uses the file\'s (the same key file or passphrase opens it).',
    same: 'The file was sealed with this register\'s own data key.',
    other: 'The file was sealed with another register\'s data key.',
  }[c.key];
  const parts = [`${c.opened} open with this session's key`];
  if (c.resealed > 0) parts.push(`${c.resealed} sealed again for this register`);
  if (c.locked > 0) parts.push(`${c.locked} imported sealed but cannot be opened in this session`);
  if (c.keptOut > 0) parts.push(`${c.keptOut} left out (they cannot be opened)`);
  return `Confidential values: ${key} ${parts.join(', ')}.`;
}
