// A reviewer connects as themselves over TLS (issue 22): with a client certificate and no password,
// the server's certificate verified (sslmode=verify-full); without the certificate, or over a
// connection that is not TLS, the server refuses; a server certificate from another CA is refused
// by Vetted. A cluster of its own, started with TLS, on loopback only.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import path from 'node:path';
import { migratePostgres } from '../../electron/core/db/postgres/migrate';
import { addTeamMember, setUpTeamRoles } from '../../electron/core/db/postgres/roles';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { VettedError } from '../../shared/result';
import { startCluster } from '../../scripts/pg-cluster.mjs';
import { runCliAsync } from '../helpers/cli';

const cluster = await startCluster({
  unref: true,
  tls: true,
  hba: ['hostssl all alice 127.0.0.1/32 cert', 'host all alice 127.0.0.1/32 reject'],
});
after(() => cluster.stop());

function urlFor(login: string, params: Record<string, string>, password?: string): string {
  const url = new URL(`postgres://127.0.0.1:${cluster.port}/register`);
  url.username = login;
  if (password) url.password = password;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

test('a member signs in with a certificate over verified TLS; without it, or without TLS, the server says no', async () => {
  const admin = new PgStore(cluster.url);
  await admin.exec('CREATE DATABASE register');
  await admin.close();
  const owner = new PgStore(cluster.url.replace(/\/postgres$/, '/register'));
  try {
    await migratePostgres(owner);
    await owner.write(async (tx) => {
      await setUpTeamRoles(tx);
      await tx.exec('CREATE ROLE alice LOGIN');
      await addTeamMember(tx, 'alice', 'reviewer');
    });
  } finally {
    await owner.close();
  }

  const alice = cluster.clientCert('alice');
  const verified = { sslmode: 'verify-full', sslrootcert: cluster.ca!, sslcert: alice.cert, sslkey: alice.key };
  const store = new PgStore(urlFor('alice', verified));
  try {
    const session = await store.get<{ who: string; tls: boolean }>('SELECT current_user AS who, ssl AS tls FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    assert.deepEqual(session, { who: 'alice', tls: true });
    assert.deepEqual(await store.get('SELECT count(*) AS n FROM vendors'), { n: 0 });
  } finally {
    await store.close();
  }

  // Through the CLI, as a member would run it.
  const listed = await runCliAsync(['team', 'list', '--server', urlFor('alice', verified), '--json']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(JSON.parse(listed.stdout), [{ login: 'alice', role: 'reviewer' }]);

  const refusedBy = async (url: string, code: string, pattern: RegExp) => {
    const attempt = new PgStore(url);
    try {
      const error = await attempt.get('SELECT 1').then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error instanceof VettedError, `${url}: ${String(error)}`);
      assert.equal(error.code, code);
      assert.match(error.message, pattern);
    } finally {
      await attempt.close();
    }
  };
  // TLS without her certificate, and no TLS at all: the server refuses.
  await refusedBy(urlFor('alice', { sslmode: 'verify-full', sslrootcert: cluster.ca! }, 'guess'), 'unauthorized', /refused the login/);
  await refusedBy(urlFor('alice', {}, 'guess'), 'unauthorized', /refused the login/);
  // A server whose certificate is not from the CA Vetted was told to trust: Vetted refuses it.
  const other = path.join(path.dirname(cluster.ca!), 'client-alice.crt'); // any certificate that is not the CA
  await refusedBy(urlFor('alice', { ...verified, sslrootcert: other }), 'unavailable', /could not be trusted/);
});
