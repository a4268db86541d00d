// The review report's "Maintenance" part: the provider's windows, the next occurrences (in the
// provider's zone and in UTC), overlaps with other providers' windows, windows in blackout
// periods, the notice measured on scheduled maintenances and the maintenance answers held against
// the record. Pure: it prints the facts of maintenance-facts.ts, which say what the register held
// on the report's date; where the register cannot say (records changed or deleted since, Settings
// without history) the part says so in words.
import { answerLabel } from '../domain/answers';
import { WINDOW_IMPACT_LABELS, WINDOW_SOURCE_LABELS, WINDOW_STATUS_LABELS, labelOf } from '../domain/labels';
import type { MaintenanceWindow } from '../domain/maintenance';
import { questionIndex, type Template } from '../domain/template';
import type { ClaimCheck } from '../maintenance/claims';
import type { BlackoutHit, IsoSpan, WindowOverlap, WindowRef } from '../maintenance/overlaps';
import { dayNumber, weekdayOf } from '../maintenance/expand';
import { scheduleWords } from '../maintenance/words';
import { offsetLabel, offsetMinutes, utcToWall, wallClock, wallDate } from '../maintenance/zone';
import { COLOURS, TIER_COLOURS, dataTable, heading, keepWithNext, paragraph, plain } from './blocks';
import type { Cell } from './blocks';
import {
  NEXT_HORIZON_DAYS,
  NEXT_OCCURRENCES,
  OVERLAP_DAYS,
  utcInstantText,
  utcSpanText,
  type MeasuredNotice,
  type ProviderMaintenance,
  type UpcomingOccurrence,
} from './maintenance-facts';
import type { DocNode, DocNodeObject } from './types';

/** Printed, word for word, when the provider has no window on record: never an empty part. */
export const NO_WINDOWS = 'No maintenance windows are recorded for this provider.';
/** The verdict of a claim the record contradicts. */
export const CONTRADICTED = 'Contradicted by the record: finding candidate';

/** By weekdayOf: 0 is Monday. */
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const muted = (text: string): DocNodeObject => ({ text: plain(text), style: ['small', 'muted'] });

const isoSpanText = (span: IsoSpan) => utcSpanText(Date.parse(span.start), Date.parse(span.end));

/**
 * The wall clock where the provider works, in two lines: "Sun 2026-12-06 02:00–04:00" and
 * "Europe/Berlin (UTC+01:00)" (a zone name is one word: it is never broken at its slash).
 */
export function zoneSpan(zone: string, start: number, end: number): { when: string; zone: string } {
  const a = utcToWall(zone, start);
  const b = utcToWall(zone, end);
  const weekday = WEEKDAY_NAMES[weekdayOf(dayNumber(wallDate(a)))]!;
  const sameDay = wallDate(a) === wallDate(b);
  const from = offsetLabel(offsetMinutes(zone, start));
  const to = offsetLabel(offsetMinutes(zone, end));
  // A window across a DST change ends at another offset than it starts: both are given.
  const offset = from === to ? `UTC${from}` : `UTC${from}, ending at UTC${to}`;
  return { when: `${weekday} ${wallDate(a)} ${wallClock(a)}–${sameDay ? '' : `${wallDate(b)} `}${wallClock(b)}`, zone: `${zone} (${offset})` };
}

const windowTitle = (w: Pick<MaintenanceWindow, 'title'>) => plain(w.title).trim() || 'Maintenance window';

function basis(facts: ProviderMaintenance, draft: boolean): DocNode[] {
  const out: DocNode[] = [
    paragraph(
      `From the register's maintenance records created on or before ${facts.asOf}: this provider's windows and scheduled maintenances, ` +
        `other providers' windows and the blackout periods. The register keeps them as current records (edits and deletions are in its ` +
        `audit trail, not kept as versions): each is shown as last recorded, and a record deleted since is not shown. ` +
        `The answers held against the record are those of the ${draft ? 'review in progress (DRAFT)' : 'review this report shows'}.`,
      ['small', 'muted'],
    ),
  ];
  const { own, others, blackouts, lastDay } = facts.changed;
  if (lastDay !== null) {
    const parts = [
      own > 0 ? `${own} of this provider's windows` : '',
      others > 0 ? plural(others, "other provider's window", "other providers' windows") : '',
      blackouts > 0 ? plural(blackouts, 'blackout period') : '',
    ].filter(Boolean);
    out.push({
      text: `Changed after ${facts.asOf}: ${parts.join(', ')}. They are shown as recorded at their last change (the latest on ${lastDay}), not as they were on ${facts.asOf}.`,
      style: 'paragraph',
      bold: true,
    });
  }
  return out;
}

function windowCell(w: MaintenanceWindow, asOf: string): Cell {
  const stack: DocNode[] = [{ text: windowTitle(w) }];
  const origin = [`Source: ${labelOf(WINDOW_SOURCE_LABELS, w.source)}`];
  if (w.announcedAt !== null) origin.push(`announced ${utcInstantText(w.announcedAt)}`);
  stack.push(muted(origin.join('; ')));
  if (w.updatedAt.slice(0, 10) > asOf) {
    stack.push({ text: `Changed on ${w.updatedAt.slice(0, 10)}, after ${asOf}: shown as recorded on ${w.updatedAt.slice(0, 10)}.`, style: 'small', bold: true });
  }
  return stack;
}

function statusCell(w: MaintenanceWindow): Cell {
  if (w.status === 'cancelled') return [{ text: 'Cancelled', bold: true }, muted('never counted as an occurrence')];
  return labelOf(WINDOW_STATUS_LABELS, w.status);
}

function windowsTable(facts: ProviderMaintenance): DocNode {
  return dataTable(
    ['Window', 'Schedule', 'Impact', 'Status'],
    facts.windows.map((w): Cell[] => [windowCell(w, facts.asOf), scheduleWords(w.schedule), labelOf(WINDOW_IMPACT_LABELS, w.impact), statusCell(w)]),
    [130, '*', 55, 75],
  );
}

function nextPart(next: readonly UpcomingOccurrence[], asOf: string, toc: boolean): DocNode[] {
  const lead = `The next ${NEXT_OCCURRENCES} occurrences starting after ${asOf}, over all this provider's windows that are not cancelled, looking up to ${NEXT_HORIZON_DAYS} days ahead; each in the provider's time zone and in UTC.`;
  const body: DocNode[] =
    next.length === 0
      ? [paragraph(lead, ['small', 'muted']), paragraph(`No window of this provider occurs in the ${NEXT_HORIZON_DAYS} days after ${asOf}.`)]
      : [
          paragraph(next.length < NEXT_OCCURRENCES ? `${lead} Only ${plural(next.length, 'occurrence')} ${next.length === 1 ? 'falls' : 'fall'} in that time.` : lead, ['small', 'muted']),
          dataTable(
            ["In the provider's time zone", 'In UTC', 'Window', 'Impact'],
            next.map((o): Cell[] => {
              const local = zoneSpan(o.window.schedule.timeZone, o.start, o.end);
              return [
                [{ text: local.when }, { text: local.zone }],
                utcSpanText(o.start, o.end),
                o.window.status === 'tentative' ? [{ text: windowTitle(o.window) }, muted('tentative')] : windowTitle(o.window),
                labelOf(WINDOW_IMPACT_LABELS, o.window.impact),
              ];
            }),
            ['*', 120, 110, 50],
          ),
        ];
  return keepWithNext(heading('Next occurrences', 2, { toc }), body);
}

function refText(ref: WindowRef): Cell {
  return [{ text: plain(ref.title).trim() || 'Maintenance window' }, muted(ref.words)];
}

function overlapsPart(facts: ProviderMaintenance, vendorId: string, toc: boolean): DocNode[] {
  const { from, to } = facts.range;
  const lead = `Occurrences of this provider's windows that coincide with another provider's, over the ${OVERLAP_DAYS} days from ${from} to ${to} (UTC days); pairs where both providers are on the critical path first.`;
  const row = (o: WindowOverlap): Cell[] => {
    const [mine, other] = o.a.vendorId === vendorId ? [o.a, o.b] : [o.b, o.a];
    const who: DocNode[] = [{ text: plain(other.vendorName), bold: true }];
    if (other.criticalPath) who.push({ text: 'on the critical path', style: 'small', bold: o.critical === 2, color: o.critical === 2 ? TIER_COLOURS.critical : COLOURS.text });
    const changed = facts.profilesChanged[other.vendorId];
    if (changed) who.push(muted(`profile changed on ${changed}, after ${facts.asOf}: shown as recorded then`));
    return [
      who,
      refText(other),
      refText(mine),
      [{ text: `${plural(o.times, 'time')}, ${plural(o.minutes, 'minute')} in all` }, muted(`first ${isoSpanText(o.first)}`)],
    ];
  };
  const body: DocNode[] = [paragraph(lead, ['small', 'muted'])];
  if (facts.overlaps.length === 0) body.push(paragraph(`No window of this provider overlaps another provider's window in those ${OVERLAP_DAYS} days.`));
  else body.push(dataTable(['Other provider', 'Their window', "This provider's window", 'Overlap'], facts.overlaps.map(row), [95, '*', '*', 120]));
  return keepWithNext(heading('Overlaps with other providers', 2, { toc }), body);
}

function blackoutsPart(facts: ProviderMaintenance, toc: boolean): DocNode[] {
  const { from, to } = facts.range;
  const body: DocNode[] = [paragraph(`Windows of this provider that fall (partly) inside the company's blackout periods, from ${from} to ${to}.`, ['small', 'muted'])];
  if (!facts.anyBlackouts) body.push(paragraph(`No blackout periods were recorded on or before ${facts.asOf}.`));
  else if (facts.blackoutHits.length === 0) body.push(paragraph(`No window of this provider falls in a blackout period in those ${OVERLAP_DAYS} days.`));
  else {
    body.push(
      dataTable(
        ['Window', 'Blackout period', 'Falls in it'],
        facts.blackoutHits.map((h: BlackoutHit): Cell[] => [
          refText(h.window),
          plain(h.blackoutName),
          [{ text: plural(h.times, 'time') }, muted(`first ${isoSpanText(h.first)}`)],
        ]),
        ['*', 130, 140],
      ),
    );
  }
  return keepWithNext(heading('Windows in blackout periods', 2, { toc }), body);
}

function noticeVerdict(n: MeasuredNotice, promised: number | null): Cell {
  if (promised === null) return muted('no promise in the answers');
  return n.hours < promised ? { text: `Less than the ${promised} hours promised`, bold: true, color: TIER_COLOURS.critical } : `At least the ${promised} hours promised`;
}

function noticePart(facts: ProviderMaintenance, toc: boolean): DocNode[] {
  const promised = facts.promisedNoticeHours;
  const body: DocNode[] = [
    paragraph(
      (promised === null ? 'The answers this report shows promise no notice (the question is not answered). ' : `The answers this report shows promise ${promised} hours of notice. `) +
        `Notice is measured from a scheduled maintenance's announcement to its start. The minimum notice in Settings is not applied here: ` +
        `the register keeps no history of Settings, so its value on ${facts.asOf} is not known.`,
      ['small', 'muted'],
    ),
  ];
  if (facts.notices.length === 0) {
    body.push(paragraph('No scheduled maintenance with an announcement time is on record, so no notice can be measured.'));
  } else {
    body.push(
      dataTable(
        ['Scheduled maintenance', 'Starts', 'Announced', 'Notice', 'Against the promise'],
        facts.notices.map((n): Cell[] => [windowTitle(n.window), utcInstantText(n.start), utcInstantText(n.announcedAt), `${n.hours} hours`, noticeVerdict(n, promised)]),
        ['*', 92, 92, 52, 100],
      ),
    );
  }
  if (facts.cancelledScheduled > 0) body.push(muted(`${plural(facts.cancelledScheduled, 'cancelled scheduled maintenance')} not measured.`));
  return keepWithNext(heading('Notice of scheduled maintenances', 2, { toc }), body);
}

const VERDICTS: Record<Exclude<ClaimCheck['verdict'], 'contradicted'>, string> = {
  consistent: 'Consistent with the record',
  untested: 'Untested: nothing on record to measure',
};

function claimsPart(facts: ProviderMaintenance, template: Template, toc: boolean): DocNode[] {
  const index = questionIndex(template);
  const contradicted = facts.claims.filter((c) => c.verdict === 'contradicted').length;
  const body: DocNode[] = [
    paragraph(
      `The maintenance answers of the review this report shows (notice, disruption, frequency), held against the scheduled maintenances on record up to the end of ${facts.asOf}. A claim the record contradicts is a finding candidate: it is not a finding until one is raised.`,
      ['small', 'muted'],
    ),
  ];
  if (facts.claims.length === 0) {
    body.push(paragraph('The answers this report shows make no maintenance claim the record can test (notice, disruption or frequency not answered with a number).'));
    return keepWithNext(heading('Maintenance answers against the record', 2, { toc }), body);
  }
  if (contradicted > 0) {
    body.push({ text: `${plural(contradicted, 'claim')} contradicted by the record: ${contradicted === 1 ? 'a finding candidate' : 'finding candidates'}.`, style: 'paragraph', bold: true, color: TIER_COLOURS.critical });
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
          c.verdict === 'contradicted' ? { text: CONTRADICTED, bold: true, color: TIER_COLOURS.critical } : VERDICTS[c.verdict],
        ];
      }),
      [130, 60, '*', 95],
    ),
  );
  return keepWithNext(heading('Maintenance answers against the record', 2, { toc }), body);
}

/** The part, after the findings and evidence. */
export function maintenancePart(facts: ProviderMaintenance, options: { vendorId: string; template: Template; draft: boolean; toc: boolean }): DocNode[] {
  const { toc } = options;
  const head = heading('Maintenance', 1, { toc });
  const intro = basis(facts, options.draft);
  if (facts.windows.length === 0) {
    const later = facts.recordedLater > 0 ? ` ${plural(facts.recordedLater, 'window')} recorded after ${facts.asOf} ${facts.recordedLater === 1 ? 'is' : 'are'} not part of this report.` : '';
    return [...keepWithNext(head, [...intro, { text: `${NO_WINDOWS}${later}`, style: 'paragraph', bold: true }]), ...claimsPart(facts, options.template, toc)];
  }
  return [
    ...keepWithNext(head, [...intro, ...keepWithNext(heading('Windows on record', 2, { toc }), [windowsTable(facts)])]),
    ...(facts.recordedLater > 0 ? [muted(`${plural(facts.recordedLater, 'window')} recorded after ${facts.asOf} ${facts.recordedLater === 1 ? 'is' : 'are'} not part of this report.`)] : []),
    ...nextPart(facts.next, facts.asOf, toc),
    ...overlapsPart(facts, options.vendorId, toc),
    ...blackoutsPart(facts, toc),
    ...noticePart(facts, toc),
    ...claimsPart(facts, options.template, toc),
  ];
}

/** A rough page count of the part, for the table-of-contents decision. */
export function estimateMaintenancePages(facts: ProviderMaintenance | undefined): number {
  if (!facts) return 0;
  if (facts.windows.length === 0) return 0.3 + facts.claims.length * 0.04;
  const rows = facts.windows.length + facts.next.length + facts.overlaps.length + facts.blackoutHits.length + facts.notices.length + facts.claims.length;
  return 0.9 + rows * 0.045;
}
