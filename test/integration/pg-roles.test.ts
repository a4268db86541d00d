// People on a team register (issue 22): the reviewer, approver and read-only roles are enforced by
// PostgreSQL itself, so a modified client gets no further than the app would: a read-only member
// cannot write, a reviewer cannot decide a review or touch the audit trail (nor mute it), an
// approver can decide, and the trail every one of them leaves still verifies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditRowHash, AUDIT_GENESIS, type ChainedContent } from '../../electron/core/db/audit-chain';
import { migratePostgres } from '../../electron/core/db/postgres/migrate';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { addTeamMember, removeTeamMember, setUpTeamRoles } from '../../electron/core/db/postgres/roles';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { VettedError } from '../../shared/result';
import { freshDatabase } from '../helpers/postgres';
import path from 'node:path';
import { openStore } from '../../electron/core/db/store/open-store';
import { moveRegister } from '../../electron/core/services/register-move';
import { openVetted } from '../../electron/core/vetted';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';
import { answerAll } from '../helpers/as-of';

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
    // As PostgreSQL before 15 has it: everyone may create objects in the public schema (setup takes it away).
    await owner.exec('GRANT CREATE ON SCHEMA public TO PUBLIC');
    // Someone who could connect before the team was set up left a function in the schema: setup
    // names it and refuses, since it could run with the owner's rights.
    const mallory = `mallory_${name}`;
    await owner.exec(`CREATE ROLE ${mallory} LOGIN PASSWORD 'm'; GRANT CREATE ON SCHEMA public TO ${mallory}`);
    const planter = as(url, mallory, 'm');
    await planter.exec('CREATE FUNCTION public.pg_has_role(name, text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$');
    await planter.close();
    await assert.rejects(
      owner.write((tx) => setUpTeamRoles(tx)),
      (e: unknown) => e instanceof VettedError && /objects its owner did not create: function pg_has_role\(name,text,text\) \(owned by mallory_/.test(e.message),
    );
    await owner.exec(`DROP FUNCTION public.pg_has_role(name, text, text); REVOKE CREATE ON SCHEMA public FROM ${mallory}`);
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

    // No way around the guard: no function of one's own in the schema (setup took CREATE away), and
    // one planted there anyway is not reached through the member's search path.
    await assert.rejects(alice.exec('CREATE FUNCTION public.pg_has_role(name, text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$'), forbidden);
    await owner.exec('CREATE FUNCTION public.pg_has_role(name, text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$');
    await assert.rejects(
      alice.write(async (tx) => {
        await tx.exec('SET LOCAL search_path = public, pg_catalog');
        await tx.run("UPDATE reviews SET status = 'approved' WHERE id = 'r1'");
      }),
      forbidden,
    );
    await owner.exec('DROP FUNCTION public.pg_has_role(name, text, text)');
    // Not the reviewer's: the settings (separation of duties, the user name the trail records), the
    // score cache, the key check, templates, the workflow steps once written, or the chain's turn.
    await assert.rejects(alice.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['userName', '"Bob"']), forbidden);
    await assert.rejects(alice.run("INSERT INTO listed_scores (review_id, cache_key, scored, tier) VALUES ('r1', 'k', 1, 'low')"), forbidden);
    await assert.rejects(alice.run("UPDATE templates SET definition = '{}'"), forbidden);
    await assert.rejects(alice.run("DELETE FROM review_steps WHERE review_id = 'r1'"), forbidden);
    await assert.rejects(alice.run("UPDATE review_steps SET note = 'x' WHERE review_id = 'r1'"), forbidden);
    await assert.rejects(alice.run("INSERT INTO review_steps (id, review_id, from_status, to_status, by, at) VALUES (-5, 'r1', 'draft', 'in_review', 'Alice', ?)", [T]), /non-DEFAULT|GENERATED ALWAYS/);
    await assert.rejects(alice.all('SELECT 1 FROM vetted_chain FOR UPDATE'), forbidden);
    // An advisory lock on the old key holds nobody up any more.
    await alice.exec("SELECT pg_advisory_lock(hashtextextended('vetted audit_log', 0))");
    await bob.write((tx) => tx.run("UPDATE vendors SET website = 'https://cinder.example' WHERE id = 'v1'"));
    // The trail records doubles as JavaScript prints them, whatever the session asks for.
    await alice.write(async (tx) => {
      await tx.exec('SET LOCAL extra_float_digits = -15');
      await tx.run("UPDATE vendors SET monthly_cost = 0.1234567890123 WHERE id = 'v1'");
    });
    const costRow = await owner.get<{ new_value: string }>("SELECT new_value FROM audit_log WHERE entity = 'vendor' ORDER BY id DESC LIMIT 1");
    assert.equal(JSON.parse(costRow!.new_value).monthly_cost, 0.1234567890123);

    // The approver decides.
    await bob.write(async (tx) => {
      await tx.run("UPDATE reviews SET status = 'approved', completed_at = ? WHERE id = 'r1'", [T]);
      await tx.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r1', 'in_review', 'approved', 'Bob', ?)", [T]);
    });
    assert.deepEqual(await carol.get("SELECT status FROM reviews WHERE id = 'r1'"), { status: 'approved' });
    // Decided stays decided: no one but the owner reopens it or rewrites what it froze; a reviewer
    // cannot delete it, nor its provider with it.
    await assert.rejects(alice.run("UPDATE reviews SET status = 'in_review' WHERE id = 'r1'"), forbidden);
    await assert.rejects(bob.run("UPDATE reviews SET snapshot = '{\"score\":{\"tier\":\"low\"}}' WHERE id = 'r1'"), forbidden);
    await assert.rejects(alice.run("UPDATE reviews SET due_override = '2027-01-01' WHERE id = 'r1'"), forbidden);
    await bob.run("UPDATE reviews SET due_override = '2027-01-01' WHERE id = 'r1'");
    await assert.rejects(alice.run("DELETE FROM vendors WHERE id = 'v1'"), forbidden);

    // A member opening a register its owner has not brought to this schema yet is told so, and
    // nothing is changed.
    await owner.run('UPDATE vetted_schema SET version = ?', [LATEST_SCHEMA_VERSION - 1]);
    await assert.rejects(migratePostgres(carol), (e: unknown) => forbidden(e) && /its owner must open it once/.test((e as Error).message));
    assert.deepEqual(await owner.get('SELECT version FROM vetted_schema'), { version: LATEST_SCHEMA_VERSION - 1 });
    await owner.run('UPDATE vetted_schema SET version = ?', [LATEST_SCHEMA_VERSION]);

    // A member removed keeps their login but loses the register.
    await owner.write((tx) => removeTeamMember(tx, `alice_${name}`));
    await assert.rejects(alice.all('SELECT name FROM vendors'));

    // The trail names each change's database role beside the self-declared name, set by the
    // database: a client that claims another role is not believed.
    const byRole = async (entity: string, action: string) =>
      (await owner.all<{ db_user: string }>('SELECT db_user FROM audit_log WHERE entity = ? AND action = ? ORDER BY id', [entity, action])).map((r) => r.db_user);
    assert.deepEqual(await byRole('vendor', 'create'), [`alice_${name}`]);
    assert.deepEqual((await byRole('review', 'update')).at(-1), `bob_${name}`);
    await owner.run("INSERT INTO audit_log (at, actor, entity, entity_id, action, db_user) VALUES (?, 'x', 'note', 'n1', 'create', 'someone_else')", [T]);
    assert.deepEqual(await byRole('note', 'create'), [new URL(url).username]);

    // Everyone's writes are in one chain that verifies with the JavaScript rule.
    const rows = await owner.all<ChainedContent & { id: number; hash: string; db_user: string | null }>(
      'SELECT id, at, actor, entity, entity_id, vendor_id, action, old_value, new_value, imported_from, db_user, hash FROM audit_log ORDER BY id',
    );
    let previous = AUDIT_GENESIS;
    for (const row of rows) {
      assert.equal(row.hash, auditRowHash(previous, row), `row ${row.id}`);
      previous = row.hash;
    }

    // Moved to a file, the roles stay in the trail and the file's own check verifies the chain.
    const file = path.join(tempDir(), 'moved.db');
    const target = await openStore(file);
    try {
      await moveRegister(owner, target);
    } finally {
      await target.close();
    }
    const moved = await openVetted(file, { logError: () => {} });
    try {
      const verified = unwrap(await moved.api['audit.verify']({}));
      assert.equal(verified.ok, true, JSON.stringify(verified));
      const fileRows = moved.ctx.db.prepare('SELECT db_user FROM audit_log ORDER BY id').all() as { db_user: string | null }[];
      assert.deepEqual(fileRows.map((r) => r.db_user), rows.map((r) => r.db_user));
    } finally {
      moved.close();
    }
  } finally {
    for (const store of stores) await store.close();
    await owner.close().catch(() => undefined);
  }
});

test('separation of duties is held by the database: the role that submitted a review may not approve it', async () => {
  const { name, url } = await freshDatabase('vetted_sod');
  const owner = new PgStore(url);
  const stores: PgStore[] = [owner];
  try {
    await migratePostgres(owner);
    await owner.write(async (tx) => {
      await setUpTeamRoles(tx);
      await addTeamMember(tx, `dana_${name}`, 'approver', 'dana-pw');
      await addTeamMember(tx, `bob_${name}`, 'approver', 'bob-pw');
    });
    await owner.run('INSERT INTO templates (id, version, name, definition, built_in, added_at) VALUES (?, ?, ?, ?, ?, ?)', ['t', 1, 'T', '{}', 0, T]);
    await owner.run("INSERT INTO settings (key, value) VALUES ('separationOfDuties', 'true')");
    const dana = as(url, `dana_${name}`, 'dana-pw');
    const bob = as(url, `bob_${name}`, 'bob-pw');
    stores.push(dana, bob);
    const submit = (id: string) =>
      dana.write(async (tx) => {
        await tx.run("INSERT INTO vendors (id, name, category, status, business_impact, tenancy, created_at, updated_at) VALUES (?, ?, 'database', 'active', 'high', 'dedicated', ?, ?)", [`v-${id}`, `Provider ${id}`, T, T]);
        await tx.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES (?, ?, 't', 1, 'draft', ?, ?)", [id, `v-${id}`, T, T]);
        await tx.run("UPDATE reviews SET status = 'in_review' WHERE id = ?", [id]);
        await tx.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES (?, 'draft', 'in_review', 'Dana', ?)", [id, T]);
      });
    const separation = (e: unknown) => forbidden(e) && /separation of duties is on: the role dana_\w+ submitted this review for approval and may not approve it/.test((e as Error).message);
    await submit('r1');
    // Dana, an approver, submitted it: by neither door may she approve it, whatever name her client signs with.
    await assert.rejects(dana.run("UPDATE reviews SET status = 'approved' WHERE id = 'r1'"), separation);
    await assert.rejects(dana.run("UPDATE reviews SET status = 'approved_with_conditions' WHERE id = 'r1'"), separation);
    await assert.rejects(dana.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r1', 'in_review', 'approved', 'Bob', ?)", [T]), separation);
    // Nor may she skip the submission: a draft approved at once, or a review written already approved.
    const unsubmitted = (e: unknown) => forbidden(e) && /a review is approved only after it was submitted for approval here, by another role/.test((e as Error).message);
    await dana.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('r0', 'v-r1', 't', 1, 'draft', ?, ?)", [T, T]);
    await assert.rejects(dana.run("UPDATE reviews SET status = 'approved' WHERE id = 'r0'"), unsubmitted);
    await assert.rejects(
      dana.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('r9', 'v-r1', 't', 1, 'approved', ?, ?)", [T, T]),
      unsubmitted,
    );
    await assert.rejects(bob.run("UPDATE reviews SET status = 'approved' WHERE id = 'r0'"), unsubmitted, 'not even by another approver: nobody submitted it');
    // Nor by renaming a review of hers to the id of one someone else submitted (its trail would vouch).
    await submit('r4');
    await assert.rejects(dana.run("UPDATE reviews SET id = 'r1', status = 'approved' WHERE id = 'r4'"), (e: unknown) => forbidden(e) && /a review keeps its id/.test((e as Error).message));
    await owner.run("DELETE FROM reviews WHERE id = 'r4'");
    // The owner writes reviews already decided when a register is moved or imported in.
    await owner.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('r8', 'v-r1', 't', 1, 'approved', ?, ?)", [T, T]);
    await owner.run("DELETE FROM reviews WHERE id IN ('r0', 'r8')");
    // She may send it back (rejecting is not approving); another approver may approve it.
    await dana.run("UPDATE reviews SET status = 'rejected' WHERE id = 'r1'");
    await submit('r2');
    await bob.write(async (tx) => {
      await tx.run("UPDATE reviews SET status = 'approved' WHERE id = 'r2'");
      await tx.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r2', 'in_review', 'approved', 'Bob', ?)", [T]);
    });
    // An approver who changed the answers after the submission made them their own: not theirs to
    // approve either. Changes made before it (while a draft) are the submitter's to vouch for.
    const answer = (store: PgStore, id: string, q: string) =>
      store.run("INSERT INTO answers (review_id, question_id, value, updated_at) VALUES (?, ?, '\"yes\"', ?) ON CONFLICT (review_id, question_id) DO UPDATE SET value = '\"no\"'", [id, q, T]);
    await submit('r5');
    await answer(bob, 'r5', 'q1');
    await assert.rejects(
      bob.run("UPDATE reviews SET status = 'approved' WHERE id = 'r5'"),
      (e: unknown) => forbidden(e) && /separation of duties is on: the role bob_\w+ changed this review's answers after it was submitted and may not approve it/.test((e as Error).message),
    );
    await assert.rejects(bob.run("INSERT INTO review_steps (review_id, from_status, to_status, by, at) VALUES ('r5', 'in_review', 'approved', 'Bob', ?)", [T]), forbidden);
    // Nor by moving answers in from a review of their own (no answer row under r5 on the trail): an answer stays with its review.
    await submit('r7');
    await dana.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('scratch', 'v-r7', 't', 1, 'draft', ?, ?)", [T, T]);
    await answer(bob, 'scratch', 'q1');
    await assert.rejects(bob.run("UPDATE answers SET review_id = 'r7' WHERE review_id = 'scratch'"), (e: unknown) => forbidden(e) && /an answer stays with its review/.test((e as Error).message));
    await owner.run("DELETE FROM reviews WHERE id IN ('scratch', 'r7')");
    await dana.run("UPDATE reviews SET status = 'rejected' WHERE id = 'r5'");
    await dana.write(async (tx) => {
      await tx.run("INSERT INTO vendors (id, name, category, status, business_impact, tenancy, created_at, updated_at) VALUES ('v-r6', 'Provider r6', 'database', 'active', 'high', 'dedicated', ?, ?)", [T, T]);
      await tx.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('r6', 'v-r6', 't', 1, 'draft', ?, ?)", [T, T]);
    });
    await answer(bob, 'r6', 'q1');
    await dana.run("UPDATE reviews SET status = 'in_review' WHERE id = 'r6'");
    await bob.run("UPDATE reviews SET status = 'approved' WHERE id = 'r6'");
    await owner.run("DELETE FROM reviews WHERE id IN ('r5', 'r6')");
    // With separation of duties off (Settings), the submitter may approve.
    await submit('r3');
    await owner.run("UPDATE settings SET value = 'false' WHERE key = 'separationOfDuties'");
    await dana.run("UPDATE reviews SET status = 'approved' WHERE id = 'r3'");
    assert.deepEqual(await owner.all("SELECT id, status FROM reviews ORDER BY id"), [
      { id: 'r1', status: 'rejected' },
      { id: 'r2', status: 'approved' },
      { id: 'r3', status: 'approved' },
    ]);
  } finally {
    for (const store of stores) await store.close();
  }
});

test('an import into an empty team register is its owner’s: the file’s trail comes in once, with its roles, and verifies', async () => {
  // The file: the demo, its trail written by a file register (no database role on its rows).
  const source = await openVetted(path.join(tempDir(), 'source.db'), { logError: () => {} });
  unwrap(await source.api['demo.load']({}));
  const exported = unwrap(await source.api['register.export']({}));
  const text = Buffer.from(exported.base64, 'base64').toString('utf8');
  const sourceTrail = unwrap(await source.api['audit.verify']({})).rows;
  source.close();

  const { name, url } = await freshDatabase('vetted_import');
  const owner = await openVetted(url, { logError: () => {} });
  try {
    await owner.ctx.store.write((tx) => setUpTeamRoles(tx));
    await owner.ctx.store.write((tx) => addTeamMember(tx, `erin_${name}`, 'reviewer', 'erin-pw'));
    const member = await openVetted(new URL(url).toString().replace(/\/\/[^@]*@/, `//erin_${name}:erin-pw@`), { logError: () => {} });
    try {
      const refused = await member.api['register.import']({ text });
      assert.ok(!refused.ok);
      assert.equal(refused.error.code, 'forbidden');
      assert.match(refused.error.message, /only the register’s owner may write: ask the owner/);
    } finally {
      member.close();
    }
    assert.deepEqual(unwrap(await owner.api['vendor.list']({})), [], 'the refusal wrote nothing');
    assert.equal(unwrap(await owner.api['audit.verify']({})).rows, 0);

    unwrap(await owner.api['register.import']({ text }));
    const trail = await owner.ctx.store.all<{ imported_from: string | null; db_user: string | null; entity: string; action: string }>('SELECT imported_from, db_user, entity, action FROM audit_log ORDER BY id');
    // The file's rows once (not the import's own writes again), then what the import wrote as a
    // change here (a setting it brings, as on a file) and its own record, in the owner's role.
    assert.equal(trail.filter((r) => r.imported_from !== null).length, sourceTrail);
    assert.ok(trail.filter((r) => r.imported_from !== null).every((r) => r.db_user === null), 'the file’s rows keep the role the file gives them (none)');
    const own = trail.filter((r) => r.imported_from === null);
    assert.deepEqual(own.map((r) => [r.entity, r.db_user]), [['setting', new URL(url).username], ['import', new URL(url).username]], 'the import’s own rows are the owner’s');
    const verified = unwrap(await owner.api['audit.verify']({}));
    assert.equal(verified.ok, true, JSON.stringify(verified));
  } finally {
    owner.close();
  }
});

test('each member’s own name: in Settings and on the trail, written only by them; a signed step borrows the signer’s', async () => {
  const { name, url } = await freshDatabase('vetted_names');
  const owner = await openVetted(url, { logError: () => {} });
  const opened: { close(): void }[] = [owner];
  try {
    // The register's user-name setting, as a register moved in from a file has it (on a team
    // register "Your name" in Settings is each member's own, the owner's included).
    await owner.ctx.store.run(`INSERT INTO settings (key, value) VALUES ('userName', '"Register Owner"')`);
    await owner.ctx.store.write(async (tx) => {
      await setUpTeamRoles(tx);
      await addTeamMember(tx, `alma_${name}`, 'reviewer', 'alma-pw');
      await addTeamMember(tx, `ben_${name}`, 'approver', 'ben-pw');
    });
    // Every audit function now asks vetted_actor(); none reads the setting itself.
    const readers = await owner.ctx.store.all<{ proname: string }>(
      "SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND proname LIKE 'vetted\\_audit\\_%' AND prosrc LIKE '%key = ''userName''%'",
    );
    assert.deepEqual(readers, []);
    const callers = await owner.ctx.store.get<{ n: number }>(
      "SELECT count(*) AS n FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND proname LIKE 'vetted\\_audit\\_%' AND prosrc LIKE '%vetted_actor()%'",
    );
    assert.ok((callers?.n ?? 0) >= 14, `audit functions calling vetted_actor(): ${callers?.n}`);

    const member = async (login: string, password: string) => {
      const u = new URL(url);
      u.username = `${login}_${name}`;
      u.password = password;
      const vetted = await openVetted(u.toString(), { logError: () => {} });
      opened.push(vetted);
      return vetted;
    };
    const alma = await member('alma', 'alma-pw');
    const ben = await member('ben', 'ben-pw');
    // Before naming herself, a member is the register's name; after, her own, and nobody else's changes.
    assert.equal(unwrap(await alma.api['settings.get']({})).userName, 'Register Owner');
    unwrap(await alma.api['settings.update']({ userName: 'Alma Reviewer' }));
    unwrap(await ben.api['settings.update']({ userName: 'Ben Approver' }));
    assert.equal(unwrap(await alma.api['settings.get']({})).userName, 'Alma Reviewer');
    assert.equal(unwrap(await ben.api['settings.get']({})).userName, 'Ben Approver');
    assert.equal(unwrap(await owner.api['settings.get']({})).userName, 'Register Owner', 'the register’s setting is untouched');

    const vendor = unwrap(
      await alma.api['vendor.create']({ name: 'Cinder DB', category: 'database', status: 'proposed', dataCategories: ['personal-data'], dataLocations: ['Germany'] }),
    );
    const trail = () =>
      owner.ctx.store.all<{ entity: string; action: string; actor: string; db_user: string }>('SELECT entity, action, actor, db_user FROM audit_log ORDER BY id');
    assert.deepEqual((await trail()).filter((r) => r.entity === 'vendor').map((r) => [r.actor, r.db_user]), [['Alma Reviewer', `alma_${name}`]]);
    assert.deepEqual(
      (await trail()).filter((r) => r.entity === 'member').map((r) => [r.action, r.actor, r.db_user]),
      [['create', 'Alma Reviewer', `alma_${name}`], ['create', 'Ben Approver', `ben_${name}`]],
      'naming oneself is on the trail',
    );

    // Row-level security: Alma cannot rename Ben, nor take his row, whatever her client sends.
    const almaStore = new URL(url);
    almaStore.username = `alma_${name}`;
    almaStore.password = 'alma-pw';
    const raw = new PgStore(almaStore.toString(), { max: 1 });
    try {
      assert.equal((await raw.run(`UPDATE member_names SET name = 'Mallory' WHERE db_role = 'ben_${name}'`)).changes, 0);
      await assert.rejects(raw.run(`INSERT INTO member_names (db_role, name, updated_at) VALUES ('ben2_${name}', 'Ben', 'x')`), forbidden);
    } finally {
      await raw.close();
    }
    assert.equal(unwrap(await ben.api['settings.get']({})).userName, 'Ben Approver');

    // Ben approves the proposed provider's review: making it active is recorded in the signer's
    // name (a member may now: nothing stored is borrowed), and the signer's role.
    const review = unwrap(await alma.api['review.start']({ vendorId: vendor.id })).review;
    await answerAll(alma.api, review.id);
    unwrap(await alma.api['review.transition']({ reviewId: review.id, to: 'in_review' }));
    const approved = await ben.api['review.transition']({ reviewId: review.id, to: 'approved', by: 'Ben A. Signer', activateProvider: true });
    assert.ok(approved.ok, approved.ok ? '' : approved.error.message);
    const activated = (await trail()).filter((r) => r.entity === 'vendor' && r.action === 'update').at(-1)!;
    assert.deepEqual([activated.actor, activated.db_user], ['Ben A. Signer', `ben_${name}`]);
    assert.equal(unwrap(await ben.api['settings.get']({})).userName, 'Ben Approver', 'his own name is as it was');
    assert.equal(unwrap(await owner.api['audit.verify']({})).ok, true);
  } finally {
    for (const vetted of opened) vetted.close();
  }
});
