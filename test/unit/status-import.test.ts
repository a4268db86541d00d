// The status page readers on files written from each format's public documentation (see
// test/fixtures/status/README.md): Statuspage v2 JSON, Atom and RSS history feeds, Instatus
// summary.json. Each format's output is checked in full on a few incidents, then the quirks, the
// refusals (each naming where), detection by content, and that a re-parse gives the same result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseStatusFile, type ParsedStatusFile } from '../../electron/core/importers/status-file';
import { VettedError } from '../../shared/result';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/status/${name}`, import.meta.url), 'utf8');
const seconds = (iso: string) => Date.parse(iso) / 1000;
type Doc = { page: Record<string, unknown>; incidents: Record<string, unknown>[]; scheduled_maintenances?: Record<string, unknown>[] };
/** A fresh copy of incidents.json to spoil. */
const incidentsDoc = (): Doc => JSON.parse(fixture('incidents.json')) as Doc;

function refusal(fileName: string, body: string): VettedError {
  try {
    parseStatusFile(fileName, body);
  } catch (error) {
    assert.ok(error instanceof VettedError && error.code === 'validation', `a validation error, not ${String(error)}`);
    return error;
  }
  assert.fail(`${fileName} was accepted`);
}
const messages = (error: VettedError) => error.details!.map((d) => d.message);
const byUid = (parsed: ParsedStatusFile, uid: string) => {
  const found = parsed.incidents.find((i) => i.sourceUid === uid);
  assert.ok(found, `incident ${uid} is in the result (have ${parsed.incidents.map((i) => i.sourceUid).join(', ')})`);
  return found;
};

test('Statuspage incidents.json: every incident in Vetted\'s schema, the duplicate id once, the file\'s order kept', () => {
  const parsed = parseStatusFile('incidents.json', fixture('incidents.json'));
  assert.equal(parsed.format, 'statuspage');
  assert.deepEqual(parsed.page, { name: 'Acme Cloud', url: 'https://status.acme-cloud.example' });
  assert.deepEqual(
    parsed.incidents.map((i) => [i.sourceUid, i.impact, i.resolvedAt]),
    [
      ['k1open0000aa', 'major', null],
      ['m2noresolved', 'minor', '2026-11-21T10:47:00Z'],
      ['b3backfill00', 'major', '2026-11-08T23:25:00Z'],
      ['n5noupdates0', 'none', '2026-10-02T14:30:00Z'],
      ['p6postmortem', 'critical', '2026-09-05T05:41:00Z'],
      ['u7unicode000', 'minor', '2026-08-19T14:30:00Z'],
      ['o4outoforder', 'critical', '2026-07-14T15:50:00Z'],
      ['r8duplicate0', 'minor', '2026-06-01T13:00:00Z'],
    ],
  );
  assert.deepEqual(parsed.maintenances, []);
  assert.deepEqual(parsed.warnings, [
    'incidents.json: $.incidents[1].resolved_at is missing though the status is "resolved": took the time of its resolved update, 2026-11-21T10:47:00Z',
    'incidents.json: "Dashboard unavailable for some users" ($.incidents[2]) was backfilled, posted on the status page after it was resolved: kept as the page shows it, with the first public update after the resolution',
  ]);
});

test('an open incident, in full: started_at and the updates in UTC, oldest first, no resolution', () => {
  const open = byUid(parseStatusFile('incidents.json', fixture('incidents.json')), 'k1open0000aa');
  assert.deepEqual(open, {
    sourceUid: 'k1open0000aa',
    sequence: seconds('2026-12-01T01:40:00Z'),
    title: 'Elevated API error rates in eu-west-1',
    impact: 'major',
    components: ['API', 'eu-west-1'],
    startedAt: '2026-11-30T23:58:00Z',
    firstUpdateAt: '2026-12-01T00:05:12Z',
    resolvedAt: null,
    updates: [
      { at: '2026-12-01T00:05:12Z', status: 'investigating', text: 'We are investigating elevated 5xx responses from the API in eu-west-1.' },
      { at: '2026-12-01T00:50:00Z', status: 'identified', text: 'A faulty configuration push to the eu-west-1 load balancers is the cause; we are rolling it back.' },
      { at: '2026-12-01T01:40:00Z', status: 'monitoring', text: 'A fix has been deployed and error rates are back to normal. We are monitoring.' },
    ],
    postmortem: null,
    link: 'https://stspg.example/k1open',
    notes: '',
  });
});

test('updates out of order and in -07:00 / +05:30 come out oldest first in UTC; display_at null falls back to created_at', () => {
  const incident = byUid(parseStatusFile('incidents.json', fixture('incidents.json')), 'o4outoforder');
  assert.deepEqual(incident, {
    sourceUid: 'o4outoforder',
    sequence: seconds('2026-07-14T16:00:00Z'),
    title: 'Login failures on the web console',
    impact: 'critical',
    components: ['Web console', 'Sign-in'],
    startedAt: '2026-07-14T14:55:00Z',
    firstUpdateAt: '2026-07-14T15:03:00Z',
    resolvedAt: '2026-07-14T15:50:00Z',
    updates: [
      { at: '2026-07-14T15:03:00Z', status: 'investigating', text: 'Users cannot sign in to the web console. ログインできません。' },
      { at: '2026-07-14T15:20:00Z', status: 'identified', text: 'An expired signing certificate is rejecting sessions — Anmeldung schlägt fehl.' },
      { at: '2026-07-14T15:35:00Z', status: 'monitoring', text: 'A new certificate is in place; sign-ins are recovering.' },
      { at: '2026-07-14T15:50:00Z', status: 'resolved', text: 'Sign-in works again for everyone.' },
    ],
    postmortem: null,
    link: 'https://stspg.example/o4ooo',
    notes: '',
  });
});

test('the quirks: no resolved_at, backfilled, no updates, a postmortem, unicode, the same id twice', () => {
  const parsed = parseStatusFile('incidents.json', fixture('incidents.json'));
  const noResolvedAt = byUid(parsed, 'm2noresolved');
  assert.equal(noResolvedAt.resolvedAt, '2026-11-21T10:47:00Z', 'the time of the update whose status is resolved');

  const backfilled = byUid(parsed, 'b3backfill00');
  assert.equal(backfilled.startedAt, '2026-11-08T22:10:00Z');
  assert.equal(backfilled.resolvedAt, '2026-11-08T23:25:00Z');
  assert.equal(backfilled.firstUpdateAt, '2026-11-10T12:00:00Z', 'when it appeared on the page (created_at), not the back-dated display_at');
  assert.ok(Date.parse(backfilled.firstUpdateAt!) > Date.parse(backfilled.resolvedAt!), 'a backfilled incident\'s first public word comes after its resolution');
  assert.equal(backfilled.updates[0]!.at, '2026-11-08T22:10:00Z', 'the update keeps the time the page shows');
  assert.equal(backfilled.notes, 'Backfilled: posted on the status page after it was resolved.');

  const bare = byUid(parsed, 'n5noupdates0');
  assert.deepEqual(bare.updates, []);
  assert.equal(bare.startedAt, '2026-10-02T14:00:00Z', 'no started_at: created_at');
  assert.equal(bare.firstUpdateAt, '2026-10-02T14:00:00Z', 'no updates: the incident\'s creation was its first public post');

  const withPostmortem = byUid(parsed, 'p6postmortem');
  assert.deepEqual(withPostmortem.postmortem, {
    publishedAt: '2026-09-12T16:00:00Z',
    link: null,
    text: '## Summary\n\nOn 5 September a storage node firmware update removed capacity faster than the cluster could rebalance. Reads and writes failed for 2 hours 43 minutes.\n\n## What we are changing\n\nFirmware updates now roll out one rack at a time.',
  });
  assert.equal(withPostmortem.resolvedAt, '2026-09-05T05:41:00Z', 'the postmortem update a week later does not move the resolution');
  assert.equal(withPostmortem.updates.at(-1)!.status, 'postmortem');
  assert.equal(withPostmortem.sequence, seconds('2026-09-12T16:00:00Z'));

  const unicode = byUid(parsed, 'u7unicode000');
  assert.equal(unicode.title, 'Latence élevée à São Paulo (sa-east-1) 🚦');
  assert.deepEqual(unicode.updates.map((u) => [u.at, u.text]), [
    ['2026-08-19T13:00:00Z', 'Nous enquêtons sur une latence élevée à São Paulo. 🚦'],
    ['2026-08-19T14:30:00Z', 'La latence est revenue à la normale. Obrigado pela paciência.'],
  ]);
  assert.equal(unicode.startedAt, '2026-08-19T12:55:00Z', '+05:30 normalised to Z');

  const duplicate = byUid(parsed, 'r8duplicate0');
  assert.equal(duplicate.title, 'Job runner delays', 'the later updated_at wins, though the older copy comes later in the file');
  assert.equal(duplicate.sequence, seconds('2026-06-02T10:00:00Z'));
  assert.equal(parsed.incidents.filter((i) => i.sourceUid === 'r8duplicate0').length, 1);
});

test('resolved with neither resolved_at nor a resolved update: held open, warned; open with resolved_at: held open', () => {
  const d = incidentsDoc();
  const target = d.incidents[1]!;
  target.incident_updates = (target.incident_updates as Record<string, unknown>[]).filter((u) => u.status !== 'resolved');
  d.incidents[0]!.resolved_at = '2026-12-01T02:00:00Z';
  const parsed = parseStatusFile('incidents.json', JSON.stringify(d));
  assert.equal(byUid(parsed, 'm2noresolved').resolvedAt, null);
  assert.equal(byUid(parsed, 'k1open0000aa').resolvedAt, null, 'status monitoring: open, whatever resolved_at says');
  assert.ok(
    parsed.warnings.includes('incidents.json: $.incidents[1].resolved_at is missing though the status is "resolved", and no update says when it was resolved: held open'),
    parsed.warnings.join('\n'),
  );
  assert.ok(parsed.warnings.includes('incidents.json: $.incidents[0].resolved_at is set but the status is "monitoring" (reopened): held open'), parsed.warnings.join('\n'));
});

test('a reopened incident is resolved by its last resolution; created_at after resolved_at marks a backfill without the flag', () => {
  const d = incidentsDoc();
  const reopened = d.incidents[1]!;
  reopened.incident_updates = [
    { id: 'a', status: 'investigating', body: 'one', created_at: '2026-11-21T09:12:00Z' },
    { id: 'b', status: 'resolved', body: 'two', created_at: '2026-11-21T09:30:00Z' },
    { id: 'c', status: 'investigating', body: 'three', created_at: '2026-11-21T09:50:00Z' },
    { id: 'd', status: 'resolved', body: 'four', created_at: '2026-11-21T10:40:00Z' },
    { id: 'e', status: 'resolved', body: 'five', created_at: '2026-11-21T10:55:00Z' },
  ];
  delete d.incidents[2]!.backfilled;
  const parsed = parseStatusFile('incidents.json', JSON.stringify(d));
  assert.equal(byUid(parsed, 'm2noresolved').resolvedAt, '2026-11-21T10:40:00Z', 'the first resolution after the last reopening');
  assert.equal(byUid(parsed, 'b3backfill00').notes, 'Backfilled: posted on the status page after it was resolved.');
});

test('summary.json: the unresolved incident to incidents, the upcoming maintenance to maintenances', () => {
  const parsed = parseStatusFile('summary.json', fixture('summary.json'));
  assert.equal(parsed.format, 'statuspage');
  assert.deepEqual(
    parsed.incidents.map((i) => [i.sourceUid, i.startedAt, i.firstUpdateAt, i.resolvedAt, i.updates.length]),
    [['q9summary000', '2026-12-04T09:02:00Z', '2026-12-04T09:10:00Z', null, 2]],
  );
  assert.equal(parsed.maintenances.length, 1);
  const maintenance = parsed.maintenances[0]!;
  assert.equal(maintenance.uid, 's1upcoming00');
  assert.deepEqual(maintenance.schedule, { kind: 'once', start: '2026-12-12T02:00:00Z', end: '2026-12-12T04:00:00Z', timeZone: 'Europe/Berlin' });
  assert.equal(maintenance.announcedAt, '2026-11-27T10:00:00Z');
  assert.equal(maintenance.impact, 'outage');
  assert.equal(maintenance.sequence, seconds('2026-11-27T10:00:00Z'));
  assert.deepEqual(parsed.warnings, [
    'summary.json: "Network maintenance in eu-central-1" gives Statuspage\'s impact "maintenance", which does not say how bad it is: held as an outage, the safe assumption',
  ]);
});

test('a maintenance listed among incidents goes to the maintenances; the existing scheduled-maintenances.json reads here too', () => {
  const d = incidentsDoc();
  d.incidents.push({
    id: 'mx1maint0001',
    name: 'Kernel patching',
    status: 'completed',
    impact: 'maintenance',
    created_at: '2026-05-01T09:00:00Z',
    updated_at: '2026-05-03T04:00:00Z',
    scheduled_for: '2026-05-03T02:00:00Z',
    scheduled_until: '2026-05-03T04:00:00Z',
  });
  const parsed = parseStatusFile('incidents.json', JSON.stringify(d));
  assert.deepEqual(parsed.maintenances.map((m) => [m.uid, m.schedule]), [['mx1maint0001', { kind: 'once', start: '2026-05-03T02:00:00Z', end: '2026-05-03T04:00:00Z', timeZone: 'America/Los_Angeles' }]]);
  assert.ok(!parsed.incidents.some((i) => i.sourceUid === 'mx1maint0001'), 'not an incident');
  assert.ok(parsed.warnings.some((w) => w.includes('one entry of $.incidents is a scheduled maintenance')), parsed.warnings.join('\n'));

  const maintenances = parseStatusFile('scheduled-maintenances.json', readFileSync(new URL('../fixtures/statuspage/scheduled-maintenances.json', import.meta.url), 'utf8'));
  assert.deepEqual(maintenances.incidents, []);
  assert.equal(maintenances.maintenances.length, 5, 'the same reader as window.import');
});

test('empty lists are warnings, not errors', () => {
  const parsed = parseStatusFile('incidents.json', '{ "page": { "name": "Acme Cloud" }, "incidents": [], "scheduled_maintenances": [] }');
  assert.deepEqual(parsed.incidents, []);
  assert.deepEqual(parsed.warnings, [
    'incidents.json: $.incidents is empty: the file lists no incident',
    'incidents.json: $.scheduled_maintenances is empty: the file lists no scheduled maintenance',
  ]);
});

test('long texts are clipped to the register\'s limits, each with a warning naming its path', () => {
  const d = incidentsDoc();
  d.incidents[0]!.name = 'T'.repeat(400);
  (d.incidents[0]!.incident_updates as Record<string, unknown>[])[0]!.body = 'x'.repeat(12_000);
  d.incidents[4]!.postmortem_body = 'p'.repeat(60_000);
  const parsed = parseStatusFile('incidents.json', JSON.stringify(d));
  const open = byUid(parsed, 'k1open0000aa');
  assert.equal(open.title.length, 300);
  assert.ok(open.title.endsWith('…'), 'an ellipsis says it was cut');
  assert.equal(open.updates.at(-1)!.text.length, 10_000, 'the newest update, first in the file');
  assert.equal(byUid(parsed, 'p6postmortem').postmortem!.text.length, 50_000);
  for (const expected of [
    'incidents.json: $.incidents[0].name is 400 characters long; kept the first 300',
    'incidents.json: $.incidents[0].incident_updates[0].body is 12,000 characters long; kept the first 10,000',
    'incidents.json: $.incidents[4].postmortem_body is 60,000 characters long; kept the first 50,000',
  ]) {
    assert.ok(parsed.warnings.includes(expected), `${expected}\nnot in\n${parsed.warnings.join('\n')}`);
  }
});

test('Statuspage problems are named by JSON path, all of them, and nothing is returned', () => {
  const error = refusal('bad-date.json', fixture('bad-date.json'));
  assert.deepEqual(messages(error), [
    'bad-date.json: $.incidents[1].created_at: must be a date and time with its zone, such as 2026-03-01T02:00:00Z (found "yesterday")',
    'bad-date.json: $.incidents[1].incident_updates[0].created_at: must be a date and time with its zone, such as 2026-03-01T02:00:00Z (found "2026-13-01T10:00:00Z")',
    'bad-date.json: $.incidents[2].impact: must be one of none, minor, major, critical, maintenance (found "severe")',
    'bad-date.json: $.incidents[2].created_at: must be a date and time with its zone, such as 2026-03-01T02:00:00Z (found "2026-11-04T10:00:00")',
  ]);
  assert.match(error.message, /\(and 3 more\)$/);

  const d = incidentsDoc();
  d.incidents[3]!.resolved_at = '2026-10-02T13:00:00Z';
  d.incidents[5]!.incident_updates = 'none';
  d.incidents[6]!.status = 'ongoing';
  d.incidents.push(7 as unknown as Record<string, unknown>);
  assert.deepEqual(messages(refusal('incidents.json', JSON.stringify(d))), [
    'incidents.json: $.incidents[3].resolved_at: 2026-10-02T13:00:00Z is before the incident started, 2026-10-02T14:00:00Z',
    'incidents.json: $.incidents[5].incident_updates: must be an array (found "none")',
    'incidents.json: $.incidents[6].status: must be one of investigating, identified, monitoring, resolved, postmortem (found "ongoing")',
    'incidents.json: $.incidents[9]: must be an object (found 7)',
  ]);
  assert.match(refusal('incidents.json', '{ "incidents": {} }').message, /^incidents\.json: \$\.incidents: must be an array \(found \{\}\)$/);
});

test('Atom history feed: Statuspage\'s markup read into updates, across the new year, in the page\'s zone', () => {
  const parsed = parseStatusFile('history.atom', fixture('history.atom'));
  assert.equal(parsed.format, 'atom');
  assert.deepEqual(parsed.page, { name: 'Acme Cloud Status - Incident History', url: 'https://status.acme-cloud.example' });
  assert.deepEqual(parsed.incidents[0], {
    sourceUid: 'tag:status.acme-cloud.example,2005:Incident/30000001',
    sequence: seconds('2027-01-01T01:15:30Z'),
    title: 'Errors & timeouts on the API',
    impact: 'minor',
    components: [],
    startedAt: '2026-12-31T23:40:00Z',
    firstUpdateAt: '2026-12-31T23:40:00Z',
    resolvedAt: '2027-01-01T01:15:00Z',
    updates: [
      { at: '2026-12-31T23:40:00Z', status: 'investigating', text: 'We see errors & timeouts on the API.' },
      { at: '2027-01-01T00:20:00Z', status: 'monitoring', text: 'Error rates are back to normal;\nwe are watching closely.' },
      { at: '2027-01-01T01:15:00Z', status: 'resolved', text: 'This incident has been resolved. Merci — thanks for your patience.' },
    ],
    postmortem: null,
    link: 'https://status.acme-cloud.example/incidents/a1yearend',
    notes: '',
  });
  assert.deepEqual(parsed.incidents[1], {
    sourceUid: 'tag:status.acme-cloud.example,2005:Incident/30000002',
    sequence: seconds('2026-07-21T16:00:05Z'),
    title: 'Login failures on the web console',
    impact: 'minor',
    components: [],
    startedAt: '2026-07-14T15:03:00Z',
    firstUpdateAt: '2026-07-14T15:03:00Z',
    resolvedAt: '2026-07-14T15:50:00Z',
    updates: [
      { at: '2026-07-14T15:03:00Z', status: 'investigating', text: 'Users cannot sign in. ログインできません。' },
      { at: '2026-07-14T15:50:00Z', status: 'resolved', text: 'Sign-in works again for everyone.' },
      { at: '2026-07-21T16:00:00Z', status: 'postmortem', text: 'An expired signing certificate rejected every session. We now renew certificates 30 days ahead.' },
    ],
    postmortem: { publishedAt: '2026-07-21T16:00:00Z', link: null, text: 'An expired signing certificate rejected every session. We now renew certificates 30 days ahead.' },
    link: 'https://status.acme-cloud.example/incidents/a2pdt',
    notes: '',
  });
});

test('Atom: the maintenance skipped, a zone that cannot be placed kept as one update at the entry\'s date, impact minor and said so', () => {
  const parsed = parseStatusFile('history.atom', fixture('history.atom'));
  assert.equal(parsed.incidents.length, 3, 'four entries, one a scheduled maintenance');
  assert.ok(!parsed.incidents.some((i) => i.title === 'Database engine upgrade'), 'the maintenance is not an incident');
  assert.deepEqual(parsed.maintenances, []);
  const untimed = parsed.incidents[2]!;
  assert.deepEqual(
    [untimed.title, untimed.startedAt, untimed.firstUpdateAt, untimed.resolvedAt, untimed.updates],
    [
      'Slow builds in ap-south-1',
      '2026-10-08T06:10:00Z',
      '2026-10-08T06:10:00Z',
      null,
      [{ at: '2026-10-08T06:10:00Z', status: '', text: 'Oct 8, 13:15 IST\nResolved - Build times are normal again.\nOct 8, 11:40 IST\nInvestigating - Builds take longer than usual.' }],
    ],
  );
  assert.deepEqual(parsed.warnings, [
    "history.atom: a feed does not say how bad an incident was, so its 3 incidents are held as minor; Statuspage's incidents.json (/api/v2/incidents.json) gives each one's real impact and components",
    "history.atom: one of the entries is a scheduled maintenance, skipped: a feed does not give their windows reliably; import the page's scheduled-maintenances.json for those",
    'history.atom: one entry carries no update times Vetted can read (/feed/entry[4]: the zone "IST" is not one Vetted can place): each is kept as one update at its date and held open, since the feed does not say when it was resolved',
  ]);
});

test('RSS history feed: escaped and CDATA descriptions, pubDate as the last change, guid or link as the id', () => {
  const parsed = parseStatusFile('history.rss', fixture('history.rss'));
  assert.equal(parsed.format, 'rss');
  assert.deepEqual(parsed.page, { name: 'Acme Cloud Status - Incident History', url: 'https://status.acme-cloud.example' });
  assert.deepEqual(parsed.incidents[0], {
    sourceUid: 'https://status.acme-cloud.example/incidents/r1api',
    sequence: seconds('2026-12-03T17:49:37Z'),
    title: 'Elevated error rates on the API',
    impact: 'minor',
    components: [],
    startedAt: '2026-12-03T16:58:00Z',
    firstUpdateAt: '2026-12-03T16:58:00Z',
    resolvedAt: '2026-12-03T17:49:00Z',
    updates: [
      { at: '2026-12-03T16:58:00Z', status: 'investigating', text: 'We are investigating elevated error rates on the API.' },
      { at: '2026-12-03T17:20:00Z', status: 'monitoring', text: 'A fix has been implemented and we are monitoring the results.' },
      { at: '2026-12-03T17:49:00Z', status: 'resolved', text: 'This incident has been resolved.' },
    ],
    postmortem: null,
    link: 'https://status.acme-cloud.example/incidents/r1api',
    notes: '',
  });
  assert.deepEqual(parsed.incidents[2], {
    sourceUid: 'tag:status.acme-cloud.example,2005:Incident/40000002',
    sequence: seconds('2026-11-20T09:30:12Z'),
    title: 'Störung bei Objektspeicher-Uploads',
    impact: 'minor',
    components: [],
    startedAt: '2026-11-20T08:12:00Z',
    firstUpdateAt: '2026-11-20T08:12:00Z',
    resolvedAt: '2026-11-20T09:30:00Z',
    updates: [
      { at: '2026-11-20T08:12:00Z', status: 'investigating', text: 'Uploads schlagen fehl & laufen in Zeitüberschreitungen.' },
      { at: '2026-11-20T09:30:00Z', status: 'resolved', text: 'Uploads funktionieren wieder. Entschuldigung für die Störung.' },
    ],
    postmortem: null,
    link: 'https://status.acme-cloud.example/incidents/r2cet',
    notes: '',
  });
  const open = parsed.incidents[1]!;
  assert.deepEqual([open.title, open.resolvedAt, open.updates.map((u) => u.status)], ['Intermittent DNS resolution failures', null, ['investigating', 'identified']]);
  assert.equal(parsed.incidents.length, 3, 'the maintenance item is skipped');
  assert.ok(parsed.warnings.some((w) => w.startsWith('history.rss: one of the items is a scheduled maintenance, skipped')), parsed.warnings.join('\n'));
});

test('feed problems are named by element path, all of them; malformed XML by line', () => {
  const rss = fixture('history.rss')
    .replace('<pubDate>Thu, 03 Dec 2026 17:49:37 +0000</pubDate>\n      <link>', '<pubDate>yesterday</pubDate>\n      <link>')
    .replace('<title>Intermittent DNS resolution failures</title>', '<title></title>')
    .replace(/<link>https:\/\/status\.acme-cloud\.example\/incidents\/r4open<\/link>\s*<guid>[^<]*<\/guid>/, '');
  assert.deepEqual(messages(refusal('history.rss', rss)), [
    'history.rss: /rss/channel/item[1]/pubDate: must be a date and time with its zone, such as Thu, 03 Dec 2026 17:49:37 +0000 (found "yesterday")',
    'history.rss: /rss/channel/item[2]/title: missing',
    'history.rss: /rss/channel/item[2]/guid: missing, and no link to take it from',
  ]);
  const atom = fixture('history.atom').replace('<published>2026-07-14T15:03:41Z</published>', '<published>2026-07-14 15:03</published>');
  assert.deepEqual(messages(refusal('history.atom', atom)), [
    'history.atom: /feed/entry[2]/published: must be a date and time with its zone, such as 2026-12-03T17:49:37Z (found "2026-07-14 15:03")',
  ]);
  const broken = fixture('history.atom').replace('</title>\n    <content type="html">&lt;p&gt;&lt;small&gt;Jul', '</titel>\n    <content type="html">&lt;p&gt;&lt;small&gt;Jul');
  const line = fixture('history.atom').split('\n').findIndex((l) => l.includes('<title>Login failures')) + 1;
  assert.match(refusal('history.atom', broken).message, new RegExp(`^history\\.atom line ${line}, column \\d+: not well-formed XML`), 'the line of the mismatched tag');
});

test('a feed with a DOCTYPE is refused before any parser sees it: no entity can expand', () => {
  const bomb =
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<rss version="2.0"><channel><item><title>&c;</title></item></channel></rss>';
  assert.equal(
    refusal('history.rss', bomb).message,
    'history.rss: the file declares a DOCTYPE (it begins "<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><"); Atom and RSS feeds have none, and Vetted does not read them',
  );
  const external = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom"><title>&x;</title></feed>';
  assert.match(refusal('history.atom', external).message, /declares a DOCTYPE/);
});

test('Instatus summary.json: open incidents with the impact mapped, UNDERMAINTENANCE skipped, the maintenance a one-off window', () => {
  const parsed = parseStatusFile('instatus-summary.json', fixture('instatus-summary.json'));
  assert.equal(parsed.format, 'instatus');
  assert.deepEqual(parsed.page, { name: 'Acme Cloud', url: 'https://acme-cloud.instatus.example' });
  assert.deepEqual(parsed.incidents, [
    {
      sourceUid: 'clacme0001incidentapi',
      sequence: seconds('2026-12-04T09:02:41Z'),
      title: 'API errors in eu-west-1',
      impact: 'critical',
      components: [],
      startedAt: '2026-12-04T09:02:41Z',
      firstUpdateAt: '2026-12-04T09:02:41Z',
      resolvedAt: null,
      updates: [],
      postmortem: null,
      link: 'https://acme-cloud.instatus.example/incident/clacme0001incidentapi',
      notes: '',
    },
    {
      sourceUid: 'clacme0002incidentdash',
      sequence: seconds('2026-12-04T09:45:00Z'),
      title: 'Slow dashboard — ダッシュボードが遅い',
      impact: 'minor',
      components: [],
      startedAt: '2026-12-04T08:30:00Z',
      firstUpdateAt: '2026-12-04T08:30:00Z',
      resolvedAt: null,
      updates: [],
      postmortem: null,
      link: 'https://acme-cloud.instatus.example/incident/clacme0002incidentdash',
      notes: '',
    },
  ]);
  assert.deepEqual(parsed.maintenances, [
    {
      uid: 'clacme0004maintdb',
      sequence: seconds('2026-12-12T02:00:00Z'),
      title: 'Database maintenance',
      schedule: { kind: 'once', start: '2026-12-12T02:00:00Z', end: '2026-12-12T03:00:00Z', timeZone: 'UTC' },
      impact: 'outage',
      status: 'confirmed',
      announcedAt: null,
      notes: "Status on Acme Cloud's Instatus page: not started yet.\nLink: https://acme-cloud.instatus.example/maintenance/clacme0004maintdb",
    },
  ]);
  assert.deepEqual(parsed.warnings, [
    "instatus-summary.json: Instatus's summary.json lists only the incidents open now, without their updates or components; the time each started is taken as its first public update",
    'instatus-summary.json: one active incident has the impact UNDERMAINTENANCE: maintenance, not an incident, skipped',
    "instatus-summary.json: Instatus's summary.json does not say how bad a maintenance is nor when it was announced: it is held as an outage, the safe assumption, and no notice is measured",
  ]);
});

test('Instatus problems are named by JSON path; every impact maps', () => {
  const doc = JSON.parse(fixture('instatus-summary.json')) as { activeIncidents: Record<string, unknown>[]; activeMaintenances: Record<string, unknown>[] };
  doc.activeIncidents[0]!.started = 'Friday';
  delete doc.activeIncidents[1]!.id;
  delete doc.activeIncidents[1]!.url;
  doc.activeIncidents[2]!.impact = 'DOWN';
  doc.activeMaintenances[0]!.duration = '1h';
  assert.deepEqual(messages(refusal('summary.json', JSON.stringify(doc))), [
    'summary.json: $.activeIncidents[0].started: must be a date and time with its zone, such as 2026-03-01T02:00:00Z or Sat Jun 11 2022 18:55:50 GMT+0000 (found "Friday")',
    'summary.json: $.activeIncidents[1].id: missing, and no url to take it from',
    'summary.json: $.activeIncidents[2].impact: must be one of MAJOROUTAGE, PARTIALOUTAGE, MINOROUTAGE, DEGRADEDPERFORMANCE, OPERATIONAL, UNDERMAINTENANCE (found "DOWN")',
    'summary.json: $.activeMaintenances[0].duration: must be a whole number of minutes, at least 1 (found "1h")',
  ]);
  const impacts = (['MAJOROUTAGE', 'PARTIALOUTAGE', 'MINOROUTAGE', 'DEGRADEDPERFORMANCE', 'OPERATIONAL'] as const).map((impact) => {
    const one = { page: {}, activeIncidents: [{ id: 'x', name: 'x', started: '2026-12-04T08:30:00Z', status: 'INVESTIGATING', impact }] };
    return parseStatusFile('summary.json', JSON.stringify(one)).incidents[0]!.impact;
  });
  assert.deepEqual(impacts, ['critical', 'major', 'minor', 'minor', 'none'], 'as Statuspage derives impact from component statuses');
});

test('the format comes from the content, never the name; a byte-order mark and leading blank lines are fine', () => {
  assert.equal(parseStatusFile('download.json', fixture('history.atom')).format, 'atom');
  assert.equal(parseStatusFile('incidents.rss', fixture('incidents.json')).format, 'statuspage');
  assert.equal(parseStatusFile('feed.xml', `\uFEFF\n\n${fixture('history.rss')}`).format, 'rss');
  assert.equal(parseStatusFile('status', `\uFEFF  ${fixture('instatus-summary.json')}`).format, 'instatus');
  const prefixed = '<?xml version="1.0"?>\n<!-- saved by a feed reader -->\n<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>Acme</atom:title></atom:feed>';
  const parsed = parseStatusFile('feed', prefixed);
  assert.deepEqual([parsed.format, parsed.page.name, parsed.incidents, parsed.warnings], ['atom', 'Acme', [], ['feed: the feed has no entries: it lists no incident']]);
  const lines = `\n\n${fixture('history.atom').replace('<updated>2027-01-01T01:15:30Z</updated>\n  <author>', '<updated>2027-01-01T01:15:30Z</update>\n  <author>')}`;
  const line = fixture('history.atom').split('\n').findIndex((l) => l.includes('</update>') || l.startsWith('  <updated>2027')) + 3;
  assert.match(refusal('history.atom', lines).message, new RegExp(`^history\\.atom line ${line}, column \\d+:`), 'lines counted as the editor shows them');
});

test('files that are not a status file are refused, saying what they are and what fits', () => {
  const fits = /expected Statuspage's incidents\.json, summary\.json or scheduled-maintenances\.json/;
  assert.match(refusal('incidents.json', '').message, /^incidents\.json: the file is empty; expected Statuspage's/);
  assert.match(refusal('incidents.json', '\uFEFF \n ').message, /the file is empty/);
  assert.match(refusal('incidents.json', fixture('bad-html-page.json')).message, /^incidents\.json: a web page \(it begins "<!DOCTYPE html>"\), not the page's data: the status page itself was saved/);
  assert.match(refusal('page.html', '<html><body>Acme</body></html>').message, /a web page/);
  assert.equal(refusal('bad-not-json.json', fixture('bad-not-json.json')).message, "bad-not-json.json line 4, column 41: not valid JSON (Expected ',' or '}' after property value)");
  assert.equal(
    refusal('bad-wrong-shape.json', fixture('bad-wrong-shape.json')).message,
    "bad-wrong-shape.json: $: has no incidents or scheduled_maintenances array (Statuspage) and no activeIncidents or activeMaintenances (Instatus); its keys are page, status; Statuspage's status.json and components.json carry no incidents: save /api/v2/incidents.json",
  );
  assert.match(refusal('x.json', '[1, 2]').message, /^x\.json: \$: a JSON array, not an object; expected/);
  assert.match(refusal('x.json', '{}').message, /^x\.json: \$: has no incidents or scheduled_maintenances array/);
  assert.match(refusal('x.txt', 'id,name\n1,Outage').message, new RegExp(`^x\\.txt: neither JSON nor XML \\(it begins "id,name"\\); ${fits.source}`));
  assert.match(refusal('x.xml', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>').message, /root is <rdf:RDF> \(RSS 1\.0, which Vetted does not read: use the Atom feed\)/);
  assert.match(refusal('x.xml', '<opml version="2.0"></opml>').message, /an XML file whose root is <opml>, not an Atom <feed> or an RSS <rss>/);
  assert.match(refusal('x.rss', '<rss version="2.0"></rss>').message, /\/rss\/channel: missing/);
});

test('a re-parse gives the same result, and the order the updates come in does not matter', () => {
  for (const name of ['incidents.json', 'summary.json', 'history.atom', 'history.rss', 'instatus-summary.json']) {
    assert.deepEqual(parseStatusFile(name, fixture(name)), parseStatusFile(name, fixture(name)), `${name} reads the same twice`);
  }
  const d = incidentsDoc();
  for (const incident of d.incidents) if (Array.isArray(incident.incident_updates)) incident.incident_updates.reverse();
  assert.deepEqual(parseStatusFile('incidents.json', JSON.stringify(d)), parseStatusFile('incidents.json', fixture('incidents.json')));
});
