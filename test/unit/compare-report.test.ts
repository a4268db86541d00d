// The comparison report (shared/reports/compare-report.ts): what the document definition holds
// for three real reviews of the built-in template, and the PDF the runtime makes of it, read back
// with poppler's pdftotext and checked with qpdf.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { renderPdf } from '../../electron/core/reports/render';
import { compareProviders, filterComparison } from '../../shared/compare';
import type { CompareEntry, Comparison } from '../../shared/compare';
import type { Answer } from '../../shared/domain/review';
import { toAnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { Vendor } from '../../shared/domain/vendor';
import { scoreReview } from '../../shared/scoring';
import { A4, estimateHeight } from '../../shared/reports/blocks';
import {
  BEST_MARK,
  DIFFERENCES_ONLY_NOTE,
  TOO_LITTLE_ANSWERED,
  WORST_MARK,
  buildComparisonReport,
} from '../../shared/reports/compare-report';
import type { DocDefinition } from '../../shared/reports/types';
import { tempDir } from '../helpers/tmp';
import { answer, answersFor as bestAnswers, review, vendor } from '../helpers/review-fixtures';
import { INFRASTRUCTURE_TEMPLATE_V1 } from '../helpers/infrastructure-v1';

// ─────────────────────────────────────────────────────────────────────── fixtures

const GENERATED = '2025-03-10';
/** The frozen version 1, with N/A allowed on secrets handling (these fixtures mark it N/A; scoring model 2 reads N/A only where allowed). */
const V1: Template = Template.parse({
  ...INFRASTRUCTURE_TEMPLATE_V1,
  sections: INFRASTRUCTURE_TEMPLATE_V1.sections.map((section) => ({
    ...section,
    questions: section.questions.map((q) => (q.id === 'sec_secrets_handling' ? { ...q, allowNa: true } : q)),
  })),
});
const INCIDENT_DETAILS =
  'A storage node failed in March 2024; two customers lost writes for 40 minutes. Postmortem published within a week, ' +
  'with the fix (synchronous replication across zones) rolled out by May. ';

/** Version 2 adds a question, so one provider is asked something the others are not. */
const V2: Template = Template.parse({
  ...V1,
  version: 2,
  sections: V1.sections.map((section) =>
    section.id !== 'security'
      ? section
      : {
          ...section,
          questions: [
            ...section.questions,
            {
              id: 'sec_sbom',
              kind: 'yesno',
              text: 'Does the provider publish a software bill of materials for what it runs for you?',
              help: '',
              weight: 1,
              optional: false,
              options: [
                { id: 'yes', label: 'Yes', score: 1 },
                { id: 'no', label: 'No', score: 0 },
              ],
            },
          ],
        },
  ),
});

/** Best answers everywhere, but a 24-hour breach notice (a number answer the tables must print). */
function answersFor(template: Template, overrides: Record<string, Answer | null> = {}): Answer[] {
  return bestAnswers(template, { sec_breach_notification_hours: answer('sec_breach_notification_hours', 24), ...overrides });
}

function entry(v: Vendor, template: Template | null, answers: Answer[]): CompareEntry {
  return {
    vendor: v,
    review: template ? review(v.id, template) : null,
    template,
    answers: template ? answers : [],
    score: template ? scoreReview(template, toAnswerMap(answers), v) : null,
  };
}

const HOSTILE_NAME = '<b>Ledgerly</b> DB & Co.';

/** Strong, on version 1; customer-managed keys, partial SSO, secrets handling marked N/A. */
function ledgerly(): CompareEntry {
  return entry(
    vendor('ledgerly', HOSTILE_NAME, { category: 'database', monthlyCost: 1450, currency: 'EUR', criticalPath: true }),
    V1,
    answersFor(V1, {
      sec_key_management: answer('sec_key_management', 'cmk'),
      sec_secrets_handling: answer('sec_secrets_handling', null, '', true),
      acc_sso: answer('acc_sso', 'partial'),
      cost_build_run_days: null,
    }),
  );
}

/** On version 2 (one question more); a disclosed incident with a long description; slow support. */
function burrow(): CompareEntry {
  return entry(
    vendor('burrow', 'Burrow MQ', { category: 'message-queue', monthlyCost: 19.5, currency: 'USD' }),
    V2,
    answersFor(V2, {
      sec_key_management: answer('sec_key_management', 'byok'),
      sec_secrets_handling: answer('sec_secrets_handling', 'none_given'),
      sec_sbom: answer('sec_sbom', 'yes'),
      sec_incident_history: answer('sec_incident_history', 'disclosed_handled'),
      sec_incident_details: answer('sec_incident_details', INCIDENT_DETAILS.repeat(3).trim()),
      ops_support_response: answer('ops_support_response', 'days'),
      cost_predictable: answer('cost_predictable', 'usage_uncapped'),
      cost_build_run_days: null,
    }),
  );
}

/**
 * Version 1; no encryption at rest (a knock-out, and it hides the key question), no SSO, shared
 * accounts (a knock-out that hides the roles question), a few questions unanswered.
 */
function lumen(): CompareEntry {
  return entry(
    vendor('lumen', 'Lumen Logs', { category: 'logging', monthlyCost: null }),
    V1,
    answersFor(V1, {
      sec_encryption_at_rest: answer('sec_encryption_at_rest', 'no'),
      acc_sso: answer('acc_sso', 'no'),
      acc_individual_accounts: answer('acc_individual_accounts', 'shared'),
      sec_pentest: null,
      mnt_frequency_per_month: null,
      ext_exit_plan: answer('ext_exit_plan', 'no'),
      cost_build_run_days: null,
    }),
  );
}

const fixtures = (): CompareEntry[] => [ledgerly(), burrow(), lumen()];
const NAMES = [HOSTILE_NAME, 'Burrow MQ', 'Lumen Logs'];
const SECTION_TITLES = V1.sections.map((s) => s.title);

// ─────────────────────────────────────────────────────────────────────── tree helpers

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    visit(o);
    for (const v of Object.values(o)) walk(v, visit);
  }
}

/** Every string a reader sees, in document order (style names, colours and the like left out). */
function texts(node: unknown): string[] {
  const out: string[] = [];
  const skip = new Set(['style', 'color', 'fillColor', 'lineColor', 'pageBreak', 'alignment', 'tocStyle']);
  const go = (n: unknown, key: string | null): void => {
    if (typeof n === 'string') {
      if (key === null || !skip.has(key)) out.push(n);
    } else if (Array.isArray(n)) {
      for (const x of n) go(x, key);
    } else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n as Record<string, unknown>)) go(v, k === 'text' || k === 'stack' || k === 'body' || k === 'table' ? key : k);
    }
  };
  go(node, null);
  return out;
}

const allText = (doc: DocDefinition) => texts(doc.content).join('\n');

interface FoundTable {
  /** The text of the first header row (a section table's title), or '' when it has one header row. */
  title: string;
  /** The text of each cell of the last header row: the column heads. */
  header: string[];
  /** The rows after the header rows. */
  rows: unknown[][];
  table: Record<string, unknown>;
}

/** Tables in document order. */
function tables(doc: DocDefinition): FoundTable[] {
  const out: FoundTable[] = [];
  walk(doc.content, (o) => {
    if (o.table && typeof o.table === 'object') {
      const table = o.table as Record<string, unknown>;
      const body = table.body as unknown[][];
      const headerRows = table.headerRows as number;
      out.push({
        title: headerRows > 1 ? texts(body[0]).join('') : '',
        header: body[headerRows - 1]!.map((cell) => texts(cell).join('')),
        rows: body.slice(headerRows),
        table,
      });
    }
  });
  return out;
}

/** Functions replaced by what they return for a few pages, so two definitions can be deep-compared. */
function normalise(value: unknown): unknown {
  if (typeof value === 'function') {
    return [1, 2, 3].map((page) => {
      try {
        return normalise((value as (a: number, b: number, c: unknown) => unknown)(page, 3, A4));
      } catch {
        return 'throws'; // a table layout callback, which needs pdfmake's node
      }
    });
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

// ─────────────────────────────────────────────────────────────────────── the definition

describe('buildComparisonReport', () => {
  const comparison = compareProviders(fixtures());
  const doc = buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: false });
  const text = allText(doc);

  test('is an A4 landscape document with the shared font, styles, header and footer', () => {
    assert.equal(doc.pageSize, 'A4');
    assert.equal(doc.pageOrientation, 'landscape');
    assert.deepEqual(doc.pageMargins, [44, 60, 44, 52]);
    assert.equal(doc.defaultStyle.font, 'NotoSans');
    for (const style of ['h1', 'h2', 'small', 'muted', 'tableHeader', 'tableCell']) assert.ok(doc.styles[style], style);
    assert.deepEqual(doc.info, { title: `Provider comparison: ${NAMES.join(', ')}` });
    assert.equal(typeof doc.pageBreakBefore, 'function');

    const footer = texts(doc.footer(2, 7, { width: A4.height, height: A4.width }));
    assert.ok(footer.includes('Page 2 of 7'));
    assert.ok(footer.includes(`As of ${GENERATED} · Vetted`));
    assert.equal(doc.header(1, 7, A4), null, 'page 1 carries the title itself');
    const header = texts(doc.header(2, 7, { width: A4.height, height: A4.width }));
    assert.ok(header.includes('Provider comparison'));
    assert.ok(header.includes(NAMES.join(', ')));
  });

  test('the title names the providers; the note on differences appears only when asked for', () => {
    const [title, subtitle] = doc.content as Record<string, unknown>[];
    assert.equal(title!.text, 'Provider comparison');
    assert.equal(subtitle!.text, `${HOSTILE_NAME}, Burrow MQ and Lumen Logs`);
    assert.ok(!text.includes(DIFFERENCES_ONLY_NOTE));
  });

  test('the summary table comes first, one column per provider, before every section table', () => {
    const all = tables(doc);
    assert.equal(all.length, 1 + V1.sections.length);
    const [summary, ...sections] = all;
    assert.deepEqual(summary!.header, ['', ...NAMES]);
    const rows = summary!.rows.map((row) => row.map((cell) => texts(cell).join('')));
    const byLabel = new Map(rows.map((r) => [r[0]!, r.slice(1)]));
    assert.deepEqual([...byLabel.keys()], ['Category', 'Overall score (of 100)', 'Tier', 'State', 'Knock-outs', 'Fee', 'Buy or build', 'Template']);
    assert.deepEqual(byLabel.get('Category'), ['Database', 'Message queue', 'Logging']);
    const overall = comparison.columns.map((c) => (Math.round(c.overall! * 10) / 10).toFixed(1));
    assert.deepEqual(byLabel.get('Overall score (of 100)'), overall);
    for (const score of overall) assert.match(score, /^\d+\.\d$/);
    assert.deepEqual(byLabel.get('Fee'), ['1,450 EUR per month', '19.50 USD per month', 'Not recorded']);
    assert.deepEqual(byLabel.get('Template'), [
      'Infrastructure provider review, version 1',
      'Infrastructure provider review, version 2',
      'Infrastructure provider review, version 1',
    ]);
    assert.deepEqual(byLabel.get('Knock-outs'), comparison.columns.map((c) => (c.knockouts === 0 ? 'None' : String(c.knockouts))));
    assert.ok(byLabel.get('Knock-outs')![2] !== 'None', 'Lumen has knock-outs');
    for (const state of byLabel.get('State')!) assert.match(state, /^(Scored|Incomplete): \d+% answered$/);
    // Every section table has the same columns, after the summary.
    assert.deepEqual(sections.map((s) => s.title), SECTION_TITLES);
    for (const s of sections) assert.deepEqual(s.header, ['Question', ...NAMES]);
    assert.ok(text.indexOf('Overall score (of 100)') < text.indexOf(SECTION_TITLES[0]!));
  });

  test('every provider name and every section title is in the tree as text', () => {
    for (const name of NAMES) assert.ok(text.includes(name), name);
    const headings: string[] = [];
    walk(doc.content, (o) => {
      if (o.style === 'h2' && typeof o.text === 'string') headings.push(o.text);
    });
    assert.deepEqual(headings, ['Summary', ...SECTION_TITLES]);
  });

  test('section tables: a section score row, then one row per question with each provider\'s answer', () => {
    const security = tables(doc)[1]!;
    const rows = security.rows.map((row) => row.map((cell) => texts(cell).join(' ')));
    assert.equal(rows[0]![0], 'Section score');
    const section = comparison.sections[0]!;
    assert.equal(rows.length, 1 + section.questions.length);
    // Question text first, each provider's label after it.
    section.questions.forEach((q, i) => {
      const row = rows[i + 1]!;
      assert.equal(row[0], q.text);
      q.cells.forEach((cell, j) => assert.ok(row[j + 1]!.includes(cell.label), `${q.questionId} ${cell.providerId}`));
    });
    const sbom = rows.find((r) => r[0]!.startsWith('Does the provider publish a software bill'))!;
    assert.ok(sbom[1]!.includes('Not asked') && sbom[3]!.includes('Not asked'));
    const keys = rows.find((r) => r[0] === V1.sections[0]!.questions.find((q) => q.id === 'sec_key_management')!.text)!;
    assert.ok(keys[3]!.includes('Not shown'), 'hidden for Lumen');
    assert.ok(text.includes('Not applicable'));
    assert.ok(text.includes('Not answered'));
    assert.ok(text.includes('Knock-out: Medium'), 'no encryption at rest');
    assert.ok(/\d+\.\d points lost/.test(text), 'points lost, one decimal');
    // The section score: one decimal, and what it rests on when not everything is answered.
    const scores = rows[0]!;
    section.cells.forEach((cell, j) => assert.ok(scores[j + 1]!.includes((Math.round(cell.score! * 10) / 10).toFixed(1))));
    assert.ok(scores[3]!.includes('covers'), `Lumen's security score covers fewer questions: ${scores[3]}`);
  });

  test('best and worst are marked with a sign and a word, in colour', () => {
    const marks: Record<string, unknown>[] = [];
    walk(doc.content, (o) => {
      if (o.text === BEST_MARK || o.text === WORST_MARK) marks.push(o);
    });
    const best = marks.filter((m) => m.text === BEST_MARK);
    const worst = marks.filter((m) => m.text === WORST_MARK);
    const expected = (key: 'best' | 'worst') =>
      comparison.sections.reduce((n, s) => n + s[key].length + s.questions.reduce((m, q) => m + q[key].length, 0), 0);
    assert.equal(best.length, expected('best'));
    assert.equal(worst.length, expected('worst'));
    assert.ok(best.length > 5 && worst.length > 5);
    assert.ok(best.every((m) => m.color === '#2f6e46' && m.bold === true));
    assert.ok(worst.every((m) => m.color === '#a4161a' && m.bold === true));
    assert.equal(BEST_MARK, '+ best');
    assert.equal(WORST_MARK, '– worst');
  });

  test('differencesOnly: the note, only rows that differ, and the sections left out are named', () => {
    const diff = buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: true });
    const t = allText(diff);
    assert.ok(t.includes(DIFFERENCES_ONLY_NOTE));
    assert.equal(DIFFERENCES_ONLY_NOTE, 'Only questions where the providers differ are shown.');
    const same = comparison.sections.flatMap((s) => s.questions).filter((q) => !q.differs);
    const differ = comparison.sections.flatMap((s) => s.questions).filter((q) => q.differs);
    assert.ok(same.length > 0 && differ.length > 0);
    const rowTexts = new Set(tables(diff).slice(1).flatMap((tb) => tb.rows.slice(1).map((row) => texts(row[0]).join(''))));
    for (const q of differ) assert.ok(rowTexts.has(q.text), q.questionId);
    for (const q of same) assert.ok(!rowTexts.has(q.text), q.questionId);
    // Every section title and provider name is still there: printed, or named as left out.
    for (const title of SECTION_TITLES) assert.ok(t.includes(title), title);
    for (const name of NAMES) assert.ok(t.includes(name), name);
    assert.ok(t.includes(`${differ.length} questions differ (of ${differ.length + same.length} compared).`));
    assert.deepEqual(diff.info, doc.info);

    // A comparison filtered already (as the app's screen does) gives the same rows, without a misleading total.
    const prefiltered = buildComparisonReport(filterComparison(comparison, { differencesOnly: true }), {
      generatedAt: GENERATED,
      differencesOnly: true,
    });
    const p = allText(prefiltered);
    assert.ok(p.includes(DIFFERENCES_ONLY_NOTE));
    assert.ok(p.includes(`${differ.length} questions differ.`));
    assert.deepEqual(
      tables(prefiltered).slice(1).map((tb) => tb.rows.length),
      tables(diff).slice(1).filter((tb) => tb.rows.length > 1).map((tb) => tb.rows.length),
    );
  });

  test('no image, svg, qr or attachment; links only to http(s) addresses', () => {
    const roots = [doc.content, doc.header(2, 3, A4), doc.footer(2, 3, A4)];
    for (const root of roots) {
      walk(root, (o) => {
        for (const key of ['image', 'svg', 'qr', 'attachment', 'linkToFile']) assert.ok(!(key in o), key);
        if ('link' in o) assert.match(String(o.link), /^https?:\/\//);
      });
    }
    // The hostile name is text, never markup.
    assert.ok(texts(doc.content).includes(HOSTILE_NAME));
  });

  test('every table repeats its header rows and keeps its rows whole; the question column is wider', () => {
    const [summary, ...sections] = tables(doc);
    assert.equal(summary!.table.headerRows, 1);
    for (const { table } of sections) {
      assert.equal(table.headerRows, 2, 'the section title and the provider names repeat on every page');
      assert.equal(table.keepWithHeaderRows, 2, 'and stay with the section score and the first question');
    }
    const pageWidth = A4.height - doc.pageMargins[0] - doc.pageMargins[2];
    for (const { table } of [summary!, ...sections]) {
      assert.equal(table.dontBreakRows, true);
      // Fixed widths from the page: a '*' column grows to its longest word and pushes the table off the page.
      const w = table.widths as number[];
      assert.equal(w.length, 1 + NAMES.length);
      assert.ok(w.every((x) => typeof x === 'number'));
      assert.ok(w.slice(1).every((x) => x === w[1] && x < w[0]!));
      const padding = 8 * w.length;
      assert.ok(w.reduce((a, b) => a + b, 0) + padding <= pageWidth, 'the columns fit the page');
      assert.ok(w.reduce((a, b) => a + b, 0) + padding > pageWidth - 1, 'and use its width');
    }
  });

  test('what is kept together fits well on a landscape page; the first section starts page 2', () => {
    const pageHeight = A4.width - doc.pageMargins[1] - doc.pageMargins[3];
    let kept = 0;
    walk(doc.content, (o) => {
      if (o.unbreakable === true) {
        kept++;
        assert.ok(estimateHeight(o, A4.height - doc.pageMargins[0] - doc.pageMargins[2]) <= (pageHeight * 2) / 3);
      }
    });
    assert.ok(kept >= 5, 'the summary and the shorter sections are kept whole');
    const first = doc.content.findIndex((n) => texts(n).includes(SECTION_TITLES[0]!));
    assert.equal((doc.content[first] as Record<string, unknown>).pageBreak, 'before');
  });

  test('is deterministic and leaves the comparison as it was', () => {
    const before = JSON.stringify(comparison);
    const again = buildComparisonReport(compareProviders(fixtures()), { generatedAt: GENERATED, differencesOnly: false });
    assert.deepEqual(normalise(again), normalise(doc));
    assert.equal(JSON.stringify(again), JSON.stringify(doc));
    buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: true });
    assert.equal(JSON.stringify(comparison), before);
  });

  test('a section answered too little reads "Too little answered" with what it rests on, never a score or a mark', () => {
    const unanswered = V1.sections.flatMap((s) => s.questions.filter((q) => q.id !== 'sec_encryption_in_transit').map((q) => [q.id, null]));
    const sparse = entry(vendor('sparse', 'Sparse Review'), V1, answersFor(V1, Object.fromEntries(unanswered)));
    const c = compareProviders([ledgerly(), lumen(), sparse]);
    const security = c.sections[0]!;
    assert.equal(security.cells[2]!.score, 100, 'one best answer: a section score of 100');
    assert.ok(security.cells[2]!.tooLittleAnswered);
    const d = buildComparisonReport(c, { generatedAt: GENERATED, differencesOnly: false });
    const scoreRow = tables(d)[1]!.rows[0]!.map((cell) => texts(cell).join(' '));
    assert.match(scoreRow[3]!, new RegExp(`^${TOO_LITTLE_ANSWERED} covers 1 of 8 questions; the review \\d+% answered$`), scoreRow[3]);
    assert.ok(scoreRow[1]!.startsWith(BEST_MARK) && scoreRow[2]!.startsWith(WORST_MARK), 'best and worst among the other two');
    assert.ok(
      allText(d).includes(
        `at least 80% of the section's questions are answered and at least 80% of the provider's whole review is (the bar a review needs for a tier); otherwise it reads "${TOO_LITTLE_ANSWERED}"`,
      ),
      'the reading note says the rule',
    );
  });

  test('a provider without a review says why in its State and reads "—", never "Not asked"', () => {
    const fresh = entry(vendor('fresh', 'Fresh Cache', { category: 'database' }), null, []);
    const note = 'No decided review as of 2025-03-10 (a review is in progress since 2025-02-01, in review on 2025-03-10)';
    for (const [column, state] of [[fresh, 'No review started'], [{ ...fresh, noReviewNote: note }, note]] as const) {
      const c: Comparison = compareProviders([ledgerly(), column]);
      const d = buildComparisonReport(c, { generatedAt: GENERATED, differencesOnly: false });
      const summary = tables(d)[0]!.rows.map((row) => [texts(row[0]).join(' '), texts(row[2]).join(' ')]);
      const value = (label: string) => summary.find(([l]) => l!.startsWith(label))![1];
      assert.equal(value('State'), state);
      assert.equal(value('Overall score'), '—', 'not "not scored (no review)"');
      assert.equal(value('Template'), '—', 'not "No review"');
      const t = allText(d);
      for (const s of ['Not started', 'not scored', 'Not asked']) assert.ok(!t.includes(s), `no "${s}"`);
      for (const table of tables(d).slice(1)) {
        if (table.rows[0] && texts(table.rows[0][0]).join(' ') === 'Section score') {
          for (const row of table.rows) assert.equal(texts(row[2]).join(' '), '—', texts(row[0]).join(' '));
        }
      }
    }
  });

  test('dated before a profile change or before today: says the profile and the day rate are as they are now', () => {
    const changed = { ...ledgerly(), vendor: { ...ledgerly().vendor, buildEffortDays: 60, updatedAt: '2025-06-01T09:00:00.000Z' } };
    const c = compareProviders([changed, lumen()], { dayRate: { amount: 640, currency: 'EUR' } });
    const past = allText(buildComparisonReport(c, { generatedAt: GENERATED, today: '2025-07-01', differencesOnly: false })).replace(/\s+/g, ' ');
    assert.ok(past.includes('The profile was last changed on 2025-06-01, after 2025-03-10: it shows the provider as recorded now.'), 'the changed profile, in the review report\'s words');
    assert.ok(past.includes('Last changed on 2025-03-04: as it stood on 2025-03-10.'), 'the unchanged one');
    assert.ok(past.includes('The day rate (640 EUR a day) is the one set in Settings when this document was made (2025-07-01), not necessarily the one on 2025-03-10: Settings keep no dated copy.'), 'the day rate, in the review report\'s words');
    const today = allText(buildComparisonReport(compareProviders([ledgerly(), lumen()], { dayRate: { amount: 640, currency: 'EUR' } }), { generatedAt: GENERATED, today: GENERATED, differencesOnly: false }));
    assert.ok(!today.includes('Profile (fee, build effort)') && !today.includes('set in Settings'), 'nothing to say as of today with unchanged profiles');
  });
});

// ─────────────────────────────────────────────────────────────────────── the PDF

describe('the comparison PDF', () => {
  const dir = tempDir('vetted-compare-report-');

  test('renders: names and section titles extract, qpdf --check passes', async () => {
    const doc = buildComparisonReport(compareProviders(fixtures()), { generatedAt: GENERATED, differencesOnly: false });
    const { pdf, warnings } = await renderPdf(doc, { title: doc.info.title, generatedAt: GENERATED });
    assert.deepEqual(warnings, [], 'every character is in the bundled font');
    const file = path.join(dir, 'comparison.pdf');
    fs.writeFileSync(file, pdf);

    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, `qpdf --check failed:\n${check.stdout}${check.stderr}`);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const name of NAMES) assert.ok(flat.includes(name), name);
    for (const title of SECTION_TITLES) assert.ok(flat.includes(title), title);
    assert.ok(flat.includes(BEST_MARK) && flat.includes(WORST_MARK), 'the marks extract as text');
    assert.ok(flat.includes(INCIDENT_DETAILS.trim().slice(0, 60)), 'long free text is printed, not cut');

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    assert.ok(info.includes(`Provider comparison: ${NAMES.join(', ')}`));
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert.ok(text.includes(`Page ${pages} of ${pages}`));
    // The first section starts on page 2: page 1 is the summary.
    const [first, second] = text.split('\f');
    assert.ok(first!.includes('Overall score (of 100)') && !first!.includes('Section score'));
    assert.ok(second!.includes(SECTION_TITLES[0]!));

    const again = await renderPdf(doc, { title: doc.info.title, generatedAt: GENERATED });
    assert.ok(again.pdf.equals(pdf), 'the same document and date give the same bytes');
  });

  test('six providers, one without a review, one incomplete: a very long answer breaks over pages, never cut', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Finding ${i + 1}: ${INCIDENT_DETAILS.trim()}`).join(' ');
    const verbose = burrow();
    verbose.answers = verbose.answers.map((a) => (a.questionId === 'sec_incident_details' ? { ...a, value: long } : a));
    const halfway = answersFor(V1, Object.fromEntries(V1.sections.slice(3).flatMap((s) => s.questions.map((q) => [q.id, null]))));
    const entries = [
      ledgerly(),
      verbose,
      lumen(),
      entry(vendor('fresh', 'Fresh Cache', { category: 'database' }), null, []),
      entry(vendor('half', 'Halfway Metrics', { category: 'metrics', monthlyCost: 300, currency: 'GBP' }), V1, halfway),
      entry(vendor('pipe', 'Pipeline CI', { category: 'ci-build' }), V2, answersFor(V2, { acc_mfa: answer('acc_mfa', 'no') })),
    ];
    const comparison = compareProviders(entries);
    assert.equal(comparison.columns[4]!.state, 'incomplete');
    const doc = buildComparisonReport(comparison, { generatedAt: GENERATED, differencesOnly: false });
    const { pdf, warnings } = await renderPdf(doc, { title: doc.info.title, generatedAt: GENERATED });
    assert.deepEqual(warnings, []);
    const file = path.join(dir, 'six.pdf');
    fs.writeFileSync(file, pdf);
    assert.equal(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status, 0);

    const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const name of ['Burrow MQ', 'Lumen Logs', 'Fresh Cache', 'Halfway Metrics', 'Pipeline CI']) assert.ok(flat.includes(name), name);
    for (const title of SECTION_TITLES) assert.ok(flat.includes(title), title);
    for (const s of ['No review started', '(provisional)', 'Incomplete: ']) assert.ok(flat.includes(s), s);
    // Every word of the long answer is printed: the row broke over pages instead of being cut.
    for (let i = 1; i <= 40; i++) assert.ok(flat.includes(`Finding ${i}:`), `Finding ${i}`);
  });
});
