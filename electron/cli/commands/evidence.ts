// `vetted evidence add|list|save`: documents that back a review (SOC 2 reports, certificates…),
// stored inside the register with their SHA-256 and checked against it when saved back.
import fs from 'node:fs';
import path from 'node:path';
import { EVIDENCE_KINDS, MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence';
import { EVIDENCE_KIND_LABELS, EVIDENCE_STATE_LABELS, labelOf } from '../../../shared/domain/labels';
import { byIdOrPrefix, choiceFlag, parse, shortId } from '../args';
import { dateFlag } from '../date-flag';
import { inputError, usageError } from '../cli-error';
import { readInputFile } from '../input-file';
import { table } from '../format';
import { findVendor, must, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';

export const EVIDENCE_USAGE = [
  `usage: vetted evidence add VENDOR FILE --kind ${EVIDENCE_KINDS.join('|')} [--title T] [--issued YYYY-MM-DD] [--expires YYYY-MM-DD] [--notes T] [--confidential]`,
  '       vetted evidence list [VENDOR] [--json]',
  '       vetted evidence save ID OUT',
].join('\n');

const MB = 1024 * 1024;

/** The file's bytes, or a one-line error naming it: missing, not a file, unreadable, too big or empty. */
export function readEvidenceFile(file: string): Buffer {
  const bytes = readInputFile(file, MAX_EVIDENCE_BYTES, (mb) => `the file is ${mb} MB; evidence files are at most ${MAX_EVIDENCE_BYTES / MB} MB`);
  if (bytes.length === 0) throw inputError(`${file}: the file is empty`);
  return bytes;
}

export async function evidenceCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return evidenceAdd(rest);
  if (sub === 'list') return evidenceList(rest);
  if (sub === 'save') return evidenceSave(rest);
  throw usageError(EVIDENCE_USAGE);
}

async function evidenceAdd(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    kind: { type: 'string' }, title: { type: 'string' }, issued: { type: 'string' }, expires: { type: 'string' }, notes: { type: 'string' },
    confidential: { type: 'boolean' },
  });
  if (positionals.length !== 2 || values.kind === undefined) throw usageError(EVIDENCE_USAGE);
  const [vendorRef, file] = positionals as [string, string];
  // Every flag is checked before the file is read or the register opened: a mistake stores nothing.
  const kind = choiceFlag('kind', values.kind, EVIDENCE_KINDS);
  const issuedOn = dateFlag('issued', values.issued);
  const expiresOn = dateFlag('expires', values.expires);
  const bytes = readEvidenceFile(file);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, vendorRef);
  const added = must(
    await api['evidence.add']({
      vendorId: vendor.id, kind, fileName: path.basename(file), base64: bytes.toString('base64'),
      title: values.title, issuedOn, expiresOn, notes: values.notes, confidential: values.confidential,
    }),
  );
  process.stdout.write(
    `Stored ${added.fileName} (${Math.ceil(added.bytes / 1024)} KB, SHA-256 ${added.sha256}) for ${vendor.name} as ` +
      `${labelOf(EVIDENCE_KIND_LABELS, added.kind)}; id ${shortId(added.id)}.\n`,
  );
}

async function evidenceList(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 1) throw usageError(EVIDENCE_USAGE);
  const { api } = await openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const evidence = must(await api['evidence.list']({ vendorId: vendor?.id }));
  if (values.json) {
    process.stdout.write(JSON.stringify(evidence, null, 2) + '\n');
    return;
  }
  if (evidence.length === 0) {
    process.stdout.write(`No evidence stored${vendor ? ` for ${vendor.name}` : ''}.\n`);
    return;
  }
  process.stdout.write(
    table(
      ['ID', 'Provider', 'Kind', 'Document', 'Issued', 'Expires', 'State', 'SHA-256'],
      evidence.map((e) => [
        shortId(e.id),
        e.vendorName,
        labelOf(EVIDENCE_KIND_LABELS, e.kind),
        e.title ? `${e.title} (${e.fileName})` : e.fileName,
        e.issuedOn ?? '-',
        e.expiresOn ?? '-',
        labelOf(EVIDENCE_STATE_LABELS, e.state).toLowerCase(),
        e.sha256.slice(0, 12),
      ]),
    ) + '\n',
  );
}

async function evidenceSave(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 2) throw usageError(EVIDENCE_USAGE);
  const [ref, out] = positionals as [string, string];
  const { api } = await openSession(values.db);
  const evidence = byIdOrPrefix(must(await api['evidence.list']({})), ref, 'evidence', 'vetted evidence list');
  // evidence.file refuses a stored copy whose bytes no longer match the SHA-256 recorded at upload.
  const file = must(await api['evidence.file']({ id: evidence.id }));
  const target = isDirectory(out) ? path.join(out, file.fileName) : out;
  writeGeneratedFile(target, file);
  process.stdout.write(`SHA-256 checked: ${evidence.sha256}\n`);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
