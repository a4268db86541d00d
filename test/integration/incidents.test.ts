// The incident record through the contract on a real register: typed in (with the "not on their
// status page" mark), imported from a status page file (a re-import updates instead of
// duplicating), refreshed from a loopback status page, measured against the review's answers,
// the one-click finding, Needs attention, the register's column and the audit trail.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { freshVetted, unwrap } from '../helpers/vetted';

const NOW = new Date('2026-12-04T10:00:00Z');

/** A Statuspage v2 incidents.json with `n` incidents whose first update comes `late` minutes after the start. */
function incidentsJson(n: number, late: number, updatedAt = '2026-11-30T00:00:00Z'): string {
  const incidents = Array.from({ length: n }, (_, i) => {
    const start = Date.parse(`2026-0${i + 1}-10T12:00:00Z`);
    const iso = (m: number) => new Date(start + m * 60_000).toISOString();
    return {
      id: `inc${i}`,
      name: `Outage ${i}`,
      status: 'resolved',
      impact: 'major',
      created_at: iso(late),
      updated_at: updatedAt,
      started_at: iso(0),
      resolved_at: iso(120),
      shortlink: `https://stspg.io/inc${i}`,
      components: [{ id: 'c1', name: 'API' }],
      incident_updates: [
        { id: `u${i}a`, status: 'investigating', body: 'Looking into it.', created_at: iso(late), display_at: iso(late), updated_at: iso(late) },
        { id: `u${i}b`, status: 'resolved', body: 'Fixed.', created_at: iso(120), display_at: iso(120), updated_at: iso(120) },
      ],
      postmortem_body: null,
      postmortem_published_at: null,
    };
  });
  return JSON.stringify({ page: { id: 'p', name: 'Queue Co', url: 'https://status.queue.example', time_zone: 'Etc/UTC', updated_at: updatedAt }, incidents });
}

async function provider() {
  const vetted = freshVetted({ now: () => NOW });
  const { api } = vetted;
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue', criticalPath: true }));
  return { vetted, api, queue };
}

test('an incident typed in is stored with its updates in order, audited, and a bad time is refused naming the field', async () => {
  const { vetted, api, queue } = await provider();
  const added = unwrap(
    await api['incident.add']({
      vendorId: queue.id,
      title: 'Queues unreachable',
      startedAt: '2026-11-01T10:00:00Z',
      resolvedAt: '2026-11-01T11:00:00Z',
      onStatusPage: false,
      updates: [
        { at: '2026-11-01T10:40:00Z', status: 'resolved', text: 'Back.' },
        { at: '2026-11-01T10:20:00Z', status: 'investigating', text: 'Seen by our on-call.' },
      ],
    }),
  );
  assert.equal(added.impact, 'major', 'major unless said: the cautious reading');
  assert.equal(added.onStatusPage, false);
  assert.deepEqual(added.updates.map((u) => u.status), ['investigating', 'resolved'], 'updates oldest first');
  assert.equal(added.firstUpdateAt, '2026-11-01T10:20:00Z', 'without a first update, the earliest update is the first');

  const before = unwrap(await api['incident.list']({ vendorId: queue.id }));
  const bad = await api['incident.update']({ id: added.id, patch: { resolvedAt: '2026-10-01T00:00:00Z' } });
  assert.ok(!bad.ok && bad.error.code === 'validation' && bad.error.message.startsWith('patch.resolvedAt'), `refused naming the field: ${JSON.stringify(bad)}`);
  assert.deepEqual(unwrap(await api['incident.list']({ vendorId: queue.id })), before, 'nothing changed');
  const badAdd = await api['incident.add']({ vendorId: queue.id, title: 'x', startedAt: 'yesterday' });
  assert.ok(!badAdd.ok && badAdd.error.message.includes('startedAt'), 'a time that is not one is refused naming startedAt');

  const audit = unwrap(await api['audit.list']({ vendorId: queue.id }));
  assert.ok(audit.some((e) => e.entity === 'incident' && e.action === 'create' && e.entityId === added.id), 'the audit trail has the incident');
  unwrap(await api['incident.delete']({ id: added.id }));
  assert.deepEqual(unwrap(await api['incident.list']({ vendorId: queue.id })), [], 'deleted');
  assert.ok(vetted.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'incident' AND action = 'delete'").get() !== undefined);
});

test('a status file imports all or nothing; a re-import updates instead of duplicating, and an older file never undoes an edit', async () => {
  const { api, queue } = await provider();
  const first = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(3, 40) }));
  assert.equal(first.format, 'statuspage');
  assert.deepEqual(first.incidents, { added: 3, updated: 0, unchanged: 0, older: 0 });
  const again = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(3, 40) }));
  assert.deepEqual(again.incidents, { added: 0, updated: 0, unchanged: 3, older: 0 }, 'the same file changes nothing');
  const later = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(4, 40, '2026-12-01T00:00:00Z') }));
  assert.deepEqual(later.incidents, { added: 1, updated: 3, unchanged: 0, older: 0 }, 'a later download updates the three and adds the fourth');
  assert.equal(unwrap(await api['incident.list']({ vendorId: queue.id })).length, 4, 'no duplicates');

  const [one] = unwrap(await api['incident.list']({ vendorId: queue.id }));
  unwrap(await api['incident.update']({ id: one!.id, patch: { notes: 'Confirmed with their support.' } }));
  const older = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(4, 40, '2026-12-01T00:00:00Z') }));
  assert.equal(older.incidents.older, 1, 'the edited incident is kept as stored');
  assert.equal(unwrap(await api['incident.list']({ vendorId: queue.id })).find((i) => i.id === one!.id)!.notes, 'Confirmed with their support.');

  const before = unwrap(await api['incident.list']({ vendorId: queue.id }));
  const broken = await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(2, 40).replace('"2026-01-10T12:00:00.000Z"', '"soon"') });
  assert.ok(!broken.ok && broken.error.code === 'validation', 'a bad date refuses the file');
  assert.match(broken.ok ? '' : broken.error.message, /started_at/, 'naming the field');
  const html = await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: '<!DOCTYPE html><html><body>Status</body></html>' });
  assert.ok(!html.ok && html.error.code === 'validation', 'a saved web page is refused');
  assert.deepEqual(unwrap(await api['incident.list']({ vendorId: queue.id })), before, 'nothing stored from the refused files');
  const dry = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(6, 40, '2026-12-02T00:00:00Z'), dryRun: true }));
  assert.equal(dry.incidents.added, 2, 'a dry run reports');
  assert.deepEqual(unwrap(await api['incident.list']({ vendorId: queue.id })), before, 'and writes nothing');
});

test('measured against claimed: a slow first update contradicts the answer, and one click makes the finding', async () => {
  const { api, queue } = await provider();
  const review = unwrap(await api['review.start']({ vendorId: queue.id }));
  unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'inc_first_update_minutes', value: 10 }));
  const none = unwrap(await api['incident.transparency']({ vendorId: queue.id }));
  assert.equal(none.claims[0]!.verdict, 'untested', 'nothing on record tests nothing');
  const refused = await api['incident.claimFinding']({ vendorId: queue.id, questionId: 'inc_first_update_minutes' });
  assert.ok(!refused.ok && refused.error.code === 'validation', 'no finding for a claim the record does not contradict');

  unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(3, 40) }));
  const t = unwrap(await api['incident.transparency']({ vendorId: queue.id }));
  assert.equal(t.measures.period.from, '2025-12-05', 'twelve months up to today');
  assert.equal(t.measures.total, 3);
  assert.equal(t.measures.firstUpdate.median, 40);
  const claim = t.claims.find((c) => c.questionId === 'inc_first_update_minutes')!;
  assert.equal(claim.verdict, 'contradicted', claim.words);
  assert.equal(t.reviewId, review.review.id);
  assert.deepEqual(t.components, ['API']);

  const finding = unwrap(await api['incident.claimFinding']({ vendorId: queue.id, questionId: 'inc_first_update_minutes' }));
  assert.match(finding.title, /^Claim contradicted by the incident record/);
  assert.equal(finding.questionId, 'inc_first_update_minutes');
  assert.ok(finding.description.includes(claim.words), 'the finding carries the measured words');
  const twice = unwrap(await api['incident.claimFinding']({ vendorId: queue.id, questionId: 'inc_first_update_minutes' }));
  assert.equal(twice.id, finding.id, 'one click twice gives the same finding');

  const future = await api['incident.transparency']({ vendorId: queue.id, date: '2027-01-01' });
  assert.ok(!future.ok && future.error.message.startsWith('date'), 'a period ending after today is refused naming date');
  const inverted = await api['incident.transparency']({ vendorId: queue.id, since: '2026-12-01', date: '2026-11-01' });
  assert.ok(!inverted.ok && inverted.error.message.startsWith('since'), 'since after the end is refused naming since');
  const settings = unwrap(await api['status.settings']({ vendorId: queue.id, patch: { componentsUsed: ['Dashboard'] } }));
  assert.deepEqual(settings.componentsUsed, ['Dashboard']);
  const narrowed = unwrap(await api['incident.transparency']({ vendorId: queue.id }));
  assert.equal(narrowed.measures.availability?.percent, 100, 'incidents of components not used do not count against availability');
});

test('Needs attention and the register: an open incident on a critical-path provider, a major one without a postmortem after 14 days', async () => {
  const { api, queue } = await provider();
  unwrap(await api['incident.add']({ vendorId: queue.id, title: 'Still down', startedAt: '2026-12-04T08:00:00Z', impact: 'critical' }));
  unwrap(await api['incident.add']({ vendorId: queue.id, title: 'Old outage', startedAt: '2026-11-01T08:00:00Z', resolvedAt: '2026-11-01T09:00:00Z' }));
  unwrap(await api['incident.add']({ vendorId: queue.id, title: 'Recent outage', startedAt: '2026-11-28T08:00:00Z', resolvedAt: '2026-11-28T09:00:00Z' }));
  unwrap(await api['incident.add']({ vendorId: queue.id, title: 'Long ago', startedAt: '2026-01-01T08:00:00Z', resolvedAt: '2026-01-01T09:00:00Z', impact: 'minor' }));
  const attention = unwrap(await api['attention.get']({}));
  assert.deepEqual(attention.incidents.openCritical.map((i) => i.title), ['Still down']);
  assert.deepEqual(attention.incidents.missingPostmortems.map((i) => i.title), ['Old outage'], 'the recent one is still within 14 days; the minor one needs none');
  const [row] = unwrap(await api['vendor.list']({}));
  assert.equal(row!.incidents90d, 3, 'three started in the last 90 days');
  assert.equal(row!.openIncidents, 1);
});

test('refresh reads the profile\'s status page over loopback, and a provider without one is refused naming statusPage', async () => {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.url} cookie=${req.headers.cookie ?? ''}`);
    if (req.url === '/api/v2/incidents.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'tracker=1' });
      res.end(incidentsJson(2, 25));
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const { api, queue } = await provider();
  const bare = await api['status.refresh']({ vendorId: queue.id });
  assert.ok(!bare.ok && bare.error.code === 'validation' && bare.error.message.startsWith('statusPage'), 'no address: refused naming statusPage');
  assert.equal(seen.length, 0, 'and nothing was requested');

  unwrap(await api['vendor.update']({ id: queue.id, patch: { links: { statusPage: `http://127.0.0.1:${port}/` } } }));
  const refreshed = unwrap(await api['status.refresh']({ vendorId: queue.id }));
  assert.deepEqual(refreshed.incidents, { added: 2, updated: 0, unchanged: 0, older: 0 });
  assert.equal(refreshed.fetched[0]!.url, `http://127.0.0.1:${port}/api/v2/incidents.json`);
  assert.ok(seen.every((s) => s.endsWith('cookie=')), `no cookie was ever sent: ${seen.join(', ')}`);
  const settings = unwrap(await api['status.settings']({ vendorId: queue.id }));
  assert.equal(settings.refreshedAt, NOW.toISOString(), 'the refresh is recorded');
  assert.equal(settings.refreshedFrom, `http://127.0.0.1:${port}/api/v2/incidents.json`);
});

test('the demo register carries incident records: a contradicted claim, a record the status page never showed, attention lines', async () => {
  const vetted = freshVetted();
  const { api } = vetted;
  unwrap(await api['demo.load']({}));
  const vendors = unwrap(await api['vendor.list']({}));
  const burrow = vendors.find((v) => v.name === 'Burrow MQ')!;
  const list = unwrap(await api['incident.list']({ vendorId: burrow.id }));
  assert.ok(list.some((i) => !i.onStatusPage), 'one incident is marked not on their status page');
  const attention = unwrap(await api['attention.get']({}));
  assert.ok(attention.incidents.openCritical.length >= 1, 'an open incident on a critical-path provider');
  assert.ok(attention.incidents.missingPostmortems.some((i) => i.vendorName === 'Burrow MQ'), 'Burrow MQ owes postmortems');
  const t = unwrap(await api['incident.transparency']({ vendorId: burrow.id }));
  assert.ok(t.measures.firstUpdate.measured >= 3, 'enough incidents to measure');
});
