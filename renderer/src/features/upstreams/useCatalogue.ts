// The built-in catalogue of fourth parties, read once per app run (it ships with the app and never
// changes while it runs), and the lookup that turns a typed name into a catalogued party.
import { useEffect, useState } from 'react';
import type { CatalogueParty } from '../../../../shared/upstream/catalogue';
import { api } from '../../api/client';

let held: readonly CatalogueParty[] | null = null;
let pending: Promise<readonly CatalogueParty[]> | null = null;

function loadCatalogue(): Promise<readonly CatalogueParty[]> {
  pending ??= api['upstream.catalogue']({}).then((r) => {
    // A failed read leaves the pick empty; free text still works, and the next opening asks again.
    if (!r.ok) {
      pending = null;
      return [];
    }
    held = r.value;
    return r.value;
  });
  return pending;
}

export function useCatalogue(): readonly CatalogueParty[] {
  const [parties, setParties] = useState<readonly CatalogueParty[]>(held ?? []);
  useEffect(() => {
    if (held) return;
    let live = true;
    void loadCatalogue().then((p) => live && setParties(p));
    return () => {
      live = false;
    };
  }, []);
  return parties;
}

const fold = (s: string) => s.trim().toLowerCase();

/** The catalogued party a typed name means: its name or one of its aliases, without case. */
export function matchCatalogue(parties: readonly CatalogueParty[], typed: string): CatalogueParty | null {
  const wanted = fold(typed);
  if (wanted === '') return null;
  return parties.find((p) => fold(p.name) === wanted || p.aliases.some((a) => fold(a) === wanted)) ?? null;
}
