// The Upstreams form's draft: what the fields hold, how a stored upstream fills them, and what is
// sent — a whole input for a new one, only what changed for an edit.
import type { UpstreamView } from '../../../../shared/api';
import type { UpstreamInput, UpstreamKind, UpstreamPatch, UpstreamRegion } from '../../../../shared/domain/upstream';
import { regionKey } from '../../../../shared/domain/upstream';
import type { CatalogueParty } from '../../../../shared/upstream/catalogue';

export interface UpstreamDraft {
  party: string;
  kind: UpstreamKind;
  regions: UpstreamRegion[];
  purpose: string;
  location: string;
  note: string;
}

/** Field names as the messages say them ("Fourth party is required"); the API's paths map onto these. */
export const UPSTREAM_LABELS: Record<keyof UpstreamDraft, string> = {
  party: 'Fourth party',
  kind: 'Kind',
  regions: 'Region',
  purpose: 'Purpose',
  location: 'Location',
  note: 'Note',
};

export const emptyUpstreamDraft = (): UpstreamDraft => ({ party: '', kind: 'hosting', regions: [], purpose: '', location: '', note: '' });

export const draftOfUpstream = (u: UpstreamView): UpstreamDraft => ({
  party: u.party,
  kind: u.kind,
  regions: u.regions.map((r) => ({ ...r })),
  purpose: u.purpose,
  location: u.location,
  note: u.note,
});

export function hasRegion(regions: readonly UpstreamRegion[], code: string): boolean {
  return regions.some((r) => regionKey(r.code) === regionKey(code));
}

export function upstreamInputOf(vendorId: string, draft: UpstreamDraft, picked: CatalogueParty | null): UpstreamInput {
  return { vendorId, ...draft, party: draft.party.trim(), catalogueId: picked?.id ?? null };
}

const sameRegions = (a: readonly UpstreamRegion[], b: readonly UpstreamRegion[]) =>
  a.length === b.length && a.every((r, i) => r.code === b[i]!.code && r.uses === b[i]!.uses);

/** Only the fields that differ from the stored upstream; the catalogue id goes with a changed name. */
export function upstreamPatchOf(u: UpstreamView, draft: UpstreamDraft, picked: CatalogueParty | null): UpstreamPatch {
  const patch: UpstreamPatch = {};
  if (draft.party.trim() !== u.party) {
    patch.party = draft.party.trim();
    patch.catalogueId = picked?.id ?? null;
  }
  if (draft.kind !== u.kind) patch.kind = draft.kind;
  if (!sameRegions(draft.regions, u.regions)) patch.regions = draft.regions;
  if (draft.purpose !== u.purpose) patch.purpose = draft.purpose;
  if (draft.location !== u.location) patch.location = draft.location;
  if (draft.note !== u.note) patch.note = draft.note;
  return patch;
}
