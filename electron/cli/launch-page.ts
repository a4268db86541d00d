// What `vetted serve --open` hands the browser: not an address (a command line is visible to every
// local user through `ps`, and a one-time code seen there could be spent first by someone else) but
// the path of a page only this user can read, which sends the browser on to the launch address.
// Created exclusively under a random name, 0600 in a fresh 0700 folder, and removed once the code
// has expired or the server stops, whichever comes first.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../core/private-files';
import { LAUNCH_CODE_TTL_MS } from '../serve/browser-session';
import { redirectPage } from '../serve/redirect-page';

export interface LaunchPage {
  /** The page's path: what the browser opener is given. */
  file: string;
  /** Deletes the page and its folder; safe to call again. */
  remove(): void;
}

export function writeLaunchPage(launchUrl: string, options: { parent?: string; removeAfterMs?: number } = {}): LaunchPage {
  // mkdtemp: a new folder under a random name, 0700, that no one else can have made first.
  const folder = fs.mkdtempSync(path.join(options.parent ?? os.tmpdir(), 'vetted-launch-'));
  fs.chmodSync(folder, PRIVATE_FOLDER_MODE);
  const file = path.join(folder, `${randomBytes(12).toString('hex')}.html`);
  try {
    fs.writeFileSync(file, redirectPage(launchUrl), { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const remove = () => {
    clearTimeout(timer);
    fs.rmSync(folder, { recursive: true, force: true });
  };
  // Of no use once the code has expired. unref: the page must not keep the process alive on its own.
  const timer = setTimeout(remove, options.removeAfterMs ?? LAUNCH_CODE_TTL_MS);
  timer.unref();
  return { file, remove };
}
