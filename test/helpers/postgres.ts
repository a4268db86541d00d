// A PostgreSQL for the tests: the cluster `npm test` started for the whole run ($VETTED_TEST_PG, an
// admin URL), or one this test file starts for itself (scripts/pg-cluster.mjs) when run alone. Each
// caller gets a database of its own, dropped when the file ends. Loopback only.
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { addTeamMember, setUpTeamRoles, type TeamRole } from '../../electron/core/db/postgres/roles';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { openVetted } from '../../electron/core/vetted';
import { startCluster, type TestCluster } from '../../scripts/pg-cluster.mjs';

let cluster: Promise<TestCluster> | undefined;

/** The admin URL of the tests' server (starting one for this file when the run did not). */
export async function adminUrl(): Promise<string> {
  const shared = process.env.VETTED_TEST_PG;
  if (shared) return shared;
  // Stopped when this process exits (pg-cluster.mjs kills it then): node:test's `after` called
  // from inside a test would stop it after that one test.
  cluster ??= startCluster({ unref: true });
  return (await cluster).url;
}

/** Runs SQL as the cluster's admin on one of its databases (default: the maintenance one). */
export async function asAdmin<T>(work: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const url = new URL(await adminUrl());
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database (owned by the admin) and its URL; dropped after the file. */
export async function freshDatabase(prefix = 'vetted_test'): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  after(async () => {
    await asAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  const url = new URL(await adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * Sets the register's team roles up (as `ownerUrl`, its owner) and adds a member signing in with a
 * password; returns the URL the member connects with.
 */
export async function teamMemberUrl(ownerUrl: string, login: string, role: TeamRole, password: string): Promise<string> {
  const owner = new PgStore(ownerUrl);
  try {
    await owner.write(async (tx) => {
      await setUpTeamRoles(tx);
      await addTeamMember(tx, login, role, password);
    });
  } finally {
    await owner.close();
  }
  const member = new URL(ownerUrl);
  member.username = login;
  member.password = password;
  return member.toString();
}

export interface DemoTeamRegister {
  name: string;
  ownerUrl: string;
  /** The member's login. */
  member: string;
  /** The member's address, without the password. */
  url: string;
  password: string;
  /** "host:port/database", as the app names the register. */
  server: string;
}

/** A team register holding the demo (loaded by its owner) and one member, a reviewer signing in with a password. */
export async function demoTeamRegister(prefix: string, login: string): Promise<DemoTeamRegister> {
  const { name, url: ownerUrl } = await freshDatabase(prefix);
  const owner = await openVetted(ownerUrl, { logError: () => {} });
  try {
    const demo = await owner.api['demo.load']({});
    if (!demo.ok) throw new Error(`demo.load: ${demo.error.message}`);
  } finally {
    owner.close();
  }
  const member = `${login}_${name}`;
  const password = `${login}-pw-1`;
  const address = new URL(await teamMemberUrl(ownerUrl, member, 'reviewer', password));
  address.password = '';
  return { name, ownerUrl, member, url: address.toString(), password, server: `${address.host}/${name}` };
}
