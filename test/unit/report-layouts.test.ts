// The pure report layouts (shared/reports): what the document definitions contain, that user text
// stays plain text, page-break rules, the subprocessor annex and determinism. Rendering them with
// pdfmake is tested with the runtime (test/integration).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Answer, AnswerValue, Review } from '../../shared/domain/review';
import { toAnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { Question } from '../../shared/domain/template';
import type { Vendor, VendorFields } from '../../shared/domain/vendor';
import { VENDOR_DEFAULTS } from '../../shared/domain/vendor';
import { roundScore, scoreReview } from '../../shared/scoring';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import {
  A4,
  avoidLoneHeadings,
  dataTable,
  estimateHeight,
  formatAmount,
  heading,
  keepTogether,
  keepWithNext,
  paragraph,
  linkText,
  plain,
  safeLink,
  tierBadge,
} from '../../shared/reports/blocks';
import { TIER_LABELS } from '../../shared/domain/labels';
import {
  INFRASTRUCTURE_TEMPLATE_ID,
  SAFEGUARD_RULES,
  describeSafeguards,
  safeguardSentence,
} from '../../shared/reports/safeguards';
import type { DocDefinition, NodeInfo, PageBreakHelpers } from '../../shared/reports/types';
import { buildVendorReport, estimateVendorReportPages } from '../../shared/reports/vendor-report';
import type { VendorReportData } from '../../shared/reports/vendor-report';
import type { ReportLifecycle } from '../../shared/reports/lifecycle';
import type { AcceptanceView, EvidenceView, FindingView } from '../../shared/api';
import type { ReviewStep } from '../../shared/domain/workflow';

// ─────────────────────────────────────────────────────────────────────── fixtures

const T = '2025-01-10T09:30:00.000Z';
const GENERATED = '2025-01-15';
const LONG_COMMENT = 'Long comment. '.repeat(3572).slice(0, 50_000);
const HIDDEN_COMMENT = 'LEFT BEHIND ON A HIDDEN QUESTION';

function vendor(name: string, fields: Partial<VendorFields> = {}, id = name): Vendor {
  return { ...VENDOR_DEFAULTS, name, ...fields, links: { ...fields.links }, id, createdAt: T, updatedAt: T };
}

function review(vendorId: string, fields: Partial<Review> = {}): Review {
  return {
    id: `review-${vendorId}`,
    vendorId,
    templateId: INFRASTRUCTURE_TEMPLATE.id,
    templateVersion: INFRASTRUCTURE_TEMPLATE.version,
    status: 'in_review',
    reviewer: 'Dana Whitfield',
    startedAt: '2025-01-02T08:00:00.000Z',
    updatedAt: T,
    completedAt: null,
    ...fields,
  };
}

const answer = (questionId: string, value: AnswerValue, comment = '', na = false): Answer => ({
  questionId,
  value,
  comment,
  na,
  updatedAt: T,
});

/** The best answer to a question: the top option, the two best multi options, a number in the best band. */
function bestValue(q: Question): AnswerValue {
  const numeric = (q.options ?? []).filter((o) => typeof o.score === 'number');
  const byScore = [...numeric].sort((a, b) => (b.score as number) - (a.score as number));
  switch (q.kind) {
    case 'yesno':
    case 'single':
      return byScore[0]!.id;
    case 'multi':
      return byScore.slice(0, 2).map((o) => o.id);
    case 'number': {
      const band = [...(q.bands ?? [])].sort((a, b) => b.score - a.score)[0];
      if (!band) return 100;
      return band.min ?? (band.max !== undefined ? band.max - 1 : 0);
    }
    case 'date':
      return '2024-11-01';
    default:
      return 'Checked with the provider.';
  }
}

/** Best answers to every question of the built-in template, then `overrides` (null removes the answer). */
function answersFor(overrides: Record<string, Answer | null> = {}): Answer[] {
  const out: Answer[] = [];
  for (const section of INFRASTRUCTURE_TEMPLATE.sections) {
    for (const q of section.questions) {
      if (q.id in overrides) {
        const o = overrides[q.id];
        if (o) out.push(o);
      } else {
        out.push(answer(q.id, q.id === 'sec_breach_notification_hours' ? 24 : bestValue(q)));
      }
    }
  }
  return out;
}

const HOSTILE_NAME = '<b>bold</b> Hosting';

function reportData(): VendorReportData {
  const v = vendor(HOSTILE_NAME, {
    service: 'javascript:alert(1)',
    category: 'database',
    website: 'javascript:alert(1)',
    owner: 'Platform team',
    status: 'active',
    criticalPath: true,
    businessImpact: 'high',
    dataCategories: ['personal-data', 'logs-telemetry'],
    dataLocations: ['Germany', 'data:image/png;base64,AAAA'],
    monthlyCost: 1450,
    currency: 'EUR',
    buildEffortDays: 120,
    links: {
      statusPage: 'https://status.example.com/',
      trustPage: 'data:image/png;base64,AAAA',
      dpa: 'file:///etc/passwd',
      subprocessors: 'javascript:alert(1)',
      privacyPolicy: 'https://example.com/privacy',
    },
  });
  const answers = answersFor({
    sec_key_management: answer('sec_key_management', 'provider_managed', LONG_COMMENT),
    sec_secrets_handling: answer('sec_secrets_handling', 'none_given', 'We give them none.'),
    // N/A where the template allows it (scoring model 2), with the reason in the comment.
    scl_upgrade_no_downtime: answer('scl_upgrade_no_downtime', null, 'One fixed plan: there is nothing to upgrade to.', true),
    acc_individual_accounts: answer('acc_individual_accounts', 'shared', '<i>One</i> shared login: file:///etc/passwd'),
    // Hidden once accounts are shared: the answer is left behind and must not show.
    acc_roles: answer('acc_roles', 'admin_only', HIDDEN_COMMENT),
    ops_support_response: answer('ops_support_response', 'days'),
    ext_exit_plan: answer('ext_exit_plan', 'no', 'data:image/png;base64,AAAA'),
    cost_predictable: answer('cost_predictable', 'usage_uncapped'),
    mnt_frequency_per_month: null,
    // The profile says critical path: the answer agrees (scoring model 2 checks the two).
    ext_critical_path: answer('ext_critical_path', 'no'),
  });
  const r = review(v.id);
  const score = scoreReview(INFRASTRUCTURE_TEMPLATE, toAnswerMap(answers), v);
  return { vendor: v, review: r, template: INFRASTRUCTURE_TEMPLATE, answers, score };
}

// ─────────────────────────────────────────────────────────────────────── tree helpers

/** Every object node of a definition's content (and of header/footer output, when given). */
function walk(node: unknown, visit: (o: Record<string, unknown>, key: string | null) => void, key: string | null = null): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, key);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    visit(o, key);
    for (const [k, v] of Object.entries(o)) walk(v, visit, k);
  }
}

/** Every string in the tree except the SVG source and layout internals: what the reader sees. */
function texts(node: unknown): string[] {
  const out: string[] = [];
  const go = (n: unknown, key: string | null): void => {
    if (typeof n === 'string') {
      if (key !== 'svg' && key !== 'style' && key !== 'color' && key !== 'fillColor' && key !== 'lineColor') out.push(n);
    } else if (Array.isArray(n)) {
      for (const x of n) go(x, key);
    } else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n as Record<string, unknown>)) go(v, k === 'text' || k === 'stack' || k === 'body' ? key : k);
    }
  };
  go(node, null);
  return out;
}

const allText = (doc: DocDefinition) => texts(doc.content).join('\n');

/** Functions replaced by what they return for a few pages, so two definitions can be deep-compared. */
function normalise(value: unknown): unknown {
  if (typeof value === 'function') {
    return [1, 2, 3].map((page) => {
      try {
        return normalise((value as (a: number, b: number, c: unknown) => unknown)(page, 3, A4));
      } catch {
        return 'throws';
      }
    });
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

// ─────────────────────────────────────────────────────────────────────── vendor report

describe('buildVendorReport', () => {
  const data = reportData();
  const doc = buildVendorReport(data, { generatedAt: GENERATED, includeConfidential: false });
  const text = allText(doc);

  test('is an A4 document with the shared font, styles and callbacks', () => {
    assert.equal(doc.pageSize, 'A4');
    assert.equal(doc.defaultStyle.font, 'NotoSans');
    assert.deepEqual(doc.info, { title: `Vendor review: ${HOSTILE_NAME}` });
    for (const style of ['h1', 'h2', 'h3', 'small', 'muted', 'tableHeader']) assert.ok(doc.styles[style], style);
    assert.equal(typeof doc.header, 'function');
    assert.equal(typeof doc.footer, 'function');
    assert.equal(typeof doc.pageBreakBefore, 'function');
  });

  test('puts the provider name on the cover, as plain text', () => {
    const title = doc.content.find((n) => typeof n === 'object' && !Array.isArray(n) && n.style === 'coverTitle');
    assert.deepEqual(title, { text: HOSTILE_NAME, style: 'coverTitle' });
    assert.ok(text.includes(`Infrastructure provider review, version ${INFRASTRUCTURE_TEMPLATE.version}`));
    // The name stored when the draft was opened is not the reviewer of record: the steps are.
    assert.ok(!text.includes('Dana Whitfield'), 'not the reviewer of record');
    assert.ok(text.includes('Not submitted'), 'nobody submitted it');
    assert.ok(text.includes('2025-01-02'), 'review started');
    assert.ok(text.includes(GENERATED), 'generated date');
  });

  test('shows every section title as a heading', () => {
    const headings = new Set<string>();
    walk(doc.content, (o) => {
      if (o.style === 'h2' && typeof o.text === 'string') headings.add(o.text);
    });
    for (const section of INFRASTRUCTURE_TEMPLATE.sections) assert.ok(headings.has(section.title), section.title);
  });

  test('shows the score with one decimal, the tier, inherent and residual risk and completion in words', () => {
    assert.ok(data.score.overall !== null && data.score.tier !== null && data.score.residual !== null, `scored: ${data.score.blockers.join(' ')}`);
    const score = roundScore(data.score.overall).toFixed(1);
    assert.match(score, /^\d+\.\d$/);
    assert.ok(text.includes(`${score} of 100`), `score ${score}`);
    assert.ok(text.includes(TIER_LABELS[data.score.tier]), 'tier');
    assert.ok(text.includes(`${TIER_LABELS[data.score.inherent]} (from the provider profile)`), 'inherent');
    assert.ok(text.includes(`${TIER_LABELS[data.score.residual]} (profile and controls)`), 'residual');
    assert.ok(text.includes(`${Math.floor(data.score.completion * 100)}% of the questions answered`), 'completion');
  });

  test('lists the knock-out with its question, answer and tier, and marks its question', () => {
    const [knockout] = data.score.knockouts;
    assert.ok(knockout);
    assert.equal(knockout.questionId, 'acc_individual_accounts');
    assert.ok(text.includes(knockout.questionText));
    assert.ok(text.includes(knockout.answerLabel));
    assert.ok(text.includes(`Knock-out: forces ${TIER_LABELS[knockout.tier]}`));
  });

  test('lists the top five point losses in plain words', () => {
    const top = data.score.explanation.filter((l) => l.pointsLost > 0).slice(0, 5);
    assert.equal(top.length, 5);
    for (const loss of top) {
      assert.ok(text.includes(loss.reason), loss.reason);
      assert.ok(text.includes(loss.pointsLost.toFixed(1)), `${loss.questionId} ${loss.pointsLost}`);
    }
  });

  test('prints every visible question with its answer, comment and impact, and no hidden one', () => {
    assert.ok(text.includes('Who holds the encryption keys?'));
    assert.ok(text.includes('Provider-managed keys only'));
    assert.ok(text.includes(LONG_COMMENT), 'the 50,000-character comment, whole');
    assert.ok(text.includes('Not applicable'), 'N/A question');
    assert.ok(text.includes('Not answered'), 'unanswered question');
    assert.ok(text.includes('<i>One</i> shared login: file:///etc/passwd'), 'comment as plain text');
    const roles = INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions).find((q) => q.id === 'acc_roles')!;
    assert.ok(!text.includes(roles.text), 'hidden question absent');
    assert.ok(!text.includes(HIDDEN_COMMENT), 'its comment absent');
    assert.ok(text.includes('—'), 'a question without impact');
  });

  test('the section chart is an svg node with a fixed width and escaped text; scores are text too', () => {
    const svgs: Record<string, unknown>[] = [];
    walk(doc.content, (o) => {
      if ('svg' in o) svgs.push(o);
    });
    assert.equal(svgs.length, 1);
    const chart = svgs[0]!;
    assert.equal(typeof chart.width, 'number');
    assert.ok((chart.svg as string).startsWith('<svg'));
    for (const s of data.score.sections) assert.ok(text.includes(s.title));
  });

  test('has no image anywhere and links only to http(s) or mailto addresses', () => {
    const links: string[] = [];
    for (const root of [doc.content, doc.header(2, 7, A4), doc.footer(2, 7, A4)]) {
      walk(root, (o) => {
        assert.ok(!('image' in o), 'no image node');
        assert.ok(!('qr' in o) && !('attachment' in o), 'no qr or attachment');
        if ('link' in o) links.push(String(o.link));
      });
    }
    assert.deepEqual(links.sort(), ['https://example.com/privacy', 'https://status.example.com/']);
    // The unsafe addresses are still there, as text.
    for (const s of ['javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA']) assert.ok(text.includes(s), s);
  });

  test('the profile shows human labels, cost and effort', () => {
    assert.ok(text.includes('Personal data, Logs and telemetry'));
    assert.ok(text.includes('Germany, data:image/png;base64,AAAA'));
    assert.ok(text.includes('Multi-tenant (shared)'));
    assert.ok(text.includes('1,450 EUR per month'));
    assert.ok(text.includes('120 engineer-days a year'));
  });

  test('ends with a sign-off block with the approval status in words and blank signature lines', () => {
    assert.ok(text.includes('Awaiting approval (in review)'));
    assert.ok(text.includes('Approved by'));
    const lines: unknown[] = [];
    walk(doc.content, (o) => {
      if ('canvas' in o) lines.push(o.canvas);
    });
    assert.equal(lines.length, 2, 'two signature lines');
  });

  test('footer reads "Page X of Y" and the generated date; the header skips the cover', () => {
    const footer = texts(doc.footer(2, 7, A4));
    assert.ok(footer.includes('Page 2 of 7'));
    assert.ok(footer.includes(`As of ${GENERATED} · Vetted`));
    assert.equal(doc.header(1, 7, A4), null);
    const header = texts(doc.header(2, 7, A4));
    assert.ok(header.includes(HOSTILE_NAME));
    assert.ok(header.includes('Vendor risk review'));
  });

  test('has a table of contents when long, none when short', () => {
    const tocs = (d: DocDefinition) => {
      let n = 0;
      let items = 0;
      walk(d.content, (o) => {
        if ('toc' in o) n++;
        if ('tocItem' in o) items++;
      });
      return { n, items };
    };
    assert.ok(estimateVendorReportPages(data) > 4);
    const long = tocs(doc);
    assert.equal(long.n, 1);
    assert.ok(long.items >= INFRASTRUCTURE_TEMPLATE.sections.length + 3);

    const small = Template.parse({
      id: 'tiny',
      version: 2,
      name: 'Tiny',
      sections: [{ id: 's', title: 'Only section', questions: [{ id: 'q', kind: 'yesno', text: 'Fine?', options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0 }] }] }],
    });
    const v = vendor('Small');
    const answers = [answer('q', 'no')];
    const smallData = { vendor: v, review: review(v.id), template: small, answers, score: scoreReview(small, toAnswerMap(answers), v) };
    assert.ok(estimateVendorReportPages(smallData) <= 4);
    const short = buildVendorReport(smallData, { generatedAt: GENERATED, includeConfidential: false });
    assert.deepEqual(tocs(short), { n: 0, items: 0 });
    assert.ok(allText(short).includes('0.0 of 100'));
    assert.ok(allText(short).includes('Only section'));
  });

  test('an unscored review reads "not scored" and "Not rated"', () => {
    const v = vendor('Fresh');
    const score = scoreReview(INFRASTRUCTURE_TEMPLATE, {}, v);
    const fresh = buildVendorReport(
      { vendor: v, review: review(v.id, { status: 'draft', reviewer: '' }), template: INFRASTRUCTURE_TEMPLATE, answers: [], score },
      { generatedAt: GENERATED, includeConfidential: true },
    );
    const t = allText(fresh);
    assert.ok(t.includes('Not scored'));
    assert.ok(t.includes('Not rated'));
    assert.ok(t.includes('Not yet submitted for approval (draft)'));
  });

  test('is deterministic and reads no clock', () => {
    const again = buildVendorReport(reportData(), { generatedAt: GENERATED, includeConfidential: false });
    assert.deepEqual(normalise(again), normalise(doc));
    assert.equal(JSON.stringify(again), JSON.stringify(doc));
    const dir = join(import.meta.dirname, '../../shared/reports');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      assert.ok(!/Date\.now|new Date\b|Math\.random|performance\.now/.test(source), `${file} reads a clock or randomness`);
      assert.ok(!/from ['"](pdfmake|node:)/.test(source), `${file} imports pdfmake or Node`);
    }
  });
});

// ─────────────────────────────────────────────────────────────────────── blocks

describe('avoidLoneHeadings', () => {
  const title: NodeInfo = { text: 'Security', headlineLevel: 2, startPosition: { pageNumber: 3, top: 760, verticalRatio: 0.95 } };
  const para: NodeInfo = { text: 'Body', startPosition: { pageNumber: 3, top: 780, verticalRatio: 0.97 } };
  const helpers = (following: NodeInfo[], nextPage: NodeInfo[] = [para]): PageBreakHelpers => ({
    getFollowingNodesOnPage: () => following,
    getNodesOnNextPage: () => nextPage,
    getPreviousNodesOnPage: () => [],
  });

  test('breaks before a heading with nothing after it on its page (pdfmake 0.3 helpers)', () => {
    assert.equal(avoidLoneHeadings(title, helpers([])), true);
  });

  test('breaks before a heading followed only by headings', () => {
    assert.equal(avoidLoneHeadings(title, helpers([{ text: 'Sub', headlineLevel: 3 }])), true);
  });

  test('does not break when content follows on the same page', () => {
    assert.equal(avoidLoneHeadings(title, helpers([para])), false);
    assert.equal(avoidLoneHeadings(title, helpers([{ text: 'Sub', headlineLevel: 3 }, para])), false);
  });

  test('never breaks before other nodes, at the top of a page, or at the very end', () => {
    assert.equal(avoidLoneHeadings(para, helpers([])), false);
    assert.equal(avoidLoneHeadings({ ...title, startPosition: { pageNumber: 3, top: 64, verticalRatio: 0 } }, helpers([])), false);
    assert.equal(avoidLoneHeadings(title, helpers([], [])), false);
    assert.equal(avoidLoneHeadings({ ...title, pageBreak: 'before' }, helpers([])), false);
  });

  test('ignores the running header and footer, which pdfmake lists after the content of every page', () => {
    const footer: NodeInfo = { text: 'Page 3 of 9', style: 'runningFooter', startPosition: { pageNumber: 3, top: 500, verticalRatio: 0.6 } };
    const header: NodeInfo = { columns: [], style: 'runningHeader' };
    assert.equal(avoidLoneHeadings(title, helpers([header, footer], [header, para])), true);
    assert.equal(avoidLoneHeadings(title, helpers([header, footer], [header, footer])), false, 'nothing but header and footer after it');
  });

  test('accepts the classic list arguments too', () => {
    assert.equal(avoidLoneHeadings(title, []), true);
    assert.equal(avoidLoneHeadings(title, [para]), false);
    assert.equal(avoidLoneHeadings(title, [], [], []), false);
  });
});

describe('blocks', () => {
  test('safeLink allows http(s) and mailto only', () => {
    for (const ok of ['https://example.com', 'http://example.com:8080/a?b=c#d', 'mailto:privacy@example.com']) {
      assert.equal(safeLink(ok), ok);
    }
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'data:image/png;base64,AAAA',
      '/etc/passwd',
      'C:\\Windows\\system.ini',
      'https://user:pass@example.com/',
      'https://exa mple.com',
      'https://example.com/\u0000',
      '//example.com',
      'ftp://example.com',
      '',
    ]) {
      assert.equal(safeLink(bad), null, bad);
      assert.deepEqual(linkText(bad), { text: plain(bad) });
    }
  });

  test('plain keeps text and newlines, drops control characters', () => {
    assert.equal(plain('<b>bold</b>\r\nnext\tline\u0000\u0007'), '<b>bold</b>\nnext\tline');
  });

  test('tierBadge writes the tier out, in colour', () => {
    assert.deepEqual(tierBadge('high'), { text: 'High', color: '#b4451f', bold: true });
    assert.equal(tierBadge(null).text, 'Not rated');
  });

  test('dataTable repeats its header and keeps short rows whole, but lets very long rows break', () => {
    const short = dataTable(['A', 'B'], [['one', 'two']], ['*', 100]) as { table: Record<string, unknown> };
    assert.equal(short.table.headerRows, 1);
    assert.equal(short.table.dontBreakRows, true);
    const long = dataTable(['A', 'B'], [['one', 'x '.repeat(5000)]], ['*', 100]) as { table: Record<string, unknown> };
    assert.equal(long.table.dontBreakRows, false);
    assert.equal(keepTogether(['short']).unbreakable, true);
    assert.equal(keepTogether([LONG_COMMENT]).unbreakable, undefined);
  });

  test('keepWithNext groups a heading with a short start, not with a long one', () => {
    const h = heading('Section', 2, { toc: true, pageBreakBefore: true });
    const [group, ...rest] = keepWithNext(h, [paragraph('Short.')]);
    assert.equal(rest.length, 0);
    const g = group as { stack: Array<Record<string, unknown>>; unbreakable: boolean; pageBreak?: string };
    assert.equal(g.unbreakable, true);
    assert.equal(g.pageBreak, 'before', 'the page break moves to the group');
    assert.deepEqual(g.stack[0], { text: 'Section', style: 'h2', tocItem: true, tocStyle: 'tocSubEntry', tocMargin: [14, 1, 0, 1] });
    const long = keepWithNext(h, [paragraph(LONG_COMMENT)]);
    assert.equal(long.length, 2, 'too tall to keep together: heading and text stay apart');
    assert.equal((long[0] as Record<string, unknown>).headlineLevel, 2, 'and the heading keeps its level for avoidLoneHeadings');
  });

  test('estimateHeight grows with text and table rows', () => {
    const one = estimateHeight(paragraph('word '.repeat(10)));
    const many = estimateHeight(paragraph('word '.repeat(1000)));
    assert.ok(one > 0 && many > 20 * one);
    const rows = (n: number) => dataTable(['A'], Array.from({ length: n }, () => ['row']), ['*']);
    assert.ok(estimateHeight(rows(20)) > estimateHeight(rows(2)));
  });

  test('formatAmount groups thousands the same way everywhere', () => {
    assert.equal(formatAmount(1450), '1,450');
    assert.equal(formatAmount(1234567.5), '1,234,567.50');
    assert.equal(formatAmount(0), '0');
  });
});

// ─────────────────────────────────────────────────────────────────────── safeguards

describe('describeSafeguards', () => {
  test('every rule names a question and options of the built-in template', () => {
    assert.equal(INFRASTRUCTURE_TEMPLATE_ID, INFRASTRUCTURE_TEMPLATE.id);
    const questions = new Map(INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
    for (const rule of SAFEGUARD_RULES.get(INFRASTRUCTURE_TEMPLATE_ID)!) {
      for (const variant of rule.variants) {
        for (const r of variant.when) {
          const q = questions.get(r.q);
          assert.ok(q, r.q);
          if ('is' in r) for (const id of r.is) assert.ok(q.options?.some((o) => o.id === id), `${r.q}: ${id}`);
          else assert.equal(q.kind, 'number', r.q);
        }
      }
    }
  });

  test('strong answers give every safeguard, in a fixed order', () => {
    const statements = describeSafeguards(INFRASTRUCTURE_TEMPLATE, answersFor({ prv_personal_data: answer('prv_personal_data', 'users') }));
    assert.deepEqual(statements, [
      'Encrypted at rest and in transit',
      'Individual accounts with role-based access',
      'Access audit log',
      'Multi-factor authentication enforced',
      'Single sign-on through our identity provider',
      'Data processing agreement signed',
      'Subprocessors disclosed, with notice before changes',
      'Data deleted on exit, with written confirmation',
      'Data location chosen by us and fixed in the contract',
      'Breach notification within 24 hours',
    ]);
    assert.equal(
      safeguardSentence(statements.slice(0, 3)),
      'Encrypted at rest and in transit; individual accounts with role-based access; access audit log.',
    );
  });

  test('weak, hidden, N/A and missing answers give no statement; partial ones fall back', () => {
    const statements = describeSafeguards(
      INFRASTRUCTURE_TEMPLATE,
      answersFor({
        sec_encryption_at_rest: answer('sec_encryption_at_rest', 'partial'),
        acc_individual_accounts: answer('acc_individual_accounts', 'shared'),
        acc_roles: answer('acc_roles', 'fine_grained'), // hidden: accounts are shared
        acc_mfa: answer('acc_mfa', 'yes', '', true),
        acc_sso: null,
        prv_personal_data: answer('prv_personal_data', 'none'), // hides the DPA, location and subprocessor questions
        sec_breach_notification_hours: answer('sec_breach_notification_hours', 96),
      }),
    );
    assert.deepEqual(statements, ['Encrypted in transit', 'Access audit log', 'Data deleted on exit, with written confirmation']);
  });

  test('other templates give none', () => {
    const other = Template.parse({ ...INFRASTRUCTURE_TEMPLATE, id: 'custom' });
    assert.deepEqual(describeSafeguards(other, answersFor()), []);
  });
});

test('plain() gives over-long tokens break opportunities and leaves ordinary text alone', () => {
  const key = 'A'.repeat(100);
  const out = plain(`key: ${key} end`);
  assert.equal(out.replace(/\u200B/g, ''), `key: ${key} end`, 'nothing but zero-width spaces is added');
  assert.equal(out.split('\u200B').length, 3, 'a 100-character token gets a break every 40 characters');
  assert.equal(plain('a normal sentence with https://example.com/short'), 'a normal sentence with https://example.com/short');
  const emoji = '😀'.repeat(70);
  assert.ok(!plain(emoji).includes('\uD83D\u200B'), 'never splits a surrogate pair');
});

// ─────────────────────────────────────────────────────────────────────── lifecycle sections

function findingView(id: string, fields: Partial<FindingView> = {}): FindingView {
  return {
    id,
    vendorId: 'v',
    reviewId: null,
    questionId: null,
    title: `Finding ${id}`,
    severity: 'medium',
    description: '',
    owner: '',
    remediation: '',
    dueDate: null,
    status: 'open',
    createdBy: 'Dana Whitfield',
    createdAt: T,
    updatedAt: T,
    vendorName: 'v',
    effectiveStatus: 'open',
    overdue: false,
    acceptance: null,
    questionText: null,
    ...fields,
  };
}

function acceptanceView(id: string, fields: Partial<AcceptanceView> = {}): AcceptanceView {
  return {
    id,
    vendorId: 'v',
    findingId: null,
    reviewId: 'review-v',
    justification: 'Compensating controls in place.',
    acceptedBy: 'Chief Risk Officer',
    acceptedAt: '2025-01-05T10:00:00.000Z',
    expiresOn: '2025-12-31',
    revokedAt: null,
    vendorName: 'v',
    state: 'active',
    subject: 'Review started 2025-01-02',
    ...fields,
  };
}

function evidenceView(id: string, fields: Partial<EvidenceView> = {}): EvidenceView {
  return {
    id,
    vendorId: 'v',
    reviewId: null,
    questionId: null,
    confidential: false,
    kind: 'soc2',
    title: '',
    fileName: `${id}.pdf`,
    mediaType: 'application/pdf',
    bytes: 1000,
    sha256: 'ab'.repeat(32),
    issuedOn: null,
    expiresOn: null,
    notes: '',
    addedBy: 'Dana Whitfield',
    addedAt: T,
    updatedAt: T,
    vendorName: 'v',
    state: 'no_expiry',
    ...fields,
  };
}

function step(from: ReviewStep['from'], to: ReviewStep['to'], by: string, at: string, note = ''): ReviewStep {
  return { reviewId: 'review-v', from, to, by, at, note };
}

describe('buildVendorReport: sign-off, findings, accepted risks, evidence', () => {
  // The report date is 2025-01-15: states are worked out as of it, whatever the views say.
  const expiredAcceptance = acceptanceView('acc-expired', {
    findingId: 'f-lapsed',
    reviewId: null,
    subject: 'No MFA on the console',
    expiresOn: '2025-01-10',
    state: 'active',
  });
  const activeAcceptance = acceptanceView('acc-active', { findingId: 'f-accepted', reviewId: null, subject: 'Logs kept 400 days', expiresOn: '2025-06-30' });
  const reviewAcceptance = acceptanceView('acc-review', { justification: 'Migration planned for Q3; <b>not</b> markup.' });
  const revoked = acceptanceView('acc-revoked', { subject: 'WITHDRAWN SUBJECT', revokedAt: '2025-01-12T08:00:00.000Z' });
  const lifecycle: ReportLifecycle = {
    steps: [
      step('draft', 'in_review', 'Dana Whitfield', '2025-01-10T09:00:00.000Z'),
      step('in_review', 'approved_with_conditions', 'Chief Risk Officer', '2025-01-12T14:05:00.000Z', 'Enable SSO by March.'),
    ],
    findings: [
      findingView('f-overdue', { title: 'Backups untested', severity: 'high', owner: 'Ops team', dueDate: '2025-01-14', overdue: false }),
      findingView('f-today', { title: 'Due today', severity: 'critical', dueDate: '2025-01-15', status: 'in_progress', effectiveStatus: 'in_progress' }),
      findingView('f-lapsed', { title: 'No MFA on the console', severity: 'low', status: 'accepted', effectiveStatus: 'accepted', acceptance: expiredAcceptance }),
      findingView('f-accepted', { title: 'Logs kept 400 days', status: 'accepted', effectiveStatus: 'accepted', acceptance: activeAcceptance }),
      findingView('f-resolved', { title: 'RESOLVED ONE', status: 'resolved', effectiveStatus: 'resolved' }),
    ],
    acceptances: [activeAcceptance, expiredAcceptance, reviewAcceptance, revoked],
    evidence: [
      evidenceView('e-soc2', { title: 'SOC 2 Type II 2024', fileName: 'soc2.pdf', issuedOn: '2024-03-01', expiresOn: '2025-02-01', sha256: '0123456789abcdef'.repeat(4) }),
      evidenceView('e-pentest', { kind: 'pentest', fileName: 'pentest-report.pdf', expiresOn: '2024-12-31' }),
      evidenceView('e-dpa', { kind: 'dpa', fileName: 'dpa-signed.pdf' }),
    ],
  };
  const decided = reportData();
  const data: VendorReportData = { ...decided, review: review(decided.vendor.id, { status: 'approved_with_conditions' }), lifecycle };
  const doc = buildVendorReport(data, { generatedAt: GENERATED, includeConfidential: false });
  const text = allText(doc);
  const between = (from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

  test('the sign-off names the decision, who made it, when, with its conditions and every step', () => {
    const signOff = text.slice(text.lastIndexOf('Sign-off'));
    assert.ok(signOff.includes('Approved with conditions'));
    assert.match(signOff, /Decided by\nChief Risk Officer/);
    assert.ok(signOff.includes('2025-01-12 14:05 UTC'));
    assert.match(signOff, /Conditions\nEnable SSO by March\./);
    assert.ok(signOff.includes('Draft → In review'));
    assert.ok(signOff.includes('In review → Approved with conditions'));
    assert.ok(!signOff.includes('Not yet approved'));
    const lines: unknown[] = [];
    walk(doc.content, (o) => {
      if ('canvas' in o) lines.push(o.canvas);
    });
    assert.equal(lines.length, 0, 'a recorded decision needs no signature lines');
  });

  test('an open review says "Not yet approved" and keeps the signature lines', () => {
    const open = buildVendorReport({ ...data, review: review(data.vendor.id, { status: 'draft' }), lifecycle: { ...lifecycle, steps: [] } }, { generatedAt: GENERATED, includeConfidential: false });
    const t = allText(open);
    assert.match(t, /Not yet approved\. This review is draft/);
    assert.ok(t.includes('No workflow step recorded'));
    assert.ok(t.includes('Approved by'));
  });

  test('findings lists open and in-progress ones as of the report date, most severe first, overdue marked', () => {
    const findings = between('Findings\n', 'Accepted risks');
    const order = ['Due today', 'Backups untested', 'No MFA on the console'].map((t) => findings.indexOf(t));
    assert.ok(order.every((i) => i >= 0), findings);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'critical, high, then low');
    assert.match(findings, /Backups untested[\s\S]*Ops team\n2025-01-14\nOverdue/);
    assert.match(findings, /Due today[\s\S]*2025-01-15/);
    assert.equal(findings.match(/Overdue\n/g)?.length, 1, 'due today is not overdue');
    assert.match(findings, /No MFA on the console[\s\S]*Open\n\(acceptance expired\)/);
    assert.ok(!findings.includes('Logs kept 400 days'), 'an accepted finding is an accepted risk, not an open finding');
    assert.ok(!findings.includes('RESOLVED ONE'));
    assert.ok(findings.includes('1 resolved finding is not listed.'));
  });

  test('accepted risks list finding and review acceptances with justification, by whom, expiry; expired marked; revoked left out', () => {
    const accepted = between('Accepted risks\n', 'Evidence\n');
    assert.ok(accepted.indexOf('No MFA on the console') < accepted.indexOf('Logs kept 400 days'), 'soonest expiry first');
    assert.match(accepted, /No MFA on the console\nFinding, low severity[\s\S]*2025-01-10\nExpired/);
    assert.match(accepted, /Logs kept 400 days[\s\S]*2025-06-30\nActive/);
    assert.ok(accepted.includes('Review started 2025-01-02'));
    assert.ok(accepted.includes('Migration planned for Q3; <b>not</b> markup.'));
    assert.ok(accepted.includes('Chief Risk Officer\n2025-01-05'));
    assert.ok(!accepted.includes('WITHDRAWN SUBJECT'));
  });

  test('evidence lists kind, document, dates, state as of the report date and a short SHA-256', () => {
    const evidence = between('Evidence\n', 'Answers\n');
    assert.match(evidence, /SOC 2 report\nSOC 2 Type II 2024\nsoc2\.pdf\n2024-03-01\n2025-02-01\nExpires within 30 days\n0123456789ab\n/);
    assert.match(evidence, /Penetration test\npentest-report\.pdf\n—\n2024-12-31\nExpired/);
    assert.match(evidence, /Data processing agreement\ndpa-signed\.pdf\n—\n—\nNo expiry date/);
    assert.ok(!evidence.includes('0123456789abc'), 'only the first 12 characters');
  });

  test('the summary counts open findings and accepted risks', () => {
    const summary = between('Summary\n', 'Biggest point losses');
    assert.match(summary, /Open findings\n3 \(1 overdue\)/);
    assert.match(summary, /Accepted risks\n2 in force \(1 expired\)/, 'in force on the day, the lapsed one apart');
    assert.match(summary, /Approval\nApproved with conditions/);
  });

  test('empty lifecycle sections each say so in one line', () => {
    const empty = allText(buildVendorReport({ ...data, lifecycle: { steps: [], findings: [], acceptances: [], evidence: [] } }, { generatedAt: GENERATED, includeConfidential: false }));
    for (const line of ['No open findings.', 'No risk has been accepted.', 'No evidence stored.']) assert.ok(empty.includes(line), line);
  });

  test('is deterministic', () => {
    const again = buildVendorReport(data, { generatedAt: GENERATED, includeConfidential: false });
    assert.deepEqual(normalise(again), normalise(doc));
  });
});

describe('buildVendorReport: what the score does not rest on (scoring model 2)', () => {
  const base = reportData();
  const mfa = INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions).find((q) => q.id === 'acc_mfa')!;
  const answers = [
    ...base.answers.filter((a) => a.questionId !== 'prv_personal_data' && a.questionId !== 'acc_mfa'),
    answer('prv_personal_data', 'none'), // the profile lists personal data: a conflict
  ];
  const score = scoreReview(INFRASTRUCTURE_TEMPLATE, toAnswerMap(answers), base.vendor);
  const text = allText(buildVendorReport({ ...base, answers, score }, { generatedAt: GENERATED, includeConfidential: false }));

  test('the summary names coverage, the scoring model and why there is no tier', () => {
    assert.equal(score.state, 'incomplete', `no residual tier: ${score.blockers.join(' | ')}`);
    assert.ok(text.includes(`${Math.floor(score.coverage! * 100)}% of the questionnaire's weight settled by the answers`), 'coverage');
    assert.ok(text.includes('Vetted scoring model 2'), 'the model');
    assert.ok(text.includes(`Not determined: ${score.blockers.join(' ')}`), 'the residual says why');
  });

  test('lists the conflict, the open must-have and the N/A question with its reason', () => {
    assert.ok(text.includes('Profile and answers disagree'), 'conflict heading');
    assert.ok(text.includes(score.conflicts[0]!.message), 'conflict message');
    assert.ok(text.includes('Not answered'), 'open heading');
    assert.ok(text.includes(mfa.text) && text.includes('Yes: no tier while open'), 'the open must-have');
    assert.ok(text.includes('Why it does not apply') && text.includes('One fixed plan: there is nothing to upgrade to.'), 'the N/A reason');
  });
});
