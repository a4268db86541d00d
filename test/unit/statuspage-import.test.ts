// The Statuspage importer on a scheduled-maintenances.json in the public API v2 shape: each
// maintenance as a one-off window, and every refusal naming its JSON path.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseMaintenanceFile } from '../../electron/core/importers/maintenance-file';
import { VettedError } from '../../shared/result';

const FILE = 'scheduled-maintenances.json';
const text = readFileSync(new URL(`../fixtures/statuspage/${FILE}`, import.meta.url), 'utf8');
type Doc = { page: Record<string, unknown>; scheduled_maintenances: Record<string, unknown>[] };
/** A fresh copy of the fixture to spoil. */
const doc = (): Doc => JSON.parse(text) as Doc;

function refusal(body: string): VettedError {
  try {
    parseMaintenanceFile(FILE, body);
  } catch (error) {
    assert.ok(error instanceof VettedError && error.code === 'validation', `a validation error, not ${String(error)}`);
    return error;
  }
  assert.fail('the file was accepted');
}

test('every maintenance becomes a one-off window with the provider\'s id, announcement and update time', () => {
  const parsed = parseMaintenanceFile(FILE, text);
  assert.equal(parsed.format, 'statuspage');
  assert.deepEqual(
    parsed.events.map((e) => [e.uid, e.impact, e.status]),
    [
      ['wl4c0bq8n2kz', 'outage', 'confirmed'],
      ['r7h2m9x4t1dq', 'degraded', 'confirmed'],
      ['x1v8k3p0f5ga', 'none', 'confirmed'],
      ['q6t0w2c7m9ub', 'outage', 'confirmed'],
      ['d3n5z8r1k6ye', 'outage', 'confirmed'],
    ],
    'major → outage, minor → degraded, none → none, maintenance → outage; every state goes ahead',
  );
  const network = parsed.events[1]!;
  assert.deepEqual(network.schedule, { kind: 'once', start: '2026-12-13T02:00:00Z', end: '2026-12-13T05:00:00Z', timeZone: 'America/Los_Angeles' }, "the page's zone");
  assert.equal(network.announcedAt, '2026-11-20T15:30:12.941Z', 'created_at, in UTC');
  assert.equal(network.sequence, Date.UTC(2026, 10, 27, 11, 2, 55) / 1000, 'updated_at in whole epoch seconds');
  assert.equal(network.title, 'Network maintenance in eu-west-1');
  assert.match(network.notes, /^Status on Hosted DB's Statuspage \(https:\/\/status\.hosteddb\.example\): scheduled\.\nAffects Managed PostgreSQL \(eu-west-1\)\.\nLink: https:\/\/stspg\.io\/9r2c1mq/);
  assert.match(network.notes, /2026-11-27 11:02 UTC, scheduled: The window now ends at 05:00 UTC/, 'the updates, in UTC');
  const completed = parsed.events[4]!;
  assert.match(completed.notes, /: completed\./, 'which Statuspage state it was in');
  assert.match(parsed.events[2]!.notes, /: in progress\./);
  assert.match(parsed.events[3]!.notes, /: verifying\./);
  assert.deepEqual(parsed.warnings, [
    `${FILE}: 2 maintenances ("TLS certificate rotation", "Database engine upgrade (us-east-1)") give Statuspage's impact "maintenance", which does not say how bad it is: held as an outage, the safe assumption`,
  ]);
});

test('problems are named by JSON path, all of them, and nothing is returned', () => {
  const d = doc();
  delete d.scheduled_maintenances[2]!.scheduled_until;
  d.scheduled_maintenances[0]!.status = 'postponed';
  d.scheduled_maintenances[1]!.scheduled_for = 'next Sunday';
  d.scheduled_maintenances[3]!.scheduled_until = d.scheduled_maintenances[3]!.scheduled_for;
  const error = refusal(JSON.stringify(d));
  assert.deepEqual(error.details!.map((p) => p.message), [
    `${FILE}: $.scheduled_maintenances[0].status: must be one of scheduled, in_progress, verifying, completed (found "postponed")`,
    `${FILE}: $.scheduled_maintenances[1].scheduled_for: must be a date and time with its zone, such as 2026-03-01T02:00:00Z (found "next Sunday")`,
    `${FILE}: $.scheduled_maintenances[2].scheduled_until: missing`,
    `${FILE}: $.scheduled_maintenances[3].scheduled_until: 2026-12-04T06:00:00Z is not after scheduled_for 2026-12-04T06:00:00Z`,
  ]);
  assert.match(error.message, /\(and 3 more\)$/);
});

test('a span over 31 days, a missing id and an impact Statuspage does not have are refused', () => {
  const d = doc();
  d.scheduled_maintenances[0]!.scheduled_until = '2027-02-01T00:00:00Z';
  d.scheduled_maintenances[1]!.id = '';
  d.scheduled_maintenances[2]!.impact = 'severe';
  const messages = refusal(JSON.stringify(d)).details!.map((p) => p.message);
  assert.ok(messages.some((m) => m.includes('$.scheduled_maintenances[0].scheduled_until: makes the maintenance last 57.8 days')), messages.join('\n'));
  assert.ok(messages.includes(`${FILE}: $.scheduled_maintenances[1].id: must be a non-empty string (found "")`), messages.join('\n'));
  assert.ok(messages.includes(`${FILE}: $.scheduled_maintenances[2].impact: must be one of none, minor, major, critical, maintenance (found "severe")`), messages.join('\n'));
});

test('the wrong file: no scheduled_maintenances, an incidents.json, broken JSON with its line', () => {
  assert.equal(
    refusal('{ "page": {} }').message,
    `${FILE}: $.scheduled_maintenances: missing; expected the array Statuspage's /api/v2/scheduled-maintenances.json holds`,
  );
  assert.match(refusal('{ "page": {}, "incidents": [] }').message, /this looks like Statuspage's incidents\.json/);
  assert.match(refusal('{ "scheduled_maintenances": {} }').message, /\$\.scheduled_maintenances: must be an array/);
  assert.match(refusal('{ "scheduled_maintenances": [ 3 ] }').message, /\$\.scheduled_maintenances\[0\]: must be an object \(found 3\)/);
  const broken = text.replace('"name": "Network maintenance in eu-west-1",', '"name": "Network maintenance in eu-west-1"');
  const line = text.split('\n').findIndex((l) => l.includes('"Network maintenance in eu-west-1"')) + 2;
  const column = text.split('\n')[line - 1]!.search(/\S/) + 1;
  assert.match(refusal(broken).message, new RegExp(`^${FILE.replace('.', '\\.')} line ${line}, column ${column}: not valid JSON`), 'where the next property begins, after the missing comma');
  assert.match(refusal('{ "a": tru }').message, /line 1, column 8: not valid JSON/);
});

test('the same id twice: the later update wins; an empty list and a zone that is not IANA are warnings', () => {
  const d = doc();
  const older = { ...d.scheduled_maintenances[1]!, name: 'Old name', updated_at: '2026-11-20T07:30:12.941-08:00' };
  d.scheduled_maintenances.push(older);
  d.page.time_zone = 'Pacific Time (US & Canada)';
  const parsed = parseMaintenanceFile(FILE, JSON.stringify(d));
  assert.equal(parsed.events.length, 5);
  assert.equal(parsed.events[1]!.title, 'Network maintenance in eu-west-1', 'the older copy, later in the file, does not replace it');
  assert.equal(parsed.events[1]!.schedule.timeZone, 'UTC');
  assert.ok(parsed.warnings.includes(`${FILE}: $.page.time_zone "Pacific Time (US & Canada)" is not an IANA time zone; the maintenances are shown in UTC`), parsed.warnings.join('\n'));
  const empty = parseMaintenanceFile(FILE, '\uFEFF {"page": {"name": "X"}, "scheduled_maintenances": []}');
  assert.deepEqual(empty.events, []);
  assert.deepEqual(empty.warnings, [`${FILE}: $.scheduled_maintenances is empty: the page lists no scheduled maintenance`]);
});

test('a maintenance entered after it began measures no notice; an id longer than the register keeps is refused by its path', () => {
  const d = doc();
  const first = d.scheduled_maintenances[0]!;
  first.created_at = new Date(Date.parse(String(first.scheduled_for)) + 3_600_000).toISOString();
  const parsed = parseMaintenanceFile(FILE, JSON.stringify(d));
  assert.equal(parsed.events.find((e) => e.uid === first.id)!.announcedAt, null, 'created an hour after it was scheduled to start');
  assert.ok(
    parsed.warnings.some((w) => w.startsWith(`${FILE}: $.scheduled_maintenances[0].created_at is after scheduled_for:`) && w.endsWith('so its notice is not measured')),
    parsed.warnings.join('\n'),
  );
  const long = doc();
  long.scheduled_maintenances[2]!.id = 'x'.repeat(1001);
  assert.match(refusal(JSON.stringify(long)).message, /\$\.scheduled_maintenances\[2\]\.id: is 1001 characters long; Vetted keeps a provider's id of at most 1000/);
});
