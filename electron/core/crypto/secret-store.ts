// One secret the app keeps for the user on this computer: the team register's password (Settings →
// Register). In the desktop app it is wrapped by the OS keychain (electron/app/keychain-secret.ts);
// in browser mode it is a private file in the key folder, protected as the key files beside it are
// (mode 0600, refused when others can read it), never in the register or its folder.
import fs from 'node:fs';
import path from 'node:path';
import { privateFileToRead } from '../private-files';

export interface SecretStore {
  /** Where the secret is kept, in words for Settings. */
  describe: string;
  /** The secret, or null when none is kept. Throws a VettedError('locked') when it is there but cannot be read. */
  load(): string | null;
  /** Whether one is kept, without reading it (no keychain prompt, no decryption: Settings only says so). */
  has(): boolean;
  save(secret: string): void;
  remove(): void;
}

export function privateFileSecret(file: string): SecretStore {
  return {
    describe: `a private file on this computer (${file}, readable by your user only)`,
    load() {
      return privateFileToRead(file, 'The kept password') ? fs.readFileSync(file, 'utf8') : null;
    },
    has: () => fs.existsSync(file),
    save(secret) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, secret, { mode: 0o600 });
      fs.renameSync(temporary, file);
    },
    remove() {
      fs.rmSync(file, { force: true });
    },
  };
}
