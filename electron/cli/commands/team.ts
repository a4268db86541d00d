// `vetted team setup|add|remove|list --server postgres://…`: the people of a team register
// (db/postgres/roles.ts). Run by the register's owner or an administrator of the server.
// `vetted team key share|renew|list`: its data key, wrapped per member (services/team-keys.ts).
import { VettedError } from '../../../shared/result';
import { createContext } from '../../core/context';
import { keySourceFromEnv } from '../../core/crypto/key-sources';
import { addTeamMember, listTeamMembers, removeTeamMember, setUpTeamRoles, TEAM_ROLES, type TeamRole } from '../../core/db/postgres/roles';
import { isServerLocation, openStore } from '../../core/db/store/open-store';
import type { Store } from '../../core/db/store/sql';
import { listTeamKeys, renewTeamKey, shareTeamKey, type TeamKeyRenewal } from '../../core/services/team-keys';
import { inputError, usageError } from '../cli-error';

const USAGE = `usage: vetted team setup --server postgres://OWNER@HOST/DB
       vetted team add LOGIN --role readonly|reviewer|approver --server URL   (a new login's password from $VETTED_MEMBER_PASSWORD)
       vetted team remove LOGIN --server URL
       vetted team list --server URL [--json]
       vetted team key share [--replace-member-key] --server URL   (your key source: $VETTED_KEY_FILE, $VETTED_PASSPHRASE or the key folder)
       vetted team key renew --server URL
       vetted team key list --server URL [--json]`;

type TeamFlags = { server?: string; role?: string; json?: boolean; replaceMemberKey?: boolean };

export async function teamCommand(sub: string | undefined, positionals: string[], flags: TeamFlags): Promise<void> {
  if (!sub || !['setup', 'add', 'remove', 'list', 'key'].includes(sub)) throw usageError(USAGE);
  if (!flags.server || !isServerLocation(flags.server)) throw inputError('--server: give the team register’s postgres:// URL (the password in $PGPASSWORD or ~/.pgpass)');
  let role: TeamRole | undefined;
  if (sub === 'add') {
    if (positionals.length !== 1) throw usageError(USAGE);
    if (!TEAM_ROLES.includes(flags.role as TeamRole)) throw inputError(`--role: one of ${TEAM_ROLES.join(', ')}`);
    role = flags.role as TeamRole;
  }
  if (sub === 'remove' && positionals.length !== 1) throw usageError(USAGE);
  if (sub === 'key' && (positionals.length !== 1 || !['share', 'renew', 'list'].includes(positionals[0]!))) throw usageError(USAGE);

  let store: Store | undefined;
  try {
    store = await openStore(flags.server);
    const opened = store;
    if (sub === 'setup') {
      const names = await opened.write((tx) => setUpTeamRoles(tx));
      process.stdout.write(`The register's team roles: ${names.readonly} (reads), ${names.reviewer} (changes, no decisions), ${names.approver} (decides).\n`);
    } else if (sub === 'add') {
      const login = positionals[0]!;
      const how = await opened.write((tx) => addTeamMember(tx, login, role!, process.env.VETTED_MEMBER_PASSWORD || undefined));
      process.stdout.write(`${login} is a ${role} of the register${how === 'created' ? ' (a new login, with the password given)' : ''}.\n`);
    } else if (sub === 'remove') {
      const login = positionals[0]!;
      // One transaction: the member goes and the data key is renewed, or neither.
      const ctx = createContext(opened, { keySource: keySourceFromEnv(undefined) });
      const renewal = await ctx.write(async (tx) => {
        await removeTeamMember(tx.sql, login);
        try {
          return await renewTeamKey(tx, `${login} removed`);
        } catch (error) {
          // Nobody would hold a new key: the member still goes (their access matters more), said loudly.
          if (error instanceof VettedError && error.code === 'conflict') return error.message;
          throw error;
        }
      });
      process.stdout.write(`${login} is no longer a member of the register (the login itself stays; their published member key is withdrawn).\n`);
      if (typeof renewal === 'string') process.stderr.write(`vetted: ${renewal} ${login} can still open what is sealed until it is renewed: vetted team key renew.\n`);
      else if (renewal) process.stdout.write(renewalText(renewal));
    } else if (sub === 'key') {
      await teamKeyCommand(opened, positionals[0]!, flags);
    } else {
      const members = await opened.read((tx) => listTeamMembers(tx));
      if (flags.json) process.stdout.write(JSON.stringify(members, null, 2) + '\n');
      else if (members.length === 0) process.stdout.write('No members yet (vetted team add LOGIN --role …).\n');
      else for (const m of members) process.stdout.write(`${m.login.padEnd(32)} ${m.role}\n`);
    }
  } catch (error) {
    if (error instanceof VettedError && error.code !== 'busy') throw inputError(error.message);
    throw error;
  } finally {
    await store?.close();
  }
}

function renewalText(renewal: TeamKeyRenewal): string {
  const lines = [`The data key was renewed (generation ${renewal.generation}): what is sealed from now on opens only for the members it was wrapped for.`];
  if (renewal.madeYours) lines.push(`Your member key was made for it (${renewal.madeYours}): keep it as you keep a key file.`);
  if (renewal.wrappedFor.length) lines.push(`Wrapped for: ${renewal.wrappedFor.join(', ')}.`);
  if (renewal.waiting.length) lines.push(`Not yet (no member key published): ${renewal.waiting.join(', ')}; they run vetted team key share, then a member holding the key runs it too.`);
  if (renewal.unusable.length) lines.push(`Not usable (a published key that is not a public key): ${renewal.unusable.join(', ')}; they publish a new one (vetted team key share --replace-member-key).`);
  return lines.join('\n') + '\n';
}

async function teamKeyCommand(store: Store, action: string, flags: TeamFlags): Promise<void> {
  const ctx = createContext(store, { keySource: keySourceFromEnv(undefined) });
  const out = (text: string): void => void process.stdout.write(text);
  if (action === 'share') {
    const share = await shareTeamKey(ctx, { replaceMemberKey: flags.replaceMemberKey });
    if (flags.json) return out(JSON.stringify(share, null, 2) + '\n');
    out(`${share.published ? 'Published your member key' : 'Your member key'} (${share.role}): fingerprint ${share.fingerprint}.\n`);
    if (share.wrappedFor.length) out(`Wrapped the data key for: ${share.wrappedFor.join(', ')}.\n`);
    if (share.problem) out(`${share.problem}\n`);
    else out(`You hold the data key (generation ${share.generation}).\n`);
    if (share.waiting.length) out(`The current data key is not wrapped for: ${share.waiting.join(', ')}.\n`);
    if (share.unusable.length) out(`Not usable (a published key that is not a public key): ${share.unusable.join(', ')}.\n`);
  } else if (action === 'renew') {
    const renewal = await renewTeamKey(ctx, 'renewed by hand');
    if (flags.json) return out(JSON.stringify(renewal, null, 2) + '\n');
    out(renewal ? renewalText(renewal) : 'This register has no data key yet: nothing to renew.\n');
  } else {
    const listing = await listTeamKeys(ctx);
    if (flags.json) return out(JSON.stringify(listing, null, 2) + '\n');
    out(`The data key's generation: ${listing.generation}.\n`);
    if (listing.members.length === 0) out('No member has published a key yet (vetted team key share).\n');
    for (const m of listing.members) {
      const state = !m.member ? 'not a member' : m.wrappedCurrent ? 'current key wrapped for them' : 'waiting for the current key';
      out(`${m.role.padEnd(32)} ${m.fingerprint}  ${state}${m.generations.length ? ` (generations ${m.generations.join(', ')})` : ''}\n`);
    }
  }
}
