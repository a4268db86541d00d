// `vetted serve` started as a user starts it — a child process running the CLI — and read until it
// prints its address. Shared by the e2e harness (which adds its test hooks) and the benchmarks
// (which time the start); it registers nothing itself, so the caller stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './cli';

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function spawnServe(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ServeProcess> {
  // bin/vetted.js, as runCli: the bundle when it is current (npm test builds it), else the sources.
  const child = spawn(process.execPath, ['bin/vetted.js', 'serve', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      // Generous: on a machine busy with other test runs, loading the demo alone has taken over 30 s.
      const timer = setTimeout(() => reject(new Error(`vetted serve did not start within 120 s:\n${output}`)), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Vetted is running at (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`vetted serve exited with ${code}:\n${output}`));
      });
    });
    // The printed address carries the token in its query; opened in a browser it is exchanged for
    // an HttpOnly cookie (electron/serve/browser-session.ts). Tests calling the API directly send it
    // as a bearer token.
    const parsed = new URL(url);
    const token = parsed.searchParams.get('token');
    if (!token) throw new Error(`vetted serve printed an address without a token: ${url}`);
    return { url, origin: parsed.origin, token, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
