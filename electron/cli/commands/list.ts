import { shownTierOfRow as shownTier, TIER_BASIS_LABELS } from '../../../shared/register/tier-basis';
import { standingWords } from '../../../shared/register/standing-words';
import { table, percent, score } from '../format';
import type { Session } from '../session';
import { must } from '../session';

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
        // The latest decision and the next review, as a document dated today states them.
        standing: standingWords(v.reassessment, v.reviewStatus), decision: v.reassessment.decision, nextReviewDue: v.reassessment.due,
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
      ['Name', 'Category', 'Score', 'Tier', 'Tier basis', 'Completion', 'Status', 'Standing'],
      vendors.map((v) => {
        const shown = shownTier(v);
        const tier = shown.tier ?? (v.state === 'incomplete' ? 'incomplete' : '-');
        return [v.name, v.category, score(v.score), tier, shown.basis ? TIER_BASIS_LABELS[shown.basis] : '-', percent(v.completion), v.status, standingWords(v.reassessment, v.reviewStatus)];
      }),
    ) + '\n',
  );
}
