// `vetted serve` for benchmarks: started as a user starts it (a child process running the CLI), with
// the moment of the spawn kept so a cold start can be timed from it. Unlike test/e2e/harness.ts it
// registers no node:test hooks; the caller stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchServer {
  url: string;
  origin: string;
  token: string;
  /** Date.now() just before the spawn (comparable with the page's performance.timeOrigin). */
  spawnedAtMs: number;
  /** Milliseconds from the spawn to the "Vetted is running at" line. */
  listeningAfterMs: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServeForBench(dbPath: string): Promise<BenchServer> {
  const spawnedAtMs = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/vetted.ts', 'serve', '--db', dbPath, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
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
      const timer = setTimeout(() => reject(new Error(`vetted serve did not start within 30 s:\n${output}`)), 30_000);
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
    const parsed = new URL(url);
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token');
    if (!token) throw new Error(`vetted serve printed an address without a token: ${url}`);
    return { url, origin: parsed.origin, token, spawnedAtMs, listeningAfterMs: Date.now() - spawnedAtMs, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Calls the API over HTTP as the page does (the e2e harness's call). */
export { callApi as callServe } from '../test/e2e/harness';
