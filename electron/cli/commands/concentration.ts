// `vetted concentration` (exposure to each fourth party and region, alerts above the Settings
// threshold marked; --out writes the register-wide PDF) and `vetted blast-radius PARTY [--region]`
// (every provider hit, critical path first, with its outcome and why).
import type { BlastRadiusView, ConcentrationView } from '../../../shared/api';
import { OUTCOME_WORDS, alertWords, percent, plural } from '../../../shared/reports/concentration-words';
import { parse } from '../args';
import { usageError } from '../cli-error';
import { dateFlag } from '../date-flag';
import { table } from '../format';
import { DATE_FLAGS, must, mustNaming, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';

export const CONCENTRATION_USAGE = 'usage: vetted concentration [--critical-only] [--json] | vetted concentration --out FILE.pdf [--date YYYY-MM-DD]';
export const BLAST_RADIUS_USAGE = 'usage: vetted blast-radius PARTY [--region CODE] [--json]';

/** The exposure table: a party's row, then its regions indented; rows above the threshold marked. */
export function concentrationReport(view: ConcentrationView): string {
  const c = view.concentration;
  const alerted = new Set(view.alerts.map((a) => `${a.partyKey}\u0000${a.region?.key ?? ''}`));
  const mark = (key: string, region: string | null) => (alerted.has(`${key}\u0000${region ?? ''}`) ? 'ABOVE THRESHOLD' : '');
  const lines = [
    `Concentration on ${view.asOf}: ${plural(c.providers, 'provider')}, ${c.criticalPathProviders} on the critical path` +
      `${c.criticalOnly ? ' (counting critical-path dependants only)' : ''}; threshold ${percent(view.threshold)}.`,
  ];
  if (c.parties.length === 0) {
    lines.push('No provider records a fourth party (vetted upstream add).');
  } else {
    const rows: string[][] = [];
    for (const p of c.parties) {
      rows.push([p.party, String(p.providers.length), String(p.criticalProviders), percent(p.criticalShare), mark(p.partyKey, null)]);
      for (const r of p.regions) rows.push([`  ${r.region.code}`, String(r.providers.length), String(r.criticalProviders), percent(r.criticalShare), mark(p.partyKey, r.region.key)]);
      if (p.regionsNotRecorded.length > 0) rows.push([`  (regions not recorded)`, String(p.regionsNotRecorded.length), '', '', '']);
    }
    lines.push('', table(['Party / region', 'Providers', 'Critical', 'Share', ''], rows));
  }
  if (view.alerts.length > 0) lines.push('', `Above the threshold (${view.alerts.length}):`, ...view.alerts.map((a) => `  ${alertWords(a)}`));
  const left = [
    c.retiredLeftOut > 0 ? `${plural(c.retiredLeftOut, 'retired provider')}` : '',
    c.providersWithoutUpstreams > 0 ? `${plural(c.providersWithoutUpstreams, 'provider')} with no fourth party recorded` : '',
    c.upstreamsLeftOut > 0 ? `${plural(c.upstreamsLeftOut, 'fourth party', 'fourth parties')} of providers not counted` : '',
  ].filter(Boolean);
  if (left.length > 0) lines.push('', `Left out: ${left.join('; ')}.`);
  return lines.join('\n') + '\n';
}

export function blastRadiusReport(b: BlastRadiusView): string {
  const what = b.region ? `${b.party.name} ${b.region.code}${b.region.name ? ` (${b.region.name})` : ''}` : b.party.name;
  const lines = [`${what} down: ${plural(b.hits.length, 'provider')} hit (${b.criticalHit} on the critical path); ${b.counts.down} go down, ${b.counts.unknown} cannot be told, ${b.counts.survives} survive.`];
  if (b.note) lines.push(b.note);
  if (b.hits.length > 0) {
    lines.push(
      '',
      table(
        ['Provider', 'Critical path', 'Outcome', 'Why'],
        b.hits.map((h) => [h.name, h.criticalPath ? 'yes' : 'no', OUTCOME_WORDS[h.outcome], h.reason]),
      ),
    );
  }
  lines.push('', `Not hit: ${b.notHit}${b.retiredLeftOut > 0 ? `; retired, left out: ${b.retiredLeftOut}` : ''}.`);
  return lines.join('\n') + '\n';
}

export async function concentrationCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    'critical-only': { type: 'boolean' }, json: { type: 'boolean' }, out: { type: 'string' }, date: { type: 'string' },
  });
  if (positionals.length > 0) throw usageError(CONCENTRATION_USAGE);
  const session = await openSession(values.db);
  if (values.out !== undefined) {
    if (values['critical-only'] || values.json) throw usageError(`--out writes the PDF, which shows every dependant: leave out --critical-only and --json\n${CONCENTRATION_USAGE}`);
    writeGeneratedFile(values.out, mustNaming(await session.api['report.concentration']({ date: dateFlag('date', values.date) }), DATE_FLAGS));
    return;
  }
  if (values.date !== undefined) throw usageError(`--date goes with --out (the view is today's)\n${CONCENTRATION_USAGE}`);
  const view = must(await session.api['concentration.get']({ criticalOnly: values['critical-only'] ?? false }));
  process.stdout.write(values.json ? JSON.stringify(view, null, 2) + '\n' : concentrationReport(view));
}

export async function blastRadiusCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { region: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(BLAST_RADIUS_USAGE);
  const result = await (await openSession(values.db)).api['concentration.blastRadius']({ party: positionals[0]!, region: values.region ?? null });
  // The API names its fields; on the command line they are PARTY and --region.
  if (!result.ok) must({ ...result, error: { ...result.error, message: result.error.message.replace(/^party:/, 'PARTY:').replace(/^region:/, '--region:') } });
  const b = must(result);
  process.stdout.write(values.json ? JSON.stringify(b, null, 2) + '\n' : blastRadiusReport(b));
}
