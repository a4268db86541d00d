// Reviewers saving into one register at once (issue 22): four processes, each through the app's own
// services, each signed in as its own database role on PostgreSQL; on a file as well. Conflicts are
// detected where two edit the same answer, nothing acknowledged is lost, the audit chain verifies.
// The same run with 5,000 saves, timed: bench/team-load.ts (figures in docs/performance.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDatabase } from '../helpers/postgres';
import { runTeamLoad } from '../helpers/team-load';
import { tempDbPath } from '../helpers/tmp';

for (const backend of ['postgres', 'sqlite'] as const) {
  test(`four reviewer processes on one ${backend === 'postgres' ? 'team register' : 'register file'}: conflicts detected, nothing lost, the trail verifies`, async () => {
    const location = backend === 'postgres' ? (await freshDatabase('vetted_load')).url : tempDbPath();
    const f = await runTeamLoad({ location, processes: 4, savesPerProcess: 40, sharedShare: 0.5 });
    assert.deepEqual(f.errors, [], 'no save failed but as a conflict');
    assert.deepEqual(f.lost, [], 'every acknowledged save is the version the register holds, counted once');
    assert.equal(f.acknowledged + f.conflicts, f.saves, 'each save was acknowledged or refused as a conflict');
    assert.ok(f.conflicts > 0, `saves on the same answers from four processes meet (${f.conflicts} conflicts)`);
    assert.ok(f.auditVerified, 'the audit chain verifies');
    assert.ok(f.auditRows >= f.acknowledged, 'every acknowledged save left an audit row');
  });
}
