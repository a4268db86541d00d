// Words and small tables the concentration parts of the PDFs share (the register-wide report and
// the "Concentration" part of a provider's review report), and the CLI and comparison sentences. Pure.
import type { UpstreamKind, UpstreamSource } from '../domain/upstream';
import type { BlastHit, BlastOutcome } from '../upstream/blast-radius';
import type { RegionRef } from '../upstream/register-index';
import type { SharedUpstream } from '../upstream/shared-upstreams';
import { COLOURS, dataTable, plain } from './blocks';
import type { Cell } from './blocks';
import type { DocNodeObject } from './types';

export const KIND_WORDS: Readonly<Record<UpstreamKind, string>> = {
  hosting: 'Hosting',
  cdn: 'CDN',
  dns: 'DNS',
  email: 'E-mail',
  payment: 'Payment',
  identity: 'Identity',
  other: 'Other',
};

export const SOURCE_WORDS: Readonly<Record<UpstreamSource, string>> = {
  entered: 'Entered',
  subprocessor_list: "Provider's subprocessor list",
  status_components: "Provider's status page components",
};

export const OUTCOME_WORDS: Readonly<Record<BlastOutcome, string>> = {
  down: 'Goes down',
  unknown: 'Cannot be told',
  survives: 'Survives',
};

const OUTCOME_COLOURS: Readonly<Record<BlastOutcome, string>> = { down: '#a4161a', unknown: '#8a5a00', survives: '#2f6e46' };

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A share as a whole percentage ("75 %"). */
export const percent = (share: number) => `${Math.round(share * 100)} %`;

export const kindWords = (kinds: readonly UpstreamKind[]) => kinds.map((k) => KIND_WORDS[k]).join(', ');

/** "us-east-1 (US East (N. Virginia))", or the code alone outside the catalogue. */
export const regionText = (r: Pick<RegionRef, 'code' | 'name'>) => (r.name ? `${r.code} (${r.name})` : r.code);

/**
 * "Amazon Web Services eu-west-1 — Acme DB, Logjam" (the region the most of them record), or
 * "Fastly — Acme DB, Logjam" when they share the party but no recorded region. `names` maps a
 * vendor id to its name.
 */
export function sharedText(s: SharedUpstream, names?: ReadonlyMap<string, string>): string {
  const who = (ids: readonly string[]) => (names ? ` — ${ids.map((id) => plain(names.get(id) ?? id)).join(', ')}` : '');
  if (s.regions.length === 0) return `${plain(s.party)}${who(s.vendorIds)}`;
  return s.regions.map((r) => `${plain(s.party)} ${r.region.code}${who(r.vendorIds)}`).join('; ');
}

export function outcomeCell(outcome: BlastOutcome): DocNodeObject {
  return { text: OUTCOME_WORDS[outcome], bold: true, color: OUTCOME_COLOURS[outcome] };
}

/** Every provider hit: critical path marked, outcome in words and colour, the reason. */
export function blastTable(hits: readonly BlastHit[]): DocNodeObject {
  const rows: Cell[][] = hits.map((h) => [
    plain(h.name),
    h.criticalPath ? { text: 'Critical path', bold: true } : { text: 'No', color: COLOURS.muted },
    outcomeCell(h.outcome),
    plain(h.reason),
  ]);
  return dataTable(['Provider', 'Critical path', 'Outcome', 'Why'], rows, [150, 70, 80, '*']);
}
