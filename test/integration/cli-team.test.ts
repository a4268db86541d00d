// `vetted team` through the real CLI (issue 22): the team roles set up on a register on PostgreSQL,
// members added with a role, listed, removed; bad input named by its flag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { freshDatabase } from '../helpers/postgres';
import { runCliAsync } from '../helpers/cli';

test('vetted team: set up the roles, add a reviewer and an approver, list them, remove one', async () => {
  const { name, url } = await freshDatabase('vetted_cli_team');
  const alice = `alice_${randomBytes(3).toString('hex')}`;
  const bob = `bob_${randomBytes(3).toString('hex')}`;

  const setup = await runCliAsync(['team', 'setup', '--server', url]);
  assert.equal(setup.status, 0, setup.stderr);
  assert.match(setup.stdout, new RegExp(`${name}_readonly \\(reads\\), ${name}_reviewer .*, ${name}_approver \\(decides\\)`));

  const add = await runCliAsync(['team', 'add', alice, '--role', 'reviewer', '--server', url], { VETTED_MEMBER_PASSWORD: 'alice-pw' });
  assert.equal(add.status, 0, add.stderr);
  assert.equal(add.stdout, `${alice} is a reviewer of the register (a new login, with the password given).\n`);
  assert.equal((await runCliAsync(['team', 'add', bob, '--role', 'approver', '--server', url], { VETTED_MEMBER_PASSWORD: 'bob-pw' })).status, 0);
  // A role changed: the old one is taken away.
  assert.equal((await runCliAsync(['team', 'add', alice, '--role', 'readonly', '--server', url])).status, 0);

  const list = await runCliAsync(['team', 'list', '--server', url, '--json']);
  assert.equal(list.status, 0, list.stderr);
  assert.deepEqual(JSON.parse(list.stdout), [
    { login: alice, role: 'readonly' },
    { login: bob, role: 'approver' },
  ]);

  assert.equal((await runCliAsync(['team', 'remove', alice, '--server', url])).status, 0);
  assert.deepEqual(JSON.parse((await runCliAsync(['team', 'list', '--server', url, '--json'])).stdout), [{ login: bob, role: 'approver' }]);

  const badRole = await runCliAsync(['team', 'add', 'carol', '--role', 'admin', '--server', url]);
  assert.equal(badRole.status, 2);
  assert.match(badRole.stderr, /--role: one of readonly, reviewer, approver/);
  const noLogin = await runCliAsync(['team', 'add', `nobody_${randomBytes(3).toString('hex')}`, '--role', 'reviewer', '--server', url]);
  assert.equal(noLogin.status, 2);
  assert.match(noLogin.stderr, /LOGIN: there is no role .*: create it, or give a password/);
  const noServer = await runCliAsync(['team', 'list', '--server', '/tmp/file.db']);
  assert.equal(noServer.status, 2);
  assert.match(noServer.stderr, /--server: give the team register’s postgres:\/\/ URL/);
  assert.equal((await runCliAsync(['team'])).status, 1);
});
