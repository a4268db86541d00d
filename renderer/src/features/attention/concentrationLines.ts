// Fourth parties (or one of their regions) carrying more of the critical path than the Settings
// threshold allows, as Needs attention lines that open the Concentration page.
import type { ConcentrationAttention } from '../../../../shared/api';
import { percent } from '../../../../shared/reports/concentration-words';
import { hrefs } from '../../app/router';
import type { AttentionLine } from './attentionItems';

export function concentrationLines(alerts: readonly ConcentrationAttention[]): AttentionLine[] {
  return alerts.map((a) => ({
    key: `concentration-${a.partyKey}-${a.region?.key ?? ''}`,
    href: hrefs.concentration,
    vendorName: a.region ? `${a.party} ${a.region.code}` : a.party,
    text: `carries ${a.criticalProviders} of your ${a.criticalPathProviders} critical-path ${a.criticalPathProviders === 1 ? 'provider' : 'providers'} (${percent(a.criticalShare)})`,
    when: 'more than the threshold set in Settings',
    tone: 'warning',
  }));
}
