// The desktop app's key source, with a stand-in for Electron's safeStorage (no Electron binary here):
// the key is wrapped by the keychain in a 0600 file, and Linux's plain-text fallback is refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { keychainKeySource, NO_KEYRING_MESSAGE } from '../../electron/app/keychain-key-source';
import { tempDir } from '../helpers/tmp';

function fakeKeychain(backend = 'gnome_libsecret', available = true) {
  const secret = 0x5a;
  return {
    getSelectedStorageBackend: () => backend as never,
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ secret)),
    decryptString: (wrapped: Buffer) => {
      if (wrapped[0] === 0) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from([...wrapped].map((b) => b ^ secret)).toString();
    },
  };
}

test('a key is made once, stored wrapped (never as plain hex) in a 0600 file, and unwrapped again', () => {
  const dir = path.join(tempDir(), 'keys');
  const source = keychainKeySource(fakeKeychain(), dir, 'linux');
  assert.equal(source.load('00000000-0000-4000-8000-000000000001', Buffer.alloc(16)), null);
  const key = source.create('00000000-0000-4000-8000-000000000001', Buffer.alloc(16));
  const file = path.join(dir, '00000000-0000-4000-8000-000000000001.wrapped');
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.equal(fs.readFileSync(file).includes(Buffer.from(key.toString('hex'))), false);
  assert.deepEqual(source.load('00000000-0000-4000-8000-000000000001', Buffer.alloc(16)), key);
  assert.throws(() => source.create('00000000-0000-4000-8000-000000000001', Buffer.alloc(16)), /EEXIST/, 'an existing key is never overwritten');
});

test("Linux's basic_text backend is refused with what to install; an unavailable keychain is named", () => {
  const dir = tempDir();
  assert.throws(() => keychainKeySource(fakeKeychain('basic_text'), dir, 'linux').create('00000000-0000-4000-8000-000000000003', Buffer.alloc(16)), (e: Error) => e.message === NO_KEYRING_MESSAGE);
  assert.match(NO_KEYRING_MESSAGE, /gnome-keyring/);
  assert.throws(() => keychainKeySource(fakeKeychain('gnome_libsecret', false), dir, 'linux').create('00000000-0000-4000-8000-000000000003', Buffer.alloc(16)), /not available/);
  // On macOS and Windows there is no basic_text fallback to refuse.
  assert.ok(keychainKeySource(fakeKeychain('unknown'), dir, 'darwin').create('00000000-0000-4000-8000-000000000003', Buffer.alloc(16)).length === 32);
});

test('a wrapped key the keychain cannot unwrap is a clear locked error', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '00000000-0000-4000-8000-000000000003.wrapped'), Buffer.from([0, 1, 2]));
  assert.throws(() => keychainKeySource(fakeKeychain(), dir, 'linux').load('00000000-0000-4000-8000-000000000003', Buffer.alloc(16)), /cannot unwrap/);
});
