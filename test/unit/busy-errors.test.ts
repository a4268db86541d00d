// Every way SQLite says "another connection holds the lock" reaches the caller as 'busy' with a
// message that says what to do — never 'internal' (a bug) nor 'conflict' (a clash with stored data).
// The CLI turns it into its own exit code (75), apart from bad input (2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { busyEndsCommand, writeWaitFromEnv } from '../../electron/cli/busy';
import { CliError, EXIT } from '../../electron/cli/cli-error';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { fail, ok } from '../../shared/result';

const sqliteError = (code: string) => Object.assign(new Error('database is locked'), { code });

for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) {
  test(`the dispatcher answers ${code} as busy, telling the user to try again`, async () => {
    const logged: unknown[] = [];
    const handlers = { 'vendor.list': () => { throw sqliteError(code); } } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { logError: (_op, error) => logged.push(error) });
    const result = await dispatch('vendor.list', {});
    assert.equal(result.ok, false, 'the call failed');
    if (result.ok) return;
    assert.equal(result.error.code, 'busy', `${code} is busy (got ${result.error.code})`);
    assert.match(result.error.message, /Another Vetted is writing the register.*Try again/, 'the message names what to do');
    assert.equal(logged.length, 0, 'a busy register is not logged as a bug');
  });
}

test('the dispatcher still answers other SQLite errors as internal', async () => {
  const handlers = { 'vendor.list': () => { throw sqliteError('SQLITE_CORRUPT'); } } as unknown as Handlers;
  const result = await createDispatcher(handlers, { logError: () => {} })('vendor.list', {});
  assert.equal(!result.ok && result.error.code, 'internal', 'a corrupt file is not busy');
});

test('in the CLI a busy answer ends the command with exit 75; other answers pass through', async () => {
  const busy = busyEndsCommand(async () => fail('busy', 'Another Vetted is writing the register; this change was not saved. Try again.'));
  await assert.rejects(
    busy('vendor.list', {}),
    (error: unknown) => error instanceof CliError && error.exitCode === EXIT.busy && EXIT.busy === 75 && /Try again/.test(error.message),
    'busy becomes exit 75 with the message',
  );
  const invalid = await busyEndsCommand(async () => fail('validation', 'name: required'))('vendor.list', {});
  assert.deepEqual(invalid, fail('validation', 'name: required'), 'other failures are left to the command');
  assert.deepEqual(await busyEndsCommand(async () => ok(1))('vendor.list', {}), ok(1), 'a success passes through');
});

test('$VETTED_BUSY_WAIT_MS is a whole number of milliseconds', () => {
  assert.equal(writeWaitFromEnv({}), undefined, 'unset: the default wait');
  assert.equal(writeWaitFromEnv({ VETTED_BUSY_WAIT_MS: '0' }), 0, '0: give up after busy_timeout');
  assert.equal(writeWaitFromEnv({ VETTED_BUSY_WAIT_MS: '1500' }), 1500, 'a number of milliseconds');
  assert.throws(() => writeWaitFromEnv({ VETTED_BUSY_WAIT_MS: '2s' }), (e: unknown) => e instanceof CliError && e.exitCode === EXIT.input && /VETTED_BUSY_WAIT_MS/.test(e.message), 'a bad value names the variable');
});
