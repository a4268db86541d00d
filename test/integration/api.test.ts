import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { dumpAnyRegister } from '../helpers/db-dump';
import { firstQuestion, freshVetted, unwrap } from '../helpers/vetted';

test('vendors: create, read, update, delete through the dispatcher', async () => {
  const { api } = await freshVetted();
  const created = unwrap(await api['vendor.create']({ name: 'Tidewater Postgres', category: 'database', criticalPath: true }));
  assert.equal(created.name, 'Tidewater Postgres');
  assert.equal(created.status, 'proposed', 'defaults fill what was not given');
  assert.deepEqual(unwrap(await api['vendor.get']({ id: created.id })), created);

  const updated = unwrap(await api['vendor.update']({ id: created.id, patch: { owner: 'Platform team' } }));
  assert.equal(updated.owner, 'Platform team');
  assert.equal(updated.criticalPath, true, 'a patch keeps the fields it does not name');

  unwrap(await api['vendor.delete']({ id: created.id }));
  const gone = await api['vendor.get']({ id: created.id });
  assert.equal(gone.ok, false);
  assert.equal(!gone.ok && gone.error.code, 'not_found');
});

test('bad vendor input gets a typed validation error naming the field, and stores nothing', async () => {
  const { api, file } = await freshVetted();
  const before = await dumpAnyRegister(file);
  const cases: [unknown, string][] = [
    [{ name: '' }, 'name'],
    [{}, 'name'],
    [{ name: 'X', category: 'spaceship' }, 'category'],
    [{ name: 'X', links: { dpa: 'javascript:alert(1)' } }, 'links.dpa'],
    [{ name: 'X', website: 'https://user:pw@evil.example' }, 'website'],
    [{ name: 'X', monthlyCost: -5 }, 'monthlyCost'],
    [{ name: 'X', currency: 'euro' }, 'currency'],
    [{ name: 'X', colour: 'red' }, '(input)'],
  ];
  for (const [input, path] of cases) {
    const result = await api['vendor.create'](input as never);
    assert.equal(result.ok, false, JSON.stringify(input));
    if (!result.ok) {
      assert.equal(result.error.code, 'validation');
      assert.equal(result.error.details?.[0]?.path, path, JSON.stringify(input));
      assert.match(result.error.message, new RegExp(`^${path.replace(/[.()]/g, '\\$&')}: `));
      assert.doesNotMatch(result.error.message, /\n\s+at /, 'no stack trace');
    }
  }
  assert.deepEqual(await dumpAnyRegister(file), before);
});

test('provider names are unique regardless of case', async () => {
  const { api } = await freshVetted();
  unwrap(await api['vendor.create']({ name: 'Burrow MQ' }));
  const dup = await api['vendor.create']({ name: 'burrow mq' });
  assert.equal(!dup.ok && dup.error.code, 'conflict');
  const other = unwrap(await api['vendor.create']({ name: 'Logjam' }));
  const rename = await api['vendor.update']({ id: other.id, patch: { name: 'BURROW MQ' } });
  assert.equal(!rename.ok && rename.error.code, 'conflict');
});

test('answers of different kinds are saved, scored and listed', async () => {
  const { api } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Gaugeworks', dataCategories: ['logs-telemetry'] }));
  assert.equal(unwrap(await api['review.current']({ vendorId: vendor.id })), null);
  assert.equal(unwrap(await api['score.get']({ vendorId: vendor.id })), null);
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id, reviewer: 'Dana' }));
  assert.equal(review.templateVersion, template.version);

  const yesno = firstQuestion(template, 'yesno', (q) => q.weight > 0);
  const best = yesno.options!.find((o) => o.score === 1)!;
  const worst = yesno.options!.find((o) => o.score === 0)!;
  const number = firstQuestion(template, 'number', (q) => (q.bands ?? []).length > 0);

  unwrap(await api['answer.save']({ reviewId: review.id, questionId: yesno.id, value: best.id }));
  const afterBest = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: yesno.id, value: worst.id, comment: 'checked with vendor' }));
  const afterWorst = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
  assert.ok(afterBest.overall! > afterWorst.overall!, 'a worse answer lowers the score');
  assert.ok(afterWorst.explanation.some((p) => p.questionId === yesno.id), 'the loss is explained');

  unwrap(await api['answer.save']({ reviewId: review.id, questionId: number.id, value: 48 }));
  const text = firstQuestion(template, 'longtext', undefined, { evenIfConditional: true });
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: text.id, value: 'Ünïcödé — 日本語 ok' }));

  // A comment-only save keeps the value; na-only keeps value and comment.
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: yesno.id, comment: 'second thoughts' }));
  const current = unwrap(await api['review.current']({ vendorId: vendor.id }))!;
  const saved = current.answers.find((a) => a.questionId === yesno.id)!;
  assert.equal(saved.value, worst.id);
  assert.equal(saved.comment, 'second thoughts');
  assert.equal(current.answers.find((a) => a.questionId === text.id)!.value, 'Ünïcödé — 日本語 ok');

  const [summary] = unwrap(await api['vendor.list']({}));
  assert.equal(summary!.name, 'Gaugeworks');
  assert.equal(summary!.state, 'incomplete', 'three answers are far from complete');
  assert.ok(summary!.completion > 0 && summary!.completion < 0.2);
});

test('an answer of the wrong kind, an unknown question or review is refused and changes nothing', async () => {
  const { api, file } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Keystone' }));
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const yesno = firstQuestion(template, 'yesno');
  const number = firstQuestion(template, 'number');
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: yesno.id, value: yesno.options![0]!.id }));
  const before = await dumpAnyRegister(file);

  const wrong = [
    { reviewId: review.id, questionId: yesno.id, value: 'maybe' },
    { reviewId: review.id, questionId: yesno.id, value: 3 },
    { reviewId: review.id, questionId: number.id, value: 'lots' },
    { reviewId: review.id, questionId: number.id, value: [1] },
  ];
  for (const input of wrong) {
    const result = await api['answer.save'](input as never);
    assert.equal(!result.ok && result.error.code, 'validation', JSON.stringify(input));
    assert.ok(!result.ok && result.error.message.startsWith('value'), !result.ok ? result.error.message : '');
  }
  const unknownQ = await api['answer.save']({ reviewId: review.id, questionId: 'no_such_question', value: 'yes' });
  assert.equal(!unknownQ.ok && unknownQ.error.code, 'not_found');
  const unknownR = await api['answer.save']({ reviewId: 'nope', questionId: yesno.id, value: 'yes' });
  assert.equal(!unknownR.ok && unknownR.error.code, 'not_found');
  const empty = await api['answer.save']({ reviewId: review.id, questionId: yesno.id });
  assert.equal(!empty.ok && empty.error.code, 'validation');
  assert.deepEqual(await dumpAnyRegister(file), before);
});

test('deleting a provider removes its reviews and answers', async () => {
  const { api, ctx } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Short-lived' }));
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const q = firstQuestion(template, 'yesno');
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: q.id, value: q.options![0]!.id }));
  unwrap(await api['vendor.delete']({ id: vendor.id }));
  assert.equal(Number((await ctx.sql.get<{ n: number }>('SELECT count(*) AS n FROM answers'))!.n), 0);
  assert.equal(Number((await ctx.sql.get<{ n: number }>('SELECT count(*) AS n FROM reviews'))!.n), 0);
});

test('the demo register has a spread of scores and tiers, a knock-out and an incomplete review', async () => {
  const { api } = await freshVetted();
  assert.deepEqual(unwrap(await api['demo.load']({})), { vendors: 8 });
  const list = unwrap(await api['vendor.list']({}));
  assert.equal(list.length, 8);
  const scored = list.filter((v) => v.state === 'scored');
  assert.ok(scored.length >= 6);
  for (const v of list) assert.ok(v.score !== null && v.score >= 0 && v.score <= 100, v.name);
  const scores = scored.map((v) => v.score!);
  assert.ok(Math.max(...scores) - Math.min(...scores) >= 25, `spread of scores: ${scores.join(', ')}`);
  assert.ok(new Set(scored.map((v) => v.tier)).size >= 3, 'at least three different tiers');
  assert.ok(list.some((v) => v.knockouts > 0), 'a knock-out is hit');
  assert.ok(list.some((v) => v.state === 'incomplete'), 'one review is incomplete');
  const again = await api['demo.load']({});
  assert.equal(!again.ok && again.error.code, 'conflict');
});

test('templates: the built-in template is listed and pinned by version', async () => {
  const { api } = await freshVetted();
  const [builtIn] = unwrap(await api['template.list']({}));
  assert.equal(builtIn!.builtIn, true);
  assert.ok(builtIn!.questions >= 40 && builtIn!.questions <= 70);
  const template = unwrap(await api['template.get']({ id: builtIn!.id, version: builtIn!.version }));
  assert.equal(template.name, builtIn!.name);
  const missing = await api['template.get']({ id: builtIn!.id, version: 999 });
  assert.equal(!missing.ok && missing.error.code, 'not_found');
});

test('the dispatcher refuses unknown operations and hides internal errors behind a typed message', async () => {
  const { dispatch } = await freshVetted();
  const unknown = await dispatch('vendor.explode', {});
  assert.equal(!unknown.ok && unknown.error.code, 'unknown_operation');
  const proto = await dispatch('__proto__', {});
  assert.equal(!proto.ok && proto.error.code, 'unknown_operation');

  const logged: string[] = [];
  const broken = createDispatcher(
    { 'vendor.list': () => { throw new Error('secret stack detail'); } } as unknown as Handlers,
    { logError: (op) => logged.push(op) },
  );
  const result = await broken('vendor.list', {});
  assert.equal(!result.ok && result.error.code, 'internal');
  assert.ok(!result.ok && !result.error.message.includes('secret stack detail'));
  assert.deepEqual(logged, ['vendor.list']);
});

test('review.start returns the open review instead of hiding its answers behind a second one', async () => {
  const { api } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Twice Started' }));
  const first = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const q = firstQuestion(first.template, 'yesno');
  unwrap(await api['answer.save']({ reviewId: first.review.id, questionId: q.id, value: q.options![0]!.id }));
  const second = unwrap(await api['review.start']({ vendorId: vendor.id }));
  assert.equal(second.review.id, first.review.id);
  assert.equal(second.answers.length, 1, 'the saved answer is still there');
});

test('a link patch changes only the links it names', async () => {
  const { api } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Linked', links: { statusPage: 'https://status.example', dpa: 'https://example.com/dpa' } }));
  const updated = unwrap(await api['vendor.update']({ id: vendor.id, patch: { links: { trustPage: 'https://example.com/trust' } } }));
  assert.deepEqual(updated.links, { statusPage: 'https://status.example', dpa: 'https://example.com/dpa', trustPage: 'https://example.com/trust' });
  const cleared = unwrap(await api['vendor.update']({ id: vendor.id, patch: { links: { dpa: '' } } }));
  assert.equal(cleared.links.dpa, '');
  assert.equal(cleared.links.statusPage, 'https://status.example');
});

test('blank text means "not answered"; an empty selection is an answer ("none of these"), scored 0', async () => {
  const { api } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Blank' }));
  const { review, template } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const text = firstQuestion(template, 'longtext', undefined, { evenIfConditional: true });
  assert.equal(unwrap(await api['answer.save']({ reviewId: review.id, questionId: text.id, value: '   ' })).value, null);
  const blank = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
  assert.equal(blank.completion, 0);
  assert.equal(blank.overall, null);
  const multi = firstQuestion(template, 'multi');
  assert.deepEqual(unwrap(await api['answer.save']({ reviewId: review.id, questionId: multi.id, value: [] })).value, []);
  const score = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
  assert.ok(score.completion > 0, 'the empty selection counts as answered');
  assert.ok(score.overall !== null && score.overall < 100, `"none of these" costs points: ${score.overall}`);
  assert.ok(score.explanation.some((l) => l.questionId === multi.id && l.answerLabel === 'None selected'), 'listed as "None selected"');
  // Clear answer: null takes it back to unanswered.
  assert.equal(unwrap(await api['answer.save']({ reviewId: review.id, questionId: multi.id, value: null })).value, null);
  assert.equal(unwrap(await api['score.get']({ vendorId: vendor.id }))!.completion, 0);
});

test('N/A is refused where the template does not allow it and without a reason; "None" is chosen alone; nothing is stored by a refusal', async () => {
  const { api } = await freshVetted();
  const vendor = unwrap(await api['vendor.create']({ name: 'Strict' }));
  const { review } = unwrap(await api['review.start']({ vendorId: vendor.id }));

  const notAllowed = await api['answer.save']({ reviewId: review.id, questionId: 'sec_encryption_in_transit', na: true, comment: 'we think so' });
  assert.equal(notAllowed.ok, false, 'N/A on a must-have is refused');
  assert.equal(!notAllowed.ok && notAllowed.error.code, 'validation');
  assert.match(!notAllowed.ok ? notAllowed.error.message : '', /^na: question sec_encryption_in_transit does not allow N\/A/);

  const noReason = await api['answer.save']({ reviewId: review.id, questionId: 'scl_upgrade_no_downtime', na: true });
  assert.equal(noReason.ok, false, 'N/A without a reason is refused');
  assert.match(!noReason.ok ? noReason.error.message : '', /^comment: say why question scl_upgrade_no_downtime does not apply/);

  const withReason = unwrap(await api['answer.save']({ reviewId: review.id, questionId: 'scl_upgrade_no_downtime', na: true, comment: 'One fixed plan.' }));
  assert.equal(withReason.na, true);

  const both = await api['answer.save']({ reviewId: review.id, questionId: 'sec_certifications', value: ['none', 'soc2_type2'] });
  assert.equal(both.ok, false, '"None" with SOC 2 is refused');
  assert.match(!both.ok ? both.error.message : '', /^value: "None" is chosen alone/);

  const detail = unwrap(await api['review.current']({ vendorId: vendor.id }))!;
  assert.deepEqual(
    detail.answers.map((a) => [a.questionId, a.na]),
    [['scl_upgrade_no_downtime', true]],
    'the refused saves stored nothing',
  );
  const score = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
  assert.deepEqual(score.notApplicable.map((q) => q.questionId), ['scl_upgrade_no_downtime']);
  assert.equal(score.model, 2);
});
