// Sharing and renewing a team register's data key (issue 22; crypto/team-keys.ts holds the how).
//
//   share  — publishes this member's public key if they have none, then wraps every generation of
//            the data key they hold for every member who published one and lacks it. Every member
//            runs it once; whoever holds the key runs it again to let the newcomers in.
//   renew  — a new generation, wrapped for the members who remain (the owner's, on removing one):
//            what is sealed from then on does not open with any key a removed member had.
import { VettedError } from '../../../shared/result';
import { addGeneration, currentGeneration, holdDataKeyAlone, holdDataKeyShared, listMemberKeys, memberKeyPlace, publishMemberKey, wrapForMembers, type RegisterKeyRow, type WrapOutcome } from '../crypto/team-keys';
import { fingerprint } from '../crypto/member-key';
import { groupRole } from '../db/postgres/roles';
import type { Context } from '../context';
import type { TeamKeyShare, TeamKeyView } from '../../../shared/domain/confidential';

function requireTeamRegister(ctx: Context): void {
  if (ctx.sql.dialect !== 'postgres') throw new VettedError('validation', 'A register file has one user: its data key comes from your key source, nothing is shared.');
}

const registerKey = (ctx: Context) => ctx.sql.get<RegisterKeyRow>('SELECT register_id, kdf_salt, key_check FROM crypto_keys WHERE id = 1');

async function waitingFor(ctx: Context, generation: number): Promise<string[]> {
  const listed = await listMemberKeys(ctx.sql, await groupRole(ctx.sql, 'readonly'));
  return listed.filter((m) => m.member && !m.generations.includes(generation)).map((m) => m.role);
}

export async function shareTeamKey(ctx: Context, options: { replaceMemberKey?: boolean } = {}): Promise<TeamKeyShare> {
  requireTeamRegister(ctx);
  return await ctx.write(async (tx) => {
    // Held with the sealing writers' (shared): a renewal does not slip between reading and wrapping.
    await holdDataKeyShared(tx.sql);
    const register = await registerKey(tx);
    const own = await publishMemberKey(tx.sql, tx.keys.keySource, register, options.replaceMemberKey ?? false);
    tx.keys.forget();
    const generation = await currentGeneration(tx.sql);
    let outcome: WrapOutcome = { wrappedFor: [], unusable: [] };
    if (register) {
      const held = await tx.keys.heldGenerations();
      outcome = await wrapForMembers(tx.sql, register, held, await groupRole(tx.sql, 'readonly'), own.role);
      tx.keys.forget();
    }
    const holds = register !== undefined && (await tx.keys.readKey()) !== null;
    return {
      role: own.role,
      fingerprint: fingerprint(own.pair.publicKey),
      published: own.created,
      generation,
      holds,
      wrappedFor: outcome.wrappedFor,
      unusable: outcome.unusable,
      waiting: register ? (await waitingFor(tx, generation)).filter((role) => role !== own.role) : [],
      problem: !register ? 'This team register has no data key yet: nothing confidential was saved on it, or moved into it.' : holds ? null : (await tx.keys.status()).problem,
    };
  });
}

export interface TeamKeyRenewal {
  generation: number;
  /** Members the new generation was wrapped for (their published keys), the one renewing among them. */
  wrappedFor: string[];
  /** Members with no published key: locked for new values until a holder shares it with them. */
  waiting: string[];
  /** Members whose published key is not a usable public key. */
  unusable: string[];
  /** Where the member key made for the one renewing is kept, when this renewal made it (null: they had one). */
  madeYours: string | null;
}

const RENEWAL_LOCK_WAIT = '10s';

/**
 * A new generation of the data key, wrapped for every remaining member's published key; values are
 * sealed with it from the moment this transaction ends. Takes the data key's lock alone: sealing
 * writers finish first, later ones wait and then use the new generation. The one renewing publishes
 * a member key first if they have none (so someone holds the new key); a renewal nobody would hold
 * is refused ('conflict'), changing nothing, since every confidential save would then be locked for
 * all. Null on a register with no data key (nothing was ever sealed: nothing to renew).
 */
export async function renewTeamKey(ctx: Context, reason: string): Promise<TeamKeyRenewal | null> {
  requireTeamRegister(ctx);
  return await ctx.write(async (tx) => {
    // A member holding a sealing transaction open (the shared lock) must not hold a removal off for
    // ever, their access with it: after a while the renewal gives up ('conflict'), changing nothing.
    await tx.sql.exec(`SET LOCAL lock_timeout = '${RENEWAL_LOCK_WAIT}'`);
    try {
      await holdDataKeyAlone(tx.sql);
    } catch (error) {
      if (error instanceof VettedError && error.code === 'busy') {
        throw new VettedError('conflict', `The data key was not renewed: a member's transaction held it for more than ${RENEWAL_LOCK_WAIT} (end it with pg_terminate_backend, then vetted team key renew).`);
      }
      throw error;
    }
    const register = await registerKey(tx);
    if (!register) return null;
    let madeYours: string | null = null;
    if (tx.keys.keySource) {
      try {
        const own = await publishMemberKey(tx.sql, tx.keys.keySource, register, false);
        if (own.created) madeYours = await memberKeyPlace(tx.sql, tx.keys.keySource);
      } catch (error) {
        // A member key this machine cannot make or open: the renewal goes on for the others.
        if (!(error instanceof VettedError)) throw error;
      }
    }
    const { generation, key } = await addGeneration(tx.sql, register, reason);
    const outcome = await wrapForMembers(tx.sql, register, new Map([[generation, key]]), await groupRole(tx.sql, 'readonly'), '');
    if (outcome.wrappedFor.length === 0) {
      throw new VettedError(
        'conflict',
        'The data key was not renewed: nobody would hold the new key (no remaining member has published a member key: each runs vetted team key share, or Share in Settings).',
      );
    }
    tx.keys.forget();
    return { generation, wrappedFor: outcome.wrappedFor, waiting: await waitingFor(tx, generation), unusable: outcome.unusable, madeYours };
  });
}

export async function listTeamKeys(ctx: Context): Promise<TeamKeyView> {
  requireTeamRegister(ctx);
  return await ctx.read(async (tx) => {
    const generation = await currentGeneration(tx.sql);
    const members = await listMemberKeys(tx.sql, await groupRole(tx.sql, 'readonly'));
    const own = await tx.sql.get<{ role: string; public_key: string | null }>('SELECT session_user AS role, (SELECT public_key FROM member_keys WHERE db_role = session_user) AS public_key');
    return {
      generation,
      you: { role: own!.role, fingerprint: own!.public_key ? fingerprint(own!.public_key) : null },
      members: members.map((m) => ({ role: m.role, fingerprint: fingerprint(m.publicKey), member: m.member, wrappedCurrent: m.generations.includes(generation), generations: m.generations })),
    };
  });
}

/** The team data key as the app shows it: null on a register file (one user, one key source). */
export async function teamKeyView(ctx: Context): Promise<TeamKeyView | null> {
  return ctx.sql.dialect === 'postgres' ? await listTeamKeys(ctx) : null;
}
