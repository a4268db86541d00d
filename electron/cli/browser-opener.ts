// Opens a page in the user's default browser through the system's own opener (no dependency).
import { spawn } from 'node:child_process';

export interface OpenerCommand {
  command: string;
  args: string[];
}

/** The opener and its arguments for a local file; the path itself, so nothing but it is on argv. */
export function browserOpenerCommand(file: string, platform: NodeJS.Platform = process.platform): OpenerCommand {
  const command = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open';
  return { command, args: [file] };
}

/** Opens the file in the user's browser; failing that, the printed address is enough. */
export function openInBrowser(file: string): void {
  const { command, args } = browserOpenerCommand(file);
  const failed = () => process.stdout.write('Could not open a browser; open the address above yourself.\n');
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', failed);
    child.unref();
  } catch {
    failed();
  }
}
