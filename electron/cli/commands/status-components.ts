// `vetted status components VENDOR [--use "API,Database"]`: which of the provider's status page
// components you use. Availability is estimated for those only; none chosen, every incident counts.
import { StatusSettingsPatch, type StatusSettings } from '../../../shared/domain/incidents';
import { parse } from '../args';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import { findVendor, must, openSession } from '../session';

export const STATUS_COMPONENTS_USAGE =
  'usage: vetted status components VENDOR [--use "API,Database"]   (show, or set, the components you use; --use "" clears them)';

/** --use: names separated by commas, each once; spelled as the record spells them when only the case differs. */
export function componentsFlag(value: string, known: readonly string[]): { names: string[]; unknown: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const spelled = known.find((k) => k === part) ?? known.find((k) => k.toLowerCase() === part.toLowerCase());
    const name = spelled ?? part;
    if (!spelled) unknown.push(name);
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  const checked = StatusSettingsPatch.safeParse({ componentsUsed: names });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const which = typeof issue.path[1] === 'number' ? ` "${names[issue.path[1]]!.slice(0, 40)}"` : '';
    throw inputError(`--use:${which} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`);
  }
  return { names: checked.data.componentsUsed, unknown };
}

/** Component name → how many incidents on record name it, most often first. */
function componentCounts(incidents: readonly { components: readonly string[] }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of incidents) for (const c of new Set(i.components)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function settingsReport(vendorName: string, vendorRef: string, settings: StatusSettings, counts: [string, number][]): string {
  const lines: string[] = [];
  if (counts.length === 0) {
    lines.push(`No component is named in ${vendorName}'s incident record (import its status page: vetted status import or refresh).`);
  } else {
    lines.push(`Status page components in ${vendorName}'s incident record (most often first):`, '');
    const used = new Set(settings.componentsUsed);
    lines.push(table(['Used', 'Component', 'Incidents'], counts.map(([name, n]) => [used.has(name) ? 'yes' : '', name, String(n)])));
  }
  lines.push('');
  if (settings.componentsUsed.length === 0) {
    lines.push(`You use: none chosen, so every incident counts toward the availability estimate.`);
    if (counts.length > 0) lines.push(`Choose them with: vetted status components ${JSON.stringify(vendorRef)} --use "${counts.slice(0, 2).map(([n]) => n).join(',')}"`);
  } else {
    const absent = settings.componentsUsed.filter((c) => !counts.some(([name]) => name === c));
    lines.push(`You use: ${settings.componentsUsed.join(', ')} (availability is estimated for these only).`);
    if (absent.length > 0) lines.push(`Not named by any incident on record: ${absent.join(', ')}.`);
  }
  lines.push(
    settings.refreshedAt
      ? `Last refreshed from the status page: ${settings.refreshedAt}, from ${settings.refreshedFrom ?? 'an address not recorded'}.`
      : 'Never refreshed from the status page (vetted status refresh).',
  );
  return lines.join('\n') + '\n';
}

export async function statusComponentsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { use: { type: 'string' } });
  if (positionals.length !== 1) throw usageError(STATUS_COMPONENTS_USAGE);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const counts = componentCounts(must(await api['incident.list']({ vendorId: vendor.id })));
  let settings: StatusSettings;
  if (values.use === undefined) {
    settings = must(await api['status.settings']({ vendorId: vendor.id }));
  } else {
    const { names, unknown } = componentsFlag(values.use, counts.map(([name]) => name));
    for (const name of unknown) process.stderr.write(`vetted: warning: --use: no incident on record names the component "${name}"; check its spelling on the status page\n`);
    settings = must(await api['status.settings']({ vendorId: vendor.id, patch: { componentsUsed: names } }));
    process.stdout.write(`Saved the components you use for ${vendor.name}.\n\n`);
  }
  process.stdout.write(settingsReport(vendor.name, positionals[0]!, settings, counts));
}
