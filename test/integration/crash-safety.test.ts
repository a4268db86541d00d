// Crash safety: a writer saving answers as fast as it can is killed with SIGKILL at random
// moments; every answer the API acknowledged must be in the register, and the file must be sound.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { REPO_ROOT } from '../helpers/cli';
import { tempDbPath } from '../helpers/tmp';

interface Run {
  acked: Map<string, number>;
  reviewId: string;
}

/** Runs the writer until `killAfterMs` after it is ready, then SIGKILLs it. */
function runAndKill(dbPath: string, killAfterMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/crash-writer.ts'), dbPath, 'Crash Test Provider'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<string, number>();
    let reviewId = '';
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const [kind, a, b] = line.split(' ');
        if (kind === 'ready') {
          reviewId = a!;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else if (kind === 'ack') {
          acked.set(a!, Number(b));
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended with ${code ?? signal}: ${stderr}`));
      else resolve({ acked, reviewId });
    });
  });
}

test('every acknowledged answer survives SIGKILL, and the register stays sound', async () => {
  const dbPath = tempDbPath();
  let totalAcks = 0;
  // Deterministic "random" moments, spread over the first second of writing.
  for (const killAfterMs of [150, 420, 60, 777, 290]) {
    const { acked, reviewId } = await runAndKill(dbPath, killAfterMs);
    const db = new Database(dbPath);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const stored = new Map(
        (db.prepare('SELECT question_id, comment FROM answers WHERE review_id = ?').all(reviewId) as { question_id: string; comment: string }[]).map(
          (r) => [r.question_id, Number(r.comment)],
        ),
      );
      for (const [questionId, seq] of acked) {
        // A save may have committed just before the kill without its ack being read: stored ≥ acked.
        assert.ok((stored.get(questionId) ?? 0) >= seq, `${questionId}: acknowledged save ${seq} lost (stored ${stored.get(questionId)})`);
      }
      totalAcks += acked.size;
    } finally {
      db.close();
    }
  }
  assert.ok(totalAcks > 0, 'the writer acknowledged saves before being killed');
});
