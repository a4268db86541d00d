// #17, item 1: the app's bridge under load plus other processes writing the same register. Before
// writes took the lock first, a second process lost 71 of 100 saves to SQLITE_BUSY and the app's
// clients got 83 "busy" and 2 "internal" errors. Here 8 clients save through `vetted serve`, a second
// process saves through its own services, two `vetted answer` run, and mid-run a third process holds
// the write lock for 6 s (longer than busy_timeout, as a long import would): every save waits its
// turn — zero errors, zero lost. Needs the renderer built, as `vetted serve` does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir } from '../helpers/tmp';
import { runTwoWriters } from '../helpers/two-writers';

test('8 clients of `vetted serve`, a second process, `vetted answer` and a long hold of the lock: no error, no lost save', async (t) => {
  const figures = await runTwoWriters(tempDir('vetted-two-writers-'), { clients: 8, savesPerClient: 25, secondProcessSaves: 100, cliAnswers: 2, holdMs: 6000 });
  t.diagnostic(
    `${figures.writers}: ${figures.attempted} saves, ${figures.acknowledged} acknowledged, ${figures.errors.length} errors, ${figures.lost.length} lost, ` +
      `${figures.savesDuringHold} client saves met the 6 s hold, ${figures.ms} ms`,
  );
  assert.ok(figures.savesDuringHold > 0, 'client saves were in flight while the third process held the lock');
  assert.deepEqual(figures.errors, [], 'no writer was refused');
  assert.deepEqual(figures.lost, [], 'every acknowledged save is in the file');
  assert.equal(figures.acknowledged, figures.attempted, `every save was acknowledged (${figures.acknowledged} of ${figures.attempted})`);
});
