// The incident record through the contract on a real register: typed in (with the "not on their
// status page" mark), imported from a status page file (a re-import updates instead of
// duplicating), refreshed from a loopback status page, measured against the review's answers,
// the one-click finding, Needs attention, the register's column and the audit trail.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { answersFor } from '../helpers/review-fixtures';
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
  const vetted = await freshVetted({ now: () => NOW });
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
  const deletes = (await vetted.ctx.store.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'incident' AND action = 'delete'"))!;
  assert.equal(deletes.n, 1, 'the delete is in the audit trail');
});

test('a status file imports all or nothing; a re-import updates instead of duplicating, and an older file never undoes an edit', async () => {
  const { api, queue } = await provider();
  const first = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(3, 40) }));
  assert.equal(first.format, 'statuspage');
  assert.deepEqual(first.incidents, { added: 3, updated: 0, unchanged: 0, older: 0, deletedHere: 0 });
  const again = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(3, 40) }));
  assert.deepEqual(again.incidents, { added: 0, updated: 0, unchanged: 3, older: 0, deletedHere: 0 }, 'the same file changes nothing');
  const later = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(4, 40, '2026-12-01T00:00:00Z') }));
  assert.deepEqual(later.incidents, { added: 1, updated: 3, unchanged: 0, older: 0, deletedHere: 0 }, 'a later download updates the three and adds the fourth');
  assert.equal(unwrap(await api['incident.list']({ vendorId: queue.id })).length, 4, 'no duplicates');

  const [one] = unwrap(await api['incident.list']({ vendorId: queue.id }));
  unwrap(await api['incident.update']({ id: one!.id, patch: { notes: 'Confirmed with their support.', impact: 'critical' } }));
  const same = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(4, 40, '2026-12-01T00:00:00Z') }));
  assert.equal(same.incidents.older, 1, 'the same version from the page leaves the edited incident as stored');
  const newer = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(4, 55, '2026-12-03T00:00:00Z') }));
  assert.equal(newer.incidents.updated, 4, 'a newer version updates every incident');
  const edited = unwrap(await api['incident.list']({ vendorId: queue.id })).find((i) => i.id === one!.id)!;
  assert.equal(edited.notes, 'Confirmed with their support.', 'the notes edited here survive a newer version');
  assert.equal(edited.impact, 'critical', 'so does the impact edited here');
  assert.equal(Date.parse(edited.firstUpdateAt!) - Date.parse(edited.startedAt), 55 * 60_000, 'fields not edited here take the newer version');
  assert.ok(newer.warnings.some((w) => w.includes('edited here') && w.includes('impact')), `the kept edit is said: ${newer.warnings.join(' | ')}`);

  unwrap(await api['incident.delete']({ id: one!.id }));
  const afterDelete = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(4, 55, '2026-12-04T00:00:00Z') }));
  assert.equal(afterDelete.incidents.deletedHere, 1, 'an imported incident deleted here is not brought back');
  assert.equal(unwrap(await api['incident.list']({ vendorId: queue.id })).length, 3);

  const before = unwrap(await api['incident.list']({ vendorId: queue.id }));
  const broken = await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(2, 40).replace('"2026-01-10T12:00:00.000Z"', '"soon"') });
  assert.ok(!broken.ok && broken.error.code === 'validation', 'a bad date refuses the file');
  assert.match(broken.ok ? '' : broken.error.message, /started_at/, 'naming the field');
  const html = await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: '<!DOCTYPE html><html><body>Status</body></html>' });
  assert.ok(!html.ok && html.error.code === 'validation', 'a saved web page is refused');
  assert.deepEqual(unwrap(await api['incident.list']({ vendorId: queue.id })), before, 'nothing stored from the refused files');
  const dry = unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(6, 40, '2026-12-05T00:00:00Z'), dryRun: true }));
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
  assert.deepEqual(refreshed.incidents, { added: 2, updated: 0, unchanged: 0, older: 0, deletedHere: 0 });
  assert.equal(refreshed.fetched[0]!.url, `http://127.0.0.1:${port}/api/v2/incidents.json`);
  assert.ok(seen.every((s) => s.endsWith('cookie=')), `no cookie was ever sent: ${seen.join(', ')}`);
  const settings = unwrap(await api['status.settings']({ vendorId: queue.id }));
  assert.equal(settings.refreshedAt, NOW.toISOString(), 'the refresh is recorded');
  assert.equal(settings.refreshedFrom, `http://127.0.0.1:${port}/api/v2/incidents.json`);
});

test('the demo register carries incident records: a contradicted claim, a record the status page never showed, attention lines', async () => {
  const vetted = await freshVetted();
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

const fixture = (name: string) => readFileSync(new URL(`../fixtures/status/${name}`, import.meta.url), 'utf8');

/** The page's Atom history of incidentsJson's first incident, as Statuspage writes it (its address ends with the JSON id). */
const HISTORY_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">
  <id>tag:status.queue.example,2005:/history</id>
  <link rel="alternate" type="text/html" href="https://status.queue.example"/>
  <title>Queue Co Status - Incident History</title>
  <updated>2026-11-30T00:00:00Z</updated>
  <entry>
    <id>tag:status.queue.example,2005:Incident/4711</id>
    <published>2026-01-10T12:40:00Z</published>
    <updated>2026-11-30T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="https://status.queue.example/incidents/inc0"/>
    <title>Outage 0</title>
    <content type="html">&lt;p&gt;&lt;small&gt;Jan &lt;var data-var='date'&gt;10&lt;/var&gt;, &lt;var data-var='time'&gt;14:00&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - Fixed.&lt;/p&gt;&lt;p&gt;&lt;small&gt;Jan &lt;var data-var='date'&gt;10&lt;/var&gt;, &lt;var data-var='time'&gt;12:40&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - Looking into it.&lt;/p&gt;</content>
  </entry>
</feed>
`;

test('the same incident from the page\'s feed and its JSON is held once, the JSON version winning, in either order', async () => {
  const files = { 'history.atom': HISTORY_ATOM, 'incidents.json': incidentsJson(1, 40) };
  for (const order of [['history.atom', 'incidents.json'], ['incidents.json', 'history.atom']] as const) {
    const { api, queue } = await provider();
    for (const name of order) unwrap(await api['status.import']({ vendorId: queue.id, fileName: name, text: files[name] }));
    const list = unwrap(await api['incident.list']({ vendorId: queue.id }));
    assert.equal(list.length, 1, `${order.join(' then ')}: one incident, not two`);
    assert.equal(list[0]!.source, 'statuspage', `${order.join(' then ')}: the JSON version (with its impact) is kept`);
    assert.equal(list[0]!.impact, 'major');
  }
});

test('the fixtures of every format import through the contract', async () => {
  const { api, queue } = await provider();
  for (const name of ['incidents.json', 'summary.json', 'history.atom', 'history.rss', 'instatus-summary.json']) {
    const result = unwrap(await api['status.import']({ vendorId: queue.id, fileName: name, text: fixture(name) }));
    assert.ok(result.incidents.added + result.incidents.updated + result.incidents.unchanged + result.maintenances.added > 0, `${name}: something was read`);
  }
  for (const name of ['bad-date.json', 'bad-html-page.json', 'bad-not-json.json', 'bad-wrong-shape.json']) {
    const result = await api['status.import']({ vendorId: queue.id, fileName: name, text: fixture(name) });
    assert.ok(!result.ok && result.error.code === 'validation', `${name} is refused`);
  }
});

test('a past date holds the record against the review decided by then, never a draft opened later', async () => {
  let now = new Date('2026-05-01T10:00:00Z');
  const vetted = await freshVetted({ now: () => now });
  const { api } = vetted;
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue', dataCategories: ['personal-data'], dataLocations: ['Germany'], criticalPath: true }));
  const first = unwrap(await api['review.start']({ vendorId: queue.id }));
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (a.value !== null) unwrap(await api['answer.save']({ reviewId: first.review.id, questionId: a.questionId, value: a.value }));
  }
  unwrap(await api['answer.save']({ reviewId: first.review.id, questionId: 'inc_first_update_minutes', value: 60 }));
  for (const [questionId, value] of Object.entries({ prv_personal_data: 'users', ext_critical_path: 'no' })) unwrap(await api['answer.save']({ reviewId: first.review.id, questionId, value }));
  for (const to of ['in_review', 'approved'] as const) unwrap(await api['review.transition']({ reviewId: first.review.id, to, by: 'Lead' }));
  now = new Date('2026-07-01T10:00:00Z');
  const second = unwrap(await api['review.start']({ vendorId: queue.id }));
  unwrap(await api['answer.save']({ reviewId: second.review.id, questionId: 'inc_first_update_minutes', value: 10 }));
  now = NOW;
  unwrap(await api['status.import']({ vendorId: queue.id, fileName: 'incidents.json', text: incidentsJson(3, 40) }));

  const past = unwrap(await api['incident.transparency']({ vendorId: queue.id, date: '2026-06-01' }));
  assert.equal(past.reviewId, first.review.id, 'the review decided by 2026-06-01');
  assert.equal(past.claims[0]!.claimed, 60);
  assert.equal(past.claims[0]!.verdict, 'consistent', 'answered 60 minutes; the record shows 40');
  const today = unwrap(await api['incident.transparency']({ vendorId: queue.id }));
  assert.equal(today.reviewId, second.review.id, 'today: the review in progress, as the questionnaire shows it');
  assert.equal(today.claims[0]!.verdict, 'contradicted');
  const none = unwrap(await api['incident.transparency']({ vendorId: queue.id, date: '2026-04-01' }));
  assert.equal(none.reviewId, null, 'nothing decided by then: no claims');
  assert.deepEqual(none.claims, []);
  const refused = await api['incident.claimFinding']({ vendorId: queue.id, questionId: 'inc_first_update_minutes', date: '2026-06-01' });
  assert.ok(!refused.ok && refused.error.code === 'validation', 'no finding for the period where the answer held');
});

test('a day that does not exist is refused, not rolled over to the next month', async () => {
  const { api, queue } = await provider();
  const result = await api['incident.add']({ vendorId: queue.id, title: 'Leap', startedAt: '2026-02-30T10:00:00Z' });
  assert.ok(!result.ok && result.error.code === 'validation' && result.error.message.includes('startedAt'), `refused naming startedAt: ${JSON.stringify(result)}`);
  assert.deepEqual(unwrap(await api['incident.list']({ vendorId: queue.id })), [], 'nothing stored');
});
