// The team data key wrapped per member (issue 22): on a team register each member opens
// confidential comments with a member key of their own; a member who leaves is cut off from what
// is sealed after (the key is renewed for those who remain), and the register says who holds what.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { keyFileSource, keySourceFromEnv, passphraseSource, type KeySource } from '../../electron/core/crypto/key-sources';
import { wrapDataKey } from '../../electron/core/crypto/member-key';
import { createContext } from '../../electron/core/context';
import { tryOpenText, commentAad } from '../../electron/core/services/confidential';
import { listTeamKeys, renewTeamKey, shareTeamKey } from '../../electron/core/services/team-keys';
import { addTeamMember, removeTeamMember, setUpTeamRoles, type TeamRole } from '../../electron/core/db/postgres/roles';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { openVetted, type Vetted } from '../../electron/core/vetted';
import { VettedError } from '../../shared/result';
import { freshDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

const OLD_SECRET = 'Pentest: admin password reused on three hosts (SEC-881)';
const NEW_SECRET = 'Second pentest: backups readable from the staging network (SEC-902)';

/** A key folder of one person's own: a key file per register or member key, as the default key folder keeps them. */
function ownKeys(): KeySource {
  const dir = tempDir();
  return keyFileSource((id) => path.join(dir, `${id}.key`));
}

function urlOf(ownerUrl: string, login: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = login;
  u.password = password;
  return u.toString();
}

async function commentOf(vetted: Vetted, vendorId: string, questionId: string): Promise<{ comment: string; locked?: boolean }> {
  const current = unwrap(await vetted.api['review.current']({ vendorId }))!;
  return current.answers.find((a) => a.questionId === questionId)!;
}

const open = (url: string, keySource: KeySource) => openVetted(url, { keySource, logError: () => {} });

/** A provider whose review's first yes/no question the owner answers with a confidential comment (sealing the register's key, generation 1). */
async function sealedComment(owner: Vetted, name: string, category: 'database' | 'message-queue' | 'alerting' | 'logging') {
  const vendor = unwrap(await owner.api['vendor.create']({ name, category }));
  const review = unwrap(await owner.api['review.start']({ vendorId: vendor.id })).review;
  const template = unwrap(await owner.api['template.get']({ id: review.templateId }));
  const questions = template.sections[0]!.questions.filter((q) => q.kind === 'yesno' && !q.showWhen);
  unwrap(await owner.api['answer.save']({ reviewId: review.id, questionId: questions[0]!.id, comment: OLD_SECRET, confidential: true }));
  return { vendor, review, question: questions[0]!, other: questions[1]! };
}

/** The team's roles set up and these logins added as reviewers (or as given), each signing in with password pw-of-LOGIN. */
async function addMembers(ownerUrl: string, logins: string[], roles: Record<string, TeamRole> = {}): Promise<void> {
  const admin = new PgStore(ownerUrl);
  try {
    await admin.write(async (tx) => {
      await setUpTeamRoles(tx);
      for (const login of logins) await addTeamMember(tx, login, roles[login] ?? 'reviewer', `pw-of-${login}`);
    });
  } finally {
    await admin.close();
  }
}

test('members share the data key, each with a key of their own; a removed member cannot open what is sealed after', async () => {
  const { name, url: ownerUrl } = await freshDatabase('vetted_keys');
  const logins = { alice: `alice_${name}`, bob: `bob_${name}`, carol: `carol_${name}` };
  const owner = await open(ownerUrl, ownKeys());
  const people: Vetted[] = [owner];
  try {
    // The owner saves a confidential comment: the register's key (generation 1) is the owner's alone.
    const { vendor, review, question: q1, other: q2 } = await sealedComment(owner, 'Ledgerline', 'database');
    await addMembers(ownerUrl, [logins.alice, logins.bob, logins.carol], { [logins.carol]: 'readonly' });
    const alice = await open(urlOf(ownerUrl, logins.alice, `pw-of-${logins.alice}`), ownKeys());
    const bob = await open(urlOf(ownerUrl, logins.bob, `pw-of-${logins.bob}`), ownKeys());
    const carol = await open(urlOf(ownerUrl, logins.carol, `pw-of-${logins.carol}`), ownKeys());
    people.push(alice, bob, carol);

    // Before anything is shared a member sees the comment locked, and is told what to do.
    assert.deepEqual(await commentOf(alice, vendor.id, q1!.id), { ...(await commentOf(alice, vendor.id, q1!.id)), comment: '', locked: true });
    const before = unwrap(await alice.api['security.status']({}));
    assert.deepEqual([before.unlocked, before.team], [false, { generation: 1 }]);
    assert.match(before.problem ?? '', /You have not published a member key on this team register yet: publish it in Settings → Confidential data \(or vetted team key share\)/);

    // Each member publishes their key; nobody holding the data key has shared it yet.
    const aliceShare = await shareTeamKey(alice.ctx);
    assert.equal(aliceShare.published, true);
    assert.equal(aliceShare.holds, false);
    assert.match(aliceShare.problem ?? '', new RegExp(`The team's data key has not been shared with you \\(${logins.alice}\\) yet`));
    // A member writing a false wrap for a colleague delays nothing: it does not pass the key check.
    await bob.ctx.sql.run(
      'INSERT INTO team_key_wraps (db_role, public_key, generation, wrapped, created_at) SELECT db_role, public_key, 1, ?, ? FROM member_keys WHERE db_role = ?',
      ['vetted-wrap:v1:AAAA:AAAA', new Date().toISOString(), logins.alice],
    );
    await shareTeamKey(bob.ctx);
    await shareTeamKey(carol.ctx);
    assert.equal((await commentOf(carol, vendor.id, q1!.id)).locked, true);

    // The owner, who holds the key, shares it: everyone who published is let in.
    const ownerShare = await shareTeamKey(owner.ctx);
    assert.deepEqual([ownerShare.holds, ownerShare.wrappedFor, ownerShare.waiting], [true, [logins.alice, logins.bob, logins.carol].sort(), []]);
    for (const member of [alice, bob, carol]) {
      assert.deepEqual(await commentOf(member, vendor.id, q1!.id).then((a) => [a.comment, a.locked]), [OLD_SECRET, undefined]);
    }
    const carolNow = unwrap(await carol.api['security.status']({}));
    assert.deepEqual([carolNow.unlocked, carolNow.problem, carolNow.team], [true, null, { generation: 1 }]);

    // A member may not make a generation (the owner's), nor publish or change a key in another's name.
    await assert.rejects(
      alice.ctx.sql.run("INSERT INTO team_key_generations (generation, key_check, reason, created_at) VALUES (2, 'x', 'mine', 'now')"),
      (e: unknown) => e instanceof VettedError && e.code === 'forbidden',
    );
    await assert.rejects(
      alice.ctx.sql.run("INSERT INTO member_keys (db_role, key_id, kdf_salt, public_key, created_at) SELECT 'someone_else', key_id, kdf_salt, public_key, created_at FROM member_keys WHERE db_role = session_user"),
      (e: unknown) => e instanceof VettedError && e.code === 'forbidden',
    );
    const bobKey = () => owner.ctx.sql.get<{ public_key: string }>('SELECT public_key FROM member_keys WHERE db_role = ?', [logins.bob]);
    const bobsBefore = await bobKey();
    await alice.ctx.sql.run('UPDATE member_keys SET public_key = (SELECT public_key FROM member_keys WHERE db_role = session_user) WHERE db_role = ?', [logins.bob]);
    assert.deepEqual(await bobKey(), bobsBefore);

    // What Bob takes with him: every generation he held.
    const bobKept = [...(await bob.ctx.keys.heldGenerations()).values()];
    assert.equal(bobKept.length, 1);

    // Bob leaves: his team role goes and the key is renewed in the same transaction.
    const ownerRole = (await owner.ctx.sql.get<{ r: string }>('SELECT session_user AS r'))!.r;
    const renewal = await owner.ctx.write(async (tx) => {
      await removeTeamMember(tx.sql, logins.bob);
      return await renewTeamKey(tx, `${logins.bob} removed`);
    });
    assert.deepEqual(renewal, { generation: 2, wrappedFor: [logins.alice, logins.carol, ownerRole].sort(), waiting: [], unusable: [], madeYours: null });

    // Alice's session had generation 1 loaded: her next confidential save uses generation 2.
    unwrap(await alice.api['answer.save']({ reviewId: review.id, questionId: q2!.id, comment: NEW_SECRET, confidential: true }));
    const sealed = await owner.ctx.sql.get<{ comment: string }>('SELECT comment FROM answers WHERE review_id = ? AND question_id = ?', [review.id, q2!.id]);
    assert.match(sealed!.comment, /^vetted-sealed:/);
    assert.equal(tryOpenText(bobKept, sealed!.comment, commentAad(vendor.id, q2!.id)), null, 'a removed member’s keys open what is sealed after');
    const aliceHeld = await alice.ctx.keys.heldGenerations();
    assert.deepEqual([...aliceHeld.keys()].sort(), [1, 2]);
    assert.equal(tryOpenText(aliceHeld.get(2)!, sealed!.comment, commentAad(vendor.id, q2!.id)), NEW_SECRET);
    // What he could have kept: the old comment opens with his old key (docs/team.md says so).
    const oldSealed = await owner.ctx.sql.get<{ comment: string }>('SELECT comment FROM answers WHERE review_id = ? AND question_id = ?', [review.id, q1!.id]);
    assert.equal(tryOpenText(bobKept, oldSealed!.comment, commentAad(vendor.id, q1!.id)), OLD_SECRET);

    // Those who remain read both generations; nothing was wrapped for Bob after he left.
    for (const member of [alice, carol, owner]) {
      assert.equal((await commentOf(member, vendor.id, q1!.id)).comment, OLD_SECRET);
      assert.equal((await commentOf(member, vendor.id, q2!.id)).comment, NEW_SECRET);
    }
    const listing = await listTeamKeys(owner.ctx);
    const bobListed = listing.members.find((m) => m.role === logins.bob);
    assert.equal(bobListed, undefined, 'his published key was withdrawn with his roles');
    assert.equal(listing.generation, 2);
    assert.ok(listing.members.every((m) => m.member && m.wrappedCurrent));

    // Every step is on the trail, which still verifies.
    const trail = await owner.ctx.sql.all<{ entity_id: string; action: string; db_user: string }>("SELECT entity_id, action, db_user FROM audit_log WHERE entity = 'team-key' ORDER BY id");
    assert.ok(trail.some((r) => r.entity_id === 'generation 2' && r.action === 'create'));
    assert.ok(trail.some((r) => r.entity_id === logins.alice && r.db_user === logins.alice), 'Alice published her key in her own name');
    const verified = unwrap(await owner.api['audit.verify']({}));
    assert.equal(verified.ok, true);
  } finally {
    for (const p of people) p.close();
  }
});

test('a renewal waits for a save sealing with the old key, and that save is not lost', async () => {
  const { name, url: ownerUrl } = await freshDatabase('vetted_keys');
  const alice = `alice_${name}`;
  const owner = await open(ownerUrl, ownKeys());
  const people: Vetted[] = [owner];
  try {
    await sealedComment(owner, 'Queuebridge', 'message-queue');
    await addMembers(ownerUrl, [alice]);
    const member = await open(urlOf(ownerUrl, alice, `pw-of-${alice}`), ownKeys());
    people.push(member);
    await shareTeamKey(member.ctx);
    await shareTeamKey(owner.ctx);

    // Alice's transaction takes the key to seal, and stays open a while.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sealing!: () => void;
    const sealed = new Promise<void>((resolve) => (sealing = resolve));
    const save = member.ctx.write(async (tx) => {
      const key = await tx.keys.writeKey();
      sealing();
      await held;
      return key;
    });
    await sealed;
    let renewed = false;
    const renewal = renewTeamKey(owner.ctx, 'by hand').then((r) => ((renewed = true), r));
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(renewed, false, 'the renewal went ahead while a save was sealing with the old key');
    release();
    const oldKey = await save;
    assert.equal((await renewal)!.generation, 2);
    // Her next save waits for nothing and uses the new generation.
    const newKey = await member.ctx.write((tx) => tx.keys.writeKey());
    assert.notDeepEqual(newKey, oldKey);
    assert.deepEqual(newKey, (await member.ctx.keys.heldGenerations()).get(2));

    // A sealing transaction left open does not hold a renewal (and a removal with it) off for ever:
    // after its wait the renewal gives up, saying so, and changes nothing.
    let end!: () => void;
    const idle = new Promise<void>((resolve) => (end = resolve));
    let holding!: () => void;
    const holds = new Promise<void>((resolve) => (holding = resolve));
    const stuck = member.ctx.write(async (tx) => {
      await tx.keys.writeKey();
      holding();
      await idle;
    });
    await holds;
    await assert.rejects(renewTeamKey(owner.ctx, 'by hand'), (e: unknown) => e instanceof VettedError && e.code === 'conflict' && /a member's transaction held it for more than 10s/.test(e.message));
    end();
    await stuck;
    assert.equal((await listTeamKeys(owner.ctx)).generation, 2);
  } finally {
    for (const p of people) p.close();
  }
});

test('vetted team key share, list and remove from the command line', async () => {
  const { name, url: ownerUrl } = await freshDatabase('vetted_keys');
  const dave = `dave_${name}`;
  const ownerEnv = { XDG_DATA_HOME: tempDir(), XDG_CONFIG_HOME: tempDir() };
  const daveEnv = { XDG_DATA_HOME: tempDir(), XDG_CONFIG_HOME: tempDir(), PGPASSWORD: 'dave-pw' };
  const daveUrl = urlOf(ownerUrl, dave, '');
  // The owner seals a comment with a key from the CLI's own key folder.
  const owner = await open(ownerUrl, keySourceFromEnv(undefined, { ...process.env, ...ownerEnv, VETTED_KEY_FILE: '', VETTED_PASSPHRASE: '' }));
  try {
    await sealedComment(owner, 'Logspout', 'logging');
  } finally {
    owner.close();
  }
  const cli = (args: string[], env: NodeJS.ProcessEnv) => {
    const run = runCli(args, { VETTED_KEY_FILE: '', VETTED_PASSPHRASE: '', ...env });
    assert.equal(run.status, 0, `vetted ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  cli(['team', 'setup', '--server', ownerUrl], ownerEnv);
  cli(['team', 'add', dave, '--role', 'reviewer', '--server', ownerUrl], { ...ownerEnv, VETTED_MEMBER_PASSWORD: 'dave-pw' });

  const first = cli(['team', 'key', 'share', '--server', daveUrl], daveEnv);
  assert.match(first, new RegExp(`Published your member key \\(${dave}\\): fingerprint [0-9a-f]{4} `));
  assert.match(first, /has not been shared with you/);
  assert.match(cli(['team', 'key', 'share', '--server', ownerUrl], ownerEnv), new RegExp(`Wrapped the data key for: ${dave}\\.\nYou hold the data key \\(generation 1\\)`));
  // Dave now holds it, and wraps it for the owner too (he takes no other member's wrap on trust).
  assert.match(cli(['team', 'key', 'share', '--server', daveUrl], daveEnv), /^Your member key .*\nWrapped the data key for: vetted_admin\.\nYou hold the data key \(generation 1\)\.\n$/);
  assert.match(cli(['team', 'key', 'share', '--server', daveUrl], daveEnv), /^Your member key .*\nYou hold the data key \(generation 1\)\.\n$/);
  assert.match(cli(['team', 'key', 'list', '--server', ownerUrl], ownerEnv), new RegExp(`${dave} +[0-9a-f ]+  current key wrapped for them \\(generations 1\\)`));

  const removed = cli(['team', 'remove', dave, '--server', ownerUrl], ownerEnv);
  assert.match(removed, /is no longer a member[^]*The data key was renewed \(generation 2\)/);
  const listing = JSON.parse(cli(['team', 'key', 'list', '--json', '--server', ownerUrl], ownerEnv)) as { generation: number; members: { role: string }[] };
  assert.equal(listing.generation, 2);
  assert.equal(listing.members.find((m) => m.role === dave), undefined, 'his member key was withdrawn');
  // Moving it back to a file would leave what generation 2 sealed unreadable to anyone: refused.
  const back = runCli(['migrate-register', '--from', ownerUrl, '--to', path.join(tempDir(), 'back.db')], { ...ownerEnv });
  assert.notEqual(back.status, 0);
  assert.match(back.stderr, /the team's data key was renewed \(generation 2\)[^]*Moving it to a file is not possible yet/);
  // A member may not renew: the generations are the owner's.
  const refused = runCli(['team', 'key', 'renew', '--server', daveUrl], { ...daveEnv, VETTED_KEY_FILE: '', VETTED_PASSPHRASE: '' });
  assert.notEqual(refused.status, 0);
});

test('what a member writes cannot lock a colleague out, a shared passphrase is no member key, and a renewal nobody would hold is refused', async () => {
  const { name, url: ownerUrl } = await freshDatabase('vetted_keys');
  const logins = { gina: `gina_${name}`, hal: `hal_${name}`, ivy: `ivy_${name}`, jo: `jo_${name}` };
  const PASSPHRASE = 'the team passphrase of the old file';
  const owner = await open(ownerUrl, keySourceFromEnv(undefined, { XDG_DATA_HOME: tempDir(), VETTED_PASSPHRASE: PASSPHRASE }));
  const people: Vetted[] = [owner];
  try {
    const { vendor, question } = await sealedComment(owner, 'Pagerline', 'alerting');
    await addMembers(ownerUrl, Object.values(logins));
    const member = async (login: string, keySource: KeySource) => {
      const vetted = await open(urlOf(ownerUrl, login, 'pw-of-' + login), keySource);
      people.push(vetted);
      return vetted;
    };

    // The old file's shared passphrase opens the register's key: a member key derived from it (its
    // salt is public) would be everyone's who knew it. Refused; through the environment the member
    // key is a key file of one's own instead.
    const ginaShared = await member(logins.gina, passphraseSource(PASSPHRASE));
    await assert.rejects(shareTeamKey(ginaShared.ctx), (e: unknown) => e instanceof VettedError && e.code === 'validation' && /opens the register's own data key/.test(e.message));
    const gina = await member(logins.gina, keySourceFromEnv(undefined, { XDG_DATA_HOME: tempDir(), VETTED_PASSPHRASE: PASSPHRASE }));
    assert.equal((await shareTeamKey(gina.ctx)).published, true);

    // Hal publishes; Ivy, a reviewer too, writes him a wrap with a low-order point and one holding
    // a 5-byte "key", and publishes a key of her own that is no public key at all.
    const hal = await member(logins.hal, ownKeys());
    await shareTeamKey(hal.ctx);
    const ivy = await member(logins.ivy, ownKeys());
    const halKey = (await ivy.ctx.sql.get<{ public_key: string }>('SELECT public_key FROM member_keys WHERE db_role = ?', [logins.hal]))!.public_key;
    const registerId = (await ivy.ctx.sql.get<{ register_id: string }>('SELECT register_id FROM crypto_keys'))!.register_id;
    const lowOrder = `vetted-wrap:v1:${Buffer.alloc(32).toString('base64')}:${Buffer.alloc(60, 1).toString('base64')}`;
    const shortKey = wrapDataKey(Buffer.alloc(5, 7), halKey, `team-key-wrap:${registerId}:${logins.hal}:1`);
    await ivy.ctx.sql.run('INSERT INTO team_key_wraps (db_role, public_key, generation, wrapped, created_at) VALUES (?, ?, 1, ?, ?), (?, ?, 1, ?, ?)', [
      logins.hal, halKey, lowOrder, 'now', logins.hal, halKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), shortKey, 'now',
    ]);
    await ivy.ctx.sql.run('INSERT INTO team_key_wraps (db_role, public_key, generation, wrapped, created_at) VALUES (?, ?, 2, ?, ?)', [logins.hal, halKey, shortKey, 'now']);
    await assert.rejects(
      ivy.ctx.sql.run("INSERT INTO member_keys (key_id, kdf_salt, public_key, created_at) VALUES ('k', 's', 'not base64 at all, forty-four characters!!!', 'now')"),
      /violates check constraint "member_keys_public_key_check"/,
    );
    await ivy.ctx.sql.run("INSERT INTO member_keys (key_id, kdf_salt, public_key, created_at) VALUES ('k', 's', ?, 'now')", [Buffer.alloc(32).toString('base64')]);
    // Hal's client passes over what does not open; the owner's share is not stopped by Ivy's key.
    assert.equal(unwrap(await hal.api['security.status']({})).unlocked, false);
    const shared = await shareTeamKey(owner.ctx);
    assert.deepEqual([shared.unusable, shared.wrappedFor.includes(logins.hal)], [[logins.ivy], true]);
    assert.equal((await commentOf(hal, vendor.id, question.id)).comment, OLD_SECRET);
    assert.equal((await commentOf(gina, vendor.id, question.id)).comment, OLD_SECRET);

    // With no member key published (all withdrawn here), a renewal by someone with no key source
    // would leave nobody holding the new key: refused, nothing changed.
    const keyless = createContext(owner.ctx.store, { keySource: null });
    await owner.ctx.sql.run('DELETE FROM member_keys');
    await assert.rejects(renewTeamKey(keyless, 'by hand'), (e: unknown) => e instanceof VettedError && e.code === 'conflict' && /nobody would hold the new key/.test(e.message));
    assert.equal((await listTeamKeys(owner.ctx)).generation, 1);

    // A member writing wraps by the hundred for generations that do not exist costs a colleague nothing.
    await ivy.ctx.sql.run(
      "INSERT INTO team_key_wraps (db_role, public_key, generation, wrapped, created_at) SELECT ?, ?, g, ?, 'now' FROM generate_series(3, 500) g",
      [logins.hal, halKey, shortKey],
    );
    assert.equal((await commentOf(hal, vendor.id, question.id)).comment, OLD_SECRET);
    // VETTED_MEMBER_PASSPHRASE may not be the passphrase that opens the register.
    assert.throws(() => keySourceFromEnv(undefined, { VETTED_PASSPHRASE: PASSPHRASE, VETTED_MEMBER_PASSPHRASE: PASSPHRASE }), /VETTED_MEMBER_PASSPHRASE: it is VETTED_PASSPHRASE/);

    // A login that is a member through another role is not removed by taking the team roles: said.
    await owner.ctx.sql.exec(`CREATE ROLE "auditors_${name}" NOLOGIN; GRANT "${name}_readonly" TO "auditors_${name}"; GRANT "auditors_${name}" TO "${logins.jo}"`);
    await assert.rejects(
      owner.ctx.write((tx) => removeTeamMember(tx.sql, logins.jo)),
      (e: unknown) => e instanceof VettedError && new RegExp(`${logins.jo} is still a member through auditors_${name}`).test(e.message),
    );
    // Nor one that belongs to the owner's role.
    const ownerRole = (await owner.ctx.sql.get<{ r: string }>("SELECT pg_get_userbyid(relowner) AS r FROM pg_class WHERE oid = 'reviews'::regclass"))!.r;
    await owner.ctx.sql.exec(`REVOKE "auditors_${name}" FROM "${logins.jo}"; GRANT "${ownerRole}" TO "${logins.gina}"`);
    await assert.rejects(owner.ctx.write((tx) => removeTeamMember(tx.sql, logins.gina)), (e: unknown) => e instanceof VettedError && new RegExp(`still a member through ${ownerRole}`).test(e.message));
    await owner.ctx.write((tx) => removeTeamMember(tx.sql, logins.jo));
  } finally {
    for (const p of people) p.close();
  }
});
