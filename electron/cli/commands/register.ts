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
  writeGeneratedFile(flags.out, must(await openSession(flags.db).api['register.export']({})));
}

export async function exportCsvCommand(flags: { db?: string; out?: string }): Promise<void> {
  if (!flags.out) throw usageError('usage: vetted export-csv --out FILE.csv [--db FILE]');
  writeGeneratedFile(flags.out, must(await openSession(flags.db).api['register.exportCsv']({})));
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
  const session = openSession(flags.db);
  const dryRun = flags['dry-run'] ?? false;
  const result = await session.api['register.import']({ text, dryRun });
  if (!result.ok) {
    const { details, message } = result.error;
    // The contract's own size check names its field ("text"); the person named a file.
    throw inputError(`${shown}: ${details?.[0]?.path === 'text' ? details[0].message : message}`);
  }
  process.stdout.write(formatReport(result.value, path.resolve(file), session.dbPath));
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
        row('Settings', report.settings),
      ],
    ),
    '',
  ];
  const n = report.conflicts.length;
  if (n === 0) {
    out.push('No conflicts.');
  } else {
    const noun = n === 1 ? 'conflict' : 'conflicts';
    out.push(report.dryRun ? `${n} ${noun} would be left as they are:` : `${n} ${noun} left as they are:`);
    const kinds = {
      template: 'template', vendor: 'provider', review: 'review', answer: 'answer', window: 'window', blackout: 'blackout',
      incident: 'incident', 'deleted-incident': 'deleted incident', status: 'status page', request: 'questionnaire', setting: 'setting',
    } as const;
    for (const c of report.conflicts) out.push(`  ${kinds[c.kind].padEnd(16)}  ${c.name}: ${c.reason}`);
  }
  return out.join('\n') + '\n';
}
