// How an incident's impact is shown everywhere on screen: its name, its colour class and a shape
// of its own (the timeline's marks, the list's badges, the legend), so colour is never the only sign.
import { INCIDENT_IMPACT_LABELS } from '../../../../shared/domain/labels';
import type { IncidentImpact } from '../../../../shared/domain/incidents';

/** Most serious first: the timeline's lanes top to bottom, the measures' order. */
export const IMPACT_ORDER: readonly IncidentImpact[] = ['critical', 'major', 'minor', 'none'];

/** The shape of each impact as a text symbol (badges, legend in words) and as the timeline draws it. */
export const IMPACT_SYMBOLS: Readonly<Record<IncidentImpact, string>> = {
  critical: '◆',
  major: '■',
  minor: '▲',
  none: '●',
};

export function impactLabel(impact: IncidentImpact): string {
  return INCIDENT_IMPACT_LABELS[impact] ?? impact;
}
