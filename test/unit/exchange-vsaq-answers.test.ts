// VSAQ's answers (its "Save": item id → value) onto a template imported from VSAQ
// (shared/exchange/vsaq-answers.ts): the answers fixtures in test/fixtures/vsaq-answers against
// the real VSAQ templates, every item kind, the values that do not fit, ids the import changed,
// and a file for another template altogether.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Question, Template } from '../../shared/domain/template';
import type { ProviderAnswer } from '../../shared/domain/vendor-exchange';
import { parseAnswersText } from '../../shared/exchange/answers-file';
import { diffProviderAnswers } from '../../shared/exchange/receive-diff';
import { vsaqItemId, vsaqToProviderAnswers } from '../../shared/exchange/vsaq-answers';
import { BUILT_IN_TEMPLATES } from '../../shared/templates/index';
import { importVsaq } from '../../shared/templates/vsaq';
import { REPO_ROOT } from '../helpers/cli';

const read = (...parts: string[]) => fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures', ...parts), 'utf8');
const TEST_TEMPLATE = importVsaq(read('vsaq', 'test_template.json'), { id: 'vsaq-test', extensions: [read('vsaq', 'test_template_extension.json')] }).template;
const WEBAPP = importVsaq(read('vsaq', 'webapp.json'), { id: 'vsaq-webapp' }).template;

/** The items of an answers fixture, read the way receiving reads them. */
function itemsOf(name: string): Record<string, string> {
  const parsed = parseAnswersText(read('vsaq-answers', name));
  assert.equal(parsed.format, 'vsaq', `${name} reads as VSAQ's answers`);
  return parsed.format === 'vsaq' ? parsed.items : {};
}

const questions = (template: Template): Question[] => template.sections.flatMap((s) => s.questions);
/** The question that offers an option (the import names a choice group without an id by position). */
const owner = (template: Template, optionId: string): string => questions(template).find((q) => q.options?.some((o) => o.id === optionId))!.id;
const answer = (questionId: string, value: ProviderAnswer['value']): ProviderAnswer => ({ questionId, value, na: false, comment: '' });
const unknown = (template: Template) => `not a question of template ${template.id} v${template.version}`;

/** A VSAQ questionnaire with one section holding these items, imported. */
function vsaqTemplate(items: unknown[]): Template {
  const text = JSON.stringify({ questionnaire: [{ type: 'block', text: 'Wrapper', items: [{ type: 'block', id: 'sec', text: 'Section', items }] }] });
  return importVsaq(text, { id: 'vsaq-inline' }).template;
}

describe('the answers fixtures against the real VSAQ templates', () => {
  test('test_template (with its extension): the checkgroup, the checks, the namespaced line; "" and unknown ids', () => {
    const result = vsaqToProviderAnswers(itemsOf('test_template-answers.json'), TEST_TEMPLATE);
    assert.deepEqual(result.answers, [
      answer('network.q1', ['standard_1']),
      answer('mycompany.company_specific', 'Yearly red-team exercise by an outside firm; the last report is from March 2026.'),
      answer('declaration', 'yes'),
    ]);
    // data_warning is "": the box was touched and left unchecked, which is no answer, not "no".
    assert.ok(!result.answers.some((a) => a.questionId === 'data_warning'), 'an unchecked check item is not answered "no"');
    assert.deepEqual(result.rejected, [
      { questionId: 'vsaq_todo_data_tip', given: 'checked', reason: unknown(TEST_TEMPLATE) },
      { questionId: 'network_dmz', given: 'yes', reason: unknown(TEST_TEMPLATE) },
    ]);
    assert.equal(result.matched, 5, 'standard_1, standard_2, the line, data_warning and declaration name the template');
  });

  test('webapp: radios as VSAQ writes them (the chosen one "checked", the rest ""), lines, boxes, checkgroups', () => {
    const result = vsaqToProviderAnswers(itemsOf('webapp-answers.json'), WEBAPP);
    const expected = [
      answer('application_name', 'Acme Billing Portal'),
      answer('application_description', 'Invoicing for our customers.\nRuns on our own servers in two data centres.'),
      answer('application_vm_securitycontact', 'application_vm_securitycontact_yes'),
      answer(owner(WEBAPP, 'application_ssl_exclusively'), 'application_ssl_exclusively'),
      answer('application_ssl_configuration_ciphers', 'application_ssl_configuration_ciphers_yes'),
      answer('application_ssl_configuration_pfs', 'application_ssl_configuration_pfs_no'),
      answer('application_ssl_configuration_termination', 'application_ssl_configuration_termination_loadbalancer'),
      answer('application_ssl_configuration_lb_traffic', 'application_ssl_configuration_lb_traffic_encrypted'),
      answer(owner(WEBAPP, 'application_authentication_requires_login'), ['application_authentication_requires_login', 'application_authentication_admin_interface']),
      answer(owner(WEBAPP, 'application_authentication_sso_saml'), ['application_authentication_sso_saml', 'application_authentication_sso_ldap']),
      answer('application_custom_auth', 'application_custom_auth_no'),
      answer('application_auth_cookies_httponly', 'application_auth_cookies_httponly_yes'),
      answer(owner(WEBAPP, 'application_auth_cookies_framework'), ['application_auth_cookies_framework']),
      answer('application_auth_cookies_framework_which', 'Spring Session'),
    ];
    assert.deepEqual(result.answers, expected);
    const order = questions(WEBAPP).map((q) => q.id);
    const positions = result.answers.map((a) => order.indexOf(a.questionId));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'answers in template order');
    assert.ok(!result.answers.some((a) => a.questionId === 'application_frameworks'), 'an emptied line is not answered');
    assert.deepEqual(result.rejected, [{ questionId: 'application_legacy_sso_bridge', given: 'checked', reason: unknown(WEBAPP) }]);
  });

  test('mapped answers go through the diff as new answers, every one of them', () => {
    const { answers } = vsaqToProviderAnswers(itemsOf('webapp-answers.json'), WEBAPP);
    const { rows, rejected } = diffProviderAnswers(WEBAPP, new Map(), answers);
    assert.deepEqual(rejected, []);
    assert.deepEqual(rows.map((r) => r.questionId), answers.map((a) => a.questionId));
    assert.ok(rows.every((r) => r.change === 'new' && r.acceptable), 'all new, all acceptable');
  });
});

describe('each VSAQ item kind', () => {
  const TEMPLATE = vsaqTemplate([
    { type: 'radiogroup', id: 'tls', text: 'TLS?', choices: [{ tls_yes: 'Yes' }, { tls_no: 'No' }] },
    { type: 'check', id: 'chk', text: 'Checked?' },
    { type: 'yesno', id: 'yn', text: 'Yes or no?', yes: 'Sure', no: 'Nope' },
    { type: 'line', id: 'name', text: 'Name?' },
    { type: 'box', id: 'desc', text: 'Describe.' },
    { type: 'upload', id: 'evidence', text: 'Upload the report.' },
    { type: 'checkgroup', id: 'feat', text: 'Features?', choices: [{ feat_a: 'A' }, { feat_b: 'B' }, { feat_c: 'C' }] },
    { type: 'radiogroup', id: 'agree', text: 'Terms', choices: [{ agree_ok: 'I agree' }] },
  ]);

  test('the kinds the import made', () => {
    assert.deepEqual(
      questions(TEMPLATE).map((q) => [q.id, q.kind]),
      [
        ['tls', 'single'],
        ['chk', 'yesno'],
        ['yn', 'yesno'],
        ['name', 'text'],
        ['desc', 'longtext'],
        ['evidence', 'longtext'],
        ['feat', 'multi'],
        ['agree', 'yesno'],
      ],
    );
  });

  test('every kind answered, given in another order than the template', () => {
    const result = vsaqToProviderAnswers(
      {
        feat_c: 'checked',
        desc: 'Line one\nLine two',
        tls_no: '',
        tls_yes: 'checked',
        chk: 'checked',
        yn: 'no',
        name: 'Acme',
        evidence: 'SOC 2 report, section 4',
        feat_a: 'checked',
        feat_b: '',
      },
      TEMPLATE,
    );
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(result.answers, [
      answer('tls', 'tls_yes'),
      answer('chk', 'yes'),
      answer('yn', 'no'),
      answer('name', 'Acme'),
      answer('desc', 'Line one\nLine two'),
      answer('evidence', 'SOC 2 report, section 4'),
      answer('feat', ['feat_c', 'feat_a']),
    ]);
    assert.ok(result.answers.every((a) => a.comment === '' && !a.na), 'no comments, no N/A in VSAQ answers');
    assert.equal(result.matched, 10);
  });

  test('"" leaves a question unanswered (not "no"); "yes" for a check item is read as checked', () => {
    const result = vsaqToProviderAnswers({ chk: '', yn: '', name: '   ', desc: '', tls_yes: '', tls_no: '', feat_a: '' }, TEMPLATE);
    assert.deepEqual(result.answers, []);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.matched, 7, 'every key names the template: an empty file for it, not a foreign one');
    assert.deepEqual(vsaqToProviderAnswers({ chk: 'yes', yn: 'checked' }, TEMPLATE).answers, [answer('chk', 'yes'), answer('yn', 'yes')]);
  });

  test('two choices checked in one radiogroup: rejected, naming both', () => {
    const result = vsaqToProviderAnswers({ tls_yes: 'checked', tls_no: 'checked', chk: 'checked' }, TEMPLATE);
    assert.deepEqual(result.answers, [answer('chk', 'yes')]);
    assert.deepEqual(result.rejected, [{ questionId: 'tls', given: 'tls_yes, tls_no', reason: 'one choice only, but 2 are checked: "tls_yes" and "tls_no"' }]);
  });

  test('values that do not fit their item are rejected with what was expected', () => {
    const result = vsaqToProviderAnswers({ yn: 'maybe', tls_yes: 'yes', tls: 'tls_yes', feat_a: 'on', name: 'x'.repeat(1001), chk: 'true' }, TEMPLATE);
    assert.deepEqual(result.answers, []);
    assert.deepEqual(
      result.rejected.map((r) => [r.questionId, r.reason]),
      [
        ['yn', 'expected "yes", "no", "checked" or "", found "maybe"'],
        ['tls_yes', 'a choice of question tls: expected "checked" or "", found "yes"'],
        ['tls', "a choice question: VSAQ's answers check its choices (tls_yes, tls_no), not the question"],
        ['feat_a', 'a choice of question feat: expected "checked" or "", found "on"'],
        ['name', 'longer than 1000 characters (found 1001)'],
        ['chk', 'expected "yes", "no", "checked" or "", found "true"'],
      ],
    );
    assert.equal(result.rejected[4]!.given.length, 120, 'the value shown is shortened');
  });

  test('a one-choice radiogroup (imported as yes/no) cannot be found again: its choice id is not in the template', () => {
    // The import keeps the group's id for the question and "yes"/"no" for its options; the
    // choice's own id, the key VSAQ writes, is gone. Listed, so the reviewer sees it.
    const result = vsaqToProviderAnswers({ agree_ok: 'checked' }, TEMPLATE);
    assert.deepEqual(result.answers, []);
    assert.deepEqual(result.rejected, [{ questionId: 'agree_ok', given: 'checked', reason: unknown(TEMPLATE) }]);
    assert.equal(result.matched, 0);
  });
});

describe('ids the import changed, and files for another template', () => {
  test('namespaced, odd and overlong ids are found through the same sanitizing as the import', () => {
    const long = `q_${'x'.repeat(130)}`;
    const template = vsaqTemplate([
      { type: 'line', id: 'acme:contact person', text: 'Who?' },
      { type: 'check', id: 'größe', text: 'Big?' },
      { type: 'line', id: long, text: 'Long id' },
      { type: 'radiogroup', id: 'acme:hosting', text: 'Where?', choices: [{ 'acme:on prem': 'On premises' }, { 'acme:cloud': 'Cloud' }] },
    ]);
    assert.deepEqual(
      questions(template).map((q) => q.id),
      ['acme.contact_person', 'gr__e', long.slice(0, 110), 'acme.hosting'],
    );
    const result = vsaqToProviderAnswers({ 'acme:contact person': 'Kim', größe: 'checked', [long]: 'yes', 'acme:cloud': 'checked' }, template);
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(result.answers, [
      answer('acme.contact_person', 'Kim'),
      answer('gr__e', 'yes'),
      answer(long.slice(0, 110), 'yes'),
      answer('acme.hosting', 'acme.cloud'),
    ]);
    assert.equal(vsaqItemId('acme:on prem'), 'acme.on_prem');
    assert.equal(vsaqItemId(''), 'item');
  });

  test('two raw ids the import made one: the second answer to it is listed, not taken over the first', () => {
    const template = vsaqTemplate([
      { type: 'line', id: 'a:b', text: 'First' },
      { type: 'line', id: 'a.b', text: 'Second' },
    ]);
    assert.deepEqual(questions(template).map((q) => q.id), ['a.b', 'a.b-2'], 'the import renamed the second');
    const result = vsaqToProviderAnswers({ 'a:b': 'one', 'a.b': 'two' }, template);
    assert.deepEqual(result.answers, [answer('a.b', 'one')]);
    assert.deepEqual(result.rejected, [{ questionId: 'a.b', given: 'two', reason: 'answers question a.b a second time (the file\'s "a:b" answers it already)' }]);
  });

  test('a file for another template: not one key matches (matched 0), every key listed', () => {
    const items = itemsOf('webapp-answers.json');
    const result = vsaqToProviderAnswers(items, TEST_TEMPLATE);
    assert.equal(result.matched, 0);
    assert.deepEqual(result.answers, []);
    assert.equal(result.rejected.length, Object.keys(items).length, 'every key rejected');
    assert.ok(result.rejected.every((r) => r.reason === unknown(TEST_TEMPLATE)), 'each as not a question of the template');
  });

  test('"__proto__", "constructor" and blank keys are ids like any other (here: unknown)', () => {
    const items = parseAnswersText('{"__proto__": "checked", "constructor": "yes", " ": "x", "declaration": "checked"}');
    assert.equal(items.format, 'vsaq');
    if (items.format !== 'vsaq') return;
    const result = vsaqToProviderAnswers(items.items, TEST_TEMPLATE);
    assert.deepEqual(result.answers, [answer('declaration', 'yes')]);
    assert.deepEqual(result.rejected.map((r) => r.questionId), ['__proto__', 'constructor', ' ']);
  });

  test('on a template that is not from VSAQ, numbers and dates are read from their text', () => {
    const template = BUILT_IN_TEMPLATES[0]!;
    const result = vsaqToProviderAnswers(
      { sec_breach_notification_hours: '24', sec_cert_report_date: '2026-10-01', acc_mfa: 'checked', mnt_notice_hours: 'two days', iso27001: 'checked', soc2_type2: 'checked' },
      template,
    );
    assert.deepEqual(result.answers, [
      answer('sec_certifications', ['iso27001', 'soc2_type2']),
      answer('sec_cert_report_date', '2026-10-01'),
      answer('sec_breach_notification_hours', 24),
      answer('acc_mfa', 'yes'),
    ]);
    assert.deepEqual(result.rejected, [{ questionId: 'mnt_notice_hours', given: 'two days', reason: 'expected a number' }]);
  });
});
