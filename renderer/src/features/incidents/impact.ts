// How an incident's impact is shown everywhere on screen: its name, its colour class and a shape
// of its own (the timeline's marks, the list's badges, the legend), so colour is never the only sign.
// A history feed gives no impact (the record holds a placeholder and the measures leave it out of
// everything the impact decides): such an incident is shown as "impact not given", never as minor.
import type { IncidentView } from '../../../../shared/api';
import type { IncidentImpact } from '../../../../shared/domain/incidents';
import { INCIDENT_IMPACT_LABELS } from '../../../../shared/domain/labels';

/** Most serious first: the timeline's lanes top to bottom, the measures' order. */
export const IMPACT_ORDER: readonly IncidentImpact[] = ['critical', 'major', 'minor', 'none'];

/** An impact, or "not given" (a history feed's incident). */
export type Lane = IncidentImpact | 'unknown';

/** The shape of each impact as a text symbol (badges, legend in words) and as the timeline draws it. */
export const IMPACT_SYMBOLS: Readonly<Record<Lane, string>> = {
  critical: '◆',
  major: '■',
  minor: '▲',
  none: '●',
  unknown: '?',
};

export function impactLabel(impact: Lane): string {
  return impact === 'unknown' ? 'Impact not given' : (INCIDENT_IMPACT_LABELS[impact] ?? impact);
}

/** False for an incident from a history feed, which says nothing of how bad it was. */
export function impactKnown(i: Pick<IncidentView, 'source'>): boolean {
  return i.source !== 'feed';
}

export function laneOf(i: Pick<IncidentView, 'source' | 'impact'>): Lane {
  return impactKnown(i) ? i.impact : 'unknown';
}
