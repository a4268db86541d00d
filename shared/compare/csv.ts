// A comparison as CSV for spreadsheets (RFC 4180): CRLF between records, a field quoted when it
// holds a comma, a double quote, CR or LF (quotes doubled), and a UTF-8 byte order mark first so
// that Excel reads the file as UTF-8 rather than the machine's legacy code page (without it,
// "Zürich" or "—" come out garbled). Pure: the caller writes the string to a file.
//
// With a basis (an export), the summary also says what each column rests on, whether its profile
// changed after the date (the register keeps only the current one) and, before today, that the
// day rate is today's setting. A column without a review reads "—" in every cell and says why in
// its Overall score.
//
// Columns: Section, Question ID, Question, one answer column per provider, then one
// "<name> points lost" column per provider. Rows: a score summary, the maintenance rows and the
// incident rows (their Section column says they come from the register's records, not the
// questionnaire), one row per section score ("Too little answered" where the section, or the
// provider's whole review, is below SECTION_COMPARABLE_SHARE), then every question row (under its section), in the comparison's
// order. A filtered comparison exports only what the filter kept.
import { TIER_LABELS } from '../domain/labels';
import { csvField } from '../csv-field';
import { scoreText } from '../format';
import { INCIDENTS_SECTION, incidentRows } from './incidents';
import { MAINTENANCE_SECTION, maintenanceRows } from './maintenance';
import { SHARED_UPSTREAMS_LABEL, UPSTREAMS_SECTION, upstreamsNote } from './upstreams';
import { dayRateNote, profileAsOfText } from '../reports/as-of-notes';
import { NO_REVIEW_CELL } from './model';
import type { CompareCell, CompareColumn, CompareSectionCell, Comparison } from './model';

export { csvField, neutralizeFormula } from '../csv-field';

const BOM = '\uFEFF';
const CRLF = '\r\n';

function record(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

/** One decimal, as the app shows scores. */
function oneDecimal(n: number): string {
  return scoreText(n, '');
}

/** Points lost as a plain number a spreadsheet can sum: up to two decimals. */
function points(n: number | null): string {
  return n === null ? '' : String(Math.round(n * 100) / 100);
}

function overallText(c: CompareColumn): string {
  // No review in this column: say why ("No decided review as of …"), not "Not started".
  if (c.noReview !== null) return `Not scored: ${c.noReview.charAt(0).toLowerCase()}${c.noReview.slice(1)}`;
  if (c.state === 'not_started') return 'Not started';
  if (c.overall === null) return 'Not scored';
  return c.state === 'incomplete' ? `${oneDecimal(c.overall)} (provisional)` : oneDecimal(c.overall);
}


function completionText(c: CompareColumn): string {
  // Rounded down, as the app does, so 79.6 % never reads as the 80 % threshold.
  return c.completion === null ? '' : `${Math.floor(c.completion * 100 + 1e-9)}%`;
}

/** A section below the comparison's threshold gets no score: it would read as comparable. */
function sectionText(cell: CompareSectionCell, column: CompareColumn): string {
  if (column.noReview !== null) return NO_REVIEW_CELL;
  if (!cell.covers.asked) return 'Not asked';
  const covers = `${cell.covers.answered} of ${cell.covers.total} answered`;
  if (cell.reviewTooLittleAnswered) return `Too little answered (${covers}; the review ${completionText(column)} answered)`;
  if (cell.tooLittleAnswered) return `Too little answered (${covers})`;
  return cell.score === null ? `Not scored (${covers})` : `${oneDecimal(cell.score)} (${covers})`;
}

/**
 * The answer label as the comparison has it, then " [N/A]" when an option made the question not
 * applicable (the label alone would not say so), " [Knock-out: <tier>]" for a knock-out answer,
 * and the reviewer's comment on a line of its own.
 */
function answerText(cell: CompareCell): string {
  let text = cell.label;
  if (cell.status === 'na' && cell.label !== 'Not applicable') text += ' [N/A]';
  if (cell.knockout) text += ` [Knock-out: ${TIER_LABELS[cell.knockout]}]`;
  if (cell.comment !== '') text += `\nComment: ${cell.comment}`;
  return text;
}

/** What an exported comparison rests on: its date, whether it shows drafts, and each column's review. */
export interface ComparisonBasis {
  asOf: string;
  /** Today (YYYY-MM-DD): before it, the day rate is said to be the current setting. Absent: not said. */
  today?: string;
  draft: boolean;
  /** The organisation named in Settings, said in a row of its own (the PDF names it on every page). */
  organisation?: string;
  /** By vendor id: "approved on 2026-03-01", "DRAFT, review in progress since …". */
  columns: Readonly<Record<string, string>>;
}

/** The comparison as an RFC 4180 CSV string, starting with a UTF-8 BOM. */
export function comparisonToCsv(comparison: Comparison, basis?: ComparisonBasis): string {
  const { columns } = comparison;
  const blanks = columns.map(() => '');
  const summary = (title: string, values: string[]) => record(['Summary', '', title, ...values, ...blanks]);

  let csv = BOM;
  csv += record(['Section', 'Question ID', 'Question', ...columns.map((c) => c.name), ...columns.map((c) => `${c.name} points lost`)]);
  if (basis) {
    // A spreadsheet travels without its file name: the rows say whose it is and what the columns rest on.
    if (basis.organisation?.trim()) csv += summary('Organisation', columns.map(() => basis.organisation!.trim()));
    csv += summary(basis.draft ? 'As of (DRAFT: reviews in progress)' : 'As of (decided reviews)', columns.map(() => basis.asOf));
    csv += summary('Rests on', columns.map((c) => basis.columns[c.id] ?? 'not recorded'));
  }
  csv += summary('Overall score', columns.map(overallText));
  csv += summary('Tier', columns.map((c) => (c.tier ? TIER_LABELS[c.tier] : 'Not rated')));
  csv += summary('Completion', columns.map(completionText));
  csv += summary('Knock-outs', columns.map((c) => (c.noReview !== null ? NO_REVIEW_CELL : String(c.knockouts))));
  // The fee and the buy-or-build line come from the profile and Settings as they are now: said first.
  if (basis) csv += summary('Profile (fee, build effort)', columns.map((c) => profileAsOfText(c.profileUpdatedAt, basis.asOf)));
  csv += summary('Fee', columns.map((c) => c.fee ?? 'Not recorded'));
  const rate = basis?.today ? dayRateNote(comparison.dayRate ?? null, basis.asOf, basis.today) : null;
  if (rate) csv += summary('Day rate', columns.map(() => rate));
  csv += summary('Buy or build', columns.map((c) => c.buyVsBuild));
  csv += summary('Template', columns.map((c) => (c.template ? `${c.template.id} v${c.template.version}` : NO_REVIEW_CELL)));
  if (comparison.maintenance) {
    for (const row of maintenanceRows(comparison.maintenance)) csv += record([MAINTENANCE_SECTION, '', row.label, ...row.cells, ...blanks]);
  }
  if (comparison.incidents) {
    for (const row of incidentRows(comparison.incidents)) csv += record([INCIDENTS_SECTION, '', row.label, ...row.cells, ...blanks]);
  }
  if (comparison.upstreams) {
    // One row per shared upstream; the providers are named in the row (a cell per column would say only yes or no).
    const u = comparison.upstreams;
    const lines = u.lines.length > 0 ? u.lines : [`None recorded on or before ${u.asOf}`];
    for (const line of lines) csv += record([UPSTREAMS_SECTION, '', `${SHARED_UPSTREAMS_LABEL}: ${line}`, ...blanks, ...blanks]);
    const note = upstreamsNote(u);
    if (note) csv += record([UPSTREAMS_SECTION, '', note, ...blanks, ...blanks]);
  }
  for (const section of comparison.sections) {
    csv += record([section.title, '', 'Section score', ...section.cells.map((cell, i) => sectionText(cell, columns[i]!)), ...blanks]);
  }
  for (const section of comparison.sections) {
    for (const row of section.questions) {
      csv += record([
        section.title,
        row.questionId,
        row.text,
        ...row.cells.map(answerText),
        ...row.cells.map((c) => points(c.pointsLost)),
      ]);
    }
  }
  return csv;
}
