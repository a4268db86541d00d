// What importing a provider's subprocessor list would do (issue 21), row by row, before anything is
// written: each row becomes a new upstream, updates the one the provider already has under the same
// party (partyKey), leaves it as it is, or is skipped with the reason. The service shows this as the
// preview (a dry run) and writes exactly it on import. Pure.
import { MAX_UPSTREAMS_PER_PROVIDER, type Upstream, type UpstreamKind } from '../domain/upstream';
import { catalogueParty, findCatalogueParty } from './catalogue';
import { canonicalPartyKey } from './register-index';
import type { SubprocessorRow } from './subprocessor-file';

/** The domain's limits on the fields a list fills (shared/domain/upstream.ts). */
const MAX = { party: 200, purpose: 500, location: 200 } as const;

export type SubprocessorAction = 'add' | 'update' | 'unchanged' | 'skip';

export interface SubprocessorPlanRow {
  /** The CSV line, or the JSON array's position from 1. */
  line: number;
  action: SubprocessorAction;
  /** The upstream the row would become (for a skipped row: what it read). */
  party: string;
  catalogueId: string | null;
  kind: UpstreamKind;
  purpose: string;
  location: string;
  /** update/unchanged: the provider's upstream it matched. */
  upstreamId: string | null;
  /** skip: why; update: what changes; else ''. */
  reason: string;
}

/** Words in a purpose that say what kind of fourth party it is, checked in this order. */
const KIND_WORDS: readonly [UpstreamKind, RegExp][] = [
  ['cdn', /\b(cdn|content delivery|edge network)\b/i],
  ['dns', /\bdns\b|domain name/i],
  ['email', /\b(e-?mail|smtp|mailing|newsletter)\b/i],
  ['payment', /\b(payment|payments|billing|card processing|invoic\w*)\b/i],
  ['identity', /\b(identity|authentication|single sign-on|sso|login)\b/i],
  ['hosting', /\b(hosting|hosted|cloud|infrastructure|data ?cent(er|re)|servers?|storage|compute|iaas|paas)\b/i],
];

/** The catalogue's usual kind for a party it knows, else the purpose's words, else "other". */
export function guessKind(catalogueId: string | null, purpose: string): UpstreamKind {
  const known = catalogueId === null ? null : catalogueParty(catalogueId);
  if (known && known.kinds.length > 0) return known.kinds[0]!;
  return KIND_WORDS.find(([, words]) => words.test(purpose))?.[0] ?? 'other';
}

const tooLong = (field: keyof typeof MAX, value: string) => (value.length > MAX[field] ? `the ${field} is longer than ${MAX[field]} characters` : null);

/**
 * The plan for one provider: `existing` is what it holds now. A row whose party the provider already
 * has updates that upstream's purpose and location, those the file has a column for (its kind,
 * regions and note, entered here, stay);
 * a party named twice in the file is taken once; rows past the per-provider limit are skipped.
 */
export function planSubprocessorImport(
  rows: readonly SubprocessorRow[],
  existing: readonly Upstream[],
  /** Whether the file has a column for each: one it lacks leaves the stored value as it is. */
  columns: { purpose: boolean; location: boolean } = { purpose: true, location: true },
): SubprocessorPlanRow[] {
  const held = new Map(existing.map((u) => [canonicalPartyKey(u), u]));
  const firstLine = new Map<string, number>();
  let count = existing.length;
  return rows.map((row) => {
    const catalogueId = row.party === '' ? null : (findCatalogueParty(row.party)?.id ?? null);
    const base = { line: row.line, party: row.party, catalogueId, kind: guessKind(catalogueId, row.purpose), purpose: row.purpose, location: row.location, upstreamId: null };
    const skip = (reason: string): SubprocessorPlanRow => ({ ...base, action: 'skip', reason });
    if (row.party === '') return skip('no name in the name column');
    const long = tooLong('party', row.party) ?? tooLong('purpose', row.purpose) ?? tooLong('location', row.location);
    if (long) return skip(long);
    const key = canonicalPartyKey({ catalogueId, party: row.party });
    const first = firstLine.get(key);
    if (first !== undefined) return skip(`the same party as line ${first}`);
    firstLine.set(key, row.line);
    const stored = held.get(key);
    if (stored) {
      const purpose = columns.purpose ? row.purpose : stored.purpose;
      const location = columns.location ? row.location : stored.location;
      const changes = [
        ...(stored.purpose !== purpose ? [`purpose "${stored.purpose}" → "${purpose}"`] : []),
        ...(stored.location !== location ? [`location "${stored.location}" → "${location}"`] : []),
      ];
      // What the register holds about it already (its kind, the name as first written) is kept.
      const kept = { ...base, party: stored.party, catalogueId: stored.catalogueId, kind: stored.kind, purpose, location, upstreamId: stored.id };
      return changes.length === 0 ? { ...kept, action: 'unchanged', reason: '' } : { ...kept, action: 'update', reason: changes.join('; ') };
    }
    if (count >= MAX_UPSTREAMS_PER_PROVIDER) return skip(`the provider would have more than ${MAX_UPSTREAMS_PER_PROVIDER} fourth parties`);
    count++;
    return { ...base, action: 'add', reason: '' };
  });
}
