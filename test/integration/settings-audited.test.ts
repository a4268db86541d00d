// Settings are in the audit trail (#17 review): separation of duties switched off for one
// approval, or the user name changed to sign as someone else, leaves an entry naming who, when,
// and the value before and after; saving a setting unchanged writes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { freshVetted, onlyOnAFile, unwrap } from '../helpers/vetted';

/**
 * The settings' entries, the user name's among them: on a team register "Your name" is the member's
 * own (migration 016), recorded as a "member" entry under their role; read here as the setting it is.
 */
const settingEntries = async (vetted: Awaited<ReturnType<typeof freshVetted>>) =>
  [...await vetted.ctx.audit.all()]
    .filter((e) => e.entity === 'setting' || e.entity === 'member')
    .map((e) =>
      e.entity === 'member' ? [e.actor, 'userName', e.action, e.old?.name, e.new?.name] : [e.actor, e.entityId, e.action, e.old?.value, e.new?.value],
    );

test('every settings change is an audit entry with the value before and after; an unchanged save writes none', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['settings.update']({ userName: 'Ana Auditor' }));
  unwrap(await vetted.api['settings.update']({ separationOfDuties: true }));
  unwrap(await vetted.api['settings.update']({ separationOfDuties: true, userName: 'Ana Auditor' }));
  unwrap(await vetted.api['settings.update']({ separationOfDuties: false }));
  unwrap(await vetted.api['settings.update']({ userName: 'Bo Approver', minimumNoticeHours: 48 }));
  assert.deepEqual(await settingEntries(vetted), [
    ['Ana Auditor', 'userName', 'create', undefined, 'Ana Auditor'],
    ['Ana Auditor', 'separationOfDuties', 'create', undefined, true],
    ['Ana Auditor', 'separationOfDuties', 'update', true, false],
    // The name change is recorded under the name it changed to: the trail names who the app was then.
    ['Bo Approver', 'userName', 'update', 'Ana Auditor', 'Bo Approver'],
    ['Bo Approver', 'minimumNoticeHours', 'create', undefined, 48],
  ]);
  const csv = Buffer.from(unwrap(await vetted.api['audit.export']({})).base64, 'base64').toString('utf8');
  assert.match(csv, /"?Setting"?,"?separationOfDuties"?,"?update"?,"?value"?,"?true"?,"?false"?/, `the CSV lists settings changes:\n${csv}`);
  assert.ok(unwrap(await vetted.api['audit.verify']({})).ok, 'chained like every other entry');
});

test('a connection without the app’s functions cannot change a setting unseen', onlyOnAFile('a second connection to the file'), async () => {
  const vetted = await freshVetted();
  vetted.close();
  const raw = new Database(vetted.file);
  try {
    assert.throws(() => raw.prepare("INSERT INTO settings (key, value) VALUES ('separationOfDuties', 'false')").run(), /no such function: vetted_audit/);
  } finally {
    raw.close();
  }
});
