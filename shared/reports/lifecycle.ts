// The lifecycle parts of the review report: the sign-off (approval and every workflow step), the
// findings, the accepted risks and the evidence. Pure. States (overdue, expired, expiring soon)
// are worked out as of the report date, never from a clock, so the same register and the same
// date print the same words.
import type { AcceptanceView, EvidenceView, FindingView } from '../api';
import { acceptanceState, type AcceptanceState } from '../domain/acceptances';
import { evidenceState, type EvidenceState } from '../domain/evidence';
import { effectiveFindingStatus, isFindingOverdue, type FindingStatus } from '../domain/findings';
import {
  ACCEPTANCE_STATE_LABELS,
  APPROVAL_LABELS,
  EVIDENCE_KIND_LABELS,
  EVIDENCE_STATE_LABELS,
  FINDING_STATUS_LABELS,
  REVIEW_STATUS_LABELS,
  TIER_LABELS,
  labelOf,
} from '../domain/labels';
import type { Review } from '../domain/review';
import { EVIDENCE_KINDS } from '../domain/evidence';
import { TIERS } from '../domain/tier';
import { isApproval, isOpenStatus, type ReviewStep } from '../domain/workflow';
import { onOrBefore } from '../domain/standing';
import {
  COLOURS,
  TIER_COLOURS,
  dataTable,
  dateOnly,
  heading,
  keepWithNext,
  keyValueTable,
  paragraph,
  plain,
  signatureLines,
  tierBadge,
} from './blocks';
import type { Cell } from './blocks';
import type { DocNode, DocNodeObject } from './types';

/** The provider's lifecycle records, as the report prints them. */
export interface ReportLifecycle {
  /** The workflow steps of the reported review, oldest first. */
  steps: readonly ReviewStep[];
  /** The provider's findings (of every review). */
  findings: readonly FindingView[];
  /** The provider's risk acceptances: of findings and of whole reviews. */
  acceptances: readonly AcceptanceView[];
  evidence: readonly EvidenceView[];
  /** Set when the records were cut to a date (lifecycleAsOf): findings changed after it are marked. */
  asOf?: string;
  /** How many records the cut left out (recorded after `asOf`): each part says so. */
  recordedLater?: { findings: number; acceptances: number; evidence: number };
}

export const NO_LIFECYCLE: ReportLifecycle = { steps: [], findings: [], acceptances: [], evidence: [] };

/**
 * The records as they stood on the report's date: anything recorded after it is left out, and an
 * acceptance revoked after it was still in force. A finding changed after the date keeps the state
 * last recorded (the register keeps no older copy of it) and is marked as changed since.
 */
export function lifecycleAsOf(lifecycle: ReportLifecycle, asOf: string): ReportLifecycle {
  const asItWas = (a: AcceptanceView): AcceptanceView => (onOrBefore(a.revokedAt, asOf) ? a : { ...a, revokedAt: null });
  const acceptances = lifecycle.acceptances.filter((a) => onOrBefore(a.acceptedAt, asOf)).map(asItWas);
  // A finding's acceptance on D is the newest one made by then, not the newest one now: a finding
  // accepted again after D was still covered on D by the acceptance it had then.
  const newestByFinding = new Map<string, AcceptanceView>();
  for (const a of acceptances) {
    if (a.findingId === null) continue;
    const held = newestByFinding.get(a.findingId);
    if (!held || a.acceptedAt > held.acceptedAt || (a.acceptedAt === held.acceptedAt && a.id > held.id)) newestByFinding.set(a.findingId, a);
  }
  const findings = lifecycle.findings
    .filter((f) => onOrBefore(f.createdAt, asOf))
    .map((f) => {
      const current = f.acceptance && onOrBefore(f.acceptance.acceptedAt, asOf) ? asItWas(f.acceptance) : null;
      return { ...f, acceptance: newestByFinding.get(f.id) ?? current };
    });
  const evidence = lifecycle.evidence.filter((e) => onOrBefore(e.addedAt, asOf));
  return {
    steps: lifecycle.steps.filter((s) => onOrBefore(s.at, asOf)),
    findings,
    acceptances,
    evidence,
    asOf,
    recordedLater: {
      findings: lifecycle.findings.length - findings.length,
      acceptances: lifecycle.acceptances.length - acceptances.length,
      evidence: lifecycle.evidence.length - evidence.length,
    },
  };
}

const NOT_RECORDED = 'Not recorded';
/** Past a date that mattered: overdue findings, expired acceptances and evidence. */
const ALARM = TIER_COLOURS.critical;
/** Close to a date that matters: expiring within 30 days. */
const WARNING = TIER_COLOURS.medium;
/** Enough of a SHA-256 to compare by eye with `sha256sum`; the full hash is in the register. */
export const SHA_SHORT = 12;

const text = (value: string | null | undefined) => plain(value ?? '').trim();

/** "2026-11-20 14:05 UTC" from a stored ISO instant (stored in UTC): no clock, no time zone. */
export function dateTimeUtc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : (dateOnly(iso) ?? NOT_RECORDED);
}

/** Words in colour and bold: colour alone never carries the meaning. */
const marked = (words: string, color: string): DocNodeObject => ({ text: words, color, bold: true });
const small = (words: string): DocNodeObject => ({ text: plain(words), style: ['small', 'muted'] });

// ─────────────────────────────────────────────────────────────────────── sign-off

/** The step that made the decision the review now has, if it has one. */
function decisionStep(review: Review, steps: readonly ReviewStep[]): ReviewStep | null {
  if (isOpenStatus(review.status)) return null;
  return [...steps].reverse().find((s) => s.to === review.status) ?? null;
}

function noteLabel(review: Review): string {
  if (review.status === 'approved_with_conditions') return 'Conditions';
  if (review.status === 'rejected') return 'Reason for rejecting';
  return 'Note';
}

function statusBadge(review: Review): DocNodeObject {
  const label = labelOf(APPROVAL_LABELS, review.status);
  if (review.status === 'rejected') return marked(label, ALARM);
  if (isApproval(review.status)) return marked(label, review.status === 'approved' ? TIER_COLOURS.low : WARNING);
  return marked(label, COLOURS.muted);
}

function stepRow(step: ReviewStep): Cell[] {
  return [
    dateTimeUtc(step.at),
    `${labelOf(REVIEW_STATUS_LABELS, step.from)} → ${labelOf(REVIEW_STATUS_LABELS, step.to)}`,
    text(step.by) || NOT_RECORDED,
    text(step.note) || '—',
  ];
}

/**
 * The sign-off of the reported review: its approval status, who decided, when and on what
 * conditions, and every workflow step. An open review says plainly that it is not approved and
 * keeps blank lines for a signature on paper.
 */
export function signOffSection(review: Review, steps: readonly ReviewStep[], toc: boolean): DocNode[] {
  const decision = decisionStep(review, steps);
  const rows: Array<[string, Cell]> = [['Approval status', statusBadge(review)]];
  if (decision) {
    rows.push(['Decided by', text(decision.by) || NOT_RECORDED], ['Decided on', dateTimeUtc(decision.at)]);
    if (text(decision.note)) rows.push([noteLabel(review), text(decision.note)]);
  }
  // The reviewer of record is whoever submitted the review (and decided it): the steps keep each
  // person, while the name stored when the draft was opened may be empty or someone else.
  const submitted = [...steps].reverse().find((s) => s.to === 'in_review');
  rows.push(['Submitted for approval by', submitted ? `${text(submitted.by) || NOT_RECORDED}, ${dateTimeUtc(submitted.at)}` : 'Not submitted']);
  const head: DocNode[] = [keyValueTable(rows)];
  if (!decision) {
    const notice = isOpenStatus(review.status)
      ? `Not yet approved. This review is ${labelOf(REVIEW_STATUS_LABELS, review.status).toLowerCase()}: nobody has signed the provider off yet.`
      : 'The step that made this decision is missing from the workflow record.';
    head.unshift({ text: notice, style: 'paragraph', bold: true });
  }
  const history =
    steps.length === 0
      ? paragraph('No workflow step recorded: the review was never submitted for approval.')
      : dataTable(['When', 'Step', 'By', 'Note or conditions'], steps.map(stepRow), [94, 150, 90, '*']);
  const out = keepWithNext(heading('Sign-off', 1, { toc }), head);
  out.push(...keepWithNext(heading('Workflow steps', 3), [history]));
  if (!decision) out.push(signatureLines(['Approved by', 'Date']));
  return out;
}

// ─────────────────────────────────────────────────────────────────────── findings

const SEVERITY_ORDER = [...TIERS].reverse();

/** A finding's status as of the report date, in words, and why an accepted one is open again. */
export function findingStatusText(finding: FindingView, today: string): { status: FindingStatus; words: string; why: string | null } {
  const status = effectiveFindingStatus(finding, finding.acceptance, today);
  const words = labelOf(FINDING_STATUS_LABELS, status);
  if (finding.status === 'accepted' && status !== 'accepted') {
    const why = finding.acceptance?.revokedAt ? 'acceptance revoked' : finding.acceptance ? 'acceptance expired' : 'no acceptance';
    return { status, words, why };
  }
  return { status, words, why: null };
}

function bySeverityThenDue(a: FindingView, b: FindingView): number {
  const severity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (severity !== 0) return severity;
  const due = (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99');
  return due !== 0 ? due : a.id.localeCompare(b.id);
}

function findingCell(finding: FindingView, asOf: string | undefined): Cell {
  const stack: DocNode[] = [{ text: text(finding.title), bold: true }];
  if (asOf && !onOrBefore(finding.updatedAt, asOf)) {
    stack.push(marked(`Changed after ${asOf}: shown as last recorded, on ${dateOnly(finding.updatedAt) ?? NOT_RECORDED}`, WARNING));
  }
  const description = text(finding.description);
  if (description) stack.push(small(description));
  const question = text(finding.questionText);
  if (question) stack.push(small(`From the question: ${question}`));
  return stack;
}

function dueCell(finding: FindingView, status: FindingStatus, today: string): Cell {
  if (!finding.dueDate) return { text: 'No due date', style: 'muted' };
  if (isFindingOverdue(finding.dueDate, status, today)) return [finding.dueDate, marked('Overdue', ALARM)];
  return finding.dueDate;
}

/** Open and in-progress findings (as of the report date), most severe first, overdue ones marked. */
export function openFindings(findings: readonly FindingView[], today: string): FindingView[] {
  return findings
    .filter((f) => {
      const status = effectiveFindingStatus(f, f.acceptance, today);
      return status === 'open' || status === 'in_progress';
    })
    .sort(bySeverityThenDue);
}

/** Changed after the report's date: its state on that date is not known, only the one recorded since. */
export function changedAfter(finding: FindingView, asOf: string | undefined): boolean {
  return asOf !== undefined && !onOrBefore(finding.updatedAt, asOf);
}

/**
 * The findings the report lists: the open ones, and every one changed after the report's date
 * whatever its state now (it may have been open then), marked as such. None is dropped unseen.
 */
export function listedFindings(findings: readonly FindingView[], today: string, asOf: string | undefined): FindingView[] {
  const open = new Set(openFindings(findings, today));
  return findings.filter((f) => open.has(f) || changedAfter(f, asOf)).sort(bySeverityThenDue);
}

function findingsTable(findings: readonly FindingView[], today: string, asOf: string | undefined): DocNode {
  const rows = listedFindings(findings, today, asOf).map((f): Cell[] => {
    const { status, words, why } = findingStatusText(f, today);
    return [tierBadge(f.severity), findingCell(f, asOf), why ? [words, { text: `(${why})`, color: ALARM }] : words, text(f.owner) || { text: 'Not assigned', style: 'muted' }, dueCell(f, status, today)];
  });
  if (rows.length === 0) return paragraph('No open findings.');
  return dataTable(['Severity', 'Finding', 'Status', 'Owner', 'Due'], rows, [52, '*', 92, 74, 62]);
}

// ─────────────────────────────────────────────────────────────────────── accepted risks

function acceptanceStateCell(acceptance: AcceptanceView, today: string): Cell {
  const state: AcceptanceState = acceptanceState(acceptance, today);
  const words = labelOf(ACCEPTANCE_STATE_LABELS, state);
  if (state === 'expired') return [acceptance.expiresOn, marked(words, ALARM)];
  if (state === 'expiring_soon') return [acceptance.expiresOn, marked(words, WARNING)];
  if (state === 'revoked') return [acceptance.expiresOn, marked(`Revoked ${dateOnly(acceptance.revokedAt) ?? ''}`.trim(), COLOURS.muted)];
  return [acceptance.expiresOn, { text: words, style: 'muted' }];
}

function subjectCell(acceptance: AcceptanceView, findings: ReadonlyMap<string, FindingView>): Cell {
  const subject: DocNode = { text: text(acceptance.subject) || NOT_RECORDED, bold: true };
  // A review acceptance's subject already names the review; a finding's gets its severity.
  if (!acceptance.findingId) return [subject];
  const finding = findings.get(acceptance.findingId);
  return [subject, small(finding ? `Finding, ${labelOf(TIER_LABELS, finding.severity).toLowerCase()} severity` : 'Finding')];
}

/** Acceptances in force or lapsed, the soonest expiry first; withdrawn (revoked) ones are left out. */
export function listedAcceptances(acceptances: readonly AcceptanceView[]): AcceptanceView[] {
  return acceptances
    .filter((a) => a.revokedAt === null)
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.id.localeCompare(b.id));
}

function acceptancesTable(lifecycle: ReportLifecycle, today: string): DocNode {
  const findings = new Map(lifecycle.findings.map((f) => [f.id, f]));
  const rows = listedAcceptances(lifecycle.acceptances).map((a): Cell[] => [
    subjectCell(a, findings),
    text(a.justification),
    [text(a.acceptedBy) || NOT_RECORDED, small(dateOnly(a.acceptedAt) ?? '')],
    acceptanceStateCell(a, today),
  ]);
  if (rows.length === 0) return paragraph('No risk has been accepted.');
  return dataTable(['Accepted', 'Justification', 'Accepted by', 'Expires'], rows, [130, '*', 85, 90]);
}

/**
 * "Findings" (open ones) and "Accepted risks", as of `today` (YYYY-MM-DD). An empty part is one
 * line; the findings start a page only when the provider has records to list.
 */
export function findingsSection(lifecycle: ReportLifecycle, today: string, toc: boolean): DocNode[] {
  const resolved = lifecycle.findings.filter((f) => f.status === 'resolved' && !changedAfter(f, lifecycle.asOf)).length;
  const table = findingsTable(lifecycle.findings, today, lifecycle.asOf);
  const open: DocNode[] = isTable(table)
    ? [
        paragraph(
          `Weak points found in this provider's reviews or noted by hand that are still open or in progress, most severe first. Overdue: past the due date on ${today}.`,
          ['small', 'muted'],
        ),
        table,
      ]
    : [table];
  if (resolved > 0) open.push(paragraph(`${resolved} resolved finding${resolved === 1 ? ' is' : 's are'} not listed.`, ['small', 'muted']));
  open.push(...laterLine(lifecycle.recordedLater?.findings, ['finding', 'findings'], lifecycle.asOf));
  const acceptances = acceptancesTable(lifecycle, today);
  const accepted: DocNode[] = isTable(acceptances)
    ? [
        paragraph(
          'Findings and whole reviews accepted as they are, for the reason given, until the expiry date. Once an acceptance expires the risk is open again.',
          ['small', 'muted'],
        ),
        acceptances,
      ]
    : [acceptances];
  accepted.push(...laterLine(lifecycle.recordedLater?.acceptances, ['acceptance', 'acceptances'], lifecycle.asOf));
  const anything = lifecycle.findings.length + lifecycle.acceptances.length + lifecycle.evidence.length > 0;
  return [
    ...keepWithNext(heading('Findings', 1, { toc, pageBreakBefore: anything }), open),
    ...keepWithNext(heading('Accepted risks', 2, { toc }), accepted),
  ];
}

/** "2 recorded after 2026-06-01 are not part of this report.", or nothing. */
function laterLine(count: number | undefined, what: [string, string], asOf: string | undefined): DocNode[] {
  if (!count || !asOf) return [];
  const words = count === 1 ? `1 ${what[0]} recorded after ${asOf} is` : `${count} ${what[1]} recorded after ${asOf} are`;
  return [paragraph(`${words} not part of this report.`, ['small', 'muted'])];
}

const isTable = (node: DocNode): boolean => typeof node === 'object' && !Array.isArray(node) && 'table' in node;

// ─────────────────────────────────────────────────────────────────────── evidence

function evidenceStateCell(evidence: EvidenceView, today: string): Cell {
  const state: EvidenceState = evidenceState(evidence.expiresOn, today);
  const words = labelOf(EVIDENCE_STATE_LABELS, state);
  if (state === 'expired') return marked(words, ALARM);
  if (state === 'expiring_soon') return marked(words, WARNING);
  return words;
}

function documentCell(evidence: EvidenceView): Cell {
  const title = text(evidence.title);
  const file = text(evidence.fileName);
  return title ? [{ text: title, bold: true }, small(file)] : [{ text: file, bold: true }];
}

export function sortedEvidence(evidence: readonly EvidenceView[]): EvidenceView[] {
  const kind = (e: EvidenceView) => (EVIDENCE_KINDS as readonly string[]).indexOf(e.kind);
  return [...evidence].sort(
    (a, b) => kind(a) - kind(b) || (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '') || a.id.localeCompare(b.id),
  );
}

/** "Evidence": each stored document with its dates, its state as of `today` and a short SHA-256. */
export function evidenceSection(evidence: readonly EvidenceView[], today: string, toc: boolean, lifecycle?: Pick<ReportLifecycle, 'asOf' | 'recordedLater'>): DocNode[] {
  const rows = sortedEvidence(evidence).map((e): Cell[] => [
    labelOf(EVIDENCE_KIND_LABELS, e.kind),
    documentCell(e),
    e.issuedOn ?? '—',
    e.expiresOn ?? '—',
    evidenceStateCell(e, today),
    { text: e.sha256.slice(0, SHA_SHORT), style: 'small' },
  ]);
  const body: DocNode[] =
    rows.length === 0
      ? [paragraph(lifecycle?.asOf ? `No evidence was stored on or before ${lifecycle.asOf}.` : 'No evidence stored.')]
      : [
          paragraph(
            `Documents stored in the register for this provider. SHA-256: the first ${SHA_SHORT} characters of the file's checksum, checked whenever the file is opened.`,
            ['small', 'muted'],
          ),
          dataTable(['Kind', 'Document', 'Issued', 'Expires', 'State', 'SHA-256'], rows, [78, '*', 54, 54, 66, 66]),
        ];
  body.push(...laterLine(lifecycle?.recordedLater?.evidence, ['document', 'documents'], lifecycle?.asOf));
  return keepWithNext(heading('Evidence', 1, { toc }), body);
}
