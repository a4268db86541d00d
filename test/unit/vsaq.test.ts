// VSAQ import: the real templates in test/fixtures/vsaq, the condition language, HTML to
// text, risk flags firing in the score, and a fuzz test that the importer only ever returns a
// sound template or throws TemplateImportError.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { evaluateCondition } from '../../shared/domain/conditions';
import type { AnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { Condition, Question } from '../../shared/domain/template';
import { scoreReview } from '../../shared/scoring';
import type { RiskProfile } from '../../shared/scoring';
import { checkTemplate } from '../../shared/templates/check';
import {
  CondSyntaxError,
  htmlToText,
  importVsaq,
  parseCond,
  parseVsaqJson,
  TemplateImportError,
  type CondAst,
  type JsonValue,
} from '../../shared/templates/vsaq';
import { REPO_ROOT } from '../helpers/cli';

const FIXTURES = path.resolve(REPO_ROOT, 'test/fixtures/vsaq');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const WEBAPP = read('webapp.json');
const TEST_TEMPLATE = read('test_template.json');
const TEST_EXTENSION = read('test_template_extension.json');
const LOW: RiskProfile = { criticalPath: false, businessImpact: 'low', dataCategories: [] };

/** Sound by both the schema and the semantic checks. */
function assertSound(template: Template): void {
  assert.deepEqual(Template.parse(template), template);
  assert.deepEqual(checkTemplate(template), []);
}

function allQuestions(template: Template): Question[] {
  return template.sections.flatMap((s) => s.questions);
}

/** The question that offers option `optionId` (found, not hard-coded: generated ids may change). */
function owner(template: Template, optionId: string): Question {
  const found = allQuestions(template).find((q) => q.options?.some((o) => o.id === optionId));
  assert.ok(found, `no question offers ${optionId}`);
  return found;
}

/** Every VSAQ item of the raw template, depth first. */
function rawItems(text: string): Record<string, JsonValue>[] {
  const doc = parseVsaqJson(text) as Record<string, JsonValue>;
  const out: Record<string, JsonValue>[] = [];
  const walk = (items: JsonValue | undefined) => {
    for (const item of (items as Record<string, JsonValue>[] | undefined) ?? []) {
      out.push(item);
      walk(item['items']);
    }
  };
  walk(doc['questionnaire'] ?? doc['extensions']);
  return out;
}

function importError(run: () => unknown): TemplateImportError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof TemplateImportError, `expected TemplateImportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the import to fail');
}

/** A small VSAQ template around some items, in VSAQ's dialect. */
function vsaq(items: unknown[], extra: Record<string, unknown> = {}): string {
  return `// comment\n${JSON.stringify({ ...extra, questionnaire: [{ type: 'block', text: 'Wrapper', items: [{ type: 'block', id: 'sec', text: 'Section', items }] }] })}`;
}

describe('importing the VSAQ fixtures', () => {
  test('webapp.json becomes a sound template that keeps every question, choice and warning', () => {
    const { template, warnings } = importVsaq(WEBAPP, { id: 'vsaq-webapp' });
    assertSound(template);
    assert.equal(template.id, 'vsaq-webapp');
    assert.equal(template.name, 'Web Application Security Questionnaire');
    assert.equal(template.description, 'Web Application Security Questionnaire');
    const questionIds = new Set(allQuestions(template).map((q) => q.id));
    const optionIds = new Set(allQuestions(template).flatMap((q) => (q.options ?? []).map((o) => o.id)));
    const raw = rawItems(WEBAPP);
    for (const item of raw) {
      const type = item['type'] as string;
      if (['line', 'box', 'yesno', 'check', 'radiogroup', 'checkgroup'].includes(type) && item['id']) {
        assert.ok(questionIds.has(item['id'] as string), `question ${String(item['id'])} kept`);
      }
      for (const choice of (item['choices'] as Record<string, string>[] | undefined) ?? []) {
        assert.ok(optionIds.has(Object.keys(choice)[0]!), `choice ${Object.keys(choice)[0]} kept`);
      }
    }
    const questionItems = raw.filter((i) => ['line', 'box', 'yesno', 'check', 'radiogroup', 'checkgroup', 'upload'].includes(i['type'] as string));
    assert.equal(allQuestions(template).length, questionItems.length);
    const flags = template.sections.flatMap((s) => s.flags ?? []);
    const warningTips = raw.filter((i) => i['type'] === 'tip' && i['warn'] === 'yes' && i['cond']);
    assert.equal(flags.length, warningTips.length);
    assert.deepEqual(new Set(flags.map((f) => f.id)), new Set(warningTips.map((t) => t['id'])));
    // VSAQ has no scores: imported questions are informational, the flags carry the risk.
    assert.ok(allQuestions(template).every((q) => q.weight === 0 && (q.options ?? []).every((o) => o.score === 1)));
    // One warning without a severity is imported as medium, and says so.
    assert.ok(warnings.some((w) => /warn_application_no_xss_strategy.*no severity.*medium/.test(w)), warnings.join('\n'));
    // Grouping blocks hold sections: Application's sub-blocks are sections of their own.
    assert.deepEqual(template.sections.map((s) => s.id).slice(0, 3), ['block_application_metadata', 'block_vulnerability_reporting', 'block_https']);
  });

  test('no markup survives in any text', () => {
    const { template } = importVsaq(WEBAPP, { id: 'vsaq-webapp' });
    const texts: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === 'string') texts.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(template);
    for (const text of texts) {
      assert.doesNotMatch(text, /<\/?(a|b|i|p|br|code|ul|ol|li|strong|em|span|div)\b[^>]*>/i, text.slice(0, 200));
    }
    const pfs = allQuestions(template).find((q) => q.id === 'application_ssl_configuration_pfs')!;
    assert.equal(pfs.text, 'Does your server offer forward secrecy (https://en.wikipedia.org/wiki/Forward_secrecy) for clients that support it?');
  });

  test('test_template.json: sections from blocks, a check as yes/no, the critical tip as a flag', () => {
    const { template, warnings } = importVsaq(TEST_TEMPLATE, { id: 'vsaq-test' });
    assertSound(template);
    assert.deepEqual(warnings, []);
    assert.equal(template.version, 1);
    assert.deepEqual(template.sections.map((s) => [s.id, s.title]), [
      ['network', 'Network section'],
      ['data-section', 'Data section'],
      ['final-section', 'Final section'],
    ]);
    // The checkgroup has no text of its own: the info before it becomes its text.
    const standards = owner(template, 'standard_1');
    assert.equal(standards.kind, 'multi');
    assert.equal(standards.text, 'What security standards do you apply?');
    assert.equal(standards.id, 'network.q1'); // generated from the section id and position
    const check = allQuestions(template).find((q) => q.id === 'data_warning')!;
    assert.equal(check.kind, 'yesno');
    assert.deepEqual(check.options!.map((o) => o.id), ['yes', 'no']);
    assert.deepEqual(template.sections[1]!.flags, [
      { id: 'data_tip', name: "You shouldn't click the box above.", when: { q: 'data_warning', is: ['yes'] }, severity: 'critical' },
    ]);
  });

  test('the extension lands right after the "network" section', () => {
    const { template } = importVsaq(TEST_TEMPLATE, { id: 'vsaq-test', extensions: [TEST_EXTENSION] });
    assertSound(template);
    assert.equal(template.sections[0]!.id, 'network');
    const inserted = template.sections[1]!;
    assert.equal(inserted.title, 'Questions specific to my company come here.');
    assert.deepEqual(inserted.questions.map((q) => [q.id, q.kind, q.text]), [['mycompany.company_specific', 'text', 'Company specific question']]);
    // Ids of the base do not move when a section is inserted before them.
    assert.deepEqual(template.sections.slice(2).map((s) => s.id), ['data-section', 'final-section']);
  });

  test('an extension naming an unknown id, or of another version, is refused naming the extension', () => {
    const bad = TEST_EXTENSION.replace('"insertAfter": "network"', '"insertAfter": "nowhere"');
    const error = importError(() => importVsaq(TEST_TEMPLATE, { id: 'x', extensions: [bad] }));
    assert.equal(error.extension, 0);
    assert.equal(error.path, '$.extensions[0].insertAfter');
    assert.match(error.message, /"nowhere"/);
    const other = importError(() => importVsaq(TEST_TEMPLATE, { id: 'x', extensions: [TEST_EXTENSION.replace('"version": 1', '"version": 2')] }));
    assert.equal(other.path, '$.version');
    const missing = importError(() => importVsaq(TEST_TEMPLATE, { id: 'x', extensions: ['{"extensions": [{"type": "spacer"}]}'] }));
    assert.match(missing.message, /insertAfter/);
  });
});

describe('risk flags from VSAQ tips fire in the score', () => {
  test('test_template: answering the box yes fires the critical tip', () => {
    const { template } = importVsaq(TEST_TEMPLATE, { id: 'vsaq-test' });
    const answers: AnswerMap = {
      [owner(template, 'standard_1').id]: { value: ['standard_1'], na: false },
      data_warning: { value: 'yes', na: false },
      declaration: { value: 'yes', na: false },
    };
    const result = scoreReview(template, answers, LOW);
    assert.equal(result.state, 'scored');
    assert.equal(result.tier, 'critical');
    assert.deepEqual(result.knockouts, [
      { questionId: 'data_warning', questionText: "You shouldn't click the box above.", answerLabel: 'Yes', tier: 'critical', flagId: 'data_tip' },
    ]);
    const line = result.explanation.find((l) => l.flagId === 'data_tip');
    assert.ok(line, 'the tip is in the explanation');
    assert.equal(line.questionText, "You shouldn't click the box above.");
    assert.equal(line.pointsLost, 100); // the only scored item of the only scored section
    // Answered no: the flag is clear, the score is 100 and nothing is knocked out.
    const clear = scoreReview(template, { ...answers, data_warning: { value: 'no', na: false } }, LOW);
    assert.equal(clear.overall, 100);
    assert.equal(clear.tier, 'low');
    assert.deepEqual(clear.knockouts, []);
  });

  test('webapp: a high tip costs points, a critical one deep in nested blocks knocks out', () => {
    const { template } = importVsaq(WEBAPP, { id: 'vsaq-webapp' });
    const pick = (optionId: string): AnswerMap => ({ [owner(template, optionId).id]: { value: optionId, na: false } });
    const pickMany = (...optionIds: string[]): AnswerMap => ({ [owner(template, optionIds[0]!).id]: { value: optionIds, na: false } });
    const mixed = scoreReview(template, pick('application_ssl_mixed'), LOW);
    const https = mixed.explanation.find((l) => l.flagId === 'warn_application_not_ssl');
    assert.ok(https);
    assert.equal(https.questionText, 'Unencrypted application network traffic');
    assert.equal(https.knockout, null);
    assert.ok(https.pointsLost > 0);

    const answers: AnswerMap = {
      ...pickMany('application_authentication_requires_login'),
      ...pick('application_custom_auth_yes'),
      ...pick('application_custom_auth_storage_plain'),
    };
    const result = scoreReview(template, answers, LOW);
    assert.equal(result.tier, 'critical');
    const knockout = result.knockouts.find((k) => k.flagId === 'warn_application_custom_auth_storage_insecure');
    assert.ok(knockout, JSON.stringify(result.knockouts));
    assert.equal(knockout.tier, 'critical');
    assert.ok(result.explanation.some((l) => l.flagId === 'warn_application_custom_auth_storage_insecure' && l.knockout === 'critical'));
    // Without login the storage question is hidden: the same left-behind answer fires nothing.
    const hidden = scoreReview(template, { ...answers, ...pickMany('application_authentication_roles') }, LOW);
    assert.equal(hidden.knockouts.length, 0);
  });
});

describe('cond expressions', () => {
  const show = (ast: CondAst | null): string => {
    if (!ast) return '∅';
    if (ast.type === 'ref') return ast.name;
    if (ast.type === 'not') return `!${show(ast.operand)}`;
    return `(${ast.operands.map(show).join(ast.type === 'and' ? ' & ' : ' | ')})`;
  };

  test('&& binds tighter than ||, ! tighter than both, parentheses group', () => {
    assert.equal(show(parseCond('a || b && c')), '(a | (b & c))');
    assert.equal(show(parseCond('a && b || c')), '((a & b) | c)');
    assert.equal(show(parseCond('(a || b) && c')), '((a | b) & c)');
    assert.equal(show(parseCond('!a && b')), '(!a & b)');
    assert.equal(show(parseCond('!(a || b)')), '!(a | b)');
    assert.equal(show(parseCond('!!a')), '!!a');
    assert.equal(show(parseCond('a && !(b || c) && d')), '(a & !(b | c) & d)');
    assert.equal(show(parseCond('x/yes||y/no')), '(x/yes | y/no)');
    assert.equal(show(parseCond('   ')), '∅');
  });

  test('errors say where', () => {
    const at = (expression: string): [number, string] => {
      try {
        parseCond(expression);
      } catch (error) {
        assert.ok(error instanceof CondSyntaxError);
        return [error.position, error.message];
      }
      assert.fail(`${expression} parsed`);
    };
    assert.equal(at('a &&')[0], 4);
    assert.match(at('a &&')[1], /expected an id/);
    assert.equal(at('a & b')[0], 2);
    assert.equal(at('(a || b')[0], 7);
    assert.match(at('(a || b')[1], /\)/);
    assert.equal(at('a b')[0], 2);
    assert.match(at('a b')[1], /missing "&&" or "\|\|"/);
    assert.equal(at(') a')[0], 0);
    assert.match(at('matches(a, "x")')[1], /not supported/);
    assert.equal(at('a ||| b')[0], 4);
    assert.match(at(`${'('.repeat(500)}a${')'.repeat(500)}`)[1], /nested/);
  });

  test('identifiers become conditions on the question that owns them', () => {
    const { template } = importVsaq(
      vsaq([
        { type: 'radiogroup', id: 'tls', text: 'TLS?', choices: [{ tls_yes: 'Yes' }, { tls_no: 'No' }] },
        { type: 'check', id: 'chk', text: 'Checked?' },
        { type: 'yesno', id: 'yn', text: 'Yes or no?', yes: 'Sure', no: 'Nope' },
        { type: 'line', id: 'name', text: 'Name?' },
        { type: 'line', id: 'a', text: 'A', cond: 'tls_no' },
        { type: 'line', id: 'b', text: 'B', cond: 'chk/yes && !yn/no' },
        { type: 'line', id: 'c', text: 'C', cond: 'chk || name' },
        { type: 'line', id: 'd', text: 'D', cond: 'tls_yes || tls_no' },
        { type: 'line', id: 'e', text: 'E', cond: 'yn && ^a' },
        { type: 'line', id: 'f', text: 'F', cond: 'false || chk/no' },
      ]),
      { id: 't' },
    );
    assertSound(template);
    const when = (id: string): Condition | undefined => allQuestions(template).find((q) => q.id === id)!.showWhen;
    assert.deepEqual(when('a'), { q: 'tls', is: ['tls_no'] });
    assert.deepEqual(when('b'), { all: [{ q: 'chk', is: ['yes'] }, { not: { q: 'yn', is: ['no'] } }] });
    assert.deepEqual(when('c'), { any: [{ q: 'chk', is: ['yes'] }, { q: 'name', answered: true }] });
    assert.deepEqual(when('d'), { q: 'tls', is: ['tls_yes', 'tls_no'] });
    assert.deepEqual(when('e'), { all: [{ q: 'yn', is: ['yes'] }, { q: 'tls', is: ['tls_no'] }] });
    assert.deepEqual(when('f'), { q: 'chk', is: ['no'] });
    assert.deepEqual(allQuestions(template).find((q) => q.id === 'yn')!.options!.map((o) => o.label), ['Sure', 'Nope']);
  });

  test('a block condition applies to each of its questions, combined with their own', () => {
    const { template } = importVsaq(
      vsaq([
        { type: 'yesno', id: 'gate', text: 'Gate?' },
        { type: 'block', id: 'inner', text: 'Inner', cond: 'gate', items: [
          { type: 'line', id: 'x', text: 'X' },
          { type: 'yesno', id: 'y', text: 'Y', cond: '!x' },
        ] },
      ]),
      { id: 't' },
    );
    const when = (id: string) => allQuestions(template).find((q) => q.id === id)!.showWhen;
    assert.deepEqual(when('x'), { q: 'gate', is: ['yes'] });
    assert.deepEqual(when('y'), { all: [{ q: 'gate', is: ['yes'] }, { not: { q: 'x', answered: true } }] });
    // The nested block's title is help for its first question.
    assert.equal(allQuestions(template).find((q) => q.id === 'x')!.help, 'Inner');
  });

  test('unknown ids, syntax errors, reading a block and circles are errors at the cond path', () => {
    const unknown = importError(() => importVsaq(vsaq([{ type: 'check', id: 'a', text: 'A' }, { type: 'line', id: 'b', text: 'B', cond: 'a && nope' }]), { id: 't' }));
    assert.equal(unknown.path, '$.questionnaire[0].items[0].items[1].cond');
    assert.match(unknown.message, /unknown id "nope" \(at character 6 of "a && nope"\)/);
    const syntax = importError(() => importVsaq(vsaq([{ type: 'check', id: 'a', text: 'A' }, { type: 'line', id: 'b', text: 'B', cond: 'a &&' }]), { id: 't' }));
    assert.equal(syntax.path, '$.questionnaire[0].items[0].items[1].cond');
    assert.match(syntax.message, /at character 5 of "a &&"/);
    const block = importError(() => importVsaq(vsaq([{ type: 'check', id: 'a', text: 'A', cond: 'sec' }]), { id: 't' }));
    assert.match(block.message, /"sec" is a block/);
    const cycle = importError(() =>
      importVsaq(vsaq([{ type: 'check', id: 'a', text: 'A', cond: 'c' }, { type: 'check', id: 'b', text: 'B', cond: 'a' }, { type: 'check', id: 'c', text: 'C', cond: 'b' }]), { id: 't' }),
    );
    assert.match(cycle.message, /circle \("a" → "c" → "b" → "a"\)/);
    assert.match(cycle.path, /\.cond$/);
    // A block shown depending on a question inside it is a circle too.
    const self = importError(() => importVsaq(vsaq([{ type: 'block', id: 'blk', text: 'B', cond: 'inside', items: [{ type: 'check', id: 'inside', text: 'I' }] }]), { id: 't' }));
    assert.equal(self.path, '$.questionnaire[0].items[0].items[0].cond');
    assert.match(self.message, /circle/);
  });

  test('a question whose condition is always false is left out with a warning', () => {
    const { template, warnings } = importVsaq(
      vsaq([{ type: 'check', id: 'a', text: 'A' }, { type: 'check', id: 'b', text: 'B', cond: 'false && a' }, { type: 'line', id: 'c', text: 'C', cond: 'b' }]),
      { id: 't' },
    );
    assert.deepEqual(allQuestions(template).map((q) => q.id), ['a']);
    assert.equal(warnings.filter((w) => /never be shown/.test(w)).length, 2);
  });
});

describe('VSAQ tips without "warn" keep their conditions', () => {
  /** The raw tips of a VSAQ text that are not warnings, with the question item before each. */
  function plainTips(text: string): { id: string; text: string; cond: string | undefined }[] {
    return rawItems(text)
      .filter((i) => i['type'] === 'tip' && i['warn'] !== 'yes')
      .map((i) => ({ id: i['id'] as string, text: htmlToText(i['text'] as string), cond: i['cond'] as string | undefined }));
  }

  test('webapp.json: every tip is a tip of the question it follows, shown only while its condition holds', () => {
    const { template } = importVsaq(WEBAPP, { id: 'vsaq-webapp' });
    assertSound(template);
    const raw = plainTips(WEBAPP);
    assert.ok(raw.length >= 10, `webapp.json has plain tips (${raw.length})`);
    const tips = allQuestions(template).flatMap((q) => (q.tips ?? []).map((tip) => ({ question: q, tip })));
    for (const { text, cond } of raw) {
      assert.ok(cond, 'every plain tip of webapp.json has a condition');
      const found = tips.filter((t) => t.tip.text === text);
      assert.equal(found.length, 1, `the tip "${text.slice(0, 50)}…" is a tip of one question`);
      assert.ok(found[0]!.tip.when, `the tip "${text.slice(0, 50)}…" keeps a condition`);
    }
    assert.equal(tips.length, raw.length, 'no other tips');
    // None is help shown to everyone any more.
    for (const q of allQuestions(template)) assert.doesNotMatch(q.help, /Tip:/, `help of ${q.id}`);
  });

  test('webapp.json: "Thank you for putting effort into post-launch monitoring" shows only for robust monitoring', () => {
    const { template } = importVsaq(WEBAPP, { id: 'vsaq-webapp' });
    const monitoring = owner(template, 'warn_application_monitoring_robust');
    const [tip, ...others] = monitoring.tips ?? [];
    assert.ok(tip, 'the monitoring question has a tip');
    assert.deepEqual(others, []);
    assert.match(tip.text, /^Thank you for putting effort into post-launch monitoring\./);
    assert.deepEqual(tip.when, { q: monitoring.id, is: ['warn_application_monitoring_robust'] });
    assert.doesNotMatch(monitoring.help, /Thank you/);
    const shown = (value: string | null) => evaluateCondition(tip.when!, { [monitoring.id]: { value, na: false } });
    assert.equal(shown('warn_application_monitoring_robust'), true);
    assert.equal(shown('warn_application_monitoring_weak'), false);
    assert.equal(shown(null), false);
  });

  test("webapp.json: a tip inside a block with a condition carries the block's condition too", () => {
    const { template } = importVsaq(WEBAPP, { id: 'vsaq-webapp' });
    const ciphers = allQuestions(template).find((q) => q.id === 'application_ssl_configuration_ciphers')!;
    const https = owner(template, 'application_ssl_exclusively');
    // The tip's own cond reads the cipher answer; its block is shown for HTTPS only.
    assert.deepEqual(ciphers.tips, [
      {
        text: ciphers.tips![0]!.text,
        when: {
          all: [
            { q: https.id, is: ['application_ssl_mixed', 'application_ssl_exclusively'] },
            { q: 'application_ssl_configuration_ciphers', is: ['application_ssl_configuration_ciphers_no'] },
          ],
        },
      },
    ]);
    assert.match(ciphers.tips![0]!.text, /^Detailed guidance on SSL\/TLS and cipher suites/);
    // The same condition as the question's own showWhen plus the tip's: exactly as a flag would get it.
    assert.deepEqual(ciphers.showWhen, { q: https.id, is: ['application_ssl_mixed', 'application_ssl_exclusively'] });
  });

  test('always true stays help, always false is left out with a warning, a tip before the first question goes to the next one', () => {
    const { template, warnings } = importVsaq(
      vsaq([
        { type: 'tip', id: 'early', text: 'Before any question.', cond: 'b' },
        { type: 'tip', text: 'Read on.' },
        { type: 'yesno', id: 'a', text: 'A?' },
        { type: 'tip', id: 'always', text: 'Always here.', cond: 'true' },
        { type: 'tip', id: 'never', text: 'Never here.', cond: 'false || !true' },
        { type: 'block', text: 'Inner', cond: 'a/no', items: [
          { type: 'yesno', id: 'b', text: 'B?' },
          { type: 'tip', id: 'nested', text: 'Only for a no and a yes.', cond: 'b' },
        ] },
      ]),
      { id: 't' },
    );
    assertSound(template);
    const [a, b] = allQuestions(template);
    assert.equal(a!.help, 'Tip: Read on.\n\nTip: Always here.');
    assert.deepEqual(a!.tips, [{ text: 'Before any question.', when: { q: 'b', is: ['yes'] } }]);
    assert.deepEqual(b!.tips, [{ text: 'Only for a no and a yes.', when: { all: [{ q: 'a', is: ['no'] }, { q: 'b', is: ['yes'] }] } }]);
    assert.ok(warnings.some((w) => /"never".*never be shown/.test(w)), warnings.join('\n'));
    assert.ok(!JSON.stringify(template).includes('Never here'), 'the never-shown tip is left out');
  });

  test('tips in a section without questions go with the section, which is left out with a warning', () => {
    const text = `{"questionnaire": [{"type": "block", "text": "W", "items": [
      {"type": "block", "id": "s1", "text": "One", "items": [{"type": "yesno", "id": "a", "text": "A?"}]},
      {"type": "block", "id": "s2", "text": "Two", "items": [{"type": "tip", "id": "lonely", "text": "Alone.", "cond": "a"}, {"type": "tip", "text": "Plain."}]}
    ]}]}`;
    const { template, warnings } = importVsaq(text, { id: 't' });
    assertSound(template);
    assert.deepEqual(template.sections.map((s) => s.id), ['s1']);
    assert.ok(warnings.some((w) => /section "Two" has no questions/.test(w)), warnings.join('\n'));
    assert.ok(!JSON.stringify(template).includes('Alone.'), 'the tip is not shown anywhere');
  });
});

describe('the rest of the dialect', () => {
  test('comments, "a" + "b", info, tips, uploads, spacers, single choices, nested blocks', () => {
    const text = `// Licence header
// more header
{
  "questionnaire": [{
    "type": "block", "text": "The <b>wrapper</b>", "items": [
      { "type": "info", "text": "Read this first." },
      { "type": "block", "text": "No id here", "items": [
        { "type": "info", "text": "Helps the " +
                                 "next question." },
        { "type": "yesno", "id": "q1", "text": "First?" },
        { "type": "tip", "text": "A tip on the first." },
        { "type": "spacer" },
        { "type": "upload", "id": "evidence", "text": "Upload your policy" },
        { "type": "checkgroup", "text": "Only one", "choices": [{ "solo": "The only choice" }] },
        { "type": "tip", "id": "t1", "warn": "yes", "severity": "high", "name": "Bad <i>thing</i>",
          "text": "Why it is bad.", "why": "Explain below.", "todo": "Fix it.", "cond": "q1/no || solo" },
        { "type": "tip", "id": "t2", "warn": "yes", "severity": "low", "text": "Odd severity.", "cond": "q1" },
        { "type": "info", "text": "Closing words." },
      ] },
    ]
  }]
}`;
    const { template, warnings } = importVsaq(text, { id: 'dialect', name: 'Given name' });
    assertSound(template);
    assert.equal(template.name, 'Given name');
    assert.equal(template.description, 'The wrapper');
    const [section] = template.sections;
    assert.equal(section!.id, 'no-id-here');
    assert.equal(section!.description, 'Read this first.\n\nClosing words.');
    const [q1, evidence, solo] = section!.questions;
    assert.equal(q1!.help, 'Helps the next question.\n\nTip: A tip on the first.');
    assert.equal(evidence!.kind, 'longtext');
    assert.match(evidence!.help, /upload not supported; describe the evidence/i);
    assert.equal(solo!.kind, 'yesno');
    assert.deepEqual(section!.flags, [
      {
        id: 't1',
        name: 'Bad thing',
        when: { any: [{ q: 'q1', is: ['no'] }, { q: solo!.id, is: ['yes'] }] },
        severity: 'high',
        why: 'Why it is bad.',
        todo: 'Fix it.\n\nExplain below.',
      },
      { id: 't2', name: 'Odd severity.', when: { q: 'q1', is: ['yes'] }, severity: 'medium' },
    ]);
    assert.ok(warnings.some((w) => /upload/i.test(w)));
    assert.ok(warnings.some((w) => /single choice/.test(w)));
    assert.ok(warnings.some((w) => /"low".*medium/.test(w)));
  });

  test('wrong shapes are errors at their JSON path', () => {
    const cases: [string, string, RegExp][] = [
      ['not json at all', '$', /expected a value/],
      ['// only a comment\n', '$', /empty/],
      ['[]', '$', /VSAQ template object/],
      ['{"questionnaire": {}}', '$.questionnaire', /list of items/],
      ['{"questionnaire": [{"type": "block", "items": [{"type": "slider"}]}]}', '$.questionnaire[0].items[0].type', /unknown item type "slider"/],
      ['{"questionnaire": [{"type": "block", "items": [{"type": "line", "text": 5}]}]}', '$.questionnaire[0].items[0].text', /expected a string, found a number/],
      ['{"questionnaire": [{"type": "block", "items": [{"type": "radiogroup", "choices": [{"a": "A", "b": "B"}]}]}]}', '$.questionnaire[0].items[0].choices[0]', /one key/],
      ['{"questionnaire": [{"type": "block", "items": [{"type": "line", "id": "a"}, {"type": "line", "id": "a"}]}]}', '$.questionnaire[0].items[1].id', /used more than once/],
      ['{"questionnaire": [{"type": "block", "items": [{"type": "info", "text": "only info"}]}]}', '$.questionnaire', /no questions/],
      ['{"questionnaire": [{"type": "block", "items": [{"type": "line", "text": "x" "y"}]}]}', '$.questionnaire[0].items[0].text', /line 1, column 77/],
      ['{"extensions": []}', '$.questionnaire', /extension/],
    ];
    for (const [text, path, message] of cases) {
      const error = importError(() => importVsaq(text, { id: 't' }));
      assert.equal(error.path, path, text);
      assert.match(error.message, message, text);
    }
    assert.match(importError(() => importVsaq(TEST_TEMPLATE, { id: 'bad id' })).message, /template id/);
  });
});

describe('HTML to text', () => {
  test('tags go, structure becomes lines, links keep their address, entities are decoded', () => {
    assert.equal(htmlToText('<b>Bold</b> and <i>italic</i>'), 'Bold and italic');
    assert.equal(htmlToText('one<br>two<br/>three'), 'one\ntwo\nthree');
    assert.equal(htmlToText('<p>First.</p><p>Second.</p>'), 'First.\n\nSecond.');
    assert.equal(htmlToText('Pick:<ul><li>a</li><li>b</li></ul>done'), 'Pick:\n\n• a\n• b\n\ndone');
    assert.equal(htmlToText("see <a href='https://example.com/x'>the docs</a>."), 'see the docs (https://example.com/x).');
    assert.equal(htmlToText('<a href="https://example.com">https://example.com</a>'), 'https://example.com');
    assert.equal(htmlToText('<a href="javascript:alert(1)">click</a>'), 'click');
    assert.equal(htmlToText('Tom &amp; Jerry &mdash; &lt;b&gt; &#39;q&#39; &#x2192; &nbsp;x &bogus;'), "Tom & Jerry — <b> 'q' → x &bogus;");
    assert.equal(htmlToText('a < b and c > d'), 'a < b and c > d');
    assert.equal(htmlToText('x<script>alert(1)</script>y<style>p{}</style>z<!-- note -->!'), 'xyz!');
    assert.equal(htmlToText('  lots \n\n of   space  '), 'lots of space');
    assert.equal(htmlToText('<code>http://</code> stays'), 'http:// stays');
    assert.equal(htmlToText('unclosed <a href="u">link'), 'unclosed link (u)');
    assert.equal(htmlToText('broken <b attr="x>tag'), 'broken <b attr="x>tag');
  });
});

describe('the importer never fails in any other way', () => {
  type Path = (string | number)[];
  const docs = [WEBAPP, TEST_TEMPLATE].map((t) => parseVsaqJson(t));
  const ids = [...new Set(rawItems(TEST_TEMPLATE).concat(rawItems(WEBAPP).slice(0, 40)).flatMap((i) => [i['id'], ...((i['choices'] as Record<string, string>[] | undefined) ?? []).map((c) => Object.keys(c)[0])]).filter((x): x is string => typeof x === 'string'))];

  function paths(value: JsonValue, at: Path = [], out: Path[] = []): Path[] {
    out.push(at);
    if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
    return out;
  }
  function get(root: JsonValue, at: Path): JsonValue {
    return at.reduce<JsonValue>((v, k) => (v as Record<string | number, JsonValue>)[k]!, root);
  }

  const condArb = fc
    .array(fc.oneof(fc.constantFrom('&&', '||', '!', '(', ')', ' ', '/yes', '/no', '/value', '^', ',', '"', '&', '|', 'false', 'true'), fc.constantFrom(...ids), fc.string({ maxLength: 6 })), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const valueArb: fc.Arbitrary<JsonValue> = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.boolean(), fc.constant([] as JsonValue[]), fc.constant({} as Record<string, JsonValue>), fc.constantFrom('block', 'tip', 'check', 'yes'));
  const mutationArb = fc.record({
    kind: fc.constantFrom('drop', 'retype', 'truncate', 'cond', 'duplicate'),
    at: fc.nat(),
    value: valueArb,
    cut: fc.nat({ max: 50 }),
    cond: condArb,
  });

  type Mutation = { kind: string; at: number; value: JsonValue; cut: number; cond: string };
  function mutate(doc: JsonValue, mutations: Mutation[]): JsonValue {
    const copy = structuredClone(doc) as JsonValue;
    for (const m of mutations) {
      const all = paths(copy).filter((p) => p.length > 0);
      if (all.length === 0) break;
      const target = all[m.at % all.length]!;
      const parent = get(copy, target.slice(0, -1)) as Record<string | number, JsonValue> & JsonValue[];
      const key = target[target.length - 1]!;
      switch (m.kind) {
        case 'drop':
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
          break;
        case 'retype':
          parent[key] = structuredClone(m.value);
          break;
        case 'truncate': {
          const v = parent[key];
          if (typeof v === 'string') parent[key] = v.slice(0, m.cut);
          break;
        }
        case 'cond': {
          const holder = Array.isArray(parent) ? (parent[key as number] as Record<string, JsonValue>) : parent;
          if (holder && typeof holder === 'object' && !Array.isArray(holder)) holder['cond'] = m.cond;
          break;
        }
        case 'duplicate':
          if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]!));
          break;
      }
    }
    return copy;
  }

  function check(text: string, extensions?: string[]): void {
    let result;
    try {
      result = importVsaq(text, { id: 'fuzz', extensions });
    } catch (error) {
      if (error instanceof TemplateImportError) {
        assert.equal(typeof error.path, 'string');
        assert.ok(error.path.startsWith('$'), error.path);
        assert.ok(error.message.length > 0);
        // The safety nets for converter bugs must never be what catches an input.
        assert.doesNotMatch(error.message, /converted template is not|could not be converted/, error.message);
        return;
      }
      throw error;
    }
    assert.deepEqual(Template.parse(result.template), result.template);
    assert.deepEqual(checkTemplate(result.template), []);
  }

  test('mutated fixture JSON: a sound template or a TemplateImportError', () => {
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        check(JSON.stringify(mutate(docs[which]!, mutations)));
      }),
      { numRuns: 300 },
    );
  });

  test('mutated extensions: a sound template or a TemplateImportError', () => {
    const extension = parseVsaqJson(TEST_EXTENSION);
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        check(TEST_TEMPLATE, [JSON.stringify(mutate(extension, mutations))]);
      }),
      { numRuns: 200 },
    );
  });

  test('mangled text: a sound template or a TemplateImportError', () => {
    fc.assert(
      fc.property(fc.constantFrom(TEST_TEMPLATE, WEBAPP), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }), (text, at, remove, insert) => {
        const i = at % (text.length + 1);
        check(text.slice(0, i) + insert + text.slice(i + remove));
      }),
      { numRuns: 200 },
    );
  });

  test('random conditions on every item of the test template', () => {
    const doc = docs[1]!;
    const holders = paths(doc).filter((p) => {
      const v = get(doc, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v) && 'type' in v;
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), condArb), { minLength: 1, maxLength: 5 }), (conds) => {
        const copy = structuredClone(doc) as JsonValue;
        for (const [at, cond] of conds) (get(copy, holders[at % holders.length]!) as Record<string, JsonValue>)['cond'] = cond;
        check(JSON.stringify(copy));
      }),
      { numRuns: 300 },
    );
  });
});
