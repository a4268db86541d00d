// The review report's "Concentration" part (issue 21): the provider's own upstreams (fourth
// parties) as the register held them on the report's date, which other providers of the register
// share each one (critical path marked), and what the loss of each recorded region — or of the
// whole party, when no region is recorded — would mean to this provider (its blast-radius outcome
// and why). Pure: it prints the facts electron/core/services/concentration.ts gathered.
import type { UpstreamKind, UpstreamSource } from '../domain/upstream';
import type { BlastOutcome } from '../upstream/blast-radius';
import type { ProviderRef, RegionRef } from '../upstream/register-index';
import { COLOURS, dataTable, heading, keepWithNext, paragraph, plain } from './blocks';
import type { Cell } from './blocks';
import { outcomeCell } from './concentration-tables';
import { KIND_WORDS, SOURCE_WORDS, plural, regionText } from './concentration-words';
import type { DocNode, DocNodeObject } from './types';

/** Printed, word for word, when the provider records no fourth party: never an empty part. */
export const NO_UPSTREAMS = 'No fourth party (hosting, CDN, DNS, e-mail, payment, identity) is recorded for this provider.';

export interface ProviderUpstreamFacts {
  party: string;
  kind: UpstreamKind;
  source: UpstreamSource;
  regions: Pick<RegionRef, 'code' | 'name'>[];
  /** Recorded by the date but changed after it: shown as recorded today. */
  changedAfter: boolean;
  /** Other providers of the register (not retired) that name the same party, critical path first. */
  sharedWith: ProviderRef[];
  /** One per recorded region (its loss), or one for the whole party when none is recorded. */
  outages: { region: Pick<RegionRef, 'code' | 'name'> | null; outcome: BlastOutcome; reason: string }[];
}

export interface ProviderConcentration {
  asOf: string;
  upstreams: ProviderUpstreamFacts[];
  /** The provider's upstreams recorded after the date: left out. */
  recordedAfter: number;
  /** The provider was retired on the date: concentration leaves it out, so no outcome is given. */
  retired: boolean;
}

const muted = (text: string): DocNodeObject => ({ text: plain(text), style: ['small', 'muted'] });

function sharedCell(u: ProviderUpstreamFacts): Cell {
  if (u.sharedWith.length === 0) return { text: 'No other provider', color: COLOURS.muted };
  return u.sharedWith.map((p) => `${plain(p.name)}${p.criticalPath ? ' (critical path)' : ''}`).join(', ');
}

function upstreamRows(facts: ProviderConcentration): Cell[][] {
  return facts.upstreams.map((u) => [
    { text: `${plain(u.party)}${u.changedAfter ? ' *' : ''}`, bold: true },
    KIND_WORDS[u.kind],
    u.regions.length > 0 ? u.regions.map(regionText).join('\n') : { text: 'Not recorded', color: COLOURS.muted },
    SOURCE_WORDS[u.source],
    sharedCell(u),
  ]);
}

function outageRows(facts: ProviderConcentration): Cell[][] {
  return facts.upstreams.flatMap((u) =>
    u.outages.map((o): Cell[] => [o.region ? `${plain(u.party)} ${regionText(o.region)}` : `${plain(u.party)} (the whole party)`, outcomeCell(o.outcome), plain(o.reason)]),
  );
}

export function concentrationPart(facts: ProviderConcentration, options: { toc: boolean }): DocNode[] {
  const { toc } = options;
  const head = heading('Concentration', 1, { toc });
  const later = facts.recordedAfter > 0 ? [muted(`${plural(facts.recordedAfter, 'fourth party', 'fourth parties')} recorded after ${facts.asOf} ${facts.recordedAfter === 1 ? 'is' : 'are'} not part of this report.`)] : [];
  const intro = muted(
    `The provider's own upstreams (fourth parties) as recorded in the register on or before ${facts.asOf}, the other providers of the register that name the same party, ` +
      `and what an outage of each recorded region (or of the whole party, when no region is recorded) would mean to this provider. Outcomes rest on the recorded upstreams ` +
      `and the answers on regional failover of the review decided on or before ${facts.asOf}; an answer of a review not decided by then never decides an outcome.`,
  );
  if (facts.upstreams.length === 0) return keepWithNext(head, [intro, { text: NO_UPSTREAMS, style: 'paragraph', bold: true }, ...later]);
  const out: DocNode[] = [
    ...keepWithNext(head, [intro, dataTable(['Fourth party', 'Kind', 'Regions', 'Source', 'Also used by'], upstreamRows(facts), [110, 55, '*', 85, 120])]),
  ];
  if (facts.upstreams.some((u) => u.changedAfter)) out.push(muted(`* Changed after ${facts.asOf}: shown as recorded today, not as on ${facts.asOf}.`));
  out.push(...later);
  if (facts.retired) {
    out.push(paragraph(`The provider was retired on ${facts.asOf}: concentration and blast radius leave retired providers out.`));
  } else {
    out.push(...keepWithNext(heading('If a region goes down', 2, { toc }), [dataTable(['Outage', 'This provider', 'Why'], outageRows(facts), [170, 80, '*'])]));
  }
  return out;
}
