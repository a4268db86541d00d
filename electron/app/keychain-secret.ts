// The desktop app keeps a team register's password (Settings → Register, "Remember") wrapped by the
// OS keychain through Electron's safeStorage, in a file in the app's key folder; the same refusal of
// Linux's plain-text backend as the data key (keychain-key-source.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { VettedError } from '../../shared/result';
import type { SecretStore } from '../core/crypto/secret-store';
import { NO_KEYRING_MESSAGE } from './keychain-key-source';

type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function keychainSecret(keychain: Keychain, file: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const usable = () => {
    if (platform === 'linux' && keychain.getSelectedStorageBackend() === 'basic_text') throw new VettedError('locked', NO_KEYRING_MESSAGE);
    if (!keychain.isEncryptionAvailable()) throw new VettedError('locked', 'The OS keychain is not available (is it locked?).');
  };
  return {
    describe: `the OS keychain (wrapped in ${file})`,
    load() {
      let wrapped: Buffer;
      try {
        wrapped = fs.readFileSync(file);
      } catch {
        return null;
      }
      usable();
      try {
        return keychain.decryptString(wrapped);
      } catch {
        throw new VettedError('locked', `The OS keychain cannot unwrap the kept password ${file} (a different user or machine?).`);
      }
    },
    has: () => fs.existsSync(file),
    save(secret) {
      usable();
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, keychain.encryptString(secret), { mode: 0o600 });
      fs.renameSync(temporary, file);
    },
    remove() {
      fs.rmSync(file, { force: true });
    },
  };
}
