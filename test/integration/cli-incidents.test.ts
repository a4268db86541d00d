// `vetted status|incidents|incident|transparency` run as a user would, on real temp registers:
// a saved status page file imported (and again, changing nothing), the incident log in words and
// as --json, incidents typed in and removed, bad flags that name the flag, exit 2 and store
// nothing, the measures and a claim the record contradicts, and a refresh from a status page
// served on loopback (no test here touches the internet).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import type { IncidentView, Transparency } from '../../shared/api';
import { cliRegister, REPO_ROOT } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';

const STATUS = path.join(REPO_ROOT, 'test/fixtures/status');
const INCIDENTS_JSON = path.join(STATUS, 'incidents.json');

const register = () => cliRegister('vetted-cli-incidents-');

/** The provider of the fixtures (test/fixtures/status/README.md), on the critical path. */
function acme() {
  const r = register();
  r.ok('vendor', 'add', 'Acme Cloud', '--category', 'hosting', '--critical-path');
  return r;
}

/** The register's API in this process, closed again before the next CLI run. */
async function withApi<T>(db: string, fn: (api: Awaited<ReturnType<typeof openVetted>>['api']) => Promise<T>): Promise<T> {
  const vetted = await openVetted(db, { logError: () => {} });
  try {
    return await fn(vetted.api);
  } finally {
    vetted.close();
  }
}

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+/, `no stack trace:\n${s}`);
const incidentRows = (db: string) => dumpRegister(db).incidents!;

test('status import: counts and warnings, a dry run and a re-import change nothing, a bad file is refused naming what is wrong', () => {
  const { db, vetted, ok } = acme();
  const before = dumpRegister(db);
  const dry = ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON, '--dry-run');
  assert.match(dry, /^Dry run: nothing was written\. Importing .*incidents\.json \(Statuspage JSON; the page of Acme Cloud, https:\/\/status\.acme-cloud\.example\) for Acme Cloud would give:\n/);
  assert.deepEqual(dumpRegister(db), before, 'a dry run writes nothing');

  const first = ok('status', 'import', 'acme cloud', INCIDENTS_JSON);
  assert.match(first, /^Imported .*incidents\.json \(Statuspage JSON; the page of Acme Cloud, https:\/\/status\.acme-cloud\.example\) for Acme Cloud:\n/, first);
  assert.match(first, /\n {2}incidents: {15}8 added, 0 updated, 0 unchanged, 0 not newer than the stored version \(kept as stored\)\n/);
  assert.match(first, /\n {2}scheduled maintenances: {2}none in what was read\n/);
  assert.match(first, /\n2 warnings:\n {2}incidents\.json: \$\.incidents\[1\]\.resolved_at is missing though the status is "resolved"/, 'the reader\'s warnings, by JSON path');
  assert.equal(dry.replace(/^Dry run: nothing was written\. Importing/, 'Imported').replace(' would give:', ':'), first, 'the dry run said what the import did');
  const stored = incidentRows(db);
  assert.equal(stored.length, 8);

  const again = ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON);
  assert.match(again, /incidents: {15}0 added, 0 updated, 8 unchanged, 0 not newer/, 'a re-import of the same file changes nothing');
  assert.deepEqual(incidentRows(db), stored, 'the same rows, not one rewritten');

  const unchanged = dumpRegister(db);
  const refusals: [string[], RegExp][] = [
    [['status', 'import', 'Acme Cloud', path.join(STATUS, 'bad-not-json.json')], /^vetted: bad-not-json\.json line \d+, column \d+: not valid JSON/],
    [['status', 'import', 'Acme Cloud', path.join(STATUS, 'bad-date.json')], /^vetted: bad-date\.json: \$\.incidents\[1\]\.created_at: must be a date and time with its zone.*\(and 3 more\)\n {2}bad-date\.json: \$\.incidents\[1\]\.incident_updates\[0\]\.created_at: .*\n {2}bad-date\.json: \$\.incidents\[2\]\.impact: .*\n {2}bad-date\.json: \$\.incidents\[2\]\.created_at: .*\n$/],
    [['status', 'import', 'Acme Cloud', path.join(STATUS, 'missing.json')], /^vetted: .*missing\.json: no such file\n$/],
    [['status', 'import', 'Nobody Inc', INCIDENTS_JSON], /^vetted: no provider named or with id "Nobody Inc"/],
  ];
  for (const [args, message] of refusals) {
    const run = vetted(...args);
    assert.equal(run.status, 2, `${args.join(' ')} exits 2:\n${run.stderr}`);
    assert.match(run.stderr, message);
    noStack(run.stderr);
  }
  const empty = path.join(path.dirname(db), 'empty.json');
  fs.writeFileSync(empty, '');
  const run = vetted('status', 'import', 'Acme Cloud', empty);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /empty\.json: the file is empty\n$/);
  assert.equal(vetted('status', 'import', 'Acme Cloud').status, 1, 'no file: usage');
  assert.deepEqual(dumpRegister(db), unchanged, 'nothing stored by any refusal');
});

test('incidents: the log newest first in words, --since, and --json as the API lists it', async () => {
  const { db, ok } = acme();
  ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON);
  const log = JSON.parse(ok('incidents', 'Acme Cloud', '--json')) as IncidentView[];
  assert.equal(log.length, 8);
  assert.deepEqual(log, await withApi(db, async (api) => {
    const r = await api['incident.list']({});
    assert.ok(r.ok);
    return r.value;
  }), '--json is the API result');
  const starts = log.map((i) => Date.parse(i.startedAt));
  assert.deepEqual(starts, [...starts].sort((a, b) => b - a), 'newest first');
  const open = log[0]!;
  assert.deepEqual(
    [open.sourceUid, open.title, open.impact, open.components, open.resolvedAt, open.source, open.onStatusPage, open.vendorName],
    ['k1open0000aa', 'Elevated API error rates in eu-west-1', 'major', ['API', 'eu-west-1'], null, 'statuspage', true, 'Acme Cloud'],
  );
  assert.equal(Date.parse(open.startedAt), Date.parse('2026-11-30T15:58:00.000-08:00'), 'the start, from -08:00');
  assert.ok(open.updates.length === 3 && open.updates.every((u, i) => i === 0 || Date.parse(u.at) >= Date.parse(open.updates[i - 1]!.at)), 'its updates, oldest first');
  const backfilled = log.find((i) => i.sourceUid === 'b3backfill00')!;
  assert.ok(Date.parse(backfilled.firstUpdateAt!) > Date.parse(backfilled.resolvedAt!), 'the backfilled one: first word after the resolution');

  const text = ok('incidents', 'Acme Cloud');
  assert.match(text, /^Acme Cloud: 8 incidents, newest first \(times in UTC\); 1 open, 0 not on the status page\.\n\n/);
  assert.match(text, /\nID\s+Started\s+Impact\s+Title\s+First update\s+Resolved\s+Source\s+Status page\n/);
  assert.match(text, /\n[0-9a-f]{8}\s+2026-11-30 23:58 UTC\s+major\s+Elevated API error rates in eu-west-1\s+\+7 min\s+OPEN\s+Status page \(JSON\)\s+shown\n/, text);
  assert.match(text, /\n[0-9a-f]{8}\s+2026-11-21 09:00 UTC\s+minor\s+Delayed webhook deliveries\s+\+12 min\s+after 1 h 47 min\s/, 'the first update and the resolution, after the start');
  const since = JSON.parse(ok('incidents', 'Acme Cloud', '--since', '2026-11-01', '--json')) as IncidentView[];
  assert.deepEqual(since.map((i) => i.sourceUid), ['k1open0000aa', 'm2noresolved', 'b3backfill00'], 'started on or after 2026-11-01');
  assert.match(ok('incidents', 'Acme Cloud', '--since', '2026-12-31'), /^No incidents on record for Acme Cloud since 2026-12-31\.\n$/);
});

test('incident add stores what was typed (in UTC), bad input exits 2 naming the flag and changes nothing, remove takes an id prefix', () => {
  const { db, vetted, ok } = acme();
  const added = ok(
    'incident', 'add', 'Acme Cloud', '--title', 'Queues stalled for our region', '--impact', 'critical',
    '--started', '2026-11-15T10:00:00Z', '--first-update', '2026-11-15 11:30+01:00', '--resolved', '2026-11-15T12:15:00Z',
    '--components', 'Queues, API,,Queues', '--not-on-status-page', '--link', 'https://support.acme-cloud.example/tickets/88', '--notes', 'Our on-call saw it first.',
  );
  assert.match(added, /^Added incident ([0-9a-f]{8}) to Acme Cloud: Queues stalled for our region \(critical; started 2026-11-15 10:00 UTC; first update after 30 min; resolved after 2 h 15 min; components Queues, API; NOT on the status page\)\.\n$/);
  const [incident] = JSON.parse(ok('incidents', 'Acme Cloud', '--json')) as IncidentView[];
  assert.deepEqual(
    [incident!.startedAt, incident!.firstUpdateAt, incident!.resolvedAt, incident!.components, incident!.onStatusPage, incident!.source, incident!.link, incident!.notes],
    ['2026-11-15T10:00:00Z', '2026-11-15T10:30:00Z', '2026-11-15T12:15:00Z', ['Queues', 'API'], false, 'entered', 'https://support.acme-cloud.example/tickets/88', 'Our on-call saw it first.'],
    'times in UTC, components once each, not on the status page',
  );
  const listed = ok('incidents', 'Acme Cloud');
  assert.match(listed, /^Acme Cloud: 1 incident, newest first \(times in UTC\); 0 open, 1 not on the status page\.\n/);
  assert.match(listed, /\s+none\s+after 2 h 15 min\s+Entered by hand\s+NOT SHOWN\n$/, 'never on the status page: no public update, whatever the team noted');
  const least = ok('incident', 'add', 'Acme Cloud', '--title', 'Slow API', '--impact', 'minor', '--started', '2026-11-20T08:00Z');
  assert.match(least, /\(minor; started 2026-11-20 08:00 UTC; no public update known; still open\)\.\n$/);

  const before = dumpRegister(db);
  const base = ['incident', 'add', 'Acme Cloud', '--title', 'T'];
  const cases: [string[], number, RegExp][] = [
    [[...base, '--impact', 'severe', '--started', '2026-11-15T10:00Z'], 2, /^vetted: --impact: expected one of none, minor, major, critical, got "severe"\n$/],
    [[...base, '--impact', 'major', '--started', 'yesterday'], 2, /^vetted: --started: must be a date and time such as 2026-12-06T02:00:00Z, got "yesterday"\n$/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00'], 2, /^vetted: --started: must be a date and time such as 2026-12-06T02:00:00Z, got "2026-11-15T10:00"; add Z for UTC or an offset such as \+01:00\n$/],
    [[...base, '--impact', 'major', '--started', '2026-02-30T10:00Z'], 2, /^vetted: --started: 2026-02-30 is not a day of the calendar, got "2026-02-30T10:00Z"\n$/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00Z', '--first-update', 'soon'], 2, /^vetted: --first-update: must be a date and time/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00Z', '--resolved', '2026-11-14T10:00Z'], 2, /^vetted: --resolved: must not be before the incident started \(--started is 2026-11-15T10:00Z\)\n$/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00Z', '--first-update', '2026-11-15T09:00Z'], 2, /^vetted: --first-update: must not be before the incident started/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00Z', '--link', 'ftp://files.example/x'], 2, /^vetted: --link: must be an http\(s\) link\n$/],
    [['incident', 'add', 'Acme Cloud', '--title', ' ', '--impact', 'major', '--started', '2026-11-15T10:00Z'], 2, /^vetted: --title: give the incident a title\n$/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00Z', '--components', 'x'.repeat(201)], 2, /^vetted: --components: /],
    [['incident', 'add', 'Nobody Inc', '--title', 'T', '--impact', 'major', '--started', '2026-11-15T10:00Z'], 2, /^vetted: no provider named or with id "Nobody Inc"/],
    [[...base, '--impact', 'major'], 1, /^vetted: --started is required\nusage: vetted incident add/],
    [[...base, '--impact', 'major', '--started', '2026-11-15T10:00Z', '--severity', 'high'], 1, /Unknown option '--severity'/],
    [['incident', 'remove', 'zzzz'], 2, /^vetted: no incident with id "zzzz" \(see: vetted incidents VENDOR\)\n$/],
    [['incident', 'remove'], 1, /^vetted: usage: vetted incident add/],
  ];
  for (const [args, code, message] of cases) {
    const run = vetted(...args);
    assert.equal(run.status, code, `${args.join(' ')} exits ${code}:\n${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.equal(run.stdout, '', 'nothing printed as done');
    noStack(run.stderr);
  }
  assert.deepEqual(dumpRegister(db), before, 'no refusal stored anything');

  const id = /incident ([0-9a-f]{8})/.exec(added)![1]!;
  const removed = ok('incident', 'remove', id.slice(0, 6));
  assert.equal(removed, `Removed incident ${id} of Acme Cloud: Queues stalled for our region (started 2026-11-15 10:00 UTC).\n`, 'removed by the id prefix the table shows');
  assert.deepEqual((JSON.parse(ok('incidents', 'Acme Cloud', '--json')) as IncidentView[]).map((i) => i.title), ['Slow API']);
  ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON);
  const imported = (JSON.parse(ok('incidents', 'Acme Cloud', '--json')) as IncidentView[]).find((i) => i.sourceUid === 'm2noresolved')!;
  assert.match(ok('incident', 'remove', imported.id), /\nIt was imported from the status page \(its Statuspage JSON\): a later import or refresh leaves it deleted\.\n$/);
  assert.match(ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON), /incidents: {15}0 added, 0 updated, 7 unchanged, 0 not newer than the stored version \(kept as stored\), 1 deleted here before \(left deleted\)\n/);
});

test('transparency: the measures in words and as --json, the claim the record contradicts first', async () => {
  const { db, vetted, ok } = acme();
  ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON);
  ok('incident', 'add', 'Acme Cloud', '--title', 'Queues stalled', '--impact', 'major', '--started', '2026-11-15T10:00Z', '--resolved', '2026-11-15T11:00Z', '--not-on-status-page');
  // The review's answers: the first update within a minute (low), postmortems on request (untestable), a stale status page (promises nothing).
  ok('answer', 'Acme Cloud', 'inc_first_update_minutes', '1');
  ok('answer', 'Acme Cloud', 'inc_postmortems', 'on_request');
  ok('answer', 'Acme Cloud', 'inc_status_page', 'stale');
  // Up to today: the answers held against the record are the latest review's (for a past --date,
  // the review decided by then). The fixtures' incidents run to 2026-11-30.
  const period = ['--since', '2026-06-01'];

  const json = JSON.parse(ok('transparency', 'Acme Cloud', ...period, '--json')) as Transparency;
  const vendorId = json.vendorId;
  assert.deepEqual(json, await withApi(db, async (api) => {
    const r = await api['incident.transparency']({ vendorId, since: '2026-06-01' });
    assert.ok(r.ok);
    return r.value;
  }), '--json is the API result');
  const m = json.measures;
  assert.equal(m.period.from, '2026-06-01');
  assert.equal(m.total, 9, 'the eight from the file and the one typed in');
  assert.equal(m.notOnStatusPage, 1);
  assert.equal(m.open, 1, 'the one still monitoring');
  assert.equal(m.byImpact.major + m.byImpact.critical + m.byImpact.minor + m.byImpact.none, 9);
  assert.ok(m.firstUpdate.median !== null && m.firstUpdate.median > 1 && m.firstUpdate.measured >= 3, 'enough first updates to test the answer');
  assert.deepEqual(json.claims.map((c) => [c.questionId, c.verdict]), [
    ['inc_first_update_minutes', 'contradicted'],
    ['inc_postmortems', 'untested'],
    ['inc_status_page', 'consistent'],
  ], 'the contract\'s order');
  assert.match(json.claims[0]!.words, /^Answered 1 minute to the first update; the record's median is [\d.]+ minutes over \d+ incidents/);

  const text = ok('transparency', 'Acme Cloud', ...period);
  assert.match(text, new RegExp(`^Incident transparency of Acme Cloud, 2026-06-01 to ${m.period.to} \\(whole UTC days\\):\\n\\n`));
  assert.match(text, /\n {2}Incidents: +9 \(\d+ critical, \d+ major, \d+ minor, 1 no impact\); 1 still open at the end of the period\n/, text);
  assert.match(text, /\n {2}Not on the status page: +1 incident your team recorded never appeared on the status page\n/);
  assert.match(text, new RegExp(`\\n {2}First public update: +median ${m.firstUpdate.median} minutes, 90th percentile .+ after the start \\(over ${m.firstUpdate.measured} incidents`));
  assert.match(text, /\n {2}Postmortems: +\d+ of \d+ due published \(\d+%\)/);
  assert.match(text, /\n {2}Availability \(estimate\): +[\d.]+% over the period, worst month 2026-\d\d at [\d.]+%; every component \(none chosen/);
  const claims = text.slice(text.indexOf('\nClaims in the latest review'));
  assert.match(claims, /^\nClaims in the latest review, held against the record \(1 contradicted\):\n {2}CONTRADICTED {2}inc_first_update_minutes {2}Answered 1 minute/);
  const order = ['CONTRADICTED  inc_first_update_minutes', 'consistent    inc_status_page', 'untested      inc_postmortems'].map((s) => claims.indexOf(s));
  assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, `contradicted first, then consistent, then untested:\n${claims}`);

  // Components chosen: the estimate says whose it is.
  assert.match(ok('status', 'components', 'Acme Cloud', '--use', 'api,Webhooks'), /You use: API, Webhooks \(availability is estimated for these only\)\./, 'spelled as the record spells them');
  assert.match(ok('transparency', 'Acme Cloud', ...period), /; components you use: API, Webhooks\n/);

  const bad: [string[], RegExp][] = [
    [['transparency', 'Acme Cloud', '--since', '2026-13-01'], /^vetted: --since: expected a date written YYYY-MM-DD, got "2026-13-01"\n$/],
    [['transparency', 'Acme Cloud', '--since', '2026-11-30', '--date', '2026-11-01'], /^vetted: --since: 2026-11-30 is after --date, 2026-11-01\n$/],
    [['transparency', 'Acme Cloud', '--date', '2999-01-01'], /^vetted: --date: is after today/],
    [['transparency', 'Nobody Inc'], /^vetted: no provider named or with id "Nobody Inc"/],
  ];
  for (const [args, message] of bad) {
    const run = vetted(...args);
    assert.equal(run.status, 2, `${args.join(' ')} exits 2:\n${run.stderr}`);
    assert.match(run.stderr, message);
  }
  assert.equal(vetted('transparency').status, 1);
});

test('status components: shown with how often the record names them, set with --use, cleared with --use ""', () => {
  const { db, vetted, ok } = acme();
  ok('status', 'import', 'Acme Cloud', INCIDENTS_JSON);
  const shown = ok('status', 'components', 'Acme Cloud');
  assert.match(shown, /^Status page components in Acme Cloud's incident record \(most often first\):\n\nUsed\s+Component\s+Incidents\n/);
  assert.match(shown, /\n {6}API {13}1\n/);
  assert.match(shown, /You use: none chosen, so every incident counts toward the availability estimate\.\n/);
  assert.match(shown, /Never refreshed from the status page/);

  const set = vetted('status', 'components', 'Acme Cloud', '--use', 'API, Webhooks, Warp drive');
  assert.equal(set.status, 0, set.stderr);
  assert.equal(set.stderr, 'vetted: warning: --use: no incident on record names the component "Warp drive"; check its spelling on the status page\n');
  assert.match(set.stdout, /^Saved the components you use for Acme Cloud\.\n/);
  assert.match(set.stdout, /\nyes {3}API {13}1\n/);
  assert.match(set.stdout, /You use: API, Webhooks, Warp drive \(availability is estimated for these only\)\.\nNot named by any incident on record: Warp drive\.\n/);

  const before = dumpRegister(db);
  const tooLong = vetted('status', 'components', 'Acme Cloud', '--use', `API,${'x'.repeat(201)}`);
  assert.equal(tooLong.status, 2);
  assert.match(tooLong.stderr, /^vetted: --use: "x{40}" /, 'names the flag and the name at fault');
  assert.deepEqual(dumpRegister(db), before, 'nothing stored');

  assert.match(ok('status', 'components', 'Acme Cloud', '--use', ''), /You use: none chosen/);
});

test('status refresh says it goes online and where, reads a loopback status page, and refuses a provider without an address naming statusPage', async () => {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const file =
      req.url === '/api/v2/incidents.json' ? INCIDENTS_JSON
      : req.url === '/api/v2/scheduled-maintenances.json' ? path.join(REPO_ROOT, 'test/fixtures/statuspage/scheduled-maintenances.json')
      : null;
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const page = `http://127.0.0.1:${port}`;

  const { db, ok, later } = acme();
  ok('vendor', 'add', 'Bare Co');
  // The CLI has no flag for the profile's links (the app's Profile → Links sets them): here, the API.
  await withApi(db, async (api) => {
    const vendors = await api['vendor.list']({});
    assert.ok(vendors.ok);
    const id = vendors.value.find((v) => v.name === 'Acme Cloud')!.id;
    assert.ok((await api['vendor.update']({ id, patch: { links: { statusPage: page } } })).ok);
  });

  const bare = await later('status', 'refresh', 'Bare Co');
  assert.equal(bare.status, 2, bare.stderr);
  assert.match(bare.stderr, /^vetted: statusPage: the profile of Bare Co has no status page address/);
  assert.equal(bare.stdout, '', 'it does not say it goes online: it does not');
  assert.equal(requests.length, 0, 'no connection was made');

  const before = dumpRegister(db);
  const dry = await later('status', 'refresh', 'Acme Cloud', '--dry-run');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`^Going online: reading the status page of Acme Cloud at ${page.replace(/\./g, '\\.')} \\(dry run: nothing will be written\\)\\.\\n`));
  assert.deepEqual(dumpRegister(db), before, 'a dry run writes nothing');

  const run = await later('status', 'refresh', 'acme cloud');
  assert.equal(run.status, 0, run.stderr);
  const out = run.stdout;
  assert.match(out, new RegExp(`^Going online: reading the status page of Acme Cloud at ${page.replace(/\./g, '\\.')}\\.\\n`), 'says it goes online, and where, first');
  assert.match(out, new RegExp(`\\nFetched 2 addresses:\\n {2}${page.replace(/\./g, '\\.')}/api/v2/incidents\\.json \\([\\d.]+ KB\\)\\n {2}${page.replace(/\./g, '\\.')}/api/v2/scheduled-maintenances\\.json \\([\\d.]+ KB\\)\\n`), out);
  assert.match(out, /\nImported its status page \(Statuspage JSON; the page of Acme Cloud, https:\/\/status\.acme-cloud\.example\) for Acme Cloud:\n {2}incidents: {15}8 added, 0 updated, 0 unchanged/);
  assert.match(out, /\n {2}scheduled maintenances: {2}\d+ added, .*\(to the maintenance windows\)\n/);
  assert.deepEqual(requests.filter((u) => u.endsWith('incidents.json')).length, 2, 'the dry run and the refresh each read the page once');
  assert.match(ok('status', 'components', 'Acme Cloud'), new RegExp(`Last refreshed from the status page: \\S+, from ${page.replace(/\./g, '\\.')}/api/v2/incidents\\.json\\.\\n$`));

  const again = await later('status', 'refresh', 'Acme Cloud');
  assert.match(again.stdout, /incidents: {15}0 added, 0 updated, 8 unchanged/, 'a second refresh changes nothing');
});
