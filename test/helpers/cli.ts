import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './tmp';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process, as a user would: bin/vetted.js, which runs the bundle
 * (dist/cli/vetted.mjs) when it is built and current (npm test builds it first, so CI tests the
 * bundle) and the sources through tsx otherwise (one test file run after an edit).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/vetted.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, VETTED_DB: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking this process: for a CLI run that talks to a server the test itself
 * runs (a loopback status page), which a blocking spawn would never let answer.
 */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/vetted.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, VETTED_DB: '', ...env },
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A temp register and the CLI bound to it, as a user runs it: `vetted(…)` for any outcome, `ok(…)`
 * for a run that must exit 0 (its stdout), `later(…)` for one that talks to a server the test runs.
 * The key file sits in the temp folder, so the user's own key folder is never touched.
 */
export function cliRegister(prefix = 'vetted-cli-') {
  const dir = tempDir(prefix);
  const db = path.join(dir, 'register.db');
  const env = { VETTED_KEY_FILE: path.join(dir, 'register.key') };
  const vetted = (...args: string[]): CliRun => runCli([...args, '--db', db], env);
  const ok = (...args: string[]): string => {
    const run = vetted(...args);
    assert.equal(run.status, 0, `vetted ${args.join(' ')} exits 0:\n${run.stdout}\n${run.stderr}`);
    return run.stdout;
  };
  const later = (...args: string[]) => runCliAsync([...args, '--db', db], env);
  return { dir, db, env, vetted, ok, later };
}
