// People on a team register (issue 22): the reviewer, approver and read-only roles are enforced by
// PostgreSQL itself, so a modified client gets no further than the app would: a read-only member
// cannot write, a reviewer cannot decide a review or touch the audit trail (nor mute it), an
// approver can decide, and the trail every one of them leaves still verifies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditRowHash, AUDIT_GENESIS, type ChainedContent } from '../../electron/core/db/audit-chain';
import { migratePostgres } from '../../electron/core/db/postgres/migrate';
import { addTeamMember, removeTeamMember, setUpTeamRoles } from '../../electron/core/db/postgres/roles';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { VettedError } from '../../shared/result';
import { freshDatabase } from '../helpers/postgres';

const T = '2026-12-06T09:00:00.000Z';

function as(url: string, login: string, password: string): PgStore {
  const u = new URL(url);
  u.username = login;
  u.password = password;
  return new PgStore(u.toString(), { max: 2 });
}

const forbidden = (e: unknown) => e instanceof VettedError && e.code === 'forbidden';

test('read-only, reviewer and approver: what each may do is decided by the database', async () => {
  const { name, url } = await freshDatabase('vetted_team');
  const owner = new PgStore(url);
  const stores: PgStore[] = [owner];
  try {
    await migratePostgres(owner);
    const groups = await owner.write((tx) => setUpTeamRoles(tx));
    assert.deepEqual(groups, { readonly: `${name}_readonly`, reviewer: `${name}_reviewer`, approver: `${name}_approver` });
    await owner.write(async (tx) => {
      await addTeamMember(tx, `carol_${name}`, 'readonly', 'carol-pw');
      await addTeamMember(tx, `alice_${name}`, 'reviewer', 'alice-pw');
      await addTeamMember(tx, `bob_${name}`, 'approver', 'bob-pw');
      // Running it again changes nothing.
      await setUpTeamRoles(tx);
    });
    await owner.run('INSERT INTO templates (id, version, name, definition, built_in, added_at) VALUES (?, ?, ?, ?, ?, ?)', ['t', 1, 'T', '{}', 0, T]);
    const carol = as(url, `carol_${name}`, 'carol-pw');
    const alice = as(url, `alice_${name}`, 'alice-pw');
    const bob = as(url, `bob_${name}`, 'bob-pw');
    stores.push(carol, alice, bob);

    // A reviewer adds a provider and a review, answers, and sends it for approval.
    await alice.write(async (tx) => {
      await tx.run(
        "INSERT INTO vendors (id, name, category, status, business_impact, tenancy, created_at, updated_at) VALUES ('v1', 'Cinder DB', 'database', 'proposed', 'high', 'dedicated', ?, ?)",
        [T, T],
      );
      await tx.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('r1', 'v1', 't', 1, 'draft', ?, ?)", [T, T]);
      await tx.run("INSERT INTO answers (review_id, question_id, value, updated_at) VALUES ('r1', 'q1', '\"yes\"', ?)", [T]);
      await tx.run("UPDATE reviews SET status = 'in_review' WHERE id = 'r1'");
      await tx.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r1', 'draft', 'in_review', 'Alice', ?)", [T]);
    });

    // Read-only reads everything, the trail included, and writes nothing.
    assert.deepEqual(await carol.all('SELECT name FROM vendors'), [{ name: 'Cinder DB' }]);
    assert.ok(((await carol.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n ?? 0) >= 4);
    await assert.rejects(carol.run("UPDATE vendors SET name = 'x'"), forbidden);
    await assert.rejects(carol.run("INSERT INTO findings (id, vendor_id, title, severity, status, created_at, updated_at) VALUES ('f', 'v1', 'x', 'low', 'open', ?, ?)", [T, T]), forbidden);

    // The reviewer cannot decide, by either door, nor write or mute the trail.
    await assert.rejects(alice.run("UPDATE reviews SET status = 'approved' WHERE id = 'r1'"), forbidden);
    await assert.rejects(alice.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r1', 'in_review', 'approved', 'Bob', ?)", [T]), forbidden);
    await assert.rejects(alice.run("INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES ('x', 'Bob', 'vendor', 'v1', 'delete')"), forbidden);
    await assert.rejects(alice.run('DELETE FROM audit_log'), forbidden);
    await assert.rejects(alice.exec('DROP TRIGGER audit_vendors ON vendors'));
    const before = (await owner.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;
    await alice.write(async (tx) => {
      await tx.exec("SET LOCAL vetted.audit_muted = 'on'");
      await tx.run("UPDATE vendors SET notes = 'quietly' WHERE id = 'v1'");
    });
    assert.equal((await owner.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n, before + 1, 'a member cannot mute the trail');

    // The approver decides.
    await bob.write(async (tx) => {
      await tx.run("UPDATE reviews SET status = 'approved', completed_at = ? WHERE id = 'r1'", [T]);
      await tx.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r1', 'in_review', 'approved', 'Bob', ?)", [T]);
    });
    assert.deepEqual(await carol.get("SELECT status FROM reviews WHERE id = 'r1'"), { status: 'approved' });

    // A member removed keeps their login but loses the register.
    await owner.write((tx) => removeTeamMember(tx, `alice_${name}`));
    await assert.rejects(alice.all('SELECT name FROM vendors'));

    // Everyone's writes are in one chain that verifies with the JavaScript rule.
    const rows = await owner.all<ChainedContent & { id: number; hash: string }>(
      'SELECT id, at, actor, entity, entity_id, vendor_id, action, old_value, new_value, imported_from, hash FROM audit_log ORDER BY id',
    );
    let previous = AUDIT_GENESIS;
    for (const row of rows) {
      assert.equal(row.hash, auditRowHash(previous, row), `row ${row.id}`);
      previous = row.hash;
    }
  } finally {
    for (const store of stores) await store.close();
    await owner.close().catch(() => undefined);
  }
});
