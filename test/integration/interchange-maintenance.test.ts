// Maintenance windows and blackout periods in the register exchange format (docs/formats.md): the
// export carries them ordered by id, an import into a fresh register gives them back exactly,
// merges follow the newer change, a window of a provider that was not imported is a conflict
// naming it, a bad schedule is an error naming its JSON path, and an older export without the two
// lists still imports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportReport } from '../../shared/api';
import type { Schedule } from '../../shared/domain/maintenance';
import { dumpAnyRegister } from '../helpers/db-dump';
import { assertSameButImportMarks } from '../helpers/register-trail';
import { freshVetted, unwrap } from '../helpers/vetted';

/** A clock the test moves by hand. */
function clock(start = '2026-11-01T08:00:00.000Z') {
  const state = { t: Date.parse(start) };
  return {
    now: () => new Date(state.t),
    set: (iso: string) => void (state.t = Date.parse(iso)),
    advance: (ms = 60_000) => void (state.t += ms),
  };
}

const weekly = (over: Partial<Extract<Schedule, { kind: 'recurring' }>> = {}): Schedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: ['2026-12-27'], ...over,
});

type Register = Awaited<ReturnType<typeof freshVetted>>;
type Json = Record<string, unknown> & { maintenanceWindows: Record<string, unknown>[]; blackoutPeriods: Record<string, unknown>[]; vendors: Record<string, unknown>[] };

async function exportText(vetted: Register): Promise<string> {
  return Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8');
}

/** Two providers with windows of every kind (weekly, monthly, one-off announced, cancelled) and two blackout periods. */
async function source(c = clock()) {
  const vetted = await freshVetted({ now: c.now });
  const { api } = vetted;
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', criticalPath: true }));
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue' }));
  c.advance();
  const patching = unwrap(await api['window.add']({ vendorId: db.id, title: 'Patching', schedule: weekly(), notes: 'Minor versions only.' }));
  c.advance();
  unwrap(
    await api['window.add']({
      vendorId: queue.id, title: 'Broker upgrades', impact: 'degraded', status: 'tentative',
      schedule: weekly({ freq: 'monthly', byDay: ['SA'], setPos: -1, startTime: '20:00', timeZone: 'America/New_York', count: 12, exDates: [] }),
    }),
  );
  c.advance();
  // Announced and scheduled in the provider's own notation (no milliseconds, an offset): kept as written.
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Storage upgrade', announcedAt: '2026-11-27T13:00:00+01:00',
      schedule: { kind: 'once', start: '2026-11-28T22:00:00Z', end: '2026-11-28T23:00:00Z', timeZone: 'Europe/Berlin' },
    }),
  );
  c.advance();
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Firmware rollout', status: 'cancelled', announcedAt: '2026-12-01T00:00:00Z',
      schedule: { kind: 'once', start: '2026-12-03T22:00:00Z', end: '2026-12-03T23:00:00Z', timeZone: 'UTC' },
    }),
  );
  c.advance();
  unwrap(await api['blackout.add']({ name: 'Release freeze', schedule: { kind: 'once', start: '2026-12-20T00:00:00Z', end: '2027-01-05T00:00:00Z', timeZone: 'Europe/Berlin' } }));
  unwrap(await api['blackout.add']({ name: 'Peak hours', schedule: weekly({ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], startTime: '09:00', durationMinutes: 480, exDates: [] }), notes: 'Shop traffic.' }));
  return { ...vetted, c, db, queue, patching };
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

test('export → import into a fresh register → export gives the windows and blackouts back exactly', async () => {
  const c = clock();
  const from = await source(c);
  c.set('2026-12-04T10:00:00.000Z');
  const text = await exportText(from);
  const data = JSON.parse(text) as Json;
  assert.deepEqual(
    Object.keys(data),
    ['format', 'formatVersion', 'exportedAt', 'templates', 'vendors', 'reviews', 'answers', 'maintenanceWindows', 'blackoutPeriods', 'incidents', 'deletedIncidents', 'statusSettings', 'questionnaireRequests', 'upstreams', 'settings', 'reviewSteps', 'findings', 'acceptances', 'evidence', 'auditTrail', 'auditChainHead', 'confidential'],
    'the two lists after the answers (the incident record after them)',
  );
  assert.equal(data.maintenanceWindows.length, 4);
  assert.equal(data.blackoutPeriods.length, 2);
  assert.deepEqual(ids(data.maintenanceWindows as { id: string }[]), [...ids(data.maintenanceWindows as { id: string }[])].sort(), 'windows ordered by id');
  assert.deepEqual(ids(data.blackoutPeriods as { id: string }[]), [...ids(data.blackoutPeriods as { id: string }[])].sort(), 'blackouts ordered by id');
  const storage = data.maintenanceWindows.find((w) => w.title === 'Storage upgrade')!;
  assert.equal(storage.announcedAt, '2026-11-27T13:00:00+01:00', 'the announcement as the provider wrote it');

  const to = await freshVetted({ now: c.now });
  const report = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(report.windows, { added: 4, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.blackouts, { added: 2, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.conflicts, []);
  assertSameButImportMarks(await exportText(to), text);
  assert.deepEqual(unwrap(await to.api['window.list']({})), unwrap(await from.api['window.list']({})), 'the same windows, words and all');
  assert.deepEqual(unwrap(await to.api['blackout.list']({})), unwrap(await from.api['blackout.list']({})), 'the same blackout periods');
  const warnings = (v: Register) => v.api['maintenance.warnings']({ range: { from: '2026-12-01', to: '2027-02-28' } });
  assert.deepEqual(unwrap(await warnings(to)), unwrap(await warnings(from)), 'the same overlaps, blackout hits and notice');
  const audit = unwrap(await to.api['audit.list']({})).filter((e) => e.entity === 'window' || e.entity === 'blackout');
  assert.equal(audit.length, 6, 'each imported record is in the audit trail');

  const again = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(again.windows, { added: 0, updated: 0, unchanged: 4, conflicts: 0 });
  assert.deepEqual(again.blackouts, { added: 0, updated: 0, unchanged: 2, conflicts: 0 });
});

test('merging: the newer change wins, a newer one in the register is a conflict, a dry run writes nothing', async () => {
  const c = clock();
  const from = await source(c);
  const to = await freshVetted({ now: c.now });
  unwrap(await to.api['register.import']({ text: await exportText(from) }));

  c.advance();
  unwrap(await from.api['window.update']({ id: from.patching.id, patch: { schedule: weekly({ startTime: '03:00' }) } }));
  const freeze = unwrap(await to.api['blackout.list']({})).find((b) => b.name === 'Release freeze')!;
  unwrap(await to.api['blackout.update']({ id: freeze.id, patch: { notes: 'Extended by the CTO.' } }));
  c.advance();
  const text = await exportText(from);

  const before = await dumpAnyRegister(to.file);
  const dry = unwrap(await to.api['register.import']({ text, dryRun: true }));
  assert.deepEqual(await dumpAnyRegister(to.file), before, 'a dry run writes nothing');
  const real = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual({ ...real, dryRun: true }, dry, 'the dry run said what the import did');

  assert.deepEqual(real.windows, { added: 0, updated: 1, unchanged: 3, conflicts: 0 });
  assert.deepEqual(real.blackouts, { added: 0, updated: 0, unchanged: 1, conflicts: 1 });
  const conflict = real.conflicts.find((x) => x.kind === 'blackout')!;
  assert.equal(conflict.id, freeze.id);
  assert.equal(conflict.name, 'Release freeze');
  assert.match(conflict.reason, /register's copy is newer/);
  const patched = unwrap(await to.api['window.list']({})).find((w) => w.id === from.patching.id)!;
  assert.equal(patched.words, 'Every Sunday, 03:00–05:00 Europe/Berlin (from 2026-01-04; except 2026-12-27)', 'the newer schedule came in');
  assert.equal(unwrap(await to.api['blackout.list']({})).find((b) => b.id === freeze.id)!.notes, 'Extended by the CTO.', 'the newer local note was kept');
  const sum = (['templates', 'vendors', 'reviews', 'answers', 'windows', 'blackouts', 'settings'] as const).reduce((n, k) => n + (real as ImportReport)[k].conflicts, 0);
  assert.equal(sum, real.conflicts.length, 'every conflict is counted once');
});

test("a window whose provider was not imported is a conflict naming the provider; the window is not stored", async () => {
  const c = clock();
  const from = await source(c);
  const data = JSON.parse(await exportText(from)) as Json;
  // The register already has another "Hosted DB", whose id the file uses for a provider of its own:
  // the file's Hosted DB cannot be matched by name, nor added under a name that is taken.
  const to = await freshVetted({ now: c.now });
  const local = unwrap(await to.api['vendor.create']({ name: 'Hosted DB' }));
  const db = data.vendors.find((v) => v.name === 'Hosted DB')!;
  data.vendors.push({ ...db, id: local.id, name: 'Renamed Co', updatedAt: '2020-01-01T00:00:00.000Z' });

  const report = unwrap(await to.api['register.import']({ text: JSON.stringify(data) }));
  assert.deepEqual(report.windows, { added: 1, updated: 0, unchanged: 0, conflicts: 3 }, "Queue Co's window comes in; Hosted DB's three do not");
  const conflicts = report.conflicts.filter((x) => x.kind === 'window');
  assert.deepEqual(conflicts.map((x) => x.name).sort(), ['Hosted DB: Firmware rollout', 'Hosted DB: Patching', 'Hosted DB: Storage upgrade']);
  assert.ok(conflicts.every((x) => x.reason === 'its provider "Hosted DB" was not imported, so neither was the window'), conflicts[0]!.reason);
  assert.deepEqual(unwrap(await to.api['window.list']({ vendorId: local.id })), [], "nothing was attached to the register's own Hosted DB");
});

test('a schedule that does not fit is an error naming its JSON path; nothing is written', async () => {
  const from = await source();
  const to = await freshVetted();
  const before = await dumpAnyRegister(to.file);
  const cases: Array<[string, (d: Json) => void, string, RegExp]> = [
    ['a zone that does not exist', (d) => ((d.maintenanceWindows[0]!.schedule as Record<string, unknown>).timeZone = 'Mars/Olympus'), '$.maintenanceWindows[0].schedule.timeZone', /IANA time zone/],
    ['a blackout that ends before it starts', (d) => (d.blackoutPeriods.find((b) => b.name === 'Release freeze')!.schedule = { kind: 'once', start: '2027-01-05T00:00:00Z', end: '2026-12-20T00:00:00Z', timeZone: 'UTC' }), '$.blackoutPeriods[?].schedule.end', /after the start/],
    ['a monthly window without its position', (d) => ((d.maintenanceWindows.find((w) => w.title === 'Broker upgrades')!.schedule as Record<string, unknown>).setPos = null), '$.maintenanceWindows[?].schedule.setPos', /which weekday of the month/],
    ['a schedule of no known kind', (d) => ((d.maintenanceWindows[0]!.schedule as Record<string, unknown>).kind = 'weekly'), '$.maintenanceWindows[0].schedule.kind', /^expected one of: recurring, once$/],
    ['a window of a provider not in the file', (d) => (d.maintenanceWindows[0]!.vendorId = 'nobody'), '$.maintenanceWindows[0].vendorId', /no provider with id "nobody" in the file/],
    ['the same window twice', (d) => d.maintenanceWindows.push(structuredClone(d.maintenanceWindows[0]!)), '$.maintenanceWindows[4].id', /is used twice \(first at \$\.maintenanceWindows\[0\]\)/],
  ];
  for (const [what, edit, path, message] of cases) {
    const data = JSON.parse(await exportText(from)) as Json;
    edit(data);
    const result = await to.api['register.import']({ text: JSON.stringify(data) });
    assert.equal(result.ok, false, `${what} is refused`);
    if (result.ok) continue;
    assert.equal(result.error.code, 'validation', what);
    const pattern = new RegExp(`^${path.replace(/[.[\]$]/g, (ch) => `\\${ch}`).replace('\\[?\\]', '\\[\\d+\\]')}$`);
    const detail = (result.error.details ?? []).find((d) => pattern.test(d.path));
    assert.ok(detail, `${what}: names ${path}, got ${JSON.stringify(result.error.details)}`);
    assert.match(detail.message, message, what);
  }
  assert.deepEqual(await dumpAnyRegister(to.file), before, 'nothing written');
});

test('an older export, written before windows and blackouts travelled, still imports', async () => {
  const from = await source();
  const data = JSON.parse(await exportText(from)) as Partial<Json>;
  delete data.maintenanceWindows;
  delete data.blackoutPeriods;
  const to = await freshVetted();
  const report = unwrap(await to.api['register.import']({ text: JSON.stringify(data) }));
  assert.deepEqual(report.vendors, { added: 2, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.windows, { added: 0, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.blackouts, { added: 0, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(unwrap(await to.api['window.list']({})), [], 'none recorded');
  const back = JSON.parse(await exportText(to)) as Json;
  assert.deepEqual([back.maintenanceWindows, back.blackoutPeriods], [[], []], 'and it exports the two lists, empty');
});

test('a release freeze longer than a month survives export and import (the register and the format allow a year)', async () => {
  const from = await freshVetted({ now: () => new Date('2026-12-04T10:00:00Z') });
  unwrap(await from.api['blackout.add']({ name: 'Year-end freeze', schedule: { kind: 'once', start: '2026-11-15T00:00:00Z', end: '2027-01-10T00:00:00Z', timeZone: 'Europe/Berlin' } }));
  const text = await exportText(from);
  const to = await freshVetted({ now: () => new Date('2026-12-04T10:00:00Z') });
  const report = unwrap(await to.api['register.import']({ text }));
  assert.equal(report.blackouts.added, 1, 'the 56-day freeze is read back');
  assert.equal(unwrap(await to.api['blackout.list']({}))[0]!.name, 'Year-end freeze');
});
