// `vetted template import|list|export`: questionnaire templates in and out of the register.
import path from 'node:path';
import { describeTemplateChanges } from '../../../shared/templates/diff';
import { detectTemplateFormat } from '../../../shared/templates/format';
import { wholeNumberFlag } from '../args';
import { readInputFile } from '../input-file';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import type { Session } from '../session';
import { must } from '../session';
import { writeGeneratedFile } from '../write-file';

/** Files above this are refused before they are read. */
export const MAX_TEMPLATE_FILE_BYTES = 10 * 1024 * 1024;
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,120}$/;

export const TEMPLATE_IMPORT_USAGE = 'usage: vetted template import FILE [--id ID] [--extension FILE …] [--version N] [--db FILE]';
export const TEMPLATE_EXPORT_USAGE = 'usage: vetted template export ID [--version N] --out FILE.json [--db FILE]';

/** Reads a template file, refusing a missing, unreadable or too large one (one line naming it). */
export function readTemplateFile(file: string): string {
  const limit = MAX_TEMPLATE_FILE_BYTES / 1024 / 1024;
  return readInputFile(file, MAX_TEMPLATE_FILE_BYTES, (mb) => `$: the file is ${mb} MB; templates larger than ${limit} MB are refused`).toString('utf8');
}

/** Messages from the file's text may hold line breaks; the CLI prints one line each. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** vsaq-<file stem>, made a valid template id. */
export function defaultVsaqId(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]*$/, '');
  const cleaned = stem.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `vsaq-${cleaned || 'template'}`.slice(0, 120);
}

export async function templateImportCommand(
  openSession: () => Promise<Session>,
  file: string | undefined,
  flags: { id?: string; extension?: string[]; version?: string },
): Promise<void> {
  if (!file) throw usageError(TEMPLATE_IMPORT_USAGE);
  if (flags.id !== undefined && !ID_PATTERN.test(flags.id)) {
    throw inputError('--id: may contain only letters, digits, "_", "-" and "." (1 to 120 characters)');
  }
  const version = wholeNumberFlag('version', flags.version, 1, 1_000_000);
  // Read (and size-check) every file before the register is opened, so a bad file changes nothing.
  const text = readTemplateFile(file);
  const extensionFiles = flags.extension ?? [];
  const extensions = extensionFiles.map(readTemplateFile);
  const format = detectTemplateFormat(text);
  if (format === 'vetted' && extensionFiles.length > 0) {
    throw inputError(`${file}: --extension only applies to a VSAQ template, and this is a Vetted template file`);
  }
  const id = flags.id ?? (format === 'vsaq' ? defaultVsaqId(file) : undefined);

  const session = await openSession();
  const result = await session.api['template.import']({ text, format, id, extensions: format === 'vsaq' ? extensions : undefined, version });
  if (!result.ok) {
    const detail = result.error.details?.[0];
    if (result.error.code === 'validation' && detail?.path === 'version') throw inputError(`--version: ${oneLine(detail.message)}`);
    if (result.error.code === 'validation' && detail) {
      // "$.path: problem" from the importer; a size limit from the contract has no path of its own.
      const message = oneLine(detail.message.startsWith('$') ? detail.message : `$: ${detail.message}`);
      if (detail.path === 'text') throw inputError(`${file}: ${message}`);
      const ext = /^extensions\.(\d+)/.exec(detail.path);
      if (ext && extensionFiles[Number(ext[1])] !== undefined) throw inputError(`${extensionFiles[Number(ext[1])]}: ${message}`);
    }
    throw inputError(`${file}: ${oneLine(result.error.message)}`);
  }
  const { template, added, warnings, changes } = result.value;
  for (const warning of warnings) process.stderr.write(`vetted: warning: ${oneLine(warning)}\n`);
  const what = `${template.id} v${template.version} “${template.name}” (${template.sections} sections, ${template.questions} questions)`;
  if (!added) {
    process.stdout.write(`Already in the register, unchanged: ${what}\n`);
    return;
  }
  process.stdout.write(`Imported ${what}\n`);
  if (changes) {
    process.stdout.write(`Changes from v${changes.fromVersion}:\n`);
    for (const line of describeTemplateChanges(changes)) process.stdout.write(`  ${line}\n`);
    process.stdout.write(
      `New reviews use v${template.version}; reviews already started keep their version. Move an open one with \`vetted review migrate VENDOR\` (in the app: “Move to version ${template.version}”).\n`,
    );
  }
}

export async function templateListCommand(session: Session, json: boolean): Promise<void> {
  const templates = must(await session.api['template.list']({}));
  if (json) {
    process.stdout.write(JSON.stringify(templates, null, 2) + '\n');
    return;
  }
  process.stdout.write(
    table(
      ['Id', 'Version', 'Name', 'Sections', 'Questions', 'Built in'],
      templates.map((t) => [t.id, String(t.version), t.name, String(t.sections), String(t.questions), t.builtIn ? 'yes' : 'no']),
    ) + '\n',
  );
}

export async function templateExportCommand(
  // Opened only once the arguments are known to be sound: a usage error never touches a register.
  openSession: () => Promise<Session>,
  id: string | undefined,
  flags: { version?: string; out?: string },
): Promise<void> {
  if (!id || !flags.out) throw usageError(TEMPLATE_EXPORT_USAGE);
  let version: number | undefined;
  if (flags.version !== undefined) {
    if (!/^[1-9][0-9]{0,8}$/.test(flags.version)) throw usageError(`--version must be a whole number from 1 (${TEMPLATE_EXPORT_USAGE})`);
    version = Number(flags.version);
  }
  writeGeneratedFile(flags.out, must(await (await openSession()).api['template.export']({ id, version })));
}
