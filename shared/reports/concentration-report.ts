// The register-wide concentration PDF for the risk committee (issue 21): exposure to each fourth
// party and region, the blast radius of the top exposures, the signals, and what was left out.
// Pure: it prints what electron/core/services/concentration-report.ts gathered as of the date;
// every row traces to a recorded upstream, a provider's profile or a decided review's answer.
import type { BlastRadius } from '../upstream/blast-radius';
import type { Concentration, ConcentrationAlert, PartyExposure } from '../upstream/concentration';
import type { IncidentSignals, MaintenanceSignals } from '../upstream/signals';
import type { SharedUpstream } from '../upstream/shared-upstreams';
import { COLOURS, LANDSCAPE_MARGINS, dataTable, heading, keepWithNext, pageFooter, paragraph, plain, reportDocument, runningHeader } from './blocks';
import type { Cell, ColumnWidth } from './blocks';
import { blastTable } from './concentration-tables';
import { kindWords, outcomeCount, percent, plural, regionText, sharedText } from './concentration-words';
import type { DocDefinition, DocNode, DocNodeObject } from './types';

/** At most this many parties are printed in the exposure table (the rest are counted). */
export const MAX_EXPOSURE_PARTIES = 60;
/** The blast radius is shown for this many of the most exposed parties. */
export const TOP_EXPOSURES = 3;
/** At most this many groups or pairs of each signal. */
export const MAX_SIGNALS = 20;

export interface ConcentrationReportData {
  asOf: string;
  organisation: string;
  /** The Settings threshold today (Settings keep no history). */
  threshold: number;
  concentration: Concentration;
  alerts: ConcentrationAlert[];
  /** The blast radius of the top exposures, most exposed first. */
  blasts: BlastRadius[];
  incidents: IncidentSignals;
  maintenance: MaintenanceSignals;
  maintenanceSpan: { from: string; to: string };
  leftOut: {
    /** Non-retired providers that record no fourth party, by name. */
    withoutUpstreams: string[];
    upstreamsRecordedAfter: number;
    /** Upstreams deleted after the date that the audit trail cannot rebuild: left out, counted (the rest are shown as on the date). */
    upstreamsRemovedNotShown: number;
    /** "Acme DB: Amazon Web Services": upstreams changed after the date, shown as recorded today. */
    upstreamsChangedAfter: string[];
    providersAddedAfter: number;
    /** Incidents recorded after the date (whenever they happened): left out, counted. */
    incidentsRecordedAfter: number;
    /** Maintenance windows recorded after the date: left out of the signal, counted. */
    windowsRecordedAfter: number;
    profilesChangedAfter: number;
    statusNotFromTrail: number;
  };
}

const muted = (text: string) => paragraph(text, ['small', 'muted']);

function alertKey(partyKey: string, regionKey: string | null) {
  return `${partyKey}\u0000${regionKey ?? ''}`;
}

/** The exposure table's columns: the party's rows are laid out in these inside one row of it. */
const EXPOSURE_WIDTHS: ColumnWidth[] = ['*', 90, 55, 60, 80, 80];
/** At most this many lines (a party and its regions) in one unbreakable row: a page holds them. */
const LINES_PER_GROUP = 20;

/** The lines of one party without rules or fill: they sit inside the party's row of the outer table. */
const GROUP_LAYOUT = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
} as const;

function exposureLines(p: PartyExposure, alerted: ReadonlySet<string>): Cell[][] {
  // A region's line sits under its party's, indented (pdfmake drops leading spaces, so a margin).
  const INDENT = 12;
  const mark = (key: string): Cell => (alerted.has(key) ? { text: 'Above threshold', bold: true, color: '#a4161a' } : '');
  const lines: Cell[][] = [
    [{ text: plain(p.party), bold: true }, kindWords(p.kinds), String(p.providers.length), String(p.criticalProviders), percent(p.criticalShare), mark(alertKey(p.partyKey, null))],
  ];
  for (const r of p.regions) {
    lines.push([{ text: regionText(r.region), margin: [INDENT, 0, 0, 0] }, '', String(r.providers.length), String(r.criticalProviders), percent(r.criticalShare), mark(alertKey(p.partyKey, r.region.key))]);
  }
  if (p.regionsNotRecorded.length > 0) {
    lines.push([{ text: `Regions not recorded: ${p.regionsNotRecorded.map((x) => plain(x.name)).join(', ')}`, color: COLOURS.muted, margin: [INDENT, 0, 0, 0] }, '', String(p.regionsNotRecorded.length), '', '', '']);
  }
  return lines;
}

/**
 * One row of the table per party, holding the party's line and its regions' lines as one block:
 * the table keeps rows whole, so a party is never parted from its regions by a page break (a party
 * with very many regions continues in a further row).
 */
function exposureRows(parties: readonly PartyExposure[], alerted: ReadonlySet<string>): Cell[][] {
  const rows: Cell[][] = [];
  for (const p of parties) {
    const lines = exposureLines(p, alerted);
    for (let from = 0; from < lines.length; from += LINES_PER_GROUP) {
      const group = lines.slice(from, from + LINES_PER_GROUP).map((line) => line.map((cell) => (typeof cell === 'string' ? plain(cell) : cell)));
      const block: DocNodeObject = {
        table: { widths: [...EXPOSURE_WIDTHS], body: group },
        layout: GROUP_LAYOUT,
        // The outer cell's own padding is given back, so the lines stand under the header's columns.
        margin: [-4, -1.5, -4, -1.5],
      };
      rows.push([{ ...block, colSpan: EXPOSURE_WIDTHS.length }, ...EXPOSURE_WIDTHS.slice(1).map(() => ({ text: '' }))]);
    }
  }
  return rows;
}

function exposure(data: ConcentrationReportData): DocNode[] {
  const c = data.concentration;
  const out: DocNode[] = [];
  const intro = muted(
    `Per fourth party and region: the providers that depend on it, how many are on the critical path, and their share of the ${plural(c.criticalPathProviders, 'critical-path provider')} ` +
      `of the register on ${data.asOf}. Sorted by exposure. "Above threshold": the share is more than ${percent(data.threshold)} (the threshold set in Settings today).`,
  );
  if (c.parties.length === 0) {
    out.push(...keepWithNext(heading('Exposure', 2, { toc: false }), [intro, paragraph(`No fourth party was recorded for any provider on or before ${data.asOf}.`)]));
    return out;
  }
  const alerted = new Set(data.alerts.map((a) => alertKey(a.partyKey, a.region?.key ?? null)));
  const shown = c.parties.slice(0, MAX_EXPOSURE_PARTIES);
  out.push(heading('Exposure', 2), intro);
  out.push(dataTable(['Fourth party / region', 'Kind', 'Providers', 'Critical path', 'Share of critical path', ''], exposureRows(shown, alerted), EXPOSURE_WIDTHS));
  if (c.parties.length > shown.length) out.push(muted(`${c.parties.length - shown.length} less exposed fourth parties are not shown here.`));
  if (data.alerts.length === 0) out.push(paragraph(`No fourth party or region carries more than ${percent(data.threshold)} of the critical path.`));
  return out;
}

function blasts(data: ConcentrationReportData): DocNode[] {
  if (data.blasts.length === 0) return [];
  const which = data.blasts.length === 1 ? 'the most exposed fourth party' : `each of the ${data.blasts.length} most exposed fourth parties`;
  const intro = muted(
    `For ${which}, an outage of its most exposed region (or of the whole party when no region is recorded). ` +
      `Outcomes rest on the providers' recorded upstreams and their answers on regional failover in reviews decided on or before ${data.asOf}; an answer of a review not decided by then never decides an outcome.`,
  );
  const out: DocNode[] = [];
  data.blasts.forEach((b, i) => {
    const what = b.region ? `${b.party.name} ${regionText(b.region)} down` : `${b.party.name} down`;
    const counts = `${plural(b.hits.length, 'provider')} hit (${b.criticalHit} on the critical path): ${outcomeCount(b.counts.down, 'down')}, ${outcomeCount(b.counts.unknown, 'unknown')}, ${outcomeCount(b.counts.survives, 'survives')}.`;
    const part = [heading(what, 3), paragraph(counts), blastTable(b.hits)];
    // The part's heading and how to read it stay with the first outage.
    out.push(...(i === 0 ? keepWithNext(heading('Blast radius of the top exposures', 2), [intro, ...part]) : keepWithNext(part[0]!, part.slice(1))));
  });
  return out;
}

function signals(data: ConcentrationReportData): DocNode[] {
  const out: DocNode[] = [heading('Signals', 2)];
  const inc = data.incidents;
  out.push(heading('Incidents in the same hours', 3));
  if (inc.total === 0) {
    out.push(paragraph(`The incident record holds no incidents of two or more providers open at the same time, up to ${data.asOf}.`));
  }
  if (data.leftOut.incidentsRecordedAfter > 0) {
    out.push(muted(`${plural(data.leftOut.incidentsRecordedAfter, 'incident')} recorded after ${data.asOf} ${data.leftOut.incidentsRecordedAfter === 1 ? 'is' : 'are'} not part of this report.`));
  }
  if (inc.total > 0) {
    out.push(
      muted(
        `${plural(inc.total, 'group')} of incidents of several providers open at one time, ${inc.withSharedUpstream} of them on a recorded shared upstream` +
          (inc.groups.length < inc.total ? `; the first ${inc.groups.length} are shown.` : '.'),
      ),
    );
    const rows: Cell[][] = inc.groups.map((g) => [
      `${g.from.slice(0, 16).replace('T', ' ')} – ${g.to.slice(0, 16).replace('T', ' ')} UTC`,
      g.incidents.map((i) => `${plain(i.vendorName)}: ${plain(i.title)}`).join('\n'),
      g.sharedUpstream ? `Suggests a shared upstream: ${sharedList(g.shared)}` : { text: 'No shared upstream recorded (may point at one nobody recorded)', color: COLOURS.muted },
    ]);
    out.push(dataTable(['All open', 'Incidents', 'Shared upstream'], rows, [150, '*', 220]));
  }
  const mnt = data.maintenance;
  out.push(heading('Maintenance on the same fourth party', 3));
  const windowsAfter = data.leftOut.windowsRecordedAfter;
  if (windowsAfter > 0) out.push(muted(`${plural(windowsAfter, 'maintenance window')} recorded after ${data.asOf} ${windowsAfter === 1 ? 'is' : 'are'} not part of this report.`));
  if (mnt.total === 0) {
    out.push(paragraph(`No overlapping maintenance windows of two providers that share a fourth party from ${data.maintenanceSpan.from} to ${data.maintenanceSpan.to}.`));
  } else {
    out.push(muted(`From ${data.maintenanceSpan.from} to ${data.maintenanceSpan.to}: ${plural(mnt.total, 'overlap')}${mnt.pairs.length < mnt.total ? `; the first ${mnt.pairs.length} are shown` : ''}.`));
    const rows: Cell[][] = mnt.pairs.map((p) => [
      `${p.overlap.first.start.slice(0, 16).replace('T', ' ')} – ${p.overlap.first.end.slice(0, 16).replace('T', ' ')} UTC`,
      `${plain(p.overlap.a.vendorName)} and ${plain(p.overlap.b.vendorName)}`,
      sharedList(p.shared),
    ]);
    out.push(dataTable(['First time both in maintenance', 'Providers', 'Shared upstream'], rows, [150, '*', 220]));
  }
  return out;
}

const sharedList = (shared: readonly SharedUpstream[]) => shared.map((s) => sharedText(s)).join('; ');

function leftOut(data: ConcentrationReportData): DocNode[] {
  const c = data.concentration;
  const l = data.leftOut;
  const lines: string[] = [];
  if (c.retiredLeftOut > 0) lines.push(`${plural(c.retiredLeftOut, 'retired provider')} on ${data.asOf}: not counted.`);
  if (l.withoutUpstreams.length > 0) lines.push(`${plural(l.withoutUpstreams.length, 'provider records', 'providers record')} no fourth party: ${l.withoutUpstreams.map(plain).join(', ')}. Their exposure is unknown, not zero.`);
  if (c.upstreamsLeftOut > 0) lines.push(`${plural(c.upstreamsLeftOut, 'fourth party', 'fourth parties')} of providers retired or not in the register on ${data.asOf}: not counted.`);
  if (l.upstreamsRecordedAfter > 0) lines.push(`${plural(l.upstreamsRecordedAfter, 'fourth party', 'fourth parties')} recorded after ${data.asOf} ${l.upstreamsRecordedAfter === 1 ? 'is' : 'are'} not part of this report.`);
  if (l.upstreamsRemovedNotShown > 0) {
    lines.push(`${plural(l.upstreamsRemovedNotShown, 'fourth party', 'fourth parties')} removed after ${data.asOf} ${l.upstreamsRemovedNotShown === 1 ? 'is' : 'are'} not shown: the audit trail cannot say what ${l.upstreamsRemovedNotShown === 1 ? 'it was' : 'they were'} on that day.`);
  }
  if (l.upstreamsChangedAfter.length > 0) lines.push(`Changed after ${data.asOf}, shown as recorded today: ${l.upstreamsChangedAfter.map(plain).join(', ')}.`);
  if (l.providersAddedAfter > 0) lines.push(`${plural(l.providersAddedAfter, 'provider')} added after ${data.asOf}: not part of this report.`);
  if (l.profilesChangedAfter > 0) lines.push(`${plural(l.profilesChangedAfter, "provider's profile", "providers' profiles")} changed after ${data.asOf}: the critical path is shown as recorded today.`);
  if (l.statusNotFromTrail > 0) lines.push(`For ${plural(l.statusNotFromTrail, 'provider')} the audit trail does not say the status on ${data.asOf}: today's is used.`);
  if (lines.length === 0) lines.push(`Nothing: every non-retired provider records its fourth parties, and nothing was recorded or changed after ${data.asOf}.`);
  return [heading('Left out, and how to read this', 2), ...lines.map((t) => paragraph(t))];
}

export function buildConcentrationReport(data: ConcentrationReportData): DocDefinition {
  const organisation = plain(data.organisation).trim();
  const c = data.concentration;
  const content: DocNode[] = [
    heading('Concentration of fourth parties', 1),
    muted([organisation ? `Organisation: ${organisation}` : '', `As of ${data.asOf}`].filter(Boolean).join('. ') + '.'),
    paragraph(
      `What the register held on ${data.asOf}: the fourth parties (the providers' own upstreams: clouds and their regions, CDN, DNS, e-mail, payment, identity) recorded on or before that day, ` +
        `the providers' profiles, and the tenancy answers of reviews decided on or before that day. ` +
        `${plural(c.providers, 'provider')} counted, ${plural(c.criticalPathProviders, 'on the critical path', 'on the critical path')}; ${plural(data.alerts.length, 'exposure')} above the threshold.`,
    ),
    ...exposure(data),
    ...blasts(data),
    ...signals(data),
    ...leftOut(data),
  ];
  return reportDocument({
    title: 'Concentration of fourth parties',
    subject: 'Register-wide concentration report',
    content,
    header: runningHeader('Concentration', organisation, { skipFirstPage: false, margins: LANDSCAPE_MARGINS }),
    footer: pageFooter(data.asOf, { organisation, margins: LANDSCAPE_MARGINS }),
    orientation: 'landscape',
  });
}
