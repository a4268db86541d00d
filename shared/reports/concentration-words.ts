// Words the concentration outputs share: the register-wide PDF, the "Concentration" part of a
// provider's review report, the comparison, Needs attention and the CLI. Pure text (no document
// blocks), so the CLI can load it cheaply.
import { UPSTREAM_KIND_LABELS } from '../domain/labels';
import type { UpstreamKind, UpstreamSource } from '../domain/upstream';
import type { BlastOutcome } from '../upstream/blast-radius';
import type { ConcentrationAlert } from '../upstream/concentration';
import type { RegionRef } from '../upstream/register-index';
import type { SharedUpstream } from '../upstream/shared-upstreams';

/** A kind as every output names it (the CLI's and the app's lists too). */
export const KIND_WORDS: Readonly<Record<UpstreamKind, string>> = UPSTREAM_KIND_LABELS;

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

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How many providers have an outcome, the verb agreeing: "1 goes down", "2 go down", "0 survive". */
const OUTCOME_COUNT_WORDS: Readonly<Record<BlastOutcome, readonly [string, string]>> = {
  down: ['goes down', 'go down'],
  unknown: ['cannot be told', 'cannot be told'],
  survives: ['survives', 'survive'],
};
export const outcomeCount = (n: number, outcome: BlastOutcome) => plural(n, ...OUTCOME_COUNT_WORDS[outcome]);

/** 0.75 → "75 %": a whole percentage, unless rounding would make a real share 0 or 100 ("<1 %", ">99 %"). */
export function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 1) return '<1 %';
  if (p < 100 && p > 99) return '>99 %';
  return `${Math.round(p)} %`;
}

export const kindWords = (kinds: readonly UpstreamKind[]) => kinds.map((k) => KIND_WORDS[k]).join(', ');

/** "us-east-1 (US East (N. Virginia))", or the code alone outside the catalogue. */
export const regionText = (r: Pick<RegionRef, 'code' | 'name'>) => (r.name ? `${r.code} (${r.name})` : r.code);

/**
 * "Amazon Web Services eu-west-1 — Acme DB, Logjam" (the region the most of them record), or
 * "Fastly — Acme DB, Logjam" when they share the party but no recorded region. `names` maps a
 * vendor id to its name.
 */
export function sharedText(s: SharedUpstream, names?: ReadonlyMap<string, string>): string {
  const who = (ids: readonly string[]) => (names ? ` — ${ids.map((id) => names.get(id) ?? id).join(', ')}` : '');
  if (s.regions.length === 0) return `${s.party}${who(s.vendorIds)}`;
  return s.regions.map((r) => `${s.party} ${r.region.code}${who(r.vendorIds)}`).join('; ');
}

/** "Amazon Web Services us-east-1 carries 3 of your 4 critical-path providers (75 %)" (Needs attention, `vetted due`). */
export function alertWords(a: ConcentrationAlert): string {
  const where = a.region ? `${a.party} ${a.region.code}` : a.party;
  const of = a.criticalPathProviders === 1 ? 'critical-path provider' : 'critical-path providers';
  return `${where} carries ${a.criticalProviders} of your ${a.criticalPathProviders} ${of} (${percent(a.criticalShare)})`;
}
