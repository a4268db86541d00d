// Settings → Register (issue 22): the host that opens the file on this computer or a team register
// and changes between them while the app runs. Real register files, a real PostgreSQL, real lock
// files: a refused change leaves everything as it was; a change keeps the address without its
// password, the password only when asked and only in its private file; the file's lock is given
// up while the team register is open and taken again on the way back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { makeClient } from '../../shared/client';
import type { VettedApi } from '../../shared/api';
import { lockFileFor } from '../../electron/core/app-lock';
import { privateFileSecret } from '../../electron/core/crypto/secret-store';
import { RegisterHost, type RegisterHostOptions } from '../../electron/core/register/host';
import { GIVEN_AT_START } from '../../electron/core/register/switch';
import { asAdmin, demoTeamRegister, freshDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Another process (as `vetted serve` would) holding the register file's lock until killed. */
async function holdLockElsewhere(file: string): Promise<ChildProcess> {
  const script = `import { acquireAppLock } from ${JSON.stringify(path.resolve('electron/core/app-lock.ts'))}; acquireAppLock(${JSON.stringify(file)}, 'vetted serve'); console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  assert.match(line.toString(), /held/);
  return child;
}

interface Place {
  options: RegisterHostOptions;
  choiceFile: string;
  passwordFile: string;
  localFile: string;
}

function computer(extra: Partial<RegisterHostOptions> = {}): Place {
  const dir = tempDir('vetted-host-');
  const choiceFile = path.join(dir, 'config', 'team-register.json');
  const passwordFile = path.join(dir, 'keys', 'team-register.password');
  const localFile = path.join(dir, 'config', 'vetted.db');
  return {
    choiceFile,
    passwordFile,
    localFile,
    options: { localFile, choiceFile, password: privateFileSecret(passwordFile), lockName: 'test host', vetted: { logError: () => {} }, ...extra },
  };
}

/** A team register with the demo in it, and a reviewer's address (no password in it) and password. */
const teamRegister = (member: string) => demoTeamRegister('vetted_host', member);

async function names(api: VettedApi): Promise<string[]> {
  const listed = await api['vendor.list']({});
  assert.ok(listed.ok);
  return listed.value.map((v) => v.name).sort();
}

test('connecting: a refusal changes nothing; a connection keeps the address and, when asked, the password apart; the file is given back', async (t) => {
  const team = await teamRegister('gail');
  const place = computer();
  const host = await RegisterHost.start(place.options);
  t.after(() => host.close());
  const api = makeClient(host.dispatch);
  assert.ok((await api['vendor.create']({ name: 'Only on this computer', category: 'other' })).ok);
  const before = host.where();
  assert.equal(before.open.kind, 'file');
  assert.equal(before.open.location, place.localFile);
  assert.equal(before.switchable, true);
  assert.ok(fs.existsSync(lockFileFor(place.localFile)), 'the file is locked while open');

  // Refused: the wrong password; a password in the address; an address that is not PostgreSQL's.
  const wrong = await api['register.connect']({ url: team.url, password: 'not-it', remember: true });
  assert.ok(!wrong.ok);
  // About the field it concerns, not the app's own connection (which 'unauthorized' would mean to it).
  assert.equal(wrong.error.code, 'validation');
  assert.equal(wrong.error.details?.[0]?.path, 'password');
  assert.match(wrong.error.details?.[0]?.message ?? '', /refused the login/);
  const inAddress = await api['register.connect']({ url: team.url.replace('@', ':secret@'), remember: false });
  assert.ok(!inAddress.ok);
  assert.equal(inAddress.error.code, 'validation');
  assert.equal(inAddress.error.details?.[0]?.path, 'url');
  assert.match(inAddress.error.message, /Leave the password out of the address/);
  // A password or another server smuggled past a reading of the address by hand: refused as the driver reads it.
  for (const [smuggled, words] of [
    [`${team.url}?password=s3cret#@x/y`, /Leave the password out of the address/],
    [`${team.url}?host=evil.example`, /not in a host, hostaddr or port parameter/],
  ] as const) {
    const refused = await api['register.connect']({ url: smuggled, remember: false });
    assert.ok(!refused.ok);
    assert.equal(refused.error.details?.[0]?.path, 'url');
    assert.match(refused.error.message, words);
  }
  const notPg = await api['register.connect']({ url: 'mysql://gail@db/vetted', remember: false });
  assert.ok(!notPg.ok);
  assert.match(notPg.error.message, /starting with postgres:\/\//);
  assert.deepEqual(host.where(), before, 'nothing changed');
  assert.ok(!fs.existsSync(place.choiceFile), 'no choice written');
  assert.ok(!fs.existsSync(place.passwordFile), 'no password kept');
  assert.deepEqual(await names(api), ['Only on this computer']);

  // Connected, the password kept on request.
  const connected = await api['register.connect']({ url: team.url, password: team.password, remember: true });
  assert.ok(connected.ok, connected.ok ? '' : connected.error.message);
  assert.equal(connected.value.open.kind, 'team');
  assert.equal(connected.value.open.server, team.server);
  assert.deepEqual(connected.value.savedTeam, { location: team.url, passwordKept: true });
  assert.ok((await names(api)).includes('Tidewater Postgres'), 'calls now go to the team register');
  assert.ok(!(await names(api)).includes('Only on this computer'));
  const choice = fs.readFileSync(place.choiceFile, 'utf8');
  assert.deepEqual(JSON.parse(choice), { url: team.url });
  assert.ok(!choice.includes(team.password), 'the address is kept without the password');
  assert.equal(fs.readFileSync(place.passwordFile, 'utf8'), team.password);
  assert.equal(fs.statSync(place.passwordFile).mode & 0o777, 0o600);
  assert.ok(!fs.existsSync(lockFileFor(place.localFile)), 'the file is no longer locked by this app');
  const info = await api['app.info']({});
  assert.ok(info.ok);
  assert.equal(info.value.teamRegister, team.server);

  // Started again: straight onto the team register, with the kept password.
  host.close();
  const again = await RegisterHost.start(place.options);
  t.after(() => again.close());
  const againApi = makeClient(again.dispatch);
  assert.equal(again.where().open.kind, 'team');
  assert.equal(again.where().teamProblem, null);
  assert.ok((await names(againApi)).includes('Tidewater Postgres'));

  // Back to the file: its providers, its lock, and the choice and the password forgotten.
  const back = await againApi['register.disconnect']({});
  assert.ok(back.ok);
  assert.equal(back.value.open.kind, 'file');
  assert.equal(back.value.savedTeam, null);
  assert.deepEqual(await names(againApi), ['Only on this computer']);
  assert.ok(fs.existsSync(lockFileFor(place.localFile)));
  assert.ok(!fs.existsSync(place.choiceFile));
  assert.ok(!fs.existsSync(place.passwordFile));
});

test('a chosen team register that cannot be opened at start: the file opens, and says so', async (t) => {
  const team = await teamRegister('hugo');
  const place = computer();
  const first = await RegisterHost.start(place.options);
  assert.ok((await makeClient(first.dispatch)['register.connect']({ url: team.url, password: team.password, remember: false })).ok);
  assert.ok(!fs.existsSync(place.passwordFile), 'not kept unless asked');
  first.close();

  // No password anywhere now: the server refuses the login.
  const saved = process.env.PGPASSWORD;
  delete process.env.PGPASSWORD;
  t.after(() => {
    if (saved !== undefined) process.env.PGPASSWORD = saved;
  });
  const host = await RegisterHost.start(place.options);
  t.after(() => host.close());
  const where = host.where();
  assert.equal(where.open.kind, 'file');
  assert.match(where.teamProblem ?? '', new RegExp(`The team register on ${team.server.replace(/[.]/g, '\\.')} could not be opened: The team register’s server asks for a password, and none was given`));
  assert.deepEqual(where.savedTeam, { location: team.url, passwordKept: false });

  // Connecting again with the password clears it.
  const again = await makeClient(host.dispatch)['register.connect']({ url: team.url, password: team.password, remember: false });
  assert.ok(again.ok);
  assert.equal(again.value.teamProblem, null);
  assert.equal(again.value.open.kind, 'team');
});

test('going back to the file is refused while another Vetted has it open, and the team register stays', async (t) => {
  const team = await teamRegister('ines');
  const place = computer();
  const host = await RegisterHost.start(place.options);
  t.after(() => host.close());
  const api = makeClient(host.dispatch);
  assert.ok((await api['register.connect']({ url: team.url, password: team.password, remember: true })).ok);
  const other = await holdLockElsewhere(place.localFile);
  t.after(() => other.kill());
  const refused = await api['register.disconnect']({});
  assert.ok(!refused.ok);
  assert.match(refused.error.message, /vetted serve/);
  assert.equal(host.where().open.kind, 'team', 'still on the team register');
  assert.ok(fs.existsSync(place.choiceFile), 'still chosen');
  assert.ok(fs.existsSync(place.passwordFile), 'its password still kept');
});

test('a database holding something else is refused, and the file stays open', async (t) => {
  const { name, url } = await freshDatabase('vetted_host_other');
  await asAdmin((c) => c.query('CREATE TABLE payroll (id int)'), name);
  const address = new URL(url);
  const password = decodeURIComponent(address.password);
  address.password = '';
  const place = computer();
  const host = await RegisterHost.start(place.options);
  t.after(() => host.close());
  const refused = await makeClient(host.dispatch)['register.connect']({ url: address.toString(), password, remember: false });
  assert.ok(!refused.ok);
  assert.match(refused.error.message, /payroll|other tables|not a Vetted register/i);
  assert.equal(host.where().open.kind, 'file');
  assert.ok(!fs.existsSync(place.choiceFile));
});

test('a register given at start cannot be changed from Settings', async (t) => {
  const place = computer();
  const host = await RegisterHost.start({ ...place.options, pinned: place.localFile });
  t.after(() => host.close());
  const api = makeClient(host.dispatch);
  const where = await api['register.where']({});
  assert.ok(where.ok);
  assert.equal(where.value.switchable, false);
  assert.equal(where.value.fixedBecause, GIVEN_AT_START);
  for (const refused of [await api['register.connect']({ url: 'postgres://x@127.0.0.1:1/vetted', remember: false }), await api['register.disconnect']({})]) {
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'unavailable');
    assert.equal(refused.error.message, GIVEN_AT_START);
  }
});

test('a password the keychain refuses to keep leaves the choice as it was, and the file open', async (t) => {
  const team = await teamRegister('jude');
  const place = computer();
  const refusing = { ...privateFileSecret(place.passwordFile), save: () => { throw new Error('the keychain is locked'); } };
  const host = await RegisterHost.start({ ...place.options, password: refusing });
  t.after(() => host.close());
  const refused = await makeClient(host.dispatch)['register.connect']({ url: team.url, password: team.password, remember: true });
  assert.ok(!refused.ok);
  assert.equal(host.where().open.kind, 'file');
  assert.ok(!fs.existsSync(place.choiceFile), 'not chosen: the next start opens the file');
});

test('a restore runs with the register closed: calls meanwhile are refused, a change of register waits, the same register opens again', async (t) => {
  const place = computer();
  const host = await RegisterHost.start(place.options);
  t.after(() => host.close());
  const api = makeClient(host.dispatch);
  assert.ok((await api['vendor.create']({ name: 'Before the restore', category: 'other' })).ok);
  const order: string[] = [];
  let changing: Promise<unknown> | undefined;
  await host.whileClosed(async () => {
    // From the window: refused in words, nothing changed.
    const during = await api['register.disconnect']({});
    assert.ok(!during.ok && during.error.code === 'unavailable' && /being replaced/.test(during.error.message));
    // A change already on its way in the host takes its turn after the restore.
    changing = host.disconnect().then(() => order.push('change'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('restore');
  });
  await changing;
  assert.deepEqual(order, ['restore', 'change'], 'the change of register waited for the restore');
  assert.deepEqual(await names(api), ['Before the restore'], 'the same register opened again');
  assert.ok(fs.existsSync(lockFileFor(place.localFile)), 'its lock kept throughout');
});
