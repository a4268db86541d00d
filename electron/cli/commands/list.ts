import { table, percent, score } from '../format';
import type { Session } from '../session';
import { must } from '../session';

export async function listCommand(session: Session, json: boolean): Promise<void> {
  const vendors = must(await session.api['vendor.list']({}));
  if (json) {
    const rows = vendors.map((v) => ({
      id: v.id, name: v.name, category: v.category, status: v.status, criticalPath: v.criticalPath,
      score: v.score, tier: v.tier, state: v.state, completion: v.completion, knockouts: v.knockouts, lastReviewed: v.lastReviewed,
    }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  if (vendors.length === 0) {
    process.stdout.write('The register is empty. Add a provider with `vetted vendor add NAME` or load `vetted demo`.\n');
    return;
  }
  process.stdout.write(
    table(
      ['Name', 'Category', 'Score', 'Tier', 'Completion', 'Status'],
      vendors.map((v) => [v.name, v.category, score(v.score), v.tier ?? (v.state === 'incomplete' ? 'incomplete' : '-'), percent(v.completion), v.status]),
    ) + '\n',
  );
}
