// The desktop app's key source: the data key is kept wrapped by the OS keychain through Electron's
// safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux), in a file in the
// app's data folder — never in the register. Linux without a keyring would make safeStorage
// "encrypt" with a hard-coded key (the basic_text backend): that is refused, with what to install.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { VettedError } from '../../shared/result';
import { assertRegisterId, KEY_BYTES, keyFileName, type KeySource } from '../core/crypto/key-sources';

type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export const NO_KEYRING_MESSAGE =
  'No OS keychain is available: Electron would keep the key in plain text (its "basic_text" backend). ' +
  'Install and unlock a keyring — GNOME Keyring (packages gnome-keyring and libsecret-1-0) or KWallet — and start Vetted again.';

export function keychainKeySource(keychain: Keychain, dir: string, platform: NodeJS.Platform = process.platform): KeySource {
  const fileOf = (registerId: string) => path.join(dir, keyFileName(registerId, '.wrapped'));
  const usable = () => {
    if (platform === 'linux' && keychain.getSelectedStorageBackend() === 'basic_text') throw new VettedError('locked', NO_KEYRING_MESSAGE);
    if (!keychain.isEncryptionAvailable()) throw new VettedError('locked', 'The OS keychain is not available (is it locked?).');
  };
  return {
    kind: 'keychain',
    describe: (id) => `the OS keychain (wrapped key ${fileOf(id)})`,
    load(id) {
      assertRegisterId(id);
      let wrapped: Buffer;
      try {
        wrapped = fs.readFileSync(fileOf(id));
      } catch {
        return null;
      }
      usable();
      let hex: string;
      try {
        hex = keychain.decryptString(wrapped);
      } catch {
        throw new VettedError('locked', `The OS keychain cannot unwrap ${fileOf(id)} (a different user or machine?).`);
      }
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new VettedError('locked', `${fileOf(id)} does not hold a Vetted key.`);
      return Buffer.from(hex, 'hex');
    },
    create(id) {
      assertRegisterId(id);
      usable();
      const key = randomBytes(KEY_BYTES);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(fileOf(id), keychain.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
      return key;
    },
  };
}
