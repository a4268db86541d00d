// What reading a provider's status page components would do (issue 21): status pages name the
// upstreams a provider runs on ("AWS us-east-1", "Amazon Web Services - EC2 (eu-west-1)",
// "SendGrid API", "Third-party: Stripe"). Each component name is searched for the catalogue's names
// and aliases (whole words, without case) and for that party's region codes; the parties found become
// one upstream each, their regions merged. A component that names no catalogued party is listed as
// not matched — never guessed. Pure: the service shows this as the preview and writes exactly it.
import { MAX_UPSTREAM_REGIONS, MAX_UPSTREAMS_PER_PROVIDER, regionKey, type Upstream } from '../domain/upstream';
import { CATALOGUE, type CatalogueParty } from './catalogue';
import { canonicalPartyKey } from './register-index';
import type { SubprocessorAction, SubprocessorPlanRow } from './subprocessor-plan';

/** The purpose field's limit (shared/domain/upstream.ts). */
const MAX_PURPOSE = 500;

/** One catalogued party the components name, and what becomes of it. */
export interface StatusComponentPlanRow extends Omit<SubprocessorPlanRow, 'line' | 'action'> {
  action: SubprocessorAction;
  /** The component names that named this party, in the order given. */
  components: string[];
  /** The region codes the row records: add, the regions found; update, the regions it adds. */
  regions: string[];
}

export interface StatusComponentPlan {
  rows: StatusComponentPlanRow[];
  /** Components that name no catalogued party, as written: left out, never guessed. */
  unmatched: string[];
}

/** A letter or digit: a name matches only where none touches it on either side. */
const WORD = '[\\p{L}\\p{N}]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWords = (s: string) => new RegExp(`(?<!${WORD})${escape(s.trim())}(?!${WORD})`, 'giu');

/** Every name and alias of every catalogued party, longest first (so "AWS CloudFront" wins over "AWS"). */
const NAMES = CATALOGUE.flatMap((party) => [party.name, ...party.aliases].map((name) => ({ party, name, pattern: wholeWords(name) }))).sort(
  (a, b) => b.name.length - a.name.length,
);

interface Span {
  party: CatalogueParty;
  start: number;
  end: number;
}

/**
 * The catalogued parties a component names. Where two names overlap ("AWS CloudFront" holds "AWS",
 * "Azure DNS" holds "Azure") the longer is the one meant.
 */
export function partiesInComponent(component: string): CatalogueParty[] {
  const taken: Span[] = [];
  for (const { party, pattern } of NAMES) {
    for (const m of component.matchAll(pattern)) {
      const span = { party, start: m.index, end: m.index + m[0].length };
      if (!taken.some((t) => span.start < t.end && t.start < span.end)) taken.push(span);
    }
  }
  const parties = taken.sort((a, b) => a.start - b.start).map((t) => t.party);
  return parties.filter((p, i) => parties.indexOf(p) === i);
}

/** The party's region codes a component names ("us-east-1" in "AWS us-east-1"), as the catalogue writes them. */
export function regionsInComponent(party: CatalogueParty, component: string): string[] {
  return party.regions.filter((r) => new RegExp(`(?<![\\p{L}\\p{N}-])${escape(r.code)}(?![\\p{L}\\p{N}-])`, 'iu').test(component)).map((r) => r.code);
}

/** "Status page component: AWS us-east-1", several joined, cut to the field's limit with what was left out counted. */
function purposeOf(components: readonly string[]): string {
  const head = components.length === 1 ? 'Status page component: ' : 'Status page components: ';
  for (let n = components.length; n > 0; n--) {
    const more = n < components.length ? ` and ${components.length - n} more` : '';
    const text = head + components.slice(0, n).join('; ') + more;
    if (text.length <= MAX_PURPOSE) return text;
  }
  return `${head}${components.length} (names too long to list)`;
}

/**
 * The plan for one provider: `components` are the status page component names the register holds
 * for it, `existing` what it records now. A party it already has gets the regions it lacks (its
 * kind, purpose and note, entered or imported before, stay); parties past the per-provider limit
 * are skipped with the reason.
 */
export function planStatusComponents(components: readonly string[], existing: readonly Upstream[]): StatusComponentPlan {
  const found = new Map<string, { party: CatalogueParty; components: string[]; regions: string[] }>();
  const unmatched: string[] = [];
  for (const component of components) {
    const parties = partiesInComponent(component);
    if (parties.length === 0) unmatched.push(component);
    for (const party of parties) {
      const entry = found.get(party.id) ?? { party, components: [], regions: [] };
      found.set(party.id, entry);
      if (!entry.components.includes(component)) entry.components.push(component);
      for (const code of regionsInComponent(party, component)) if (!entry.regions.includes(code)) entry.regions.push(code);
    }
  }
  const held = new Map(existing.map((u) => [canonicalPartyKey(u), u]));
  let count = existing.length;
  const rows = [...found.values()].map(({ party, components: named, regions }): StatusComponentPlanRow => {
    const base = { party: party.name, catalogueId: party.id, kind: party.kinds[0] ?? 'other', purpose: purposeOf(named), location: '', upstreamId: null, components: named };
    const stored = held.get(canonicalPartyKey({ catalogueId: party.id, party: party.name }));
    if (stored) {
      const has = new Set(stored.regions.map((r) => regionKey(r.code)));
      const lacking = regions.filter((code) => !has.has(regionKey(code)));
      const room = Math.max(0, MAX_UPSTREAM_REGIONS - stored.regions.length);
      const added = lacking.slice(0, room);
      const kept = { ...base, party: stored.party, kind: stored.kind, purpose: stored.purpose, location: stored.location, upstreamId: stored.id, regions: added };
      const over = lacking.length > room ? `; ${lacking.length - room} more left out (at most ${MAX_UPSTREAM_REGIONS} regions)` : '';
      if (added.length === 0) return { ...kept, action: 'unchanged', reason: over ? over.slice(2) : 'the provider already records it with these regions' };
      return { ...kept, action: 'update', reason: `regions added: ${added.join(', ')}${over}` };
    }
    if (count >= MAX_UPSTREAMS_PER_PROVIDER) return { ...base, regions, action: 'skip', reason: `the provider would have more than ${MAX_UPSTREAMS_PER_PROVIDER} fourth parties` };
    count++;
    return { ...base, regions: regions.slice(0, MAX_UPSTREAM_REGIONS), action: 'add', reason: '' };
  });
  return { rows, unmatched };
}
