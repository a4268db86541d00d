// Separation of duties (#17): with the setting on, whoever submitted a review for approval cannot
// approve it, neither under their own name nor by signing as someone else while the app is theirs;
// someone else can, and rejecting stays open to the submitter. Off (the default), nothing changes.
// On a team register (scripts/test-on-postgres.mjs) someone else is another member, signed in as
// their own role, with a name of their own: the one login that submitted cannot approve under any name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import { cliRegister } from '../helpers/cli';
import { anotherPerson, freshVetted, unwrap } from '../helpers/vetted';

async function submitted(vetted: Awaited<ReturnType<typeof freshVetted>>, submitter: string) {
  unwrap(await vetted.api['demo.load']({}));
  const vendor = unwrap(await vetted.api['vendor.list']({})).find((v) => v.state === 'scored')!;
  const review = unwrap(await vetted.api['review.current']({ vendorId: vendor.id }))!.review;
  unwrap(await vetted.api['settings.update']({ userName: submitter }));
  unwrap(await vetted.api['review.transition']({ reviewId: review.id, to: 'in_review' }));
  return review.id;
}

test('with separation of duties on, the submitter cannot approve; someone else can', async () => {
  const vetted = await freshVetted();
  const reviewId = await submitted(vetted, 'Ana Auditor');
  assert.equal(unwrap(await vetted.api['settings.get']({})).separationOfDuties, false, 'off by default');
  unwrap(await vetted.api['settings.update']({ separationOfDuties: true }));

  for (const attempt of [
    { to: 'approved' as const },
    { to: 'approved_with_conditions' as const, note: 'SSO by Q3' },
    { to: 'approved' as const, by: '  ana auditor ' },
    // Signing as someone else does not help while the app's user name is the submitter's.
    { to: 'approved' as const, by: 'Bo Approver' },
  ]) {
    const refused = await vetted.api['review.transition']({ reviewId, ...attempt });
    assert.ok(!refused.ok, `refused: ${JSON.stringify(attempt)}`);
    assert.equal(refused.error.code, 'validation');
    assert.match(refused.error.message, /^(vetted: )?Separation of duties is on \(Settings\): Ana Auditor submitted this review for approval and cannot approve it; (someone else must|another member must, signed in as themselves)/m);
    assert.deepEqual(refused.error.details?.map((d) => d.path), ['separationOfDuties']);
  }
  assert.equal((await vetted.ctx.reviews.get(reviewId))!.status, 'in_review', 'nothing changed');

  const bo = await anotherPerson(vetted, 'bo');
  unwrap(await bo.api['settings.update']({ userName: 'Bo Approver' }));
  const approved = unwrap(await bo.api['review.transition']({ reviewId, to: 'approved' }));
  assert.equal(approved.review.status, 'approved', 'someone else approves');
  assert.deepEqual(approved.steps.map((s) => [s.to, s.by]), [['in_review', 'Ana Auditor'], ['approved', 'Bo Approver']]);
});

test('a submission signed with someone else’s name is still its maker’s, and an invisible character in a name changes nobody', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  const vendor = unwrap(await vetted.api['vendor.list']({})).find((v) => v.state === 'scored')!;
  const reviewId = unwrap(await vetted.api['review.current']({ vendorId: vendor.id }))!.review.id;
  unwrap(await vetted.api['settings.update']({ userName: 'Ana Auditor', separationOfDuties: true }));
  unwrap(await vetted.api['review.transition']({ reviewId, to: 'in_review', by: 'Bo Approver' }));
  const own = await vetted.api['review.transition']({ reviewId, to: 'approved' });
  assert.ok(!own.ok && own.error.code === 'validation', 'Ana, who submitted as "Bo", cannot approve');
  unwrap(await vetted.api['settings.update']({ userName: 'Ana\u200B Auditor' }));
  const hidden = await vetted.api['review.transition']({ reviewId, to: 'approved' });
  assert.ok(!hidden.ok && hidden.error.code === 'validation', 'nor with a zero-width space in her name');
  unwrap(await vetted.api['settings.update']({ userName: 'Cy Checker' }));
  const cy = await anotherPerson(vetted, 'cy');
  const third = await cy.api['review.transition']({ reviewId, to: 'approved', by: 'Cy Checker' });
  assert.ok(third.ok, 'a third person approves');
});

test('the submitter may still reject, and with the setting off may approve as before', async () => {
  const on = await freshVetted();
  const rejectId = await submitted(on, 'Ana Auditor');
  unwrap(await on.api['settings.update']({ separationOfDuties: true }));
  assert.equal(unwrap(await on.api['review.transition']({ reviewId: rejectId, to: 'rejected', note: 'no SSO' })).review.status, 'rejected');

  const off = await freshVetted();
  const approveId = await submitted(off, 'Ana Auditor');
  assert.equal(unwrap(await off.api['review.transition']({ reviewId: approveId, to: 'approved' })).review.status, 'approved');
});

test('the CLI refuses the submitter’s approval with exit 2 naming the rule, and takes another person’s', async () => {
  const { ok, vetted, db } = cliRegister();
  ok('demo');
  const app = await openVetted(db, { logError: () => {} });
  const vendor = unwrap(await app.api['vendor.list']({})).find((v) => v.state === 'scored')!;
  unwrap(await app.api['settings.update']({ userName: 'Ana Auditor', separationOfDuties: true }));
  app.close();

  ok('review', 'submit', vendor.name);
  const refused = vetted('review', 'approve', vendor.name, '--by', 'Ana Auditor');
  assert.equal(refused.status, 2, `exit 2:\n${refused.stdout}${refused.stderr}`);
  assert.match(refused.stderr, /^(vetted: )?Separation of duties is on \(Settings\): Ana Auditor submitted this review for approval and cannot approve it; (someone else must|another member must, signed in as themselves)/m);

  const check = await openVetted(db, { logError: () => {} });
  unwrap(await check.api['settings.update']({ userName: 'Bo Approver' }));
  check.close();
  assert.match(ok('review', 'approve', vendor.name), /Bo Approver/);
});
