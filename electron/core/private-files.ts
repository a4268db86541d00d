// Files and folders that hold the register, its keys and its copies are the user's alone: folders
// 0700, files 0600, whatever the umask (0644 under the usual 022 would let every local account read
// the register). Modes mean nothing on Windows, where the user's profile folder is already private.
import fs from 'node:fs';
import { VettedError } from '../../shared/result';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folder (and missing parents) as 0700; an existing folder is left as it is. */
export function makePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/** Creates an empty 0600 file, unless one exists; SQLite takes an empty file as a new database. */
export function createPrivateFile(file: string): void {
  try {
    fs.writeFileSync(file, '', { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Narrows an existing file to 0600 (a register made by an older Vetted, its -wal and -shm). Best
 * effort: a file that is missing, or another user's, is left as it is.
 */
export function keepPrivate(file: string): void {
  if (process.platform === 'win32') return;
  try {
    if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // not there, or not ours to change
  }
}

/**
 * Whether a secret's file is there: false when it is not; a 'locked' error, naming the file and the
 * chmod that fixes it, when other users can read it (as ssh refuses a private key with loose
 * permissions); true when it may be read.
 */
export function privateFileToRead(file: string, what: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new VettedError('locked', `${what} ${file} can be read by other users; run: chmod 600 "${file}"`);
  }
  return true;
}
