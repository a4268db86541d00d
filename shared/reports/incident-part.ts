// The review report's "Incident record" part: what the provider's incident record (its status
// page, and what your team lived through) shows over the twelve months up to the report's date;
// the measures in sentences, each with how many incidents it rests on; the major and critical
// incidents in a table; the incident-transparency answers of the review the report shows held
// against the record. Pure: it prints the facts of incident-facts.ts, which say what the register
// held on the report's date; where the register cannot say (incidents changed since, settings
// without history) the part says so in words. When no record is held it says that too: a reader
// must never take silence for "no incidents".
import { answerLabel } from '../domain/answers';
import { POSTMORTEM_GRACE_DAYS, type IncidentClaimCheck } from '../domain/incidents';
import { INCIDENT_IMPACT_LABELS, INCIDENT_SOURCE_LABELS, labelOf } from '../domain/labels';
import { questionIndex, type Template } from '../domain/template';
import { KEY_VALUE_LAYOUT, TIER_COLOURS, dataTable, heading, keepWithNext, keyValueTable, paragraph, plain } from './blocks';
import type { Cell } from './blocks';
import { durationText, recordHeld, shareText, type ProviderIncidents, type SignificantIncident } from './incident-facts';
import { utcInstantText } from './maintenance-facts';
import type { DocNode, DocNodeObject } from './types';

/** Printed, word for word, when the register holds no incident record of the provider on the date. */
export const NO_INCIDENT_RECORD = 'No incident record is held for this provider: incident transparency was not measured.';
/** The verdict of a claim the record contradicts. */
export const CLAIM_CONTRADICTED = 'Claim contradicted by the incident record';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const muted = (text: string): DocNodeObject => ({ text: plain(text), style: ['small', 'muted'] });
const incidentTitle = (title: string) => plain(title).replace(/\s+/g, ' ').trim() || 'Incident';
const overIncidents = (n: number) => `over ${plural(n, 'incident')}`;

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function basis(facts: ProviderIncidents, draft: boolean): DocNode[] {
  const { from, to } = facts.period;
  const out: DocNode[] = [
    paragraph(
      `From the register's incident record of this provider: incidents that started in the twelve months from ${from} to ${to} (UTC days) ` +
        `and were recorded on or before ${to}. Updates, resolutions and postmortems dated after ${to} are left out, so an incident resolved ` +
        `later is shown as open on ${to}. The register keeps incidents as current records (edits and deletions are in its audit trail, ` +
        `not kept as versions): each is shown as last recorded, and one deleted since is not shown. The answers held against the record ` +
        `are those of the ${draft ? 'review in progress (DRAFT)' : 'review this report shows'}.`,
      ['small', 'muted'],
    ),
  ];
  if (facts.changed.lastDay !== null) {
    out.push({
      text:
        `Changed after ${to}: ${plural(facts.changed.count, 'incident')} of the period, shown as recorded at ${facts.changed.count === 1 ? 'its' : 'their'} ` +
        `last change (the latest on ${facts.changed.lastDay}), less what is dated after ${to}.`,
      style: 'paragraph',
      bold: true,
    });
  }
  return out;
}

/** Where the record comes from and when it was last read from the status page. */
function sourceLines(facts: ProviderIncidents): DocNode[] {
  const { to } = facts.period;
  const sources = facts.sources.map((s) => `${labelOf(INCIDENT_SOURCE_LABELS, s.source)} (${s.count})`);
  const refreshed = facts.refreshed
    ? `Last refreshed from the status page on ${utcInstantText(facts.refreshed.at)}${facts.refreshed.from ? `, from ${plain(facts.refreshed.from)}` : ''}.`
    : facts.refreshedAfter
      ? `Last refreshed from the status page after ${to}; whether it was refreshed on or before ${to} is not kept.`
      : `Not refreshed from the status page on or before ${to}.`;
  const rows: Array<[string, Cell]> = [
    ['Source of the record', sources.length > 0 ? `${listOf(sources)}.` : 'No incident in the period.'],
    ['Status page', refreshed],
  ];
  return [keyValueTable(rows, { labelWidth: 120 })];
}

function byImpactText(facts: ProviderIncidents): string {
  const m = facts.measures;
  const parts = (['critical', 'major', 'minor', 'none'] as const)
    .filter((i) => m.byImpact[i] > 0)
    .map((i) => `${m.byImpact[i]} ${i === 'none' ? 'without impact' : labelOf(INCIDENT_IMPACT_LABELS, i).toLowerCase()}`);
  if (m.impactUnknown > 0) parts.push(`${m.impactUnknown} from a history feed, which gives no impact (counted in nothing the impact decides)`);
  const started = `${plural(m.total, 'incident')} started in the period: ${listOf(parts)}.`;
  const open = m.open > 0 ? ` ${m.open} ${m.open === 1 ? 'was' : 'were'} still open at the end of ${facts.asOf}.` : ` None was open at the end of ${facts.asOf}.`;
  return started + open;
}

function notOnStatusPageText(facts: ProviderIncidents): string {
  const n = facts.measures.notOnStatusPage;
  if (n === 0) return `None: every incident in the period is on their status page (${overIncidents(facts.measures.total)}).`;
  return `${plural(n, 'incident')} your team recorded ${n === 1 ? 'was' : 'were'} not on their status page, of ${plural(facts.measures.total, 'incident')} in the period.`;
}

function firstUpdateText(facts: ProviderIncidents): string {
  const f = facts.measures.firstUpdate;
  const none = f.withoutUpdate > 0 ? ` ${plural(f.withoutUpdate, 'incident')} had no public update by the end of ${facts.asOf}.` : '';
  const unmeasured =
    f.notMeasured > 0
      ? ` ${plural(f.notMeasured, 'incident')} from a feed or Instatus ${f.notMeasured === 1 ? 'is' : 'are'} not measured: the source gives no start apart from the first post.`
      : '';
  if (f.median === null || f.p90 === null) return `Not measured: no incident with a measurable start had a public update.${none}${unmeasured}`;
  return `Median ${durationText(f.median)}, 90th percentile ${durationText(f.p90)} from the start to the first public update, ${overIncidents(f.measured)} with one.${none}${unmeasured}`;
}

function resolveText(facts: ProviderIncidents): string {
  const t = facts.measures.timeToResolve;
  const parts = (['critical', 'major', 'minor', 'none'] as const)
    .filter((i) => t[i].measured > 0 && t[i].median !== null)
    .map((i) => `${i === 'none' ? 'without impact' : labelOf(INCIDENT_IMPACT_LABELS, i).toLowerCase()}: median ${durationText(t[i].median!)} ${overIncidents(t[i].measured)}`);
  const open = facts.measures.open > 0 ? ` Open ones (${facts.measures.open}) are not counted.` : '';
  if (parts.length === 0) return `Not measured: no incident was resolved by the end of ${facts.asOf}.${open}`;
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.${open}`;
}

function postmortemText(facts: ProviderIncidents): string {
  const p = facts.measures.postmortems;
  const grace = `resolved at least ${POSTMORTEM_GRACE_DAYS} days before the end of the period`;
  if (p.due === 0) return `None due: no major or critical incident was ${grace}.`;
  const share = p.share === null ? '' : ` (${shareText(p.share)})`;
  const days = p.medianDaysToPublish === null ? '' : ` Median ${p.medianDaysToPublish} days from the resolution to publication, over those with a known date.`;
  return `${p.published} of ${plural(p.due, 'major or critical incident')} ${grace} ${p.due === 1 ? 'has' : 'have'} a postmortem on record${share}.${days}`;
}

function updatesText(facts: ProviderIncidents): string {
  const rate = facts.measures.updatesPerIncidentHour;
  if (rate === null) return 'Not measured: no incident was open for any length of time.';
  return `${rate} public updates per hour an incident was open, ${overIncidents(facts.measures.total)} (open ones counted to the end of ${facts.asOf}).`;
}

function silenceText(facts: ProviderIncidents): string {
  const s = facts.measures.longestSilence;
  if (s === null) return 'Not measured: no incident on their status page had a public update while it was open.';
  return `${durationText(s.minutes)} without a public update while “${incidentTitle(s.title)}” was open, the longest ${overIncidents(facts.silenceOver)} on their status page with an update.`;
}

function availabilityText(facts: ProviderIncidents): string {
  const a = facts.measures.availability;
  const components = facts.componentsUsed.length > 0 ? `on the components you use (${listOf(facts.componentsUsed.map((c) => plain(c)))})` : 'on any component (no components in use are set)';
  if (a === null) return 'Not estimated: no incident whose impact is known started in the period.';
  const worst = a.worstMonth ? `; worst month ${a.worstMonth.month} at ${a.worstMonth.percent}%` : '';
  return (
    `${a.percent}% over the period${worst}. An estimate: major and critical incidents ${components} count as down for their whole length, ` +
    `${overIncidents(facts.availabilityOver)}. The components in use are as set now: the register keeps no history of that setting.`
  );
}

function measuresPart(facts: ProviderIncidents, toc: boolean): DocNode[] {
  const rows: Array<[string, Cell]> = [
    ['Incidents by impact', byImpactText(facts)],
    ['Not on their status page', notOnStatusPageText(facts)],
    ['First public update', firstUpdateText(facts)],
    ['Time to resolve', resolveText(facts)],
    ['Postmortems', postmortemText(facts)],
    ['Updates while open', updatesText(facts)],
    ['Longest silence', silenceText(facts)],
    ['Estimated availability', availabilityText(facts)],
  ];
  // The heading stays with the first rows; the rest may start a page of their own, so a tall
  // table does not leave most of a page empty. The two tables read as one (no rule between them).
  const [first, rest] = [rows.slice(0, 2), rows.slice(2)];
  return [
    ...keepWithNext(heading('Measured from the record', 2, { toc }), [keyValueTable(first, { labelWidth: MEASURE_LABEL_WIDTH, margin: [0, 2, 0, 0] })]),
    // A rule on top, where the first table's last row ends.
    { ...keyValueTable(rest, { labelWidth: MEASURE_LABEL_WIDTH, margin: [0, 0, 0, 10] }), layout: CONTINUED_LAYOUT },
  ];
}

const MEASURE_LABEL_WIDTH = 120;
const CONTINUED_LAYOUT = { ...KEY_VALUE_LAYOUT, hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length ? 0 : 0.3) };

function firstUpdateCell(i: SignificantIncident, asOf: string): Cell {
  if (!i.firstUpdateMeasured) return muted('not measured: no separate start');
  return i.firstUpdateMinutes === null ? { text: `None by ${asOf}`, bold: true } : durationText(i.firstUpdateMinutes);
}

function resolvedCell(i: SignificantIncident, asOf: string): Cell {
  return i.resolveMinutes === null ? { text: `Open on ${asOf}`, bold: true, color: TIER_COLOURS.critical } : durationText(i.resolveMinutes);
}

function postmortemCell(i: SignificantIncident): Cell {
  if (i.postmortem) return 'Yes';
  if (!i.postmortemDue) return [{ text: 'No' }, muted(i.resolveMinutes === null ? 'not due while open' : 'not yet due')];
  return { text: 'No', bold: true, color: TIER_COLOURS.critical };
}

function titleCell(i: SignificantIncident, asOf: string): Cell {
  const stack: DocNode[] = [{ text: incidentTitle(i.title) }];
  if (!i.onStatusPage) stack.push({ text: 'Not on their status page', style: 'small', bold: true, color: TIER_COLOURS.critical });
  if (i.changedOn !== null) stack.push(muted(`Changed on ${i.changedOn}, after ${asOf}: shown as recorded then.`));
  return stack;
}

function significantPart(facts: ProviderIncidents, toc: boolean): DocNode[] {
  const { asOf } = facts;
  const lead = muted(
    `Every major and critical incident that started in the period, earliest first (a history feed gives no impact: its incidents are not here). ` +
      `Times from the start; a postmortem is due ${POSTMORTEM_GRACE_DAYS} days after the resolution.`,
  );
  const body: DocNode[] =
    facts.significant.length === 0
      ? [paragraph('No major or critical incident started in the period.')]
      : [
          lead,
          dataTable(
            ['Started (UTC)', 'Impact', 'Incident', 'First update', 'Resolved in', 'Postmortem'],
            facts.significant.map((i): Cell[] => [
              utcInstantText(i.startedAt).replace(/ UTC$/, ''),
              labelOf(INCIDENT_IMPACT_LABELS, i.impact),
              titleCell(i, asOf),
              firstUpdateCell(i, asOf),
              resolvedCell(i, asOf),
              postmortemCell(i),
            ]),
            [70, 38, '*', 58, 60, 56],
          ),
        ];
  return keepWithNext(heading('Major and critical incidents', 2, { toc }), body);
}

const VERDICTS: Record<Exclude<IncidentClaimCheck['verdict'], 'contradicted'>, string> = {
  consistent: 'Consistent with the record',
  untested: 'Untested: the record cannot decide it',
};

function claimsPart(facts: ProviderIncidents, template: Template, toc: boolean): DocNode[] {
  const index = questionIndex(template);
  const contradicted = facts.claims.filter((c) => c.verdict === 'contradicted').length;
  const body: DocNode[] = [
    paragraph(
      `The incident-transparency answers of the review this report shows (first update, postmortems, status page, uptime), held against the record of the period. ` +
        `A claim the record contradicts is a finding candidate: it is not a finding until one is raised.`,
      ['small', 'muted'],
    ),
  ];
  if (facts.claims.length === 0) {
    body.push(paragraph('The answers this report shows make no incident-transparency claim the record can test (those questions are not answered).'));
    return keepWithNext(heading('Incident answers against the record', 2, { toc }), body);
  }
  if (contradicted > 0) {
    body.push({
      text: `${plural(contradicted, 'claim')} contradicted by the incident record: ${contradicted === 1 ? 'a finding candidate' : 'finding candidates'}.`,
      style: 'paragraph',
      bold: true,
      color: TIER_COLOURS.critical,
    });
  }
  body.push(
    dataTable(
      ['Question', 'Answer', 'What the record shows', 'Verdict'],
      facts.claims.map((c): Cell[] => {
        const question = index.get(c.questionId)?.question;
        return [
          question ? plain(question.text) : c.questionId,
          question ? answerLabel(question, c.claimed) : String(c.claimed),
          c.words,
          c.verdict === 'contradicted' ? { text: CLAIM_CONTRADICTED, bold: true, color: TIER_COLOURS.critical } : VERDICTS[c.verdict],
        ];
      }),
      [120, 70, '*', 90],
    ),
  );
  return keepWithNext(heading('Incident answers against the record', 2, { toc }), body);
}

/** What is left out because it was recorded after the date. */
function recordedLater(facts: ProviderIncidents): DocNode[] {
  if (facts.recordedLater === 0) return [];
  const n = facts.recordedLater;
  return [muted(`${plural(n, 'incident')} that started by ${facts.asOf} but ${n === 1 ? 'was' : 'were'} recorded after it ${n === 1 ? 'is' : 'are'} not part of this report.`)];
}

/** The part, after the Maintenance part. */
export function incidentPart(facts: ProviderIncidents, options: { template: Template; draft: boolean; toc: boolean }): DocNode[] {
  const { toc } = options;
  const head = heading('Incident record', 1, { toc });
  const intro = basis(facts, options.draft);
  if (!recordHeld(facts)) {
    return [
      ...keepWithNext(head, [...intro, { text: NO_INCIDENT_RECORD, style: 'paragraph', bold: true }, ...recordedLater(facts)]),
      ...claimsPart(facts, options.template, toc),
    ];
  }
  if (facts.measures.total === 0) {
    const earlier = facts.held > 0 ? ` ${plural(facts.held, 'earlier incident')} ${facts.held === 1 ? 'is' : 'are'} on record, before the period.` : '';
    const none = `No incident that started from ${facts.period.from} to ${facts.period.to} is on record, so no measure rests on any incident.${earlier}`;
    return [
      ...keepWithNext(head, [...intro, ...sourceLines(facts), { text: none, style: 'paragraph', bold: true }, ...recordedLater(facts)]),
      ...claimsPart(facts, options.template, toc),
    ];
  }
  return [
    ...keepWithNext(head, [...intro, ...sourceLines(facts), ...recordedLater(facts)]),
    ...measuresPart(facts, toc),
    ...significantPart(facts, toc),
    ...claimsPart(facts, options.template, toc),
  ];
}

/** A rough page count of the part, for the table-of-contents decision. */
export function estimateIncidentPages(facts: ProviderIncidents | undefined): number {
  if (!facts) return 0;
  if (facts.measures.total === 0) return 0.35 + facts.claims.length * 0.05;
  return 0.9 + facts.significant.length * 0.035 + facts.claims.length * 0.05;
}
