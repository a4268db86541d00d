// The data key of a team register, as each member holds it (issue 22, migration 017): every
// generation of it wrapped to each member's public key. Generation 1 is the register's own key
// (crypto_keys: what a file's key file or passphrase opens, for whoever still holds it); each
// renewal adds one. Values are sealed with the newest; older ones stay readable to the members
// who held their generation, so frozen answers and the trail's sealed rows still open.
import { randomBytes, randomUUID } from 'node:crypto';
import { VettedError } from '../../../shared/result';
import type { Sql } from '../db/store/sql';
import { openText, SealError, sealText } from './cipher';
import type { KeySource } from './key-sources';
import { memberKeyPair, unwrapDataKey, wrapDataKey, type MemberKeyPair } from './member-key';

/** The known text a key check seals (crypto_keys for generation 1, team_key_generations after). */
export const KEY_CHECK_TEXT = 'vetted key check';
/** A key check's associated data: the register's own (generation 1, as on a file); later generations name their number too. */
export const checkAadOf = (registerId: string, generation = 1) => (generation === 1 ? `key-check:${registerId}` : `team-key-check:${registerId}:${generation}`);
const wrapAad = (registerId: string, role: string, generation: number) => `team-key-wrap:${registerId}:${role}:${generation}`;

const TEAM_KEY_LOCK = 'vetted team data key';
/**
 * The data key's lock, until the transaction ends: writers sealing with it and members sharing it
 * hold it together; a renewal holds it alone, so nothing is sealed or wrapped with a generation it replaces.
 */
export async function holdDataKeyShared(sql: Sql): Promise<void> {
  await sql.get('SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0)) AS locked', [TEAM_KEY_LOCK]);
}
export async function holdDataKeyAlone(sql: Sql): Promise<void> {
  await sql.get('SELECT pg_advisory_xact_lock(hashtextextended(?, 0)) AS locked', [TEAM_KEY_LOCK]);
}

export interface RegisterKeyRow {
  register_id: string;
  kdf_salt: string;
  key_check: string;
}

interface MemberKeyRow {
  db_role: string;
  key_id: string;
  kdf_salt: string;
  public_key: string;
}

/** Where a member's own secret lives: the key source's place for member keys, else the source itself. */
export const memberSecrets = (source: KeySource): KeySource => source.memberKeys ?? source;

export async function currentGeneration(sql: Sql): Promise<number> {
  const row = await sql.get<{ g: number | null }>('SELECT MAX(generation) AS g FROM team_key_generations');
  return Number(row?.g ?? 1);
}

async function checksOf(sql: Sql, register: RegisterKeyRow): Promise<Map<number, string>> {
  const checks = new Map<number, string>([[1, register.key_check]]);
  for (const row of await sql.all<{ generation: number; key_check: string }>('SELECT generation, key_check FROM team_key_generations')) {
    checks.set(Number(row.generation), row.key_check);
  }
  return checks;
}

function passes(key: Buffer | null, check: string | undefined, registerId: string, generation: number): boolean {
  if (!check || !key || key.length !== 32) return false;
  try {
    openText(key, check, checkAadOf(registerId, generation));
    return true;
  } catch (error) {
    if (error instanceof SealError) return false;
    throw error;
  }
}

async function ownRow(sql: Sql): Promise<MemberKeyRow | undefined> {
  return await sql.get<MemberKeyRow>('SELECT db_role, key_id, kdf_salt, public_key FROM member_keys WHERE db_role = session_user');
}

async function sessionRole(sql: Sql): Promise<string> {
  return (await sql.get<{ r: string }>('SELECT session_user AS r'))!.r;
}

/** Where this member's own secret is, in words; null when they published no member key (or there is no key source). */
export async function memberKeyPlace(sql: Sql, source: KeySource | null): Promise<string | null> {
  const row = await ownRow(sql);
  return row && source ? memberSecrets(source).describe(row.key_id) : null;
}

type OwnKey = { pair: MemberKeyPair; row: MemberKeyRow } | { pair: null; row: MemberKeyRow | undefined; problem: string };

/** A passphrase that opens the register's own key is one others may hold (see publishMemberKey). */
function opensRegister(secrets: KeySource, register: RegisterKeyRow | undefined): boolean {
  return register !== undefined && secrets.kind === 'passphrase' && passes(secrets.load(register.register_id, Buffer.from(register.kdf_salt, 'hex')), register.key_check, register.register_id, 1);
}

const SHARED_PASSPHRASE = 'the passphrase your member key comes from opens the register\'s own data key, which others may know';

/** This member's key pair, from their own secret; or why not (none published, not on this machine, another one, a shared passphrase). */
async function ownKey(sql: Sql, source: KeySource | null, register: RegisterKeyRow | undefined): Promise<OwnKey> {
  const row = await ownRow(sql);
  if (!row) return { pair: null, row, problem: 'You have not published a member key on this team register yet: publish it in Settings → Confidential data (or vetted team key share), then a member holding the data key shares it with you.' };
  if (!source) return { pair: null, row, problem: 'No key source is configured for confidential data in this mode.' };
  const secrets = memberSecrets(source);
  // Checked again on every use: the register's key may have been made from that passphrase after the member key was.
  if (opensRegister(secrets, register)) return { pair: null, row, problem: `Your member key cannot be used: ${SHARED_PASSPHRASE}. Publish one of your own (vetted team key share --replace-member-key with another VETTED_MEMBER_PASSPHRASE, or none for a key file).` };
  const secret = secrets.load(row.key_id, Buffer.from(row.kdf_salt, 'hex'));
  if (!secret) return { pair: null, row, problem: `Your member key for this team register is not on this machine (looked for ${secrets.describe(row.key_id)}).` };
  const pair = memberKeyPair(secret);
  if (pair.publicKey !== row.public_key) return { pair: null, row, problem: `The member key from ${secrets.describe(row.key_id)} is not the one you published (another passphrase or key file?).` };
  return { pair, row };
}

export interface TeamKeys {
  generation: number;
  /** Every generation this member opens, by number. */
  keys: Map<number, Buffer>;
  /** Why the current generation is not among them. */
  problem: string | null;
}

/**
 * The generations this member opens: the register's own key if their key source holds it
 * (`direct`), and every wrap made to their published key that opens to a key passing its
 * generation's check. A wrap that does not is passed over (a member may write one in their name).
 */
export async function openTeamKeys(sql: Sql, source: KeySource | null, register: RegisterKeyRow, direct: Buffer | null): Promise<TeamKeys> {
  const generation = await currentGeneration(sql);
  const checks = await checksOf(sql, register);
  const keys = new Map<number, Buffer>();
  if (direct && passes(direct, checks.get(1), register.register_id, 1)) keys.set(1, direct);
  const own = await ownKey(sql, source, register);
  if (own.pair) {
    const wraps = await sql.all<{ generation: number; wrapped: string }>(
      'SELECT generation, wrapped FROM team_key_wraps WHERE db_role = ? AND public_key = ? ORDER BY generation',
      [own.row.db_role, own.row.public_key],
    );
    for (const wrap of wraps) {
      const g = Number(wrap.generation);
      // No such generation, or one held already: nothing to open (and no work for rows a member wrote by the thousand).
      if (keys.has(g) || !checks.has(g)) continue;
      try {
        const key = unwrapDataKey(wrap.wrapped, own.pair, wrapAad(register.register_id, own.row.db_role, g));
        if (passes(key, checks.get(g), register.register_id, g)) keys.set(g, key);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
      }
    }
  }
  if (keys.has(generation)) return { generation, keys, problem: null };
  const who = own.row?.db_role ?? (await sessionRole(sql));
  const problem = own.pair
    ? `The team's data key${generation > 1 ? ` (generation ${generation})` : ''} has not been shared with you (${who}) yet: a member holding it shares it with you (“Share the data key” in their Settings, or vetted team key share).`
    : own.problem;
  return { generation, keys, problem };
}

/**
 * Publishes this member's public key, made from a new secret in their own place for member secrets
 * (a key file of their own in the key folder, their keychain, or VETTED_MEMBER_PASSPHRASE with a
 * new salt), or returns the one they have. A passphrase that opens the register's own key is
 * refused: others may know it, and could then open every wrap made to this member, renewals included.
 */
export async function publishMemberKey(sql: Sql, source: KeySource | null, register: RegisterKeyRow | undefined, replace: boolean): Promise<{ pair: MemberKeyPair; role: string; created: boolean }> {
  if (!source) throw new VettedError('locked', 'No key source is configured in this mode: a member key cannot be made.');
  const existing = await ownKey(sql, source, register);
  if (existing.pair) return { pair: existing.pair, role: existing.row.db_role, created: false };
  if (existing.row && !replace) {
    throw new VettedError('locked', `${existing.problem} Publishing a new one (--replace-member-key) makes the old one's wraps useless: a member holding the key shares it again.`);
  }
  const secrets = memberSecrets(source);
  // A passphrase that opens the register's own key is one others hold too (a file register's team
  // shared it): a member key derived from it, with a salt everyone reads, would be theirs as well,
  // and with it every generation wrapped to it after they leave.
  if (opensRegister(secrets, register)) {
    throw new VettedError(
      'validation',
      'passphrase: the passphrase given opens the register\'s own data key, which others may know; a member key needs a secret of your own (VETTED_MEMBER_PASSPHRASE, or leave it out for a key file of your own in the key folder).',
    );
  }
  const keyId = randomUUID();
  const salt = randomBytes(16);
  const secret = secrets.load(keyId, salt) ?? secrets.create(keyId, salt);
  const pair = memberKeyPair(secret);
  const now = new Date().toISOString();
  if (existing.row) {
    await sql.run('UPDATE member_keys SET key_id = ?, kdf_salt = ?, public_key = ?, created_at = ? WHERE db_role = session_user', [keyId, salt.toString('hex'), pair.publicKey, now]);
  } else {
    await sql.run('INSERT INTO member_keys (key_id, kdf_salt, public_key, created_at) VALUES (?, ?, ?, ?)', [keyId, salt.toString('hex'), pair.publicKey, now]);
  }
  return { pair, role: existing.row?.db_role ?? (await sessionRole(sql)), created: true };
}

export interface MemberKeyListing {
  role: string;
  publicKey: string;
  /** Still a member: holds one of the register's team roles (or owns the register). */
  member: boolean;
  /** The generations wrapped to this public key (by anyone). */
  generations: number[];
}

/**
 * Every published member key, whether its role is still a member of the register, and what is
 * wrapped to it. Without team roles (`vetted team setup` not run) whoever can sign in is a member.
 */
export async function listMemberKeys(sql: Sql, readonlyGroup: string): Promise<MemberKeyListing[]> {
  const grouped = await sql.get<{ one: number }>('SELECT 1 AS one FROM pg_roles WHERE rolname = ?', [readonlyGroup]);
  const rows = await sql.all<{ db_role: string; public_key: string; member: boolean; generations: string | null }>(
    `SELECT k.db_role, k.public_key,
            (r.oid IS NOT NULL AND (pg_has_role(r.oid, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'reviews'::regclass), 'MEMBER')
               OR ${grouped ? `pg_has_role(r.oid, ?::name, 'MEMBER')` : 'true'})) AS member,
            (SELECT string_agg(DISTINCT w.generation::text, ',') FROM team_key_wraps w WHERE w.db_role = k.db_role AND w.public_key = k.public_key) AS generations
       FROM member_keys k LEFT JOIN pg_roles r ON r.rolname = k.db_role
      ORDER BY k.db_role`,
    grouped ? [readonlyGroup] : [],
  );
  return rows.map((r) => ({
    role: r.db_role,
    publicKey: r.public_key,
    member: Boolean(r.member),
    generations: (r.generations ?? '').split(',').filter(Boolean).map(Number).sort((a, b) => a - b),
  }));
}

/**
 * Wraps each generation held here for every member key still a member's that lacks a wrap of it by
 * this member: another's wrap is not taken on trust (it may be a false one), so a colleague let in
 * by two members has two wraps.
 */
export async function wrapForMembers(sql: Sql, register: RegisterKeyRow, held: Map<number, Buffer>, readonlyGroup: string, self: string): Promise<WrapOutcome> {
  const admitted = new Set<string>();
  const unusable = new Set<string>();
  const mine = await sql.all<{ db_role: string; public_key: string; generation: number }>(
    'SELECT db_role, public_key, generation FROM team_key_wraps WHERE wrapped_by = session_user',
  );
  const done = new Set(mine.map((w) => `${w.db_role}\n${w.public_key}\n${Number(w.generation)}`));
  const now = new Date().toISOString();
  for (const member of await listMemberKeys(sql, readonlyGroup)) {
    if (!member.member) continue;
    for (const [generation, key] of held) {
      if (done.has(`${member.role}\n${member.publicKey}\n${generation}`)) continue;
      let wrapped: string;
      try {
        wrapped = wrapDataKey(key, member.publicKey, wrapAad(register.register_id, member.role, generation));
      } catch (error) {
        // A published key that is not an X25519 public key: nothing can be wrapped to it; the others still are.
        if (!(error instanceof SealError)) throw error;
        unusable.add(member.role);
        break;
      }
      await sql.run('INSERT INTO team_key_wraps (db_role, public_key, generation, wrapped, created_at) VALUES (?, ?, ?, ?, ?)', [member.role, member.publicKey, generation, wrapped, now]);
      if (member.role !== self) admitted.add(member.role);
    }
  }
  return { wrappedFor: [...admitted].sort(), unusable: [...unusable].sort() };
}

export interface WrapOutcome {
  /** Members (not this one) a generation was wrapped for. */
  wrappedFor: string[];
  /** Members whose published key is not a usable public key (they publish again with --replace-member-key). */
  unusable: string[];
}

/** A new generation of the data key (the owner's: no member may write it), wrapped for every remaining member. */
export async function addGeneration(sql: Sql, register: RegisterKeyRow, reason: string): Promise<{ generation: number; key: Buffer }> {
  const generation = (await currentGeneration(sql)) + 1;
  const key = randomBytes(32);
  await sql.run('INSERT INTO team_key_generations (generation, key_check, reason, created_at) VALUES (?, ?, ?, ?)', [
    generation,
    sealText(key, KEY_CHECK_TEXT, checkAadOf(register.register_id, generation)),
    reason,
    new Date().toISOString(),
  ]);
  return { generation, key };
}
