import { registerTier, type TierBasis } from '../../../shared/register/tier-basis';
import type { VendorSummary } from '../../../shared/api';
import { table, percent, score } from '../format';
import type { Session } from '../session';
import { must } from '../session';

/** The Basis column: what kind of tier the Tier column shows (the app's register and CSV read the same rule). */
const BASIS_WORDS: Readonly<Record<TierBasis, string>> = {
  decided: 'decided review',
  not_decided: 'review not decided',
  inherent: 'inherent, not reviewed',
};

/** The tier the register shows for a provider, and its kind (shared/register/tier-basis.ts). */
function shownTier(v: VendorSummary) {
  return registerTier({ reviewStatus: v.reviewStatus, tier: v.tier, lastDecidedAt: v.lastReviewed, inherentTier: v.inherentTier });
}

export async function listCommand(session: Session, json: boolean): Promise<void> {
  const vendors = must(await session.api['vendor.list']({}));
  if (json) {
    const rows = vendors.map((v) => {
      const shown = shownTier(v);
      return {
        id: v.id, name: v.name, category: v.category, status: v.status, criticalPath: v.criticalPath,
        // tier: the newest review's tier (null without one); shownTier/tierBasis: what the register shows and why.
        score: v.score, tier: v.tier, shownTier: shown.tier, tierBasis: shown.basis, inherentTier: v.inherentTier,
        state: v.state, completion: v.completion, knockouts: v.knockouts, lastReviewed: v.lastReviewed,
      };
    });
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  if (vendors.length === 0) {
    process.stdout.write('The register is empty. Add a provider with `vetted vendor add NAME` or load `vetted demo`.\n');
    return;
  }
  process.stdout.write(
    table(
      ['Name', 'Category', 'Score', 'Tier', 'Basis', 'Completion', 'Status'],
      vendors.map((v) => {
        const shown = shownTier(v);
        const tier = shown.tier ?? (v.state === 'incomplete' ? 'incomplete' : '-');
        return [v.name, v.category, score(v.score), tier, shown.basis ? BASIS_WORDS[shown.basis] : '-', percent(v.completion), v.status];
      }),
    ) + '\n',
  );
}
