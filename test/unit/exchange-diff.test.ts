// The provider's answers against what the review holds (shared/exchange/receive-diff.ts), on the
// built-in template: each kind of change, multi answers as sets, the N/A rules, profile-held and
// unknown questions, comment-only rows, template order; then what --accept takes, and the counts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProviderAnswer, ReceiveRow } from '../../shared/domain/vendor-exchange';
import { MAX_PROVIDER_COMMENT_CHARS } from '../../shared/domain/vendor-exchange';
import { AcceptError, countReceipt, diffProviderAnswers, resolveAccept, type HeldAnswer } from '../../shared/exchange/receive-diff';
import { BUILT_IN_TEMPLATES } from '../../shared/templates/index';
import { INFRASTRUCTURE_TEMPLATE_V1 } from '../helpers/infrastructure-v1';

const TEMPLATE = BUILT_IN_TEMPLATES[0]!;

const give = (questionId: string, value: ProviderAnswer['value'], extra: Partial<ProviderAnswer> = {}): ProviderAnswer => ({
  questionId,
  value,
  na: false,
  comment: '',
  ...extra,
});
const hold = (value: HeldAnswer['value'], extra: Partial<HeldAnswer> = {}): HeldAnswer => ({ value, na: false, providerComment: '', ...extra });

/** An option's label in the template (what answerLabel shows). */
function label(questionId: string, optionId: string): string {
  const question = TEMPLATE.sections.flatMap((s) => s.questions).find((q) => q.id === questionId)!;
  return question.options!.find((o) => o.id === optionId)!.label;
}

function rowOf(rows: readonly ReceiveRow[], questionId: string): ReceiveRow {
  const row = rows.find((r) => r.questionId === questionId);
  assert.ok(row, `a row for ${questionId}`);
  return row;
}

/**
 * The review's answers with the parents of the template's conditional questions answered so that
 * those questions show (a test's own held answers win): answers to hidden questions are refused.
 */
function withParents(held: Record<string, HeldAnswer>): Map<string, HeldAnswer> {
  const parents = { sec_certifications: hold(['iso27001']), sec_incident_history: hold('disclosed_handled'), acc_individual_accounts: hold('individual') };
  return new Map(Object.entries({ ...parents, ...held }));
}

/** The diff of a single answer (the held map as given). */
function one(answer: ProviderAnswer, held: Record<string, HeldAnswer> = {}) {
  return diffProviderAnswers(TEMPLATE, withParents(held), [answer]);
}

describe('diffProviderAnswers: the kinds of change', () => {
  test('new: the review holds nothing, or an unanswered question (a comment only)', () => {
    const { rows, rejected } = one(give('sec_encryption_at_rest', 'yes', { comment: 'AES-256' }));
    assert.deepEqual(rejected, []);
    assert.deepEqual(rows, [
      {
        questionId: 'sec_encryption_at_rest',
        sectionTitle: TEMPLATE.sections[0]!.title,
        questionText: TEMPLATE.sections[0]!.questions[0]!.text,
        change: 'new',
        held: null,
        given: { value: 'yes', na: false, label: label('sec_encryption_at_rest', 'yes') },
        comment: 'AES-256',
        commentChanged: true,
        acceptable: true,
        accepted: false,
      },
    ]);
    const overUnanswered = one(give('sec_encryption_at_rest', 'no'), { sec_encryption_at_rest: hold(null, { providerComment: 'earlier note' }) });
    const row = rowOf(overUnanswered.rows, 'sec_encryption_at_rest');
    assert.equal(row.change, 'new');
    assert.equal(row.held, null, 'an unanswered question holds no answer to show');
    assert.equal(row.commentChanged, true, 'no comment now, "earlier note" before');
    assert.equal(row.acceptable, true);
  });

  test('changed and unchanged, with the labels a person reads', () => {
    const held = { sec_encryption_at_rest: hold('partial'), sec_breach_notification_hours: hold(72), acc_sso: hold('yes') };
    const { rows } = diffProviderAnswers(TEMPLATE, withParents(held), [
      give('sec_encryption_at_rest', 'yes'),
      give('sec_breach_notification_hours', 24),
      give('acc_sso', 'yes'),
    ]);
    const changed = rowOf(rows, 'sec_encryption_at_rest');
    assert.equal(changed.change, 'changed');
    assert.deepEqual(changed.held, { value: 'partial', na: false, label: label('sec_encryption_at_rest', 'partial') });
    assert.deepEqual(changed.given, { value: 'yes', na: false, label: label('sec_encryption_at_rest', 'yes') });
    assert.match(changed.held!.label, /^Partly: /, 'the label, not the id');
    assert.equal(changed.acceptable, true);
    const hours = rowOf(rows, 'sec_breach_notification_hours');
    assert.equal(hours.change, 'changed');
    assert.equal(hours.held?.label, '72 hours');
    assert.equal(hours.given.label, '24 hours');
    const same = rowOf(rows, 'acc_sso');
    assert.equal(same.change, 'unchanged');
    assert.equal(same.commentChanged, false);
    assert.equal(same.acceptable, false, 'nothing to take');
  });

  test('multi answers compare as sets', () => {
    const held = { sec_certifications: hold(['iso27001', 'soc2_type2']) };
    const reordered = one(give('sec_certifications', ['soc2_type2', 'iso27001']), held);
    assert.equal(rowOf(reordered.rows, 'sec_certifications').change, 'unchanged');
    const fewer = one(give('sec_certifications', ['iso27001']), held);
    assert.equal(rowOf(fewer.rows, 'sec_certifications').change, 'changed');
    const swapped = one(give('sec_certifications', ['iso27001', 'pci_dss']), held);
    assert.equal(rowOf(swapped.rows, 'sec_certifications').change, 'changed');
    // An empty selection is an answer ("none of these"), not an empty one.
    const none = one(give('sec_certifications', []), held);
    const row = rowOf(none.rows, 'sec_certifications');
    assert.equal(row.change, 'changed');
    assert.equal(row.given.label, 'None selected');
  });

  test('empty: left unanswered (whitespace-only text too); taken only for a new comment', () => {
    const held = { sec_incident_details: hold('Two outages in 2025.'), acc_sso: hold('yes', { providerComment: 'via SAML' }) };
    const { rows } = diffProviderAnswers(TEMPLATE, withParents(held), [
      give('sec_incident_details', '   \n  '),
      give('acc_sso', null, { comment: ' via SAML ' }),
      give('acc_mfa', null, { comment: 'Rolling out in Q3.' }),
      give('acc_roles', null),
    ]);
    const blank = rowOf(rows, 'sec_incident_details');
    assert.equal(blank.change, 'empty');
    assert.deepEqual(blank.given, { value: null, na: false, label: 'Not answered' });
    assert.equal(blank.acceptable, false, 'an empty answer never replaces a held one');
    const sameComment = rowOf(rows, 'acc_sso');
    assert.equal(sameComment.change, 'empty');
    assert.equal(sameComment.comment, 'via SAML', 'the comment is trimmed');
    assert.equal(sameComment.commentChanged, false);
    assert.equal(sameComment.acceptable, false);
    const newComment = rowOf(rows, 'acc_mfa');
    assert.equal(newComment.change, 'empty');
    assert.equal(newComment.commentChanged, true);
    assert.equal(newComment.acceptable, true, 'the comment is something to take');
    const nothing = rowOf(rows, 'acc_roles');
    assert.equal(nothing.change, 'empty');
    assert.equal(nothing.acceptable, false);
  });

  test('comment-only rows: an unchanged answer with a new provider comment is acceptable', () => {
    const held = { acc_mfa: hold('yes', { providerComment: 'TOTP' }) };
    const fresh = rowOf(one(give('acc_mfa', 'yes', { comment: 'TOTP and WebAuthn' }), held).rows, 'acc_mfa');
    assert.equal(fresh.change, 'unchanged');
    assert.equal(fresh.commentChanged, true);
    assert.equal(fresh.acceptable, true);
    const same = rowOf(one(give('acc_mfa', 'yes', { comment: '  TOTP\n' }), held).rows, 'acc_mfa');
    assert.equal(same.commentChanged, false, 'the same comment once trimmed');
    assert.equal(same.acceptable, false);
    const cleared = rowOf(one(give('acc_mfa', 'yes', { comment: '' }), held).rows, 'acc_mfa');
    assert.equal(cleared.commentChanged, true, 'no comment now, one before');
    assert.equal(cleared.acceptable, false, 'a comment taken away is not something to take');
  });
});

describe('diffProviderAnswers: N/A', () => {
  test('allowed with a reason: new, then unchanged, then changed to an answer', () => {
    const na = give('sec_cert_report_date', null, { na: true, comment: 'No certification yet.' });
    const first = rowOf(one(na).rows, 'sec_cert_report_date');
    assert.equal(first.change, 'new');
    assert.deepEqual(first.given, { value: null, na: true, label: 'Not applicable' });
    const again = rowOf(one(na, { sec_cert_report_date: hold(null, { na: true, providerComment: 'No certification yet.' }) }).rows, 'sec_cert_report_date');
    assert.equal(again.change, 'unchanged');
    assert.equal(again.held?.label, 'Not applicable');
    assert.equal(again.acceptable, false);
    const dated = rowOf(one(give('sec_cert_report_date', '2026-10-01'), { sec_cert_report_date: hold(null, { na: true }) }).rows, 'sec_cert_report_date');
    assert.equal(dated.change, 'changed');
    assert.equal(dated.held?.label, 'Not applicable');
    assert.equal(dated.given.label, '2026-10-01');
  });

  test('refused where the question does not allow it, and without a reason', () => {
    const notAllowed = one(give('sec_encryption_at_rest', null, { na: true, comment: 'We store nothing.' }));
    assert.deepEqual(notAllowed.rows, []);
    assert.deepEqual(notAllowed.rejected, [
      { questionId: 'sec_encryption_at_rest', given: 'N/A', reason: 'marked not applicable, which this question does not allow' },
    ]);
    const noReason = one(give('sec_cert_report_date', null, { na: true, comment: '   ' }));
    assert.deepEqual(noReason.rejected, [{ questionId: 'sec_cert_report_date', given: 'N/A', reason: 'marked not applicable without a reason in the comment' }]);
  });
});

describe('diffProviderAnswers: what is left out', () => {
  test('unknown questions, values that do not fit, a comment too long, a question answered twice', () => {
    const { rows, rejected } = diffProviderAnswers(TEMPLATE, withParents({}), [
      give('sec_not_a_question', 'yes'),
      give('acc_sso', 'maybe'),
      give('sec_breach_notification_hours', '24'),
      give('sec_cert_report_date', '2026-02-30'),
      give('sec_certifications', ['iso27001', 'none']),
      give('ops_export', ['api', 'api']),
      give('acc_mfa', 'yes', { comment: 'x'.repeat(MAX_PROVIDER_COMMENT_CHARS + 1) }),
      give('sec_encryption_at_rest', 'yes'),
      give('sec_encryption_at_rest', 'no'),
    ]);
    assert.deepEqual(rows.map((r) => r.questionId), ['sec_encryption_at_rest'], 'the first answer to it is kept');
    assert.deepEqual(rejected, [
      { questionId: 'sec_not_a_question', given: 'yes', reason: `not a question of template ${TEMPLATE.id} v${TEMPLATE.version}` },
      { questionId: 'acc_sso', given: 'maybe', reason: 'expected one of: yes, partial, no' },
      { questionId: 'sec_breach_notification_hours', given: '24', reason: 'expected a number' },
      { questionId: 'sec_cert_report_date', given: '2026-02-30', reason: 'expected a date as YYYY-MM-DD' },
      { questionId: 'sec_certifications', given: 'iso27001, none', reason: rejected[4]!.reason },
      { questionId: 'ops_export', given: 'api, api', reason: 'lists an option twice' },
      { questionId: 'acc_mfa', given: 'yes', reason: `the comment is longer than ${MAX_PROVIDER_COMMENT_CHARS} characters` },
      { questionId: 'sec_encryption_at_rest', given: 'no', reason: 'answered twice in the file' },
    ]);
    assert.match(rejected[4]!.reason, /is chosen alone, not with other options/);
  });

  test('the value shown for a rejection is one line of at most 120 characters', () => {
    const { rejected } = one(give('sec_breach_notification_hours', `many\nhours ${'x'.repeat(500)}`));
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0]!.given.length, 120);
    assert.ok(rejected[0]!.given.startsWith('many hours xxx'), `one line: ${rejected[0]!.given.slice(0, 20)}`);
    assert.ok(rejected[0]!.given.endsWith('…'), 'the cut is marked');
  });

  test('a question whose figure the provider profile holds (infrastructure-provider v1) is refused, and unknown in v3', () => {
    const fee = give('cost_monthly_fee', 380);
    const v1 = diffProviderAnswers(INFRASTRUCTURE_TEMPLATE_V1, new Map(), [fee, give('sec_encryption_at_rest', 'yes')]);
    assert.deepEqual(v1.rejected, [{ questionId: 'cost_monthly_fee', given: '380', reason: 'kept in the provider profile, not in the questionnaire' }]);
    assert.deepEqual(v1.rows.map((r) => r.questionId), ['sec_encryption_at_rest']);
    const v3 = one(fee);
    assert.deepEqual(v3.rejected, [{ questionId: 'cost_monthly_fee', given: '380', reason: `not a question of template ${TEMPLATE.id} v${TEMPLATE.version}` }]);
  });

  test('rows in template order whatever the file order; rejections in file order; nothing accepted yet', () => {
    const all = TEMPLATE.sections.flatMap((s) => s.questions.map((q) => q.id));
    const given = [give('cost_predictable', 'fixed'), give('zzz', 'x'), give('acc_sso', 'no'), give('aaa', 'x'), give('sec_encryption_at_rest', 'yes'), give('ten_model', 'hybrid')];
    const { rows, rejected } = diffProviderAnswers(TEMPLATE, withParents({}), given);
    assert.deepEqual(
      rows.map((r) => r.questionId),
      ['sec_encryption_at_rest', 'acc_sso', 'ten_model', 'cost_predictable'].sort((a, b) => all.indexOf(a) - all.indexOf(b)),
    );
    assert.deepEqual(rows.map((r) => r.questionId), ['sec_encryption_at_rest', 'acc_sso', 'ten_model', 'cost_predictable']);
    assert.deepEqual(rejected.map((r) => r.questionId), ['zzz', 'aaa']);
    assert.ok(rows.every((r) => !r.accepted), 'the service sets accepted, not the diff');
    for (const row of rows) {
      const section = TEMPLATE.sections.find((s) => s.questions.some((q) => q.id === row.questionId))!;
      assert.equal(row.sectionTitle, section.title);
      assert.equal(row.questionText, section.questions.find((q) => q.id === row.questionId)!.text);
    }
  });
});

describe('resolveAccept and countReceipt', () => {
  const held = withParents({ acc_sso: hold('yes'), acc_mfa: hold('partial'), sec_pentest: hold('none') });
  const { rows, rejected } = diffProviderAnswers(TEMPLATE, held, [
    give('acc_mfa', 'yes'), // changed
    give('acc_sso', 'yes'), // unchanged
    give('sec_encryption_at_rest', 'yes'), // new
    give('acc_roles', null), // empty
    give('sec_pentest', 'none', { comment: 'Planned for March.' }), // unchanged, new comment
    give('ext_exit_plan', null, { comment: 'Being written.' }), // empty, new comment
    give('nope', 'yes'), // rejected
  ]);

  test('the rows this section works on', () => {
    assert.deepEqual(
      rows.map((r) => [r.questionId, r.change, r.acceptable]),
      [
        ['sec_encryption_at_rest', 'new', true],
        ['sec_pentest', 'unchanged', true],
        ['acc_roles', 'empty', false],
        ['acc_sso', 'unchanged', false],
        ['acc_mfa', 'changed', true],
        ['ext_exit_plan', 'empty', true],
      ],
    );
  });

  test("'all' takes every acceptable row, 'none' nothing", () => {
    assert.deepEqual(resolveAccept(rows, 'all'), ['sec_encryption_at_rest', 'sec_pentest', 'acc_mfa', 'ext_exit_plan']);
    assert.deepEqual(resolveAccept(rows, 'none'), []);
    assert.deepEqual(resolveAccept([], 'all'), []);
  });

  test('a list: those, in template order, once each', () => {
    assert.deepEqual(resolveAccept(rows, ['ext_exit_plan', 'acc_mfa', ' acc_mfa ', 'sec_encryption_at_rest']), ['sec_encryption_at_rest', 'acc_mfa', 'ext_exit_plan']);
    assert.deepEqual(resolveAccept(rows, []), []);
    assert.deepEqual(resolveAccept(rows, ['', ' ', 'acc_mfa']), ['acc_mfa'], 'blank ids name nothing');
  });

  test('a list naming something with nothing to take is refused, naming every such id and why', () => {
    let error: unknown;
    try {
      resolveAccept(rows, ['acc_mfa', 'acc_sso', 'acc_roles', 'sec_vuln_management', 'nope'], rejected);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof AcceptError, `an AcceptError, not ${String(error)}`);
    assert.deepEqual(error.ids, ['acc_sso', 'acc_roles', 'sec_vuln_management', 'nope']);
    assert.equal(
      error.message,
      'cannot accept nothing to take for acc_sso (unchanged); nothing to take for acc_roles (left empty); sec_vuln_management is not an answer in this file; ' +
        `nope was left out: not a question of template ${TEMPLATE.id} v${TEMPLATE.version}`,
    );
    // Without the rejections, the left-out id is simply not an answer here.
    assert.throws(() => resolveAccept(rows, ['nope']), (e: unknown) => e instanceof AcceptError && /nope is not an answer in this file/.test(e.message));
  });

  test('counts by change, with the rejected and the accepted', () => {
    const accepted = resolveAccept(rows, ['acc_mfa', 'sec_pentest']);
    assert.deepEqual(countReceipt(rows, rejected, accepted), { new: 1, changed: 1, unchanged: 2, empty: 2, rejected: 1, accepted: 2 });
    assert.deepEqual(countReceipt([], [], []), { new: 0, changed: 0, unchanged: 0, empty: 0, rejected: 0, accepted: 0 });
  });
});

describe('diffProviderAnswers: conditions', () => {
  test('an answer to a question the answers hide is left out, naming why; shown once its parent is answered in the file', () => {
    const details = give('sec_incident_details', 'Two outages in 2025.');
    const hidden = diffProviderAnswers(TEMPLATE, new Map([['sec_incident_history', hold('none')]]), [details]);
    assert.deepEqual(hidden.rows, [], 'no row for a hidden question');
    assert.equal(hidden.rejected.length, 1, 'it is listed as left out');
    assert.match(hidden.rejected[0]!.reason, /hidden by the other answers/, hidden.rejected[0]!.reason);
    const shown = diffProviderAnswers(TEMPLATE, new Map([['sec_incident_history', hold('none')]]), [give('sec_incident_history', 'disclosed_handled'), details]);
    assert.deepEqual(shown.rows.map((r) => r.questionId), ['sec_incident_history', 'sec_incident_details'], "the provider's own answer to the parent shows it");
    assert.deepEqual(shown.rejected, [], 'nothing left out');
  });
});
