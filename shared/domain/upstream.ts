// Fourth parties (issue 21): what a provider itself runs on — its hosting cloud and regions, CDN,
// DNS, e-mail, payment, identity. Recorded per provider, so the register can show where several
// providers share one upstream (concentration) and who goes down with it (blast radius).
// Pure zod schemas: the same rules validate the UI form, the API boundary and the CLI.
import { z } from 'zod';

export const UPSTREAM_KINDS = ['hosting', 'cdn', 'dns', 'email', 'payment', 'identity', 'other'] as const;
export const UpstreamKind = z.enum(UPSTREAM_KINDS);
export type UpstreamKind = z.infer<typeof UpstreamKind>;

/**
 * Where the entry came from: typed in (or picked from the catalogue), read from the provider's
 * published subprocessor list, or from its status page's components.
 */
export const UPSTREAM_SOURCES = ['entered', 'subprocessor_list', 'status_components'] as const;
export const UpstreamSource = z.enum(UPSTREAM_SOURCES);
export type UpstreamSource = z.infer<typeof UpstreamSource>;

export const MAX_UPSTREAM_REGIONS = 50;
/** A provider with more fourth parties than this is better served by its own register. */
export const MAX_UPSTREAMS_PER_PROVIDER = 200;

const text = (max: number) => z.string().trim().max(max);

/**
 * A region code as its cloud writes it (us-east-1, europe-west3, eastus) or a place ("Frankfurt").
 * Compared case-insensitively (see `regionKey`).
 */
export const RegionCode = text(60)
  .min(1, 'must not be empty')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:()/-]*$/u, 'must be a region code such as us-east-1 or a place name');

export const UpstreamRegion = z
  .object({
    code: RegionCode,
    /** Which of your uses of the provider depend on this region ("EU customers' databases"); '' when not said. */
    uses: text(200).default(''),
  })
  .strict();
export type UpstreamRegion = z.infer<typeof UpstreamRegion>;

const Regions = z
  .array(UpstreamRegion)
  .max(MAX_UPSTREAM_REGIONS, `must list at most ${MAX_UPSTREAM_REGIONS} regions`)
  .refine((rs) => new Set(rs.map((r) => regionKey(r.code))).size === rs.length, 'lists a region twice');

const upstreamFields = {
  /** The fourth party's name as shown ("Amazon Web Services"). */
  party: text(200).min(1, 'is required'),
  /** The built-in catalogue's id when picked from it ("aws"); null for free text. */
  catalogueId: z.string().max(60).nullable(),
  kind: UpstreamKind,
  regions: Regions,
  /** What the provider uses it for, as its subprocessor list says ("Hosting", "Transactional e-mail"). */
  purpose: text(500),
  /** Where, as the provider's list says ("United States", "EU"): kept as written. */
  location: text(200),
  source: UpstreamSource,
  note: text(5000),
};

export const UpstreamInput = z
  .object({
    vendorId: z.string().min(1).max(100),
    party: upstreamFields.party,
    catalogueId: upstreamFields.catalogueId.default(null),
    kind: upstreamFields.kind,
    regions: Regions.default([]),
    purpose: upstreamFields.purpose.default(''),
    location: upstreamFields.location.default(''),
    source: upstreamFields.source.default('entered'),
    note: upstreamFields.note.default(''),
  })
  .strict();
export type UpstreamInput = z.input<typeof UpstreamInput>;

/** Every editable field, none defaulted, so a patch never resets what it does not name. */
export const UpstreamPatch = z
  .object({
    party: upstreamFields.party,
    catalogueId: upstreamFields.catalogueId,
    kind: upstreamFields.kind,
    regions: Regions,
    purpose: upstreamFields.purpose,
    location: upstreamFields.location,
    note: upstreamFields.note,
  })
  .partial()
  .strict();
export type UpstreamPatch = z.infer<typeof UpstreamPatch>;

/** One fourth party of one provider, as stored. */
export interface Upstream {
  id: string;
  vendorId: string;
  party: string;
  catalogueId: string | null;
  kind: UpstreamKind;
  regions: UpstreamRegion[];
  purpose: string;
  location: string;
  source: UpstreamSource;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** Region codes compare without case and surrounding space: "US-East-1" is us-east-1. */
export function regionKey(code: string): string {
  return code.trim().toLowerCase();
}

/**
 * The identity of a fourth party across providers: the catalogue id when there is one, else the
 * name folded (case, spaces, a trailing legal form such as "Inc." or "GmbH"), so "Fastly, Inc." typed
 * by one reviewer and "fastly" by another are one party.
 */
export function partyKey(party: { catalogueId: string | null; party: string }): string {
  if (party.catalogueId) return `catalogue:${party.catalogueId}`;
  const folded = party.party
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[,.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (inc|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co)$/u, '');
  return `name:${folded}`;
}
