// Where a register's data key comes from when Vetted runs without Electron (CLI, browser mode,
// tests): a key file outside the register, or a passphrase. The desktop app adds the OS keychain
// (electron/app/keychain-key-source.ts). The key itself is never written into the register.
import { randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { VettedError } from '../../../shared/result';
import { appDataDir, keyFolder } from '../paths';
import { privateFileToRead } from '../private-files';

export const KEY_BYTES = 32;

export interface KeySource {
  kind: 'keychain' | 'key-file' | 'passphrase';
  /** Where the key is, in words for the settings page and error messages. */
  describe(registerId: string): string;
  /** The register's key, or null when none exists there yet. Throws a VettedError('locked') it cannot be read. */
  load(registerId: string, salt: Buffer): Buffer | null;
  /** Makes and stores a new key for the register. */
  create(registerId: string, salt: Buffer): Buffer;
  /**
   * Where a member's own secret for a team register is kept, when not here (crypto/team-keys.ts):
   * one key file given for every register holds a data key, never a member's own secret.
   */
  memberKeys?: KeySource;
}

/**
 * A register id names its key file, so only the UUIDs registers make may ever be looked up or
 * made as one (an id from an imported file could otherwise be a "../" path).
 */
export function assertRegisterId(registerId: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(registerId)) {
    throw new VettedError('validation', `registerId: "${registerId.slice(0, 40)}" is not a register id (a UUID); no key file is looked up for it.`);
  }
}

export function keyFileName(registerId: string, extension = '.key'): string {
  return `${registerId}${extension}`;
}

/** The default key file: one per register, in the key folder (paths.ts), apart from the default register's folder. */
export function defaultKeyFile(registerId: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(keyFolder(env), keyFileName(registerId));
}

/** Where Vetted before 0.2 made the default key file: beside the default register, in the app data folder. */
export function legacyKeyFile(registerId: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'keys', keyFileName(registerId));
}

/**
 * Moves a key file from the old default place into the key folder, so an existing user's
 * confidential data still opens and the register's folder stops carrying its key. Returns false
 * when it could not be moved (then it is read where it is).
 */
function moveLegacyKey(from: string, to: string): boolean {
  try {
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    try {
      fs.linkSync(from, to); // never replaces a key already in the new place
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      fs.writeFileSync(to, fs.readFileSync(from), { flag: 'wx', mode: 0o600 });
    }
    fs.rmSync(from);
    return true;
  } catch {
    return false;
  }
}

/** The default key file source: the key folder, and the old place beside the register for keys made before. */
function defaultKeyFileSource(env: NodeJS.ProcessEnv): KeySource {
  const current = keyFileSource((id) => defaultKeyFile(id, env));
  const legacy = keyFileSource((id) => legacyKeyFile(id, env));
  return {
    ...current,
    load(id, salt) {
      const key = current.load(id, salt);
      if (key || !fs.existsSync(legacyKeyFile(id, env))) return key;
      // Checked before the move: a loose or malformed old key file is refused where it is.
      const old = legacy.load(id, salt);
      if (old && moveLegacyKey(legacyKeyFile(id, env), defaultKeyFile(id, env))) return current.load(id, salt) ?? old;
      return old;
    },
  };
}

/**
 * A key file (64 hex characters), created with mode 0600 in a 0700 folder. A file others can read
 * is refused on POSIX systems, as ssh refuses a private key with loose permissions.
 */
export function keyFileSource(fileFor: (registerId: string) => string): KeySource {
  return {
    kind: 'key-file',
    describe: (id) => `key file ${fileFor(id)}`,
    load(id) {
      assertRegisterId(id);
      const file = fileFor(id);
      if (!privateFileToRead(file, 'The key file')) return null;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8').trim();
      } catch (error) {
        throw new VettedError('locked', `The key file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      if (!/^[0-9a-f]{64}$/i.test(text)) throw new VettedError('locked', `${file} is not a Vetted key file (expected 64 hexadecimal characters).`);
      return Buffer.from(text, 'hex');
    },
    create(id) {
      assertRegisterId(id);
      const file = fileFor(id);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const key = randomBytes(KEY_BYTES);
      // 'wx': never overwrite a key that exists (it may be the only way into some register).
      fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      return key;
    },
  };
}

/** A key derived from a passphrase with scrypt and the register's salt (stored in the register; not secret). */
export function passphraseSource(passphrase: string): KeySource {
  if (passphrase.length < 8) throw new VettedError('validation', 'The passphrase must have at least 8 characters.');
  const derive = (salt: Buffer) => scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return { kind: 'passphrase', describe: () => 'a passphrase (VETTED_PASSPHRASE)', load: (_id, salt) => derive(salt), create: (_id, salt) => derive(salt) };
}

/**
 * The key source for CLI and browser mode: --key-file / VETTED_KEY_FILE, else VETTED_PASSPHRASE,
 * else the default key file. A team register member's own key (crypto/team-keys.ts) is kept in the
 * key folder unless VETTED_MEMBER_PASSPHRASE is given, never derived from a key file or passphrase
 * that opens a register.
 */
export function keySourceFromEnv(keyFile: string | undefined, env: NodeJS.ProcessEnv = process.env): KeySource {
  const file = keyFile ?? env.VETTED_KEY_FILE;
  // A key file given for every register, or a passphrase a file register's team shared, is no
  // member's own secret: member keys come from VETTED_MEMBER_PASSPHRASE, else the key folder.
  if (env.VETTED_MEMBER_PASSPHRASE && env.VETTED_MEMBER_PASSPHRASE === env.VETTED_PASSPHRASE) {
    throw new VettedError('validation', 'VETTED_MEMBER_PASSPHRASE: it is VETTED_PASSPHRASE, which opens a register and others may know; a member key needs a passphrase of your own.');
  }
  const memberKeys = env.VETTED_MEMBER_PASSPHRASE ? passphraseSource(env.VETTED_MEMBER_PASSPHRASE) : defaultKeyFileSource(env);
  if (file) return { ...keyFileSource(() => path.resolve(file)), memberKeys };
  if (env.VETTED_PASSPHRASE) return { ...passphraseSource(env.VETTED_PASSPHRASE), memberKeys };
  return { ...defaultKeyFileSource(env), memberKeys };
}
