// The team register this computer's app opens (Settings → Register): its address, never its
// password, in a small JSON file beside the app's data. Written whole (a temporary file renamed
// into place), so a crash leaves the old choice or the new one, not half of either.
import fs from 'node:fs';
import path from 'node:path';
import { teamAddressProblem } from '../../../shared/domain/register-place';

export const TEAM_CHOICE_FILE = 'team-register.json';

export interface TeamChoice {
  url: string;
}

/** The chosen team register, or null: none chosen, or a file that does not hold a usable address (ignored, not trusted). */
export function readTeamChoice(file: string): TeamChoice | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as { url?: unknown };
    if (typeof value.url === 'string' && teamAddressProblem(value.url) === null) return { url: value.url };
  } catch {
    // A damaged file chooses nothing: the app opens the file on this computer.
  }
  return null;
}

export function writeTeamChoice(file: string, choice: TeamChoice): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ url: choice.url }, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temporary, file);
}

export function forgetTeamChoice(file: string): void {
  fs.rmSync(file, { force: true });
}
