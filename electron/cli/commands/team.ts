// `vetted team setup|add|remove|list --server postgres://…`: the people of a team register
// (db/postgres/roles.ts). Run by the register's owner or an administrator of the server.
import { VettedError } from '../../../shared/result';
import { addTeamMember, listTeamMembers, removeTeamMember, setUpTeamRoles, TEAM_ROLES, type TeamRole } from '../../core/db/postgres/roles';
import { isServerLocation, openStore } from '../../core/db/store/open-store';
import type { Store } from '../../core/db/store/sql';
import { inputError, usageError } from '../cli-error';

const USAGE = `usage: vetted team setup --server postgres://OWNER@HOST/DB
       vetted team add LOGIN --role readonly|reviewer|approver --server URL   (a new login's password from $VETTED_MEMBER_PASSWORD)
       vetted team remove LOGIN --server URL
       vetted team list --server URL [--json]`;

export async function teamCommand(sub: string | undefined, positionals: string[], flags: { server?: string; role?: string; json?: boolean }): Promise<void> {
  if (!sub || !['setup', 'add', 'remove', 'list'].includes(sub)) throw usageError(USAGE);
  if (!flags.server || !isServerLocation(flags.server)) throw inputError('--server: give the team register’s postgres:// URL (the password in $PGPASSWORD or ~/.pgpass)');
  let role: TeamRole | undefined;
  if (sub === 'add') {
    if (positionals.length !== 1) throw usageError(USAGE);
    if (!TEAM_ROLES.includes(flags.role as TeamRole)) throw inputError(`--role: one of ${TEAM_ROLES.join(', ')}`);
    role = flags.role as TeamRole;
  }
  if (sub === 'remove' && positionals.length !== 1) throw usageError(USAGE);

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
      await opened.write((tx) => removeTeamMember(tx, login));
      process.stdout.write(`${login} is no longer a member of the register (the login itself stays).\n`);
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
