// Incidents and status page settings in the register exchange format (docs/formats.md): the
// export carries every field, ordered by id; an import into an empty register gives them back
// exactly; merges follow the newer change, an incident the register already holds under another
// id (both registers imported the same status page) is matched to it instead of added twice, the
// components you use are never overwritten, the later refresh is kept; a bad field is refused
// naming its JSON path with nothing stored; an older export without the two lists still imports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ImportReport } from '../../shared/api';
import type { Incident } from '../../shared/domain/incidents';
import { REPO_ROOT } from '../helpers/cli';
import { assertSameButImportMarks } from '../helpers/register-trail';
import { dumpAnyRegister } from '../helpers/db-dump';
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

type Register = Awaited<ReturnType<typeof freshVetted>>;
type Row = Record<string, unknown>;
type Json = Row & { incidents: Row[]; statusSettings: Row[]; vendors: Row[] };

async function exportText(vetted: Register): Promise<string> {
  return Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8');
}

/** An incident as a status page import stores it (the readers have their own tests). */
async function imported(vetted: Register, vendorId: string, over: Partial<Incident> = {}): Promise<Incident> {
  const stamp = vetted.ctx.now().toISOString();
  const incident: Incident = {
    id: vetted.ctx.newId(),
    vendorId,
    title: 'Elevated API error rates',
    impact: 'minor',
    components: ['API'],
    startedAt: '2026-09-14T12:00:00.000Z',
    firstUpdateAt: '2026-09-14T12:07:00.000Z',
    resolvedAt: '2026-09-14T13:30:00.000Z',
    updates: [
      { at: '2026-09-14T12:07:00.000Z', status: 'investigating', text: 'We are investigating elevated error rates.' },
      { at: '2026-09-14T13:30:00.000Z', status: 'resolved', text: 'This incident has been resolved.' },
    ],
    postmortem: null,
    source: 'statuspage',
    onStatusPage: true,
    sourceUid: 'p1k9x2',
    sequence: 1_757_860_000,
    link: 'https://stspg.io/p1k9x2',
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
    ...over,
  };
  await vetted.ctx.incidents.insert(incident);
  return incident;
}

/**
 * Two providers with incidents of every kind — typed in with every field (times with an offset,
 * never on the status page, a postmortem), typed in with the least, still open; imported from a
 * Statuspage file and from a feed — the components one provider uses, the other's last refresh.
 */
async function source(c = clock()) {
  const vetted = await freshVetted({ now: c.now });
  const { api } = vetted;
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue', criticalPath: true }));
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database' }));
  c.advance();
  const typed = unwrap(
    await api['incident.add']({
      vendorId: queue.id,
      title: 'Queues unreachable from eu-west-1',
      impact: 'critical',
      components: ['Queues', 'API'],
      startedAt: '2026-10-01T10:00:00+02:00',
      firstUpdateAt: '2026-10-01T08:40:00Z',
      resolvedAt: '2026-10-01T11:15:00+02:00',
      updates: [
        { at: '2026-10-01T09:15:00Z', status: 'resolved', text: 'Back to normal.' },
        { at: '2026-10-01T08:40:00Z', status: 'investigating', text: 'Seen by our on-call, not on their page.' },
      ],
      postmortem: { publishedAt: '2026-10-08T16:00:00Z', link: 'https://queue.example/blog/postmortem-2026-10-01', text: 'A bad config push.' },
      onStatusPage: false,
      link: 'https://queue.example/support/ticket/4411',
      notes: 'Our on-call found it before they did.',
    }),
  );
  c.advance();
  const open = unwrap(await api['incident.add']({ vendorId: db.id, title: 'Slow queries', startedAt: '2026-11-01T07:00:00Z' }));
  c.advance();
  const fromPage = await imported(vetted, queue.id);
  const fromFeed = await imported(vetted, db.id, {
      title: 'Primary failover in eu-central-1',
      impact: 'major',
      components: [],
      source: 'feed',
      sourceUid: 'tag:status.hosteddb.example,2005:Incident/18022913',
      sequence: 1_760_000_000,
      startedAt: '2026-10-09T03:00:00.000Z',
      firstUpdateAt: '2026-10-09T03:20:00.000Z',
      resolvedAt: '2026-10-09T04:00:00.000Z',
      postmortem: { publishedAt: null, link: null, text: 'Root cause: a storage controller firmware fault.' },
      link: null,
    });
  // One imported incident deleted here (a later import leaves it out), one edited here (a later import leaves the edit).
  const gone = await imported(vetted, queue.id, { title: 'Duplicate notice', sourceUid: 'gone00000001' });
  c.advance();
  const deletedAt = c.now().toISOString();
  unwrap(await api['incident.delete']({ id: gone.id }));
  c.advance();
  unwrap(await api['incident.update']({ id: fromFeed.id, patch: { notes: 'Confirmed by their support.' } }));
  unwrap(await api['status.settings']({ vendorId: queue.id, patch: { componentsUsed: ['API', 'Queues'] } }));
  await vetted.ctx.incidents.saveSettings({
        vendorId: db.id, componentsUsed: [], refreshedAt: '2026-10-30T07:00:00.000Z', refreshedFrom: 'https://status.hosteddb.example/history.atom',
      });
  return { ...vetted, c, queue, db, typed, open, fromPage, fromFeed, deletedAt };
}

const ids = (list: Row[]) => list.map((x) => x.id as string);
const sum = (r: ImportReport) =>
  (['templates', 'vendors', 'reviews', 'answers', 'windows', 'blackouts', 'incidents', 'statusSettings', 'settings'] as const).reduce((n, k) => n + r[k].conflicts, 0);

test('export → import into an empty register → export gives every incident and setting back exactly', async () => {
  const c = clock();
  const from = await source(c);
  c.set('2026-12-04T10:00:00.000Z');
  const text = await exportText(from);
  const data = JSON.parse(text) as Json;
  assert.deepEqual(
    Object.keys(data),
    ['format', 'formatVersion', 'exportedAt', 'templates', 'vendors', 'reviews', 'answers', 'maintenanceWindows', 'blackoutPeriods', 'incidents', 'deletedIncidents', 'statusSettings', 'questionnaireRequests', 'upstreams', 'settings', 'reviewSteps', 'findings', 'acceptances', 'evidence', 'auditTrail', 'auditChainHead', 'confidential'],
    'the incident record after the blackout periods',
  );
  assert.equal(data.formatVersion, 1, 'an addition an older file reads without: still format version 1');
  assert.equal(data.incidents.length, 4);
  assert.deepEqual(ids(data.incidents), [...ids(data.incidents)].sort(), 'incidents ordered by id');
  const typed = data.incidents.find((i) => i.id === from.typed.id)!;
  assert.deepEqual(Object.keys(typed), [
    'id', 'vendorId', 'title', 'impact', 'components', 'startedAt', 'firstUpdateAt', 'resolvedAt', 'updates', 'postmortem',
    'source', 'onStatusPage', 'sourceUid', 'sequence', 'link', 'notes', 'editedFields', 'createdAt', 'updatedAt',
  ], 'every field of the record');
  assert.equal(typed.startedAt, '2026-10-01T08:00:00Z', 'the start as the register stores it (typed with an offset, stored in UTC)');
  assert.equal(typed.onStatusPage, false);
  assert.deepEqual(data.statusSettings, [
    { vendorId: from.db.id, componentsUsed: [], refreshedAt: '2026-10-30T07:00:00.000Z', refreshedFrom: 'https://status.hosteddb.example/history.atom' },
    { vendorId: from.queue.id, componentsUsed: ['API', 'Queues'], refreshedAt: null, refreshedFrom: null },
  ].sort((a, b) => (a.vendorId < b.vendorId ? -1 : 1)), 'per provider, by provider id');

  const to = await freshVetted({ now: c.now });
  const report = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(report.incidents, { added: 4, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.deletedIncidents, { added: 1, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.statusSettings, { added: 2, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.conflicts, []);
  assertSameButImportMarks(await exportText(to), text);
  assert.deepEqual(data.incidents.find((i) => i.id === from.fromFeed.id)!.editedFields, ['notes'], 'the fields of an imported incident edited here');
  assert.deepEqual(data.deletedIncidents, [{ vendorId: from.queue.id, source: 'statuspage', sourceUid: 'gone00000001', deletedAt: from.deletedAt }], 'the imported incident deleted here');
  assert.deepEqual(unwrap(await to.api['incident.list']({})), unwrap(await from.api['incident.list']({})), 'the same incident log');
  for (const vendorId of [from.queue.id, from.db.id]) {
    const t = (v: Register) => v.api['incident.transparency']({ vendorId, since: '2026-01-01', date: '2026-12-04' });
    assert.deepEqual(unwrap(await t(to)), unwrap(await t(from)), 'the same measures and settings');
  }
  const audit = unwrap(await to.api['audit.list']({})).filter((e) => e.entity === 'incident' || e.entity === 'status');
  assert.ok(audit.filter((e) => e.entity === 'incident').length >= 4 && audit.some((e) => e.entity === 'status'), 'each imported record is in the audit trail');

  const again = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(again.incidents, { added: 0, updated: 0, unchanged: 4, conflicts: 0 });
  assert.deepEqual(again.deletedIncidents, { added: 0, updated: 0, unchanged: 1, conflicts: 0 });
  assert.deepEqual(again.statusSettings, { added: 0, updated: 0, unchanged: 2, conflicts: 0 });
});

test('merging: the newer change wins, a newer one in the register is a conflict, a dry run writes nothing', async () => {
  const c = clock();
  const from = await source(c);
  const to = await freshVetted({ now: c.now });
  unwrap(await to.api['register.import']({ text: await exportText(from) }));

  c.advance();
  unwrap(await from.api['incident.update']({ id: from.open.id, patch: { resolvedAt: '2026-11-01T09:30:00Z', notes: 'Fixed by their index rebuild.' } }));
  unwrap(await to.api['incident.update']({ id: from.typed.id, patch: { notes: 'Escalated to their account manager.' } }));
  unwrap(await to.api['status.settings']({ vendorId: from.queue.id, patch: { componentsUsed: ['Queues'] } }));
  c.advance();
  unwrap(await from.api['incident.update']({ id: from.typed.id, patch: { title: 'Queues unreachable (eu-west-1)' } }));
  await from.ctx.incidents.saveSettings({ vendorId: from.db.id, componentsUsed: ['Primary'], refreshedAt: '2026-11-02T07:00:00.000Z', refreshedFrom: 'https://status.hosteddb.example/history.atom' });
  c.advance();
  const text = await exportText(from);

  const before = await dumpAnyRegister(to.file);
  const dry = unwrap(await to.api['register.import']({ text, dryRun: true }));
  assert.deepEqual(await dumpAnyRegister(to.file), before, 'a dry run writes nothing');
  const real = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual({ ...real, dryRun: true }, dry, 'the dry run said what the import did');

  assert.deepEqual(real.incidents, { added: 0, updated: 2, unchanged: 2, conflicts: 0 }, 'both changes in the file are newer');
  const log = unwrap(await to.api['incident.list']({}));
  const resolved = log.find((i) => i.id === from.open.id)!;
  assert.equal(resolved.resolvedAt, '2026-11-01T09:30:00Z', 'the newer resolution came in');
  assert.equal(log.find((i) => i.id === from.typed.id)!.title, 'Queues unreachable (eu-west-1)', "the file's later edit replaced the register's earlier one");

  // The components you use are the register's own choice: never overwritten. The later refresh is taken.
  assert.deepEqual(real.statusSettings, { added: 0, updated: 1, unchanged: 0, conflicts: 1 });
  const conflict = real.conflicts.find((x) => x.kind === 'status')!;
  assert.equal(conflict.id, from.queue.id);
  assert.equal(conflict.name, 'Queue Co: status page settings');
  assert.match(conflict.reason, /register has its own choice of the components you use \(Queues\), which was kept/);
  assert.deepEqual(unwrap(await to.api['status.settings']({ vendorId: from.queue.id })).componentsUsed, ['Queues']);
  const refreshed = unwrap(await to.api['status.settings']({ vendorId: from.db.id }));
  assert.deepEqual([refreshed.componentsUsed, refreshed.refreshedAt], [['Primary'], '2026-11-02T07:00:00.000Z'], 'none chosen here: the file\'s taken, with the later refresh');
  assert.equal(sum(real), real.conflicts.length, 'every conflict is counted once');

  // Now the register's copy is the newer one: kept, and said.
  c.advance();
  unwrap(await to.api['incident.update']({ id: from.fromPage.id, patch: { impact: 'major', notes: 'Hit our checkout: major for us.' } }));
  const later = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(later.incidents, { added: 0, updated: 0, unchanged: 3, conflicts: 1 });
  const kept = later.conflicts.find((x) => x.kind === 'incident')!;
  assert.deepEqual([kept.id, kept.name], [from.fromPage.id, 'Queue Co: Elevated API error rates']);
  assert.match(kept.reason, /register's copy is newer \(changed .+; the file's .+\) and was kept/);
  assert.equal(unwrap(await to.api['incident.list']({})).find((i) => i.id === from.fromPage.id)!.impact, 'major', 'the local edit survives');
});

test("the same status page incident under another id is matched to the register's, not duplicated", async () => {
  const c = clock();
  const from = await source(c);
  const text = await exportText(from);
  // The other register has the same providers and imported the same status page itself: same provider ids, own incident ids.
  const to = await freshVetted({ now: c.now });
  const data = JSON.parse(text) as Json;
  unwrap(await to.api['register.import']({ text: JSON.stringify({ ...data, incidents: [], statusSettings: [] }) }));
  c.set('2026-10-20T00:00:00.000Z');
  const older = await imported(to, from.queue.id, { title: 'Elevated error rates', sequence: 1_757_000_000 });
  c.set('2026-12-01T00:00:00.000Z');
  const at = c.now().toISOString();
  const newer = await imported(to, from.db.id, { ...from.fromFeed, id: to.ctx.newId(), notes: 'Checked with their support.', createdAt: at, updatedAt: at });
  assert.notEqual(older.id, from.fromPage.id);

  const report = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(report.incidents, { added: 2, updated: 1, unchanged: 0, conflicts: 1 });
  const log = unwrap(await to.api['incident.list']({}));
  assert.equal(log.length, 4, 'four incidents, no copy of either');
  const page = log.find((i) => i.sourceUid === from.fromPage.sourceUid)!;
  assert.equal(page.id, older.id, "the register's id is kept");
  assert.equal(page.createdAt, older.createdAt, "and its creation time");
  assert.equal(page.title, 'Elevated API error rates', "the file's newer version came in");
  assert.equal(page.sequence, from.fromPage.sequence);
  assert.ok(!log.some((i) => i.id === from.fromPage.id), "the file's id is not added beside it");
  const conflict = report.conflicts.find((x) => x.kind === 'incident')!;
  assert.equal(conflict.id, from.fromFeed.id);
  assert.match(conflict.reason, /register's copy is newer .* \(the register holds this status page feed incident \("tag:status\.hosteddb\.example,2005:Incident\/18022913"\) under the id [0-9a-f-]{36}\)$/);
  assert.equal(log.find((i) => i.id === newer.id)!.notes, 'Checked with their support.', 'the newer local copy was kept');
  assert.equal(log.filter((i) => i.sourceUid === from.fromFeed.sourceUid).length, 1);
});

test("a page's JSON incident takes over the register's feed entry of it, as a status page import would", async () => {
  const c = clock();
  const from = await source(c);
  const text = await exportText(from);
  const to = await freshVetted({ now: c.now });
  const data = JSON.parse(text) as Json;
  unwrap(await to.api['register.import']({ text: JSON.stringify({ ...data, incidents: [], deletedIncidents: [], statusSettings: [] }) }));
  // This register read the page's feed only: the entry links to the incident the JSON calls p1k9x2.
  c.set('2026-10-20T00:00:00.000Z');
  const entry = await imported(to, from.queue.id, { source: 'feed', sourceUid: 'tag:status.queue.example,2005:Incident/1', link: 'https://status.queue.example/incidents/p1k9x2', impact: 'minor' });

  const report = unwrap(await to.api['register.import']({ text }));
  assert.equal(report.incidents.updated, 1);
  const log = unwrap(await to.api['incident.list']({ vendorId: from.queue.id }));
  const taken = log.find((i) => i.id === entry.id)!;
  assert.deepEqual([taken.source, taken.sourceUid, taken.title], ['statuspage', 'p1k9x2', 'Elevated API error rates'], "the register's row, now the JSON's incident");
  assert.equal(log.filter((i) => i.link === 'https://stspg.io/p1k9x2' || i.sourceUid === 'p1k9x2').length, 1, 'held once');
});

test('what was deleted or edited here travels: a status page import after the move leaves both as they were', async () => {
  const c = clock('2026-12-04T10:00:00.000Z');
  const page = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/status/incidents.json'), 'utf8');
  const from = await freshVetted({ now: c.now });
  const acme = unwrap(await from.api['vendor.create']({ name: 'Acme Cloud', criticalPath: true }));
  assert.equal(unwrap(await from.api['status.import']({ vendorId: acme.id, fileName: 'incidents.json', text: page })).incidents.added, 8);
  const log = unwrap(await from.api['incident.list']({ vendorId: acme.id }));
  const uid = (u: string) => log.find((i) => i.sourceUid === u)!;
  c.advance();
  unwrap(await from.api['incident.delete']({ id: uid('m2noresolved').id }));
  unwrap(await from.api['incident.update']({ id: uid('k1open0000aa').id, patch: { impact: 'critical' } }));
  c.advance();
  const text = await exportText(from);

  const to = await freshVetted({ now: c.now });
  const report = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual([report.incidents.added, report.deletedIncidents.added], [7, 1]);
  // A newer version of the page: the open incident was resolved, and the deleted one changed too.
  const newer = JSON.parse(page) as { incidents: Row[] };
  for (const i of newer.incidents) {
    if (i.id === 'k1open0000aa' || i.id === 'm2noresolved') i.updated_at = '2026-12-03T00:00:00.000Z';
    if (i.id === 'k1open0000aa') Object.assign(i, { impact: 'minor', status: 'resolved', resolved_at: '2026-12-01T02:00:00.000Z' });
  }
  c.advance();
  const again = unwrap(await to.api['status.import']({ vendorId: acme.id, fileName: 'incidents.json', text: JSON.stringify(newer) }));
  assert.equal(again.incidents.deletedHere, 1, 'the incident deleted in the other register stays deleted');
  assert.equal(again.incidents.added, 0);
  const moved = unwrap(await to.api['incident.list']({ vendorId: acme.id }));
  assert.ok(!moved.some((i) => i.sourceUid === 'm2noresolved'));
  const open = moved.find((i) => i.sourceUid === 'k1open0000aa')!;
  assert.equal(open.impact, 'critical', 'the impact edited in the other register is left as edited');
  assert.equal(open.resolvedAt, '2026-12-01T02:00:00Z', 'what was not edited follows the page');
});

test('a deletion is never imported as one: an incident held here is kept and said so; one deleted here is not brought back', async () => {
  const c = clock();
  const from = await source(c);
  const to = await freshVetted({ now: c.now });
  const data = JSON.parse(await exportText(from)) as Json;
  // This register still holds the incident the other deleted, and deleted one the other still holds.
  const held = { ...data, deletedIncidents: [] } as Json;
  held.incidents = [...data.incidents, { ...data.incidents.find((i) => i.id === from.fromPage.id)!, id: 'held-here', sourceUid: 'gone00000001', title: 'Duplicate notice' }];
  unwrap(await to.api['register.import']({ text: JSON.stringify(held) }));
  c.advance();
  unwrap(await to.api['incident.delete']({ id: from.fromFeed.id }));

  const report = unwrap(await to.api['register.import']({ text: JSON.stringify(data) }));
  assert.deepEqual(report.deletedIncidents, { added: 0, updated: 0, unchanged: 0, conflicts: 1 });
  const kept = report.conflicts.find((x) => x.kind === 'deleted-incident')!;
  assert.deepEqual([kept.id, kept.name], [`${from.queue.id}/statuspage/gone00000001`, 'Queue Co: status page (json) incident "gone00000001"']);
  assert.match(kept.reason, /^deleted in the exported register on .+, but this register holds it \(id held-here\), which was kept; delete it here if it should go$/);
  assert.ok(unwrap(await to.api['incident.list']({})).some((i) => i.id === 'held-here'), 'never deleted by an import');

  assert.deepEqual(report.incidents, { added: 0, updated: 0, unchanged: 3, conflicts: 1 });
  const gone = report.conflicts.find((x) => x.kind === 'incident')!;
  assert.equal(gone.id, from.fromFeed.id);
  assert.match(gone.reason, /^this status page feed incident \("tag:status\.hosteddb\.example,2005:Incident\/18022913"\) was deleted in this register on .+; it was not brought back$/);
  assert.ok(!unwrap(await to.api['incident.list']({})).some((i) => i.sourceUid === from.fromFeed.sourceUid));
});

test('an incident whose provider was not imported is a conflict naming the provider; nothing is attached elsewhere', async () => {
  const c = clock();
  const from = await source(c);
  const data = JSON.parse(await exportText(from)) as Json;
  // The register has another "Queue Co", whose id the file uses for a provider of its own: the
  // file's Queue Co can be neither matched by name nor added under a name that is taken.
  const to = await freshVetted({ now: c.now });
  const local = unwrap(await to.api['vendor.create']({ name: 'Queue Co' }));
  const queue = data.vendors.find((v) => v.name === 'Queue Co')!;
  data.vendors.push({ ...queue, id: local.id, name: 'Renamed Co', updatedAt: '2020-01-01T00:00:00.000Z' });

  const report = unwrap(await to.api['register.import']({ text: JSON.stringify(data) }));
  assert.deepEqual(report.incidents, { added: 2, updated: 0, unchanged: 0, conflicts: 2 }, "Hosted DB's two come in; Queue Co's two do not");
  const conflicts = report.conflicts.filter((x) => x.kind === 'incident');
  assert.deepEqual(conflicts.map((x) => x.name).sort(), ['Queue Co: Elevated API error rates', 'Queue Co: Queues unreachable from eu-west-1']);
  assert.ok(conflicts.every((x) => x.reason === 'its provider "Queue Co" was not imported, so neither was the incident'), conflicts[0]!.reason);
  assert.deepEqual(report.statusSettings, { added: 1, updated: 0, unchanged: 0, conflicts: 1 });
  assert.match(report.conflicts.find((x) => x.kind === 'status')!.reason, /^its provider "Queue Co" was not imported, so neither were its status page settings$/);
  assert.deepEqual(unwrap(await to.api['incident.list']({ vendorId: local.id })), [], "nothing was attached to the register's own Queue Co");
  assert.deepEqual(unwrap(await to.api['status.settings']({ vendorId: local.id })).componentsUsed, []);
});

test('a bad field is refused naming its JSON path; nothing is written', async () => {
  const from = await source();
  const to = await freshVetted();
  const before = await dumpAnyRegister(to.file);
  const text = await exportText(from);
  const byId = (d: Json, id: string) => d.incidents.find((i) => i.id === id)!;
  const cases: Array<[string, (d: Json) => void, string, RegExp]> = [
    ['a start that is not a time', (d) => (d.incidents[3]!.startedAt = 'yesterday'), '$.incidents[3].startedAt', /^must be a date and time such as 2026-12-06T02:00:00Z$/],
    ['an impact there is not', (d) => (d.incidents[0]!.impact = 'severe'), '$.incidents[0].impact', /^expected one of: none, minor, major, critical$/],
    ['a source there is not', (d) => (d.incidents[1]!.source = 'twitter'), '$.incidents[1].source', /^expected one of: entered, statuspage, feed, instatus$/],
    ['an update without its time', (d) => delete (byId(d, from.typed.id).updates as Row[])[0]!.at, '$.incidents[?].updates[0].at', /^is required$/],
    ['a postmortem link that is not one', (d) => ((byId(d, from.typed.id).postmortem as Row).link = 'javascript:alert(1)'), '$.incidents[?].postmortem.link', /http\(s\) link/],
    ['a typed-in resolution before the start', (d) => (byId(d, from.typed.id).resolvedAt = '2026-09-30T00:00:00Z'), '$.incidents[?].resolvedAt', /must not be before the incident started/],
    ['a typed-in incident with a provider id', (d) => (byId(d, from.typed.id).sourceUid = 'abc'), '$.incidents[?].sourceUid', /typed in .* has no provider id/],
    ['an imported incident marked not on the status page', (d) => (byId(d, from.fromPage.id).onStatusPage = false), '$.incidents[?].onStatusPage', /was on it/],
    ['a field the format does not have', (d) => (d.incidents[2]!.severity = 'high'), '$.incidents[2].severity', /^unknown field$/],
    ['a sequence that is not a whole number', (d) => (byId(d, from.fromFeed.id).sequence = 1.5), '$.incidents[?].sequence', /whole number|int/],
    ['an incident of a provider not in the file', (d) => (d.incidents[0]!.vendorId = 'nobody'), '$.incidents[0].vendorId', /^no provider with id "nobody" in the file$/],
    ['the same incident twice', (d) => d.incidents.push(structuredClone(d.incidents[0]!)), '$.incidents[4].id', /is used twice \(first at \$\.incidents\[0\]\)/],
    ['the same provider incident under two ids', (d) => d.incidents.push({ ...structuredClone(byId(d, from.fromPage.id)), id: 'another-id' }), '$.incidents[4].sourceUid', /statuspage incident "p1k9x2" is listed twice/],
    ['a component name that is empty', (d) => (d.statusSettings[0]!.componentsUsed = ['']), '$.statusSettings[0].componentsUsed[0]', /at least 1|too small|>=1/i],
    ['settings of a provider not in the file', (d) => (d.statusSettings[1]!.vendorId = 'nobody'), '$.statusSettings[1].vendorId', /^no provider with id "nobody" in the file$/],
    ['a refresh time without its address', (d) => (d.statusSettings.find((s) => s.refreshedAt !== null)!.refreshedFrom = null), '$.statusSettings[?].refreshedFrom', /both its time and its address/],
  ];
  for (const [what, edit, path, message] of cases) {
    const data = JSON.parse(text) as Json;
    edit(data);
    const result = await to.api['register.import']({ text: JSON.stringify(data) });
    assert.equal(result.ok, false, `${what} is refused`);
    if (result.ok) continue;
    assert.equal(result.error.code, 'validation', what);
    const pattern = new RegExp(`^${path.replace(/[.[\]$]/g, (ch) => `\\${ch}`).replace('\\[?\\]', '\\[\\d+\\]')}$`);
    const detail = (result.error.details ?? []).find((d) => pattern.test(d.path));
    assert.ok(detail, `${what}: names ${path}, got ${JSON.stringify(result.error.details)}`);
    assert.match(detail.message, message, what);
    assert.match(result.error.message, /^\$\.(incidents|statusSettings)\[\d+\]/, `${what}: the message names the path`);
  }
  assert.deepEqual(await dumpAnyRegister(to.file), before, 'nothing written');
});

test('an older export, written before incidents travelled, still imports', async () => {
  const from = await source();
  const data = JSON.parse(await exportText(from)) as Partial<Json>;
  delete data.incidents;
  delete data.statusSettings;
  const to = await freshVetted();
  const report = unwrap(await to.api['register.import']({ text: JSON.stringify(data) }));
  assert.deepEqual(report.vendors, { added: 2, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.incidents, { added: 0, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.statusSettings, { added: 0, updated: 0, unchanged: 0, conflicts: 0 });
  const back = JSON.parse(await exportText(to)) as Json;
  assert.deepEqual([back.incidents, back.statusSettings], [[], []], 'and it exports the two lists, empty');
});
