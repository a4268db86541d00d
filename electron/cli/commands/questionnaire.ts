// `vetted send|receive|requests`: the provider answers the questionnaire itself. `send` writes one
// self-contained HTML page to e-mail them; `receive` reads the answers file they send back, shows
// it against the open review and takes what the user accepts; `requests` lists what was sent.
import path from 'node:path';
import { contract } from '../../../shared/api';
import { MAX_ANSWERS_FILE_CHARS, type QuestionnaireRequestView } from '../../../shared/domain/vendor-exchange';
import type { ApiError } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import { parse } from '../args';
import { dateFlag } from '../date-flag';
import { EXIT, inputError, usageError } from '../cli-error';
import { table } from '../format';
import { readInputFile } from '../input-file';
import { findVendor, must, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';
import { receiptLines } from './questionnaire-receipt';
import { when } from './history';

export const SEND_USAGE = 'usage: vetted send VENDOR --out FILE.html [--contact "Name <email>"] [--due YYYY-MM-DD] [--prefill]';
export const RECEIVE_USAGE = 'usage: vetted receive FILE.json [--dry-run] [--accept all|none|ID,ID…] [--provider VENDOR] [--move-to-current] [--expect-sha256 HEX] [--verbose]';
export const REQUESTS_USAGE = 'usage: vetted requests [VENDOR] [--json]';

const MB = 1024 * 1024;
/** The problems of a refused file listed at most (one run shows what to fix). */
const MAX_LISTED = 20;

/** The flag each field of the receive input is given by. */
const RECEIVE_FLAGS: Record<string, string> = { vendorId: 'provider', accept: 'accept', dryRun: 'dry-run', expectSha256: 'expect-sha256' };

/** The flag each field of the send input is given by. */
const SEND_FLAGS: Record<string, string> = { contact: 'contact', due: 'due', prefill: 'prefill' };

export async function sendCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' }, contact: { type: 'string' }, due: { type: 'string' }, prefill: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw usageError(SEND_USAGE);
  if (!values.out) throw usageError(`--out is required\n${SEND_USAGE}`);
  const input = { contact: values.contact, due: dateFlag('due', values.due), prefill: values.prefill };
  // The contract's own check before the register is opened: its first complaint, named by its flag.
  const checked = contract['questionnaire.send'].input.safeParse({ vendorId: 'checked-below', ...input });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const flag = SEND_FLAGS[String(issue.path[0])] ?? String(issue.path[0]);
    throw inputError(`--${flag}: ${describeIssues([issue])[0]!.message}`);
  }

  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const sent = must(await api['questionnaire.send']({ vendorId: vendor.id, ...input }));
  const target = writeGeneratedFile(values.out, sent);
  const { request } = sent;
  const template = must(await api['template.list']({})).find((t) => t.id === request.templateId && t.version === request.templateVersion);
  process.stdout.write(
    [
      `Questionnaire for ${vendor.name}`,
      `  Request   ${request.id}`,
      `  Template  ${template ? `${template.name} (${request.templateId} v${request.templateVersion})` : `${request.templateId} v${request.templateVersion}`}`,
      `  Contact   ${request.contact ?? '(not given)'}`,
      `  Due       ${request.due ?? '(not given)'}`,
      `  Prefilled ${request.prefilled === 0 ? 'none' : `${request.prefilled} answer${request.prefilled === 1 ? '' : 's'} already held, marked as such for the provider`}`,
      '',
      `Send ${path.basename(target)} to the provider (by e-mail): they open it in a browser, offline, and`,
      'save their answers as one file. Take the answers in with `vetted receive FILE.json`.',
    ].join('\n') + '\n',
  );
}

/** --accept all|none|ID,ID…: question ids separated by commas, blanks dropped, each once. */
export function acceptFlag(value: string | undefined): 'all' | 'none' | string[] | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === 'all' || text === 'none') return text;
  const ids = [...new Set(text.split(',').map((p) => p.trim()).filter((p) => p !== ''))];
  if (ids.length === 0) throw inputError(`--accept: expected all, none or question ids separated by commas, got "${value}"`);
  return ids;
}

export async function receiveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    'dry-run': { type: 'boolean' }, accept: { type: 'string' }, provider: { type: 'string' },
    'move-to-current': { type: 'boolean' }, 'expect-sha256': { type: 'string' }, verbose: { type: 'boolean', short: 'v' },
  });
  if (positionals.length !== 1) throw usageError(RECEIVE_USAGE);
  const file = positionals[0]!;
  const accept = acceptFlag(values.accept);
  // Checked before the register is opened: a missing, empty or oversized file takes nothing.
  const bytes = readAnswersFile(file);
  const { api } = await openSession(values.db);
  const vendor = values.provider === undefined ? undefined : await findVendor(api, values.provider);
  const name = path.basename(file);
  const result = await api['questionnaire.receive']({
    fileName: name,
    text: bytes.toString('utf8'),
    vendorId: vendor?.id,
    accept,
    moveToCurrent: values['move-to-current'],
    ...(values['expect-sha256'] !== undefined ? { expectSha256: values['expect-sha256'] } : {}),
    dryRun: values['dry-run'],
  });
  if (!result.ok) throw inputError(refusalLines(result.error, file, name).join('\n'));
  const receipt = result.value;
  const reviewer = receipt.accepted.length > 0 ? must(await api['settings.get']({})).userName : '';
  process.stdout.write(receiptLines(receipt, file, { verbose: values.verbose ?? false, reviewer }).join('\n') + '\n');
  // Asked to take answers and none could be: the register is unchanged, as for a refused file.
  return !receipt.dryRun && accept !== undefined && accept !== 'none' && receipt.accepted.length === 0 ? EXIT.input : EXIT.ok;
}

/**
 * A refused file: nothing was taken. The service names the input field at fault ('text' is the
 * file itself, its JSON path in the message); here each is named as the user gave it: the file, or
 * the flag. Every problem is listed, the first on the message line.
 */
export function refusalLines(error: ApiError, file: string, name: string): string[] {
  const label = (path: string | undefined) => (path === undefined || path === 'text' || path === 'moveToCurrent' || path === '(input)' ? file : `--${RECEIVE_FLAGS[path] ?? path}`);
  const [first, ...others] = error.details ?? [];
  let head = error.message.startsWith(`${name}: `) ? error.message.slice(name.length + 2) : error.message;
  if (first && head.startsWith(`${first.path}: `)) head = head.slice(first.path.length + 2);
  const rest = others.slice(0, MAX_LISTED - 1).map((d) => `  ${label(d.path)}: ${d.message}`);
  if (others.length > MAX_LISTED - 1) rest.push(`  … and ${others.length - (MAX_LISTED - 1)} more`);
  return [`${label(first?.path)}: ${head}`, ...rest];
}

function readAnswersFile(file: string): Buffer {
  // The cap is in characters; a file's bytes are never fewer, so one within it in bytes is within it.
  const bytes = readInputFile(file, MAX_ANSWERS_FILE_CHARS, (mb) => `the file is ${mb} MB; an answers file is at most ${MAX_ANSWERS_FILE_CHARS / MB} MB`);
  if (bytes.length === 0) throw inputError(`${file}: the file is empty`);
  return bytes;
}

export async function requestsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 1) throw usageError(REQUESTS_USAGE);
  const { api } = await openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const requests = must(await api['questionnaire.requests']({ vendorId: vendor?.id }));
  if (values.json) {
    process.stdout.write(JSON.stringify(requests, null, 2) + '\n');
    return;
  }
  if (requests.length === 0) {
    process.stdout.write(`No questionnaire sent${vendor ? ` to ${vendor.name}` : ''} yet (send one with \`vetted send VENDOR --out FILE.html\`).\n`);
    return;
  }
  process.stdout.write(table(['Request', 'Provider', 'Sent', 'By', 'Contact', 'Due', 'Received'], requests.map(requestRow)) + '\n');
}

function requestRow(r: QuestionnaireRequestView): string[] {
  return [
    r.id,
    r.vendorName,
    when(r.sentAt),
    r.sentBy || '(no user name set)',
    r.contact ?? '-',
    r.due ?? '-',
    r.receivedAt === null ? 'not yet' : `${when(r.receivedAt)} (SHA-256 ${r.receivedSha256?.slice(0, 12) ?? '?'}…)`,
  ];
}
