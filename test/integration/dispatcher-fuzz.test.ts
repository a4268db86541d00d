// Fuzzing the one door into the services: every operation gets thousands of malformed inputs
// (junk of every JSON shape, each field of a valid input replaced, fields dropped or added,
// prototype-pollution keys, huge and odd strings). Whatever arrives, the dispatcher answers with a
// typed Result — never a throw, never an internal error, never a stack trace — and an input it
// refuses changes nothing in the register.
import type { Schedule } from '../../shared/domain/maintenance';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATION_NAMES, type OperationName } from '../../shared/api';
import { seededRandom } from '../../shared/random';
import { ERROR_CODES, type Result } from '../../shared/result';
import { dumpRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

/** A short description of any value (String() throws on an object without a prototype). */
function describe(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 160);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}

const JUNK: unknown[] = [
  undefined, null, true, false, 0, -1, 1.5, -0, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1,
  '', ' ', '\u0000', '💥'.repeat(3), 'x'.repeat(100_001), '../../etc/passwd', 'file:///etc/passwd',
  'https://attacker.example/x', 'data:text/html,<script>alert(1)</script>', '2026-02-30', '9999-99-99', '<img src=x onerror=alert(1)>',
  "'; DROP TABLE vendors; --", '__proto__', 'constructor', [], [null], [1, 'a', {}], ['x'.repeat(200)], {}, { a: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } }, Object.create(null), deep(60),
  new Array(300).fill('same'), { toString: 'not a function' },
];

/** A valid input for every operation, built on the demo register. */
async function validInputs(api: Awaited<ReturnType<typeof freshVetted>>['api']): Promise<Record<OperationName, Record<string, unknown>>> {
  const vendors = unwrap(await api['vendor.list']({}));
  const vendorId = vendors[0]!.id;
  const review = unwrap(await api['review.current']({ vendorId }))!;
  const questionId = review.answers[0]!.questionId;
  const finding = unwrap(await api['finding.create']({ vendorId, title: 'Seed finding', severity: 'low' }));
  const evidence = unwrap(await api['evidence.add']({ vendorId, kind: 'other', fileName: 'seed.txt', base64: 'c2VlZA==' }));
  const acceptance = unwrap(await api['acceptance.create']({ reviewId: review.review.id, justification: 'seed', expiresOn: '2099-01-01', acceptedBy: 'Seed' }));
  const template = { id: review.review.templateId };
  const weekly: Schedule = { kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120, timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [] };
  const window = unwrap(await api['window.add']({ vendorId, schedule: weekly }));
  const incident = unwrap(await api['incident.add']({ vendorId, title: 'Seed outage', startedAt: '2026-02-01T10:00:00Z' }));
  const upstream = unwrap(await api['upstream.add']({ vendorId, party: 'Hetzner', kind: 'hosting', regions: [{ code: 'fsn1' }] }));
  const blackout = unwrap(await api['blackout.add']({ name: 'Freeze', schedule: { kind: 'once', start: '2026-12-20T00:00:00Z', end: '2027-01-05T00:00:00Z', timeZone: 'UTC' } }));
  return {
    'app.info': {},
    'register.where': {},
    'register.connect': { url: 'postgres://fuzz@127.0.0.1:1/vetted', remember: false },
    'register.disconnect': {},
    'vendor.list': {},
    'vendor.get': { id: vendorId },
    'vendor.create': { name: 'Fuzz Co', category: 'other' },
    'vendor.update': { id: vendorId, patch: { notes: 'n' } },
    'vendor.delete': { id: 'no-such-vendor' },
    'template.list': {},
    'template.get': template,
    'template.import': { text: '{}', format: 'vetted' },
    'template.export': template,
    'review.start': { vendorId },
    'review.current': { vendorId },
    'review.templateFor': { vendorId },
    'review.migrate': { reviewId: review.review.id },
    'answer.save': { reviewId: review.review.id, questionId, comment: 'c' },
    'review.transition': { reviewId: review.review.id, to: 'in_review', by: 'Fuzz' },
    'review.history': { vendorId },
    'review.setDue': { reviewId: review.review.id, due: '2030-01-01' },
    'finding.list': { vendorId, open: true },
    'finding.create': { vendorId, title: 'T', severity: 'high' },
    'finding.fromAnswer': { reviewId: review.review.id, questionId },
    'finding.update': { id: finding.id, patch: { owner: 'o' } },
    'finding.delete': { id: 'no-such-finding' },
    'acceptance.list': { vendorId },
    'acceptance.create': { findingId: finding.id, justification: 'j', expiresOn: '2099-01-01', acceptedBy: 'A' },
    'acceptance.revoke': { id: acceptance.id },
    'evidence.list': { vendorId },
    'evidence.add': { vendorId, kind: 'soc2', fileName: 'a.pdf', base64: 'JVBERg==' },
    'evidence.update': { id: evidence.id, patch: { notes: 'n' } },
    'evidence.delete': { id: 'no-such-evidence' },
    'evidence.file': { id: evidence.id },
    'reassessment.list': { withinDays: 30 },
    'attention.get': {},
    'audit.list': { vendorId, limit: 5 },
    'audit.export': { vendorId },
    'audit.verify': {},
    'score.get': { vendorId },
    'settings.get': {},
    'settings.update': { organisation: 'Org' },
    'report.vendor': { vendorId, date: '2026-01-01' },
    'report.subprocessors': { date: '2026-01-01' },
    'report.concentration': { date: '2026-01-01' },
    'compare.get': { vendorIds: [vendorId, vendors[1]!.id] },
    'compare.export': { vendorIds: [vendorId, vendors[1]!.id], format: 'csv' },
    'window.list': { vendorId },
    'window.add': { vendorId, schedule: weekly, impact: 'degraded' },
    'window.update': { id: window.id, patch: { notes: 'n' } },
    'window.delete': { id: 'no-such-window' },
    'window.import': { vendorId, fileName: 'x.ics', text: 'BEGIN:VCALENDAR', dryRun: true },
    'upstream.list': { vendorId },
    'upstream.add': { vendorId, party: 'Fastly', kind: 'cdn' },
    'upstream.update': { id: upstream.id, patch: { note: 'n' } },
    'upstream.delete': { id: 'no-such-upstream' },
    'upstream.import': { vendorId, content: 'Subprocessor,Purpose\nMailgun,E-mail', dryRun: true },
    'upstream.fromStatus': { vendorId, dryRun: true },
    'upstream.catalogue': {},
    'concentration.get': { criticalOnly: true },
    'concentration.blastRadius': { party: 'Fastly', region: null },
    'concentration.signals': { since: '2026-01-01', limit: 5 },
    'blackout.list': {},
    'blackout.add': { name: 'Peak', schedule: weekly },
    'blackout.update': { id: blackout.id, patch: { notes: 'n' } },
    'blackout.delete': { id: 'no-such-blackout' },
    'maintenance.warnings': { range: { from: '2026-12-01', to: '2027-01-31' } },
    'maintenance.calendar': { range: { from: '2026-12-01', to: '2027-01-31' }, criticalOnly: true },
    'incident.list': { vendorId },
    'incident.add': { vendorId, title: 'Fuzz outage', startedAt: '2026-03-01T10:00:00Z', impact: 'major', onStatusPage: false },
    'incident.update': { id: incident.id, patch: { notes: 'n' } },
    'incident.delete': { id: 'no-such-incident' },
    'questionnaire.send': { vendorId, contact: 'Jane Doe <jane@example.com>' },
    'questionnaire.requests': { vendorId },
    'questionnaire.receive': { fileName: 'answers.json', text: '{}', dryRun: true },
    'status.import': { vendorId, fileName: 'incidents.json', text: '{"incidents": []}', dryRun: true },
    // A provider that does not exist: the demo's status pages are real-looking addresses, and a test never goes online.
    'status.refresh': { vendorId: 'no-such-vendor', dryRun: true },
    'status.settings': { vendorId, patch: { componentsUsed: ['API'] } },
    'incident.transparency': { vendorId, since: '2026-01-01', date: '2026-06-30' },
    'incident.claimFinding': { vendorId, questionId: 'inc_first_update_minutes' },
    'security.status': {},
    'security.teamKey': {},
    'security.shareTeamKey': {},
    'demo.load': {},
    'register.export': {},
    'register.import': { text: '{}', dryRun: true },
    'register.exportCsv': {},
  };
}

/** Malformed variants of a valid input: junk in place of it, of each field, a field dropped or added. */
function variants(valid: Record<string, unknown>, random: () => number, count: number): unknown[] {
  const pick = () => JUNK[Math.floor(random() * JUNK.length)];
  const keys = Object.keys(valid);
  const out: unknown[] = [pick(), pick(), 'not an object', [valid]];
  while (out.length < count) {
    const roll = random();
    if (roll < 0.55 && keys.length > 0) {
      const key = keys[Math.floor(random() * keys.length)]!;
      out.push({ ...valid, [key]: pick() });
    } else if (roll < 0.7 && keys.length > 0) {
      const copy = { ...valid };
      delete copy[keys[Math.floor(random() * keys.length)]!];
      out.push(copy);
    } else if (roll < 0.85) {
      out.push({ ...valid, [describe(pick()).slice(0, 20) || 'extra']: pick() });
    } else {
      out.push(pick());
    }
  }
  return out;
}

function assertTyped(op: string, input: unknown, result: Result<unknown>): void {
  const where = `${op} with ${describe(input)}`;
  assert.equal(typeof result, 'object', where);
  if (result.ok) return;
  assert.ok((ERROR_CODES as readonly string[]).includes(result.error.code), `${where}: code ${result.error.code}`);
  assert.notEqual(result.error.code, 'internal', `${where}: ${result.error.message}`);
  assert.equal(typeof result.error.message, 'string', where);
  assert.ok(result.error.message.length < 2000, `${where}: a message of ${result.error.message.length} characters`);
  assert.doesNotMatch(result.error.message, /\n\s+at |node_modules|\.ts:\d+/, `${where}: a stack trace leaked`);
}

test('every operation answers malformed input with a typed error, and a refused input changes nothing', { timeout: 300_000 }, async () => {
  const logged: string[] = [];
  const vetted = await freshVetted({ logError: (op, error) => logged.push(`${op}: ${String(error)}`) });
  unwrap(await vetted.api['demo.load']({}));
  const valid = await validInputs(vetted.api);
  assert.deepEqual(Object.keys(valid).sort(), [...OPERATION_NAMES].sort(), 'a valid input for every operation');

  const seed = Number(process.env.FUZZ_SEED ?? 20261126);
  const random = seededRandom(seed); // a failure names its seed and replays exactly
  let refused = 0;
  for (const op of OPERATION_NAMES) {
    for (const input of variants(valid[op], random, 40)) {
      const before = JSON.stringify(dumpRegister(vetted.file));
      const result = await vetted.dispatch(op, input);
      assertTyped(op, input, result);
      if (!result.ok) {
        refused += 1;
        assert.equal(JSON.stringify(dumpRegister(vetted.file)), before, `seed ${seed}: ${op} refused ${describe(input)} but changed the register`);
      }
    }
  }
  assert.ok(refused > OPERATION_NAMES.length * 20, `most variants are refused (${refused})`);
  assert.deepEqual(logged, [], 'no unexpected error reached the log');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
  assert.equal(vetted.ctx.db.pragma('integrity_check', { simple: true }), 'ok');
});

test('junk operation names and non-object envelopes are refused as unknown operations', async () => {
  const vetted = await freshVetted();
  for (const name of JUNK) {
    const result = await vetted.dispatch(name, {});
    assert.equal(!result.ok && result.error.code, 'unknown_operation', describe(name));
  }
  for (const name of ['toString', 'hasOwnProperty', 'constructor', 'vendor.list ', 'VENDOR.LIST']) {
    const result = await vetted.dispatch(name, {});
    assert.equal(!result.ok && result.error.code, 'unknown_operation', name);
  }
});
