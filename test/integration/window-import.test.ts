// Importing providers' maintenance files through the contract on a real register: iCalendar
// updates by SEQUENCE (added, moved, cancelled, an older copy ignored), all or nothing, dry runs,
// a Statuspage file, the calendar export read back, and the warnings the imports feed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { freshVetted, unwrap } from '../helpers/vetted';

const ical = (name: string) => readFileSync(new URL(`../fixtures/ical/${name}`, import.meta.url), 'utf8');
const statuspage = readFileSync(new URL('../fixtures/statuspage/scheduled-maintenances.json', import.meta.url), 'utf8');

async function register() {
  const vetted = await freshVetted({ now: () => new Date('2026-12-04T10:00:00Z') });
  const { api } = vetted;
  const edge = unwrap(await api['vendor.create']({ name: 'Edge Net', category: 'hosting', criticalPath: true }));
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', criticalPath: true }));
  return { api, edge, db };
}

test('an iCalendar maintenance added, moved, cancelled; an older copy changes nothing', async () => {
  const { api, edge } = await register();
  const first = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical1.ics', text: ical('ical1.ics') }));
  assert.deepEqual([first.format, first.added, first.updated, first.cancelled, first.older], ['ical', 1, 0, 0, 0]);
  const [added] = first.windows;
  assert.equal(added!.status, 'tentative');
  assert.equal(added!.source, 'ical');
  assert.equal(added!.sourceUid, '42');
  assert.equal(added!.sequence, 1);
  assert.equal(added!.vendorName, 'Edge Net');

  const second = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical2.ics', text: ical('ical2.ics') }));
  assert.deepEqual([second.added, second.updated], [0, 1]);
  const [moved] = unwrap(await api['window.list']({ vendorId: edge.id }));
  assert.equal(moved!.id, added!.id, 'the same row');
  assert.equal(moved!.status, 'confirmed');
  assert.deepEqual(moved!.schedule, { kind: 'once', start: '2015-10-12T08:00:00Z', end: '2015-10-12T10:00:00Z', timeZone: 'UTC' });
  assert.equal(moved!.announcedAt, '2015-10-10T00:10:00Z', 'notice counts from the first announcement');

  const third = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical3.ics', text: ical('ical3.ics') }));
  assert.deepEqual([third.updated, third.cancelled], [1, 1]);

  const stale = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical1.ics', text: ical('ical1.ics') }));
  assert.deepEqual([stale.added, stale.updated, stale.older], [0, 0, 1]);
  assert.deepEqual(stale.warnings, ['42: the file has version 1, the register already holds version 3; kept the stored one']);
  const list = unwrap(await api['window.list']({ vendorId: edge.id }));
  assert.equal(list.length, 1);
  assert.deepEqual([list[0]!.status, list[0]!.sequence], ['cancelled', 3], 'still the cancelled version');
});

test('a bad file stores nothing and names the line; a dry run writes nothing', async () => {
  const { api, edge } = await register();
  unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical1.ics', text: ical('ical1.ics') }));
  const before = unwrap(await api['window.list']({}));

  const bad = await api['window.import']({ vendorId: edge.id, fileName: 'ical_no_start.ics', text: ical('ical_no_start.ics') });
  assert.equal(bad.ok, false, 'refused');
  if (!bad.ok) {
    assert.equal(bad.error.code, 'validation');
    assert.equal(bad.error.message, 'ical_no_start.ics line 4: VEVENT "Maint Note Example" (UID 42) has no DTSTART');
  }
  // One good new event beside a bad one: neither is stored.
  const mixed = ical('same_uid_updates.ics').replace(/DTSTART:20261213T020000Z\r?\n/, '');
  const refused = await api['window.import']({ vendorId: edge.id, fileName: 'mixed.ics', text: mixed });
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.match(refused.error.message, /^mixed\.ics line 42: VEVENT "Line card replacement" \(UID CHG0072010@edge\.example\) has no DTSTART$/);
  assert.deepEqual(unwrap(await api['window.list']({})), before, 'list before = list after');

  const dry = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'same_uid_updates.ics', text: ical('same_uid_updates.ics'), dryRun: true }));
  assert.deepEqual([dry.dryRun, dry.added, dry.cancelled], [true, 3, 1], 'what it would do');
  assert.equal(dry.windows.length, 3);
  assert.deepEqual(unwrap(await api['window.list']({})), before, 'and it did not');
  const real = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'same_uid_updates.ics', text: ical('same_uid_updates.ics') }));
  assert.deepEqual([real.dryRun, real.added], [false, 3]);
});

test('a Statuspage file imports; the calendar reads back with its events, byte for byte the same twice; short notice is warned', async () => {
  const { api, edge, db } = await register();
  unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'same_uid_updates.ics', text: ical('same_uid_updates.ics') }));
  const sp = unwrap(await api['window.import']({ vendorId: db.id, fileName: 'scheduled-maintenances.json', text: statuspage }));
  assert.deepEqual([sp.format, sp.added], ['statuspage', 5]);
  assert.ok(sp.windows.every((w) => w.source === 'statuspage' && w.schedule.kind === 'once'), 'one-off windows from Statuspage');
  const again = unwrap(await api['window.import']({ vendorId: db.id, fileName: 'scheduled-maintenances.json', text: statuspage }));
  assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 5], 'the same download changes nothing');

  const range = { from: '2026-12-01', to: '2026-12-14' };
  const file = unwrap(await api['maintenance.calendar']({ range }));
  assert.equal(file.mediaType, 'text/calendar; charset=utf-8');
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  assert.deepEqual(
    events.map((e) => [String(e.getFirstPropertyValue('dtstart')), e.getFirstPropertyValue('summary')]),
    [
      ['2026-12-04T06:00:00Z', 'Hosted DB: TLS certificate rotation'],
      ['2026-12-04T08:00:00Z', 'Hosted DB: Control plane migration'],
      ['2026-12-05T04:00:00Z', 'Hosted DB: Emergency storage firmware update (us-east-1)'],
      ['2026-12-06T01:00:00Z', 'Edge Net: Core router software upgrade (moved)'],
      ['2026-12-13T02:00:00Z', 'Edge Net: Line card replacement'],
      ['2026-12-13T02:00:00Z', 'Hosted DB: Network maintenance in eu-west-1'],
    ],
    'by start, then provider; the cancelled splice and November\'s completed upgrade are not there',
  );
  assert.equal(unwrap(await api['maintenance.calendar']({ range })).base64, file.base64, 'same register and range: same bytes');

  const { review } = unwrap(await api['review.start']({ vendorId: db.id }));
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: 'mnt_notice_hours', value: 72 }));
  unwrap(await api['settings.update']({ minimumNoticeHours: 48 }));
  const warnings = unwrap(await api['maintenance.warnings']({ range }));
  assert.deepEqual(
    warnings.shortNotice.map((s) => [s.window.vendorName, s.window.title, s.announcedAt, s.noticeHours]),
    [['Hosted DB', 'Emergency storage firmware update (us-east-1)', '2026-12-04T09:00:00Z', 19]],
    'announced 19 hours ahead; the others a week or more',
  );
  assert.deepEqual(warnings.shortNotice[0]!.missed, ['promised', 'minimum'], 'less than the 72 hours promised and the 48 Settings require');
  assert.equal(warnings.shortNotice[0]!.requiredHours, 72);
});

test('a re-import of the same version keeps an edit made here; an announcement after the start is refused on the field', async () => {
  const { api, edge, db } = await register();
  unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical2.ics', text: ical('ical2.ics') }));
  const [imported] = unwrap(await api['window.list']({ vendorId: edge.id }));
  unwrap(await api['window.update']({ id: imported!.id, patch: { impact: 'outage', notes: 'Our failover test showed a full outage.' } }));
  const again = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical2.ics', text: ical('ical2.ics') }));
  assert.deepEqual([again.added, again.updated, again.older], [0, 0, 1], 'the same SEQUENCE does not replace the stored one');
  assert.deepEqual(again.warnings, ['42: the file has the version the register holds (2), which was changed here since; kept the stored one']);
  const [kept] = unwrap(await api['window.list']({ vendorId: edge.id }));
  assert.deepEqual([kept!.impact, kept!.notes], ['outage', 'Our failover test showed a full outage.'], 'the edit survives');
  const newer = unwrap(await api['window.import']({ vendorId: edge.id, fileName: 'ical3.ics', text: ical('ical3.ics') }));
  assert.equal(newer.updated, 1, 'a higher SEQUENCE still replaces it');

  const late = await api['window.add']({
    vendorId: db.id, announcedAt: '2026-12-11T00:00:00Z',
    schedule: { kind: 'once', start: '2026-12-10T22:00:00Z', end: '2026-12-10T23:00:00Z', timeZone: 'UTC' },
  });
  assert.equal(late.ok, false, 'announced after it started');
  if (!late.ok) assert.deepEqual(late.error.details, [{ path: 'announcedAt', message: 'must not be after the maintenance starts' }]);
  assert.equal(unwrap(await api['window.list']({ vendorId: db.id })).length, 0, 'nothing stored');
});
