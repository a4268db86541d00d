import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Template, type TemplateInput } from '../../shared/domain/template';
import { checkTemplate } from '../../shared/templates/check';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID } from '../../shared/templates/index';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { templateToMarkdown } from '../../shared/templates/markdown';
import { profileHeldFigure } from '../../shared/templates/profile-held';
import { INFRASTRUCTURE_TEMPLATE_V1, INFRASTRUCTURE_TEMPLATE_V2 } from '../helpers/infrastructure-v1';

const allQuestions = INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions);

describe('the built-in infrastructure template', () => {
  it('parses and passes every semantic check', () => {
    const reparsed = Template.parse(INFRASTRUCTURE_TEMPLATE);
    assert.deepEqual(reparsed, INFRASTRUCTURE_TEMPLATE);
    assert.deepEqual(checkTemplate(INFRASTRUCTURE_TEMPLATE), []);
    assert.equal(INFRASTRUCTURE_TEMPLATE.id, 'infrastructure-provider');
    assert.equal(INFRASTRUCTURE_TEMPLATE.version, 4);
    assert.equal(INFRASTRUCTURE_TEMPLATE.name, 'Infrastructure provider review');
  });

  it('is the default built-in template', () => {
    assert.equal(DEFAULT_TEMPLATE_ID, INFRASTRUCTURE_TEMPLATE.id);
    assert.ok(BUILT_IN_TEMPLATES.includes(INFRASTRUCTURE_TEMPLATE));
    assert.ok(BUILT_IN_TEMPLATES.some((t) => t.id === DEFAULT_TEMPLATE_ID));
  });

  it('has between 40 and 70 questions', () => {
    assert.ok(allQuestions.length >= 40 && allQuestions.length <= 70, `has ${allQuestions.length} questions`);
  });

  it('gives every question help text', () => {
    const missing = allQuestions.filter((q) => q.help.trim() === '').map((q) => q.id);
    assert.deepEqual(missing, []);
  });

  it('has every section', () => {
    const titles = INFRASTRUCTURE_TEMPLATE.sections.map((s) => s.title);
    for (const title of [
      'Security',
      'Access granularity',
      'Maintenance windows',
      'Incident transparency',
      'Tenancy and availability',
      'Scaling and limits',
      'Operational insight',
      'Dependency and exit',
      'Data and privacy',
      'Cost',
    ]) {
      assert.ok(titles.includes(title), `missing section "${title}"`);
    }
  });

  it('scores maintenance notice with the 72/24 hour bands', () => {
    const q = allQuestions.find((x) => x.id === 'mnt_notice_hours');
    assert.ok(q, 'mnt_notice_hours exists');
    assert.equal(q.kind, 'number');
    assert.equal(q.unit, 'hours');
    const bands = q.bands ?? [];
    assert.ok(bands.some((b) => b.min === 72 && b.max === undefined && b.score === 1));
    assert.ok(bands.some((b) => b.min === 24 && b.max === 72 && b.score === 0.5));
    assert.ok(bands.some((b) => b.min === undefined && b.max === 24 && b.score === 0));
  });

  it('has at least 4 knock-outs and 4 showWhen conditions', () => {
    const knockouts = allQuestions.flatMap((q) => [
      ...(q.options ?? []).filter((o) => o.knockout),
      ...(q.bands ?? []).filter((b) => b.knockout),
    ]);
    assert.ok(knockouts.length >= 4, `has ${knockouts.length} knock-outs`);
    const conditions = allQuestions.filter((q) => q.showWhen);
    assert.ok(conditions.length >= 4, `has ${conditions.length} conditions`);
    const transit = allQuestions.find((q) => q.id === 'sec_encryption_in_transit');
    assert.equal(transit?.options?.find((o) => o.id === 'no')?.knockout, 'critical');
    const shared = allQuestions.find((q) => q.id === 'acc_individual_accounts');
    assert.equal(shared?.options?.find((o) => o.id === 'shared')?.knockout, 'high');
  });

  it('keeps informational questions at weight 0', () => {
    for (const q of allQuestions) {
      if (q.kind === 'date' || q.kind === 'text' || q.kind === 'longtext') assert.equal(q.weight, 0, q.id);
    }
  });

  it('asks no money: v1 asked the fee and the build effort, which the profile holds from v2', () => {
    assert.deepEqual(allQuestions.filter((q) => profileHeldFigure(INFRASTRUCTURE_TEMPLATE.id, q.id) !== null), []);
    assert.deepEqual(allQuestions.filter((q) => /\b(fees?|EUR|USD)\b|engineer-days/i.test(`${q.text} ${q.unit ?? ''}`)).map((q) => q.id), []);
    const v1 = INFRASTRUCTURE_TEMPLATE_V1.sections.flatMap((s) => s.questions);
    const held = v1.filter((q) => profileHeldFigure(INFRASTRUCTURE_TEMPLATE_V1.id, q.id) !== null);
    assert.deepEqual(held.map((q) => [q.id, q.weight, q.unit]), [
      ['cost_monthly_fee', 0, 'EUR/month'],
      ['cost_build_run_days', 0, 'engineer-days/year'],
    ]);
    assert.deepEqual(
      v1.filter((q) => !held.includes(q)).map((q) => q.id),
      allQuestions.map((q) => q.id).filter((id) => id !== 'prv_transfer_mechanism'),
      'v2 is v1 without those two, plus the transfer mechanism for the subprocessor list',
    );
    assert.equal(INFRASTRUCTURE_TEMPLATE_V1.version, 1);
  });
});

describe('version 3: the must-haves of scoring model 2 (docs/scoring.md, section 8)', () => {
  const byId = new Map(INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  it('marks exactly the documented must-haves, each with its failing answer a knock-out', () => {
    const must = [...byId.values()].filter((q) => q.mustHave === true).map((q) => q.id);
    assert.deepEqual(must.sort(), [
      'acc_audit_log', 'acc_individual_accounts', 'acc_mfa', 'acc_support_access', 'prv_deletion_on_exit', 'prv_dpa',
      'prv_personal_data', 'sec_encryption_at_rest', 'sec_encryption_in_transit', 'sec_secrets_handling',
    ]);
    const floor = (q: string, o: string) => byId.get(q)!.options!.find((x) => x.id === o)!.knockout;
    assert.deepEqual(
      [floor('acc_mfa', 'no'), floor('sec_encryption_in_transit', 'no'), floor('sec_encryption_at_rest', 'no'), floor('acc_individual_accounts', 'shared'),
        floor('acc_support_access', 'unrestricted'), floor('sec_secrets_handling', 'plain'), floor('acc_audit_log', 'none'), floor('prv_deletion_on_exit', 'retained'), floor('prv_dpa', 'no')],
      ['high', 'critical', 'high', 'high', 'high', 'high', 'medium', 'medium', 'high'],
    );
    for (const id of must) assert.notEqual(byId.get(id)!.allowNa, true, `${id} never allows N/A`);
  });
  it('keeps every question and option id of v2, so review migrate carries every answer', () => {
    assert.deepEqual(
      INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions.map((q) => [q.id, (q.options ?? []).map((o) => o.id)])),
      INFRASTRUCTURE_TEMPLATE_V2.sections.flatMap((s) => s.questions.map((q) => [q.id, (q.options ?? []).map((o) => o.id)])),
    );
  });
});

describe('docs/questionnaire.md', () => {
  it('matches the template', () => {
    const path = fileURLToPath(new URL('../../docs/questionnaire.md', import.meta.url));
    let onDisk: string;
    try {
      onDisk = readFileSync(path, 'utf8');
    } catch {
      assert.fail('docs/questionnaire.md is missing: run `npm run docs:questionnaire`');
    }
    assert.ok(
      onDisk === templateToMarkdown(INFRASTRUCTURE_TEMPLATE),
      'docs/questionnaire.md is out of date with shared/templates/infrastructure-definition.ts: run `npm run docs:questionnaire`',
    );
  });
});

describe('templateToMarkdown', () => {
  const md = templateToMarkdown(INFRASTRUCTURE_TEMPLATE);

  it('says it is generated and lists every section and question', () => {
    assert.match(md, /npm run docs:questionnaire/);
    assert.match(md, /shared\/templates\/infrastructure-definition\.ts/);
    assert.match(md, /must not|Do not edit/i);
    for (const s of INFRASTRUCTURE_TEMPLATE.sections) {
      assert.ok(md.includes(`| ${s.title} | \`${s.id}\` | ${s.weight} | ${s.questions.length} |`), `section row for ${s.id}`);
    }
    for (const q of allQuestions) {
      assert.ok(md.includes(`\`${q.id}\``), q.id);
      assert.ok(md.includes(q.help), `help of ${q.id}`);
    }
  });

  it('shows knock-outs, bands and conditions in words', () => {
    assert.match(md, /\| No: some connections are plain text \| `no` \| 0 \| critical \|/);
    assert.match(md, /\| ≥ 24 hours and < 72 hours \|/);
    assert.match(md, /Shown when: `mnt_choose_window` is one of/);
  });

  it('escapes | in table cells', () => {
    const t = Template.parse(base([
      { id: 'a', kind: 'single', text: 'A?', options: [opt('x', 1, 'Left | right'), opt('y', 0)] },
    ]));
    const out = templateToMarkdown(t);
    assert.ok(out.includes('Left \\| right'), out);
    assert.ok(!out.includes('Left | right'));
  });
});

// ─── checkTemplate on small broken templates ────────────────────────────────

type QuestionInput = TemplateInput['sections'][number]['questions'][number];

function opt(id: string, score: number, label = id.toUpperCase()) {
  return { id, label, score };
}

const YESNO = [opt('yes', 1), opt('no', 0)];

function base(questions: QuestionInput[], more: TemplateInput['sections'] = []): TemplateInput {
  return {
    id: 'tiny',
    version: 1,
    name: 'Tiny',
    sections: [{ id: 'main', title: 'Main', questions }, ...more],
  };
}

function problemsOf(input: TemplateInput) {
  return checkTemplate(Template.parse(input));
}

/** Asserts exactly one problem at `path`, and that its message names every id given. */
function expectProblem(input: TemplateInput, path: string, ...ids: string[]) {
  const problems = problemsOf(input);
  const at = problems.filter((p) => p.path === path);
  assert.equal(at.length, 1, `expected one problem at ${path}, got ${JSON.stringify(problems, null, 2)}`);
  for (const id of ids) assert.ok(at[0]!.message.includes(`"${id}"`), `message should name "${id}": ${at[0]!.message}`);
  assert.ok(at[0]!.message.length > 20, 'message is a sentence');
  return at[0]!;
}

describe('checkTemplate', () => {
  it('accepts a small sound template', () => {
    assert.deepEqual(
      problemsOf(base([
        { id: 'a', kind: 'yesno', text: 'A?', options: YESNO },
        { id: 'b', kind: 'number', text: 'B?', bands: [{ max: 10, score: 0 }, { min: 10, max: 20, score: 0.5 }, { min: 20, score: 1 }] },
        { id: 'c', kind: 'text', text: 'C?', weight: 0, showWhen: { all: [{ q: 'a', is: ['yes'] }, { q: 'b', answered: true }] } },
        { id: 'd', kind: 'number', text: 'D?', weight: 0 },
      ])),
      [],
    );
  });

  it('reports a duplicate section id', () => {
    expectProblem(
      base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO }], [{ id: 'main', title: 'Again', questions: [{ id: 'b', kind: 'yesno', text: 'B?', options: YESNO }] }]),
      'sections[1].id',
      'main',
    );
  });

  it('reports a question id used twice, even across sections', () => {
    expectProblem(
      base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO }], [{ id: 'other', title: 'Other', questions: [{ id: 'a', kind: 'yesno', text: 'Again?', options: YESNO }] }]),
      'sections[1].questions[0].id',
      'a',
    );
  });

  it('reports a yes/no option that is not yes, partial or no', () => {
    expectProblem(
      base([{ id: 'q1', kind: 'yesno', text: 'A?', options: [opt('yes', 1), opt('maybe', 0.5), opt('no', 0)] }]),
      'sections[0].questions[0].options[1].id',
      'q1',
      'maybe',
    );
  });

  it('reports a choice question with fewer than 2 options, or a repeated option id', () => {
    expectProblem(base([{ id: 'q1', kind: 'single', text: 'A?', options: [opt('x', 1)] }]), 'sections[0].questions[0].options', 'q1');
    expectProblem(base([{ id: 'q1', kind: 'multi', text: 'A?' }]), 'sections[0].questions[0].options', 'q1');
    expectProblem(
      base([{ id: 'q1', kind: 'single', text: 'A?', options: [opt('x', 1), opt('y', 0), opt('x', 0.5)] }]),
      'sections[0].questions[0].options[2].id',
      'q1',
      'x',
    );
  });

  it('reports options on a text question', () => {
    expectProblem(
      base([
        { id: 'a', kind: 'yesno', text: 'A?', options: YESNO },
        { id: 'notes', kind: 'text', text: 'Notes', weight: 0, options: YESNO },
      ]),
      'sections[0].questions[1].options',
      'notes',
    );
  });

  it('reports bands on a question that is not a number', () => {
    expectProblem(
      base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO, bands: [{ min: 0, score: 1 }] }]),
      'sections[0].questions[0].bands',
      'a',
    );
  });

  it('reports a band whose min is not below its max', () => {
    expectProblem(
      base([{ id: 'n', kind: 'number', text: 'N?', bands: [{ min: 10, max: 10, score: 1 }, { max: 10, score: 0 }] }]),
      'sections[0].questions[0].bands[0]',
      'n',
    );
  });

  it('reports overlapping bands', () => {
    expectProblem(
      base([{ id: 'hours', kind: 'number', text: 'Hours?', bands: [{ min: 72, score: 1 }, { min: 24, max: 80, score: 0.5 }, { max: 24, score: 0 }] }]),
      'sections[0].questions[0].bands[1]',
      'hours',
    );
    // Touching bands (max exclusive = next min) do not overlap; open bands on both sides do.
    assert.deepEqual(problemsOf(base([{ id: 'n', kind: 'number', text: 'N?', bands: [{ max: 5, score: 0 }, { min: 5, score: 1 }] }])), []);
    expectProblem(
      base([{ id: 'n', kind: 'number', text: 'N?', bands: [{ max: 5, score: 0 }, { max: 1, score: 1 }] }]),
      'sections[0].questions[0].bands[1]',
      'n',
    );
  });

  it('reports a scored number question without bands', () => {
    expectProblem(base([{ id: 'n', kind: 'number', text: 'N?', weight: 2 }]), 'sections[0].questions[0].bands', 'n');
  });

  it('reports a tip whose condition names an unknown question or option', () => {
    expectProblem(
      base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO, tips: [{ text: 'Fine.', when: { q: 'a', is: ['yes'] } }, { text: 'Hm.', when: { q: 'ghost', answered: true } }] }]),
      'sections[0].questions[0].tips[1].when',
      'a',
      'ghost',
    );
    expectProblem(
      base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO, tips: [{ text: 'Hm.', when: { not: { q: 'a', is: ['maybe'] } } }] }]),
      'sections[0].questions[0].tips[0].when.not',
      'a',
      'maybe',
    );
    assert.deepEqual(problemsOf(base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO, tips: [{ text: 'Always.' }] }])), []);
  });

  it('reports showWhen naming an unknown question', () => {
    expectProblem(
      base([
        { id: 'a', kind: 'yesno', text: 'A?', options: YESNO },
        { id: 'b', kind: 'yesno', text: 'B?', options: YESNO, showWhen: { q: 'ghost', is: ['yes'] } },
      ]),
      'sections[0].questions[1].showWhen',
      'b',
      'ghost',
    );
  });

  it('reports showWhen naming an option the question does not have, with the path into nested conditions', () => {
    expectProblem(
      base([
        { id: 'a', kind: 'yesno', text: 'A?', options: YESNO },
        { id: 'b', kind: 'yesno', text: 'B?', options: YESNO, showWhen: { any: [{ q: 'a', is: ['no'] }, { not: { q: 'a', is: ['partial'] } }] } },
      ]),
      'sections[0].questions[1].showWhen.any[1].not',
      'b',
      'a',
      'partial',
    );
  });

  it('reports `is` on a question that has no options', () => {
    const problem = expectProblem(
      base([
        { id: 'n', kind: 'number', text: 'N?', weight: 0 },
        { id: 'b', kind: 'yesno', text: 'B?', options: YESNO, showWhen: { q: 'n', is: ['yes'] } },
      ]),
      'sections[0].questions[1].showWhen',
      'b',
      'n',
    );
    assert.match(problem.message, /number question without options/);
  });

  it('reports a question whose condition reads itself', () => {
    expectProblem(
      base([
        { id: 'a', kind: 'yesno', text: 'A?', options: YESNO },
        { id: 'selfish', kind: 'yesno', text: 'S?', options: YESNO, showWhen: { q: 'selfish', is: ['yes'] } },
      ]),
      'sections[0].questions[1].showWhen',
      'selfish',
    );
  });

  it('reports a 2-cycle once', () => {
    const input = base([
      { id: 'a', kind: 'yesno', text: 'A?', options: YESNO, showWhen: { q: 'b', is: ['yes'] } },
      { id: 'b', kind: 'yesno', text: 'B?', options: YESNO, showWhen: { q: 'a', is: ['yes'] } },
    ]);
    expectProblem(input, 'sections[0].questions[0].showWhen', 'a', 'b');
    assert.equal(problemsOf(input).length, 1);
  });

  it('reports a 3-cycle once, across sections and nested conditions', () => {
    const input = base(
      [
        { id: 'root', kind: 'yesno', text: 'Root?', options: YESNO },
        { id: 'x', kind: 'yesno', text: 'X?', options: YESNO, showWhen: { all: [{ q: 'root', is: ['yes'] }, { q: 'z', answered: true }] } },
        { id: 'y', kind: 'yesno', text: 'Y?', options: YESNO, showWhen: { q: 'x', is: ['yes'] } },
      ],
      [{ id: 'more', title: 'More', questions: [{ id: 'z', kind: 'yesno', text: 'Z?', options: YESNO, showWhen: { not: { q: 'y', is: ['no'] } } }] }],
    );
    expectProblem(input, 'sections[0].questions[1].showWhen', 'x', 'y', 'z');
    assert.equal(problemsOf(input).length, 1, JSON.stringify(problemsOf(input)));
  });

  it('does not mistake a shared parent for a cycle', () => {
    assert.deepEqual(
      problemsOf(base([
        { id: 'a', kind: 'yesno', text: 'A?', options: YESNO },
        { id: 'b', kind: 'yesno', text: 'B?', options: YESNO, showWhen: { q: 'a', is: ['yes'] } },
        { id: 'c', kind: 'yesno', text: 'C?', options: YESNO, showWhen: { all: [{ q: 'a', is: ['yes'] }, { q: 'b', is: ['no'] }] } },
      ])),
      [],
    );
  });

  it('reports a knock-out put on the question instead of an option or band', () => {
    // A parsed template drops unknown keys, so this is what a raw JSON template would look like.
    const t = Template.parse(base([{ id: 'a', kind: 'yesno', text: 'A?', options: YESNO }]));
    const raw = structuredClone(t);
    (raw.sections[0]!.questions[0] as unknown as Record<string, unknown>)['knockout'] = 'high';
    const problems = checkTemplate(raw);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'sections[0].questions[0].knockout');
    assert.match(problems[0]!.message, /"a"/);
  });
});
