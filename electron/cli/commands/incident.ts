// `vetted incident add|remove`: an incident typed in (one your team lived through, including those
// the provider's status page never showed), and removing one from the log. Every flag is checked
// before the register is opened, and a refusal names the flag it is about.
import { INCIDENT_IMPACTS, IncidentInput, type IncidentSource } from '../../../shared/domain/incidents';
import { isIsoDate } from '../../../shared/domain/dates';
import { IsoInstant } from '../../../shared/domain/maintenance';
import { byIdOrPrefix, choiceFlag, parse, shortId } from '../args';
import { inputError, usageError } from '../cli-error';
import { findVendor, must, openSession } from '../session';
import { minutesWords, utcMinute } from './incidents';

export const INCIDENT_ADD_USAGE = [
  `usage: vetted incident add VENDOR --title T --impact ${INCIDENT_IMPACTS.join('|')} --started 2026-12-06T02:00:00Z`,
  '         [--first-update ISO] [--resolved ISO] [--components A,B] [--not-on-status-page] [--link URL] [--notes T]',
].join('\n');
export const INCIDENT_USAGE = [INCIDENT_ADD_USAGE, '       vetted incident remove ID'].join('\n');

/** What an imported incident was read from, for the word on removing it. */
const IMPORTED_FROM: Record<Exclude<IncidentSource, 'entered'>, string> = {
  statuspage: 'its Statuspage JSON', feed: 'its Atom or RSS history feed', instatus: 'its Instatus page',
};

/** The flag each field of the contract's input is given by. */
const FIELD_FLAGS: Record<string, string> = {
  title: 'title', impact: 'impact', components: 'components', startedAt: 'started', firstUpdateAt: 'first-update',
  resolvedAt: 'resolved', onStatusPage: 'not-on-status-page', link: 'link', notes: 'notes',
};

/**
 * A date and time with Z or an offset (2026-12-06T02:00:00Z, 2026-12-06T03:00+01:00), read as the
 * contract reads it and stored in UTC, so the log sorts by it.
 */
export function instantUtcFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const written = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T').replace(/z$/, 'Z');
  // A day the calendar does not have is named as such (the schema's message is the general one).
  const day = written.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}T/.test(written) && !isIsoDate(day)) throw inputError(`--${flag}: ${day} is not a day of the calendar, got "${value}"`);
  const checked = IsoInstant.safeParse(written);
  if (!checked.success) {
    const zoneless = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(written);
    const hint = zoneless ? '; add Z for UTC or an offset such as +01:00' : '';
    throw inputError(`--${flag}: ${checked.error.issues[0]!.message}, got "${value}"${hint}`);
  }
  return new Date(Date.parse(checked.data)).toISOString();
}

/** "API, eu-west-1 database": names separated by commas, blanks dropped, each once. */
const listFlag = (value: string | undefined) =>
  value === undefined ? undefined : [...new Set(value.split(',').map((p) => p.trim()).filter((p) => p !== ''))];

export async function incidentCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return incidentAdd(rest);
  if (sub === 'remove') return incidentRemove(rest);
  throw usageError(INCIDENT_USAGE);
}

async function incidentAdd(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    title: { type: 'string' }, impact: { type: 'string' }, started: { type: 'string' }, 'first-update': { type: 'string' },
    resolved: { type: 'string' }, components: { type: 'string' }, 'not-on-status-page': { type: 'boolean' },
    link: { type: 'string' }, notes: { type: 'string' },
  });
  if (positionals.length !== 1) throw usageError(INCIDENT_ADD_USAGE);
  for (const flag of ['title', 'impact', 'started'] as const) {
    if (values[flag] === undefined) throw usageError(`--${flag} is required\n${INCIDENT_ADD_USAGE}`);
  }
  const input: IncidentInput = {
    vendorId: 'checked-below',
    title: values.title!,
    impact: choiceFlag('impact', values.impact!, INCIDENT_IMPACTS),
    startedAt: instantUtcFlag('started', values.started)!,
    firstUpdateAt: instantUtcFlag('first-update', values['first-update']),
    resolvedAt: instantUtcFlag('resolved', values.resolved),
    components: listFlag(values.components),
    onStatusPage: values['not-on-status-page'] ? false : undefined,
    link: values.link,
    notes: values.notes,
  };
  // The contract's own check before the register is opened: its first complaint, named by its flag.
  const checked = IncidentInput.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const flag = FIELD_FLAGS[String(issue.path[0])] ?? String(issue.path[0]);
    const message = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
    throw inputError(`--${flag}: ${message}${flag === 'first-update' || flag === 'resolved' ? ` (--started is ${values.started})` : ''}`);
  }

  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const added = must(await api['incident.add']({ ...input, vendorId: vendor.id }));
  const details = [
    `started ${utcMinute(added.startedAt)}`,
    added.firstUpdateAt === null ? 'no public update known' : `first update after ${minutesWords((Date.parse(added.firstUpdateAt) - Date.parse(added.startedAt)) / 60_000)}`,
    added.resolvedAt === null ? 'still open' : `resolved after ${minutesWords((Date.parse(added.resolvedAt) - Date.parse(added.startedAt)) / 60_000)}`,
    ...(added.components.length > 0 ? [`components ${added.components.join(', ')}`] : []),
    ...(added.onStatusPage ? [] : ['NOT on the status page']),
  ];
  process.stdout.write(`Added incident ${shortId(added.id)} to ${vendor.name}: ${added.title} (${added.impact}; ${details.join('; ')}).\n`);
}

async function incidentRemove(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) throw usageError(INCIDENT_USAGE);
  const { api } = await openSession(values.db);
  const incident = byIdOrPrefix(must(await api['incident.list']({})), positionals[0]!, 'incident', 'vetted incidents VENDOR');
  must(await api['incident.delete']({ id: incident.id }));
  process.stdout.write(`Removed incident ${shortId(incident.id)} of ${incident.vendorName}: ${incident.title} (started ${utcMinute(incident.startedAt)}).\n`);
  if (incident.source !== 'entered') {
    process.stdout.write(`It was imported from the status page (${IMPORTED_FROM[incident.source]}): a later import or refresh leaves it deleted.\n`);
  }
}
