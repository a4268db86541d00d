// `vetted upstream add|list|remove|import|from-status`: a provider's fourth parties (issue 21) — the
// cloud and regions, CDN, DNS, e-mail, payment and identity providers it runs on — typed in, read from
// the subprocessor list it publishes (a file you saved), or from its status page components on record. Every flag is checked before the register is
// opened, and a refusal names the flag it is about.
import path from 'node:path';
import type { UpstreamFromStatus, UpstreamImport, UpstreamView } from '../../../shared/api';
import { UPSTREAM_KIND_LABELS, UPSTREAM_SOURCE_LABELS, labelOf } from '../../../shared/domain/labels';
import { UPSTREAM_KINDS, UpstreamInput } from '../../../shared/domain/upstream';
import type { Result } from '../../../shared/result';
import { regionName } from '../../../shared/upstream/catalogue';
import { unknownRegions, unknownRegionWords } from '../../../shared/upstream/region-check';
import { MAX_SUBPROCESSOR_FILE_CHARS } from '../../../shared/upstream/limits';
import type { MappingOverride } from '../../../shared/upstream/subprocessor-file';
import { byIdOrPrefix, choiceFlag, parse, shortId } from '../args';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import { readInputFile } from '../input-file';
import { findVendor, must, openSession } from '../session';

export const UPSTREAM_ADD_USAGE = [
  `usage: vetted upstream add VENDOR --party NAME --kind ${UPSTREAM_KINDS.join('|')} [--regions us-east-1,eu-west-1] [--uses TEXT]`,
  '         [--catalogue ID] [--purpose T] [--location T] [--note T]',
].join('\n');

export const UPSTREAM_USAGE = [
  UPSTREAM_ADD_USAGE,
  '       vetted upstream list [VENDOR] [--json]',
  '       vetted upstream remove ID',
  '       vetted upstream import VENDOR FILE.csv|FILE.json [--map name=Subprocessor,purpose=Purpose,location=Country] [--dry-run]',
  '       vetted upstream from-status VENDOR [--dry-run]   (from the status page components its incident record names)',
].join('\n');

/** The flag each field of the contract's input (and of the service's refusals) is given by. */
const FIELD_FLAGS: Record<string, string> = {
  party: '--party', kind: '--kind', regions: '--regions', catalogueId: '--catalogue', purpose: '--purpose', location: '--location',
  note: '--note', vendorId: 'VENDOR', content: 'FILE', 'mapping.name': '--map name', 'mapping.purpose': '--map purpose', 'mapping.location': '--map location',
};

/** A refusal from the API with its field named by the flag that gave it ("--catalogue: …"). */
function mustFlagged<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const detail = result.error.details?.[0];
  if (result.error.code !== 'validation' || !detail) return must(result);
  const field = FIELD_FLAGS[detail.path] ?? FIELD_FLAGS[detail.path.split('.')[0]!] ?? detail.path;
  const flag = detail.path.match(/^regions\.\d+\.uses$/) ? '--uses' : field;
  throw inputError(`${flag}: ${detail.message}`);
}

export async function upstreamCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return upstreamAdd(rest);
  if (sub === 'list') return upstreamList(rest);
  if (sub === 'remove') return upstreamRemove(rest);
  if (sub === 'import') return upstreamImport(rest);
  if (sub === 'from-status') return upstreamFromStatus(rest);
  throw usageError(UPSTREAM_USAGE);
}

/** "us-east-1, eu-west-1": codes separated by commas; an empty one is a mistake, not "no region". */
function listFlag(value: string | undefined, flag: string): string[] {
  if (value === undefined) return [];
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw inputError(`${flag}: an empty region in "${value}" (give codes separated by commas, such as us-east-1,eu-west-1)`);
  return parts;
}

async function upstreamAdd(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    party: { type: 'string' }, kind: { type: 'string' }, regions: { type: 'string' }, uses: { type: 'string' },
    catalogue: { type: 'string' }, purpose: { type: 'string' }, location: { type: 'string' }, note: { type: 'string' },
  });
  if (positionals.length !== 1) throw usageError(UPSTREAM_ADD_USAGE);
  for (const flag of ['party', 'kind'] as const) {
    if (values[flag] === undefined) throw usageError(`--${flag} is required\n${UPSTREAM_ADD_USAGE}`);
  }
  const codes = listFlag(values.regions, '--regions');
  if (values.uses !== undefined && codes.length === 0) throw inputError('--uses: give --regions too (it says which of your uses depend on those regions)');
  const input = {
    vendorId: 'checked-below',
    party: values.party!,
    kind: choiceFlag('kind', values.kind!, UPSTREAM_KINDS),
    regions: codes.map((code) => ({ code, uses: values.uses ?? '' })),
    catalogueId: values.catalogue ?? null,
    purpose: values.purpose,
    location: values.location,
    note: values.note,
  };
  // The contract's own check before the register is opened: its first complaint, named by its flag.
  const checked = UpstreamInput.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const at = issue.path.join('.');
    const flag = /^regions\.\d+\.uses$/.test(at) ? '--uses' : (FIELD_FLAGS[String(issue.path[0])] ?? `--${String(issue.path[0])}`);
    const which = /^regions\.\d+\.code$/.test(at) ? ` ("${codes[Number(issue.path[1])]}")` : '';
    throw inputError(`${flag}: ${issue.message.charAt(0).toLowerCase() + issue.message.slice(1)}${which}`);
  }
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const added = mustFlagged(await api['upstream.add']({ ...input, vendorId: vendor.id }));
  process.stdout.write(`Added to ${added.vendorName}: ${describe(added)}; id ${shortId(added.id)}.\n`);
  for (const line of unknownRegionWords(added.catalogueId, unknownRegions(added.catalogueId, added.regions))) process.stdout.write(`Note: ${line}.\n`);
}

/** "Amazon Web Services (hosting; catalogue aws; regions us-east-1 US East (N. Virginia), eu-west-1)". */
function describe(u: UpstreamView): string {
  const parts = [labelOf(UPSTREAM_KIND_LABELS, u.kind).toLowerCase(), u.catalogueId ? `catalogue ${u.catalogueId}` : 'not in the catalogue'];
  if (u.regions.length > 0) parts.push(`regions ${regionWords(u)}`);
  return `${u.party} (${parts.join('; ')})`;
}

function regionWords(u: UpstreamView): string {
  return u.regions
    .map((r) => {
      const name = regionName(u.catalogueId, r.code);
      return `${r.code}${name ? ` ${name}` : ''}${r.uses ? ` [${r.uses}]` : ''}`;
    })
    .join(', ');
}

async function upstreamList(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 1) throw usageError(UPSTREAM_USAGE);
  const { api } = await openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const upstreams = must(await api['upstream.list']({ vendorId: vendor?.id }));
  if (values.json) {
    process.stdout.write(JSON.stringify(upstreams, null, 2) + '\n');
    return;
  }
  if (upstreams.length === 0) {
    process.stdout.write(`No fourth parties recorded${vendor ? ` for ${vendor.name}` : ''}.\n`);
    return;
  }
  process.stdout.write(
    table(
      ['Provider', 'Fourth party', 'Kind', 'Regions', 'Purpose', 'Location', 'Source', 'ID'],
      upstreams.map((u) => [
        u.vendorName,
        u.party,
        labelOf(UPSTREAM_KIND_LABELS, u.kind),
        u.regions.map((r) => r.code).join(', '),
        u.purpose,
        u.location,
        labelOf(UPSTREAM_SOURCE_LABELS, u.source),
        shortId(u.id),
      ]),
    ) + '\n',
  );
}

async function upstreamRemove(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) throw usageError(UPSTREAM_USAGE);
  const { api } = await openSession(values.db);
  const upstream = byIdOrPrefix(must(await api['upstream.list']({})), positionals[0]!, 'fourth party', 'vetted upstream list');
  must(await api['upstream.delete']({ id: upstream.id }));
  process.stdout.write(`Removed from ${upstream.vendorName}: ${describe(upstream)}; id ${shortId(upstream.id)}.\n`);
}

const MAP_FIELDS = ['name', 'purpose', 'location'] as const;

/** "name=Subprocessor,purpose=Purpose,location=none": which column holds each field ("none": no such column). */
export function mapFlag(value: string | undefined): MappingOverride | undefined {
  if (value === undefined) return undefined;
  const mapping: MappingOverride = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim().toLowerCase();
    const column = part.slice(eq + 1).trim();
    if (eq < 0 || !(MAP_FIELDS as readonly string[]).includes(field) || column === '') {
      throw inputError(`--map: expected field=column pairs such as name=Subprocessor,purpose=Purpose,location=Country (fields: ${MAP_FIELDS.join(', ')}), got "${part.trim()}"`);
    }
    if (field in mapping) throw inputError(`--map: ${field} is given twice`);
    const none = column.toLowerCase() === 'none';
    if (field === 'name' && none) throw inputError('--map: name must be a column (the subprocessor\'s name is what is imported)');
    if (field === 'name') mapping.name = column;
    else mapping[field as 'purpose' | 'location'] = none ? null : column;
  }
  return mapping;
}

async function upstreamImport(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { map: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  if (positionals.length !== 2) throw usageError(UPSTREAM_USAGE);
  const [vendorRef, file] = positionals as [string, string];
  const mapping = mapFlag(values.map);
  const MB = 1024 * 1024;
  const bytes = readInputFile(file, MAX_SUBPROCESSOR_FILE_CHARS, (mb) => `the file is ${mb} MB; a subprocessor list is at most ${MAX_SUBPROCESSOR_FILE_CHARS / MB} MB`);
  if (bytes.length === 0) throw inputError(`${file}: the file is empty`);
  const format = /\.json$/i.test(file) ? 'json' : /\.(csv|tsv|txt)$/i.test(file) ? 'csv' : undefined;
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, vendorRef);
  const result = await api['upstream.import']({ vendorId: vendor.id, content: bytes.toString('utf8'), format, mapping, dryRun: values['dry-run'] });
  if (!result.ok && result.error.details?.[0]?.path === 'content') throw inputError(`${file}: ${result.error.details[0].message}`);
  process.stdout.write(importReport(mustFlagged(result), path.basename(file)));
}

export function importReport(r: UpstreamImport, file: string): string {
  const counts = `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped`;
  const mapped = `name from "${r.mapping.name}", purpose from ${r.mapping.purpose === null ? 'no column' : `"${r.mapping.purpose}"`}, location from ${r.mapping.location === null ? 'no column' : `"${r.mapping.location}"`}`;
  const lines = [
    r.dryRun
      ? `Dry run: nothing was written. Importing ${file} for ${r.vendorName} would give: ${counts}.`
      : `Imported ${file} for ${r.vendorName}: ${counts}.`,
    `Columns: ${mapped} (change with --map name=…,purpose=…,location=…).`,
  ];
  if (r.rows.length > 0) {
    lines.push(
      '',
      table(
        ['Line', 'Action', 'Fourth party', 'Kind', 'Catalogue', 'Purpose', 'Location', 'Why'],
        r.rows.map((row) => [
          String(row.line),
          row.action,
          row.party,
          labelOf(UPSTREAM_KIND_LABELS, row.kind),
          row.catalogueId ?? '',
          row.purpose.replace(/\s*\n\s*/g, ' '),
          row.location,
          row.reason,
        ]),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

async function upstreamFromStatus(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(UPSTREAM_USAGE);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  process.stdout.write(fromStatusReport(mustFlagged(await api['upstream.fromStatus']({ vendorId: vendor.id, dryRun: values['dry-run'] }))));
}

export function fromStatusReport(r: UpstreamFromStatus): string {
  if (r.components.length === 0) {
    return `No status page component is on record for ${r.vendorName} (import its status page: vetted status import or refresh). Nothing was written.\n`;
  }
  const counts = `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped`;
  const read = `${r.vendorName}'s ${r.components.length} status page component${r.components.length === 1 ? '' : 's'}`;
  const lines = [
    r.dryRun ? `Dry run: nothing was written. Reading ${read} would give: ${counts}.` : `Read ${read}: ${counts}.`,
  ];
  if (r.rows.length > 0) {
    lines.push(
      '',
      table(
        ['Action', 'Fourth party', 'Kind', 'Catalogue', 'Regions', 'Components', 'Why'],
        r.rows.map((row) => [row.action, row.party, labelOf(UPSTREAM_KIND_LABELS, row.kind), row.catalogueId ?? '', row.regions.join(', '), row.components.join('; '), row.reason]),
      ),
    );
  }
  if (r.unmatched.length > 0) {
    lines.push('', `Not matched (they name no party in the catalogue; add one by hand with vetted upstream add): ${r.unmatched.join('; ')}.`);
  }
  return lines.join('\n') + '\n';
}
