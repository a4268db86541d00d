import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contract } from '../../shared/api';
import { makeClient } from '../../shared/client';
import { OPERATION_NAMES } from '../../shared/operations';
import { APP_VERSION } from '../../electron/core/version';
import { REPO_ROOT } from '../helpers/cli';

test('the operation list used by the preload matches the contract exactly', () => {
  assert.deepEqual([...OPERATION_NAMES].sort(), Object.keys(contract).sort());
});

test('makeClient offers one method per operation and passes name and input to the transport', async () => {
  const calls: [string, unknown][] = [];
  const client = makeClient(async (op, input) => {
    calls.push([op, input]);
    return { ok: true, value: op };
  });
  for (const name of OPERATION_NAMES) {
    const result = await (client[name] as (i: unknown) => Promise<{ ok: boolean; value?: unknown }>)({ probe: name });
    assert.deepEqual(result, { ok: true, value: name });
  }
  assert.deepEqual(calls.map(([op]) => op), [...OPERATION_NAMES]);
});

test('every operation input is an object schema that refuses unknown fields', () => {
  for (const [name, op] of Object.entries(contract)) {
    const result = op.input.safeParse({ definitelyNotAField: 1 });
    assert.equal(result.success, false, name);
  }
});

test('the version the app reports matches package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(APP_VERSION, pkg.version);
});
