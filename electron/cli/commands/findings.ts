// `vetted findings`, `vetted finding add` and `vetted finding accept`: the weak points reviews
// found, and accepting one as a risk until a date.
import type { FindingView } from '../../../shared/api';
import { FINDING_SEVERITIES } from '../../../shared/domain/findings';
import { FINDING_STATUS_LABELS, labelOf } from '../../../shared/domain/labels';
import { byIdOrPrefix, choiceFlag, parse, shortId } from '../args';
import { dateFlag } from '../date-flag';
import { usageError } from '../cli-error';
import { table } from '../format';
import type { Session } from '../session';
import { findVendor, must, openSession } from '../session';

export const FINDINGS_USAGE = 'usage: vetted findings [VENDOR] [--open] [--overdue] [--json]';
export const FINDING_USAGE =
  'usage: vetted finding add VENDOR --title T --severity low|medium|high|critical [--owner O] [--due YYYY-MM-DD] [--description D]\n' +
  '       vetted finding accept FINDING_ID --justification TEXT --expires YYYY-MM-DD [--by NAME]';

/** The status to act on, in words; an accepted finding whose acceptance lapsed says so. */
export function findingStatusWords(f: FindingView): string {
  const words = labelOf(FINDING_STATUS_LABELS, f.effectiveStatus).toLowerCase();
  if (f.status === 'accepted' && f.effectiveStatus !== 'accepted') {
    return `accepted (${f.acceptance?.revokedAt ? 'revoked' : 'expired'}): ${words}`;
  }
  if (f.effectiveStatus === 'accepted' && f.acceptance) return `${words} until ${f.acceptance.expiresOn}`;
  return words;
}

const dueWords = (f: FindingView) => (f.dueDate ? `${f.dueDate}${f.overdue ? ' OVERDUE' : ''}` : '-');

export async function findingsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { open: { type: 'boolean' }, overdue: { type: 'boolean' }, json: { type: 'boolean' } });
  if (positionals.length > 1) throw usageError(FINDINGS_USAGE);
  const { api } = await openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const findings = must(await api['finding.list']({ vendorId: vendor?.id, open: values.open, overdue: values.overdue }));
  if (values.json) {
    process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
    return;
  }
  if (findings.length === 0) {
    const filter = values.overdue ? 'overdue ' : values.open ? 'open ' : '';
    process.stdout.write(`No ${filter}findings${vendor ? ` for ${vendor.name}` : ''}.\n`);
    return;
  }
  process.stdout.write(
    table(
      ['ID', 'Provider', 'Severity', 'Status', 'Title', 'Owner', 'Due'],
      findings.map((f) => [shortId(f.id), f.vendorName, f.severity, findingStatusWords(f), f.title, f.owner || '-', dueWords(f)]),
    ) + '\n',
  );
}

export async function findingCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return findingAdd(rest);
  if (sub === 'accept') return findingAccept(rest);
  throw usageError(FINDING_USAGE);
}

async function findingAdd(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    title: { type: 'string' }, severity: { type: 'string' }, owner: { type: 'string' }, due: { type: 'string' }, description: { type: 'string' },
  });
  if (positionals.length !== 1 || values.title === undefined || values.severity === undefined) throw usageError(FINDING_USAGE);
  const severity = choiceFlag('severity', values.severity, FINDING_SEVERITIES);
  const dueDate = dateFlag('due', values.due);
  const session: Session = await openSession(values.db);
  const vendor = await findVendor(session.api, positionals[0]!);
  const finding = must(
    await session.api['finding.create']({ vendorId: vendor.id, title: values.title, severity, owner: values.owner, dueDate, description: values.description }),
  );
  process.stdout.write(
    `Added finding ${shortId(finding.id)} to ${vendor.name}: ${finding.title} (${finding.severity}${finding.dueDate ? `, due ${finding.dueDate}` : ''}).\n`,
  );
}

async function findingAccept(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { justification: { type: 'string' }, expires: { type: 'string' }, by: { type: 'string' } });
  if (positionals.length !== 1 || values.justification === undefined || values.expires === undefined) throw usageError(FINDING_USAGE);
  const expiresOn = dateFlag('expires', values.expires)!;
  const { api } = await openSession(values.db);
  const finding = byIdOrPrefix(must(await api['finding.list']({})), positionals[0]!, 'finding', 'vetted findings');
  const acceptance = must(
    await api['acceptance.create']({ findingId: finding.id, justification: values.justification, expiresOn, acceptedBy: values.by }),
  );
  process.stdout.write(
    `Accepted ${finding.vendorName} / ${finding.title} until ${acceptance.expiresOn} (by ${acceptance.acceptedBy || 'nobody named'}).\n`,
  );
}
