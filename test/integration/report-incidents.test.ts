// The review report's Incident record part, end to end on a real register whose clock the test
// moves: incidents typed in over a year (one the status page never showed, one in Japanese), the
// approved review's incident-transparency answers held against them, the components in use, a
// refresh date, a report dated before an incident (and before a change) that leaves out what came
// later, and the provider with no incident record. Every report is rendered for real and read back
// with pdftotext.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Vetted } from '../../electron/core/vetted';
import type { IncidentInput } from '../../shared/domain/incidents';
import { CLAIM_CONTRADICTED, NO_INCIDENT_RECORD } from '../../shared/reports/incident-part';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { answersFor } from '../helpers/review-fixtures';
import { freshVetted, unwrap } from '../helpers/vetted';

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Every question with its best answer, then the incident-transparency claims the test checks. */
async function answerAll(api: Vetted['api'], reviewId: string, criticalPath: boolean) {
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (a.value !== null) unwrap(await api['answer.save']({ reviewId, questionId: a.questionId, value: a.value }));
  }
  const claims = {
    prv_personal_data: 'users',
    inc_first_update_minutes: 15,
    inc_postmortems: 'public',
    inc_status_page: 'active',
    inc_sla_credits: 'credits_claim',
    inc_sla_uptime_percent: 99.5,
    // The answer must agree with the profile's critical path flag, or the review gets no tier.
    ext_critical_path: criticalPath ? 'no' : 'yes',
  };
  for (const [questionId, value] of Object.entries(claims)) unwrap(await api['answer.save']({ reviewId, questionId, value }));
}

async function approve(api: Vetted['api'], reviewId: string, on: (day: string) => void) {
  on('2026-11-05');
  unwrap(await api['review.transition']({ reviewId, to: 'in_review', by: 'Ana Auditor', note: '' }));
  on('2026-11-10');
  unwrap(await api['review.transition']({ reviewId, to: 'approved', by: 'Ben Boardman', note: '' }));
}

const JAPANESE_TITLE = '東京リージョンの API エラー';

/**
 * Hosted DB (approved 2026-11-10; answered a first update within 15 minutes, public postmortems,
 * an active status page and 99.5% uptime) with incidents recorded on 2026-11-20:
 * - 2026-03-10 critical "Database failover stalled" on Database: first update after 40 minutes,
 *   resolved after 3 h 20 min, postmortem on 2026-03-15;
 * - 2026-05-02 major (in Japanese) on API: 25 minutes, 70 minutes, a postmortem without a date;
 * - 2026-07-20 minor: 5 minutes, 2 hours;
 * - 2026-09-14 major, never on their status page: no update, 90 minutes, no postmortem;
 * and on 2026-11-30 a major "Storage latency" on Object storage, open, resolved on 2026-12-01 at
 * 00:30 (recorded the day after); on 2026-12-02 a minor incident of that day and a major one of
 * 2026-10-10 typed in late. Components in use: Database. Quiet CDN: approved, no incident.
 */
async function register() {
  let now = new Date('2026-11-01T09:00:00Z');
  const vetted = await freshVetted({ now: () => now });
  const on = (day: string) => {
    now = new Date(`${day}T12:00:00Z`);
  };
  const { api } = vetted;
  const profile = { dataCategories: ['personal-data' as const], dataLocations: ['Germany'], criticalPath: true };
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', ...profile }));
  const cdn = unwrap(await api['vendor.create']({ name: 'Quiet CDN', category: 'other', ...profile, criticalPath: false }));
  for (const v of [db, cdn]) {
    const { review } = unwrap(await api['review.start']({ vendorId: v.id }));
    await answerAll(api, review.id, v.criticalPath);
    await approve(api, review.id, on);
    on('2026-11-01');
  }
  const add = async (input: Omit<IncidentInput, 'vendorId'>) => unwrap(await api['incident.add']({ vendorId: db.id, ...input }));

  on('2026-11-20');
  unwrap(await api['status.settings']({ vendorId: db.id, patch: { componentsUsed: ['Database'] } }));
  await add({
    title: 'Database failover stalled', impact: 'critical', components: ['Database'],
    startedAt: '2026-03-10T08:00:00Z', firstUpdateAt: '2026-03-10T08:40:00Z', resolvedAt: '2026-03-10T11:20:00Z',
    updates: [
      { at: '2026-03-10T08:40:00Z', status: 'investigating', text: 'We are looking into failed failovers.' },
      { at: '2026-03-10T10:10:00Z', status: 'identified', text: 'A stuck replica.' },
      { at: '2026-03-10T11:20:00Z', status: 'resolved', text: 'Resolved.' },
    ],
    postmortem: { publishedAt: '2026-03-15T09:00:00Z', link: 'https://status.hosted-db.example/pm/1', text: '' },
  });
  await add({
    title: JAPANESE_TITLE, impact: 'major', components: ['API'],
    startedAt: '2026-05-02T14:00:00Z', firstUpdateAt: '2026-05-02T14:25:00Z', resolvedAt: '2026-05-02T15:10:00Z',
    postmortem: { publishedAt: null, link: 'https://status.hosted-db.example/pm/2', text: '' },
  });
  await add({
    title: 'Slow queries in eu-west-1', impact: 'minor', components: ['Database'],
    startedAt: '2026-07-20T10:00:00Z', firstUpdateAt: '2026-07-20T10:05:00Z', resolvedAt: '2026-07-20T12:00:00Z',
  });
  await add({
    title: 'Connection resets nobody announced', impact: 'major', onStatusPage: false,
    startedAt: '2026-09-14T06:00:00Z', resolvedAt: '2026-09-14T07:30:00Z', notes: 'Seen by our on-call; never on their status page.',
  });
  on('2026-11-30');
  const storage = await add({
    title: 'Storage latency', impact: 'major', components: ['Object storage'],
    startedAt: '2026-11-30T08:00:00Z', firstUpdateAt: '2026-11-30T08:50:00Z',
  });
  on('2026-12-01');
  unwrap(await api['incident.update']({ id: storage.id, patch: { resolvedAt: '2026-12-01T00:30:00Z' } }));
  on('2026-12-02');
  await add({ title: 'Queue backlog', impact: 'minor', startedAt: '2026-12-02T10:00:00Z', firstUpdateAt: '2026-12-02T10:10:00Z', resolvedAt: '2026-12-02T10:40:00Z' });
  await add({ title: 'DNS outage typed in late', impact: 'major', startedAt: '2026-10-10T04:00:00Z', resolvedAt: '2026-10-10T05:00:00Z' });
  // A refresh from the status page (the fetch itself is status-refresh's business).
  await vetted.ctx.incidents.saveSettings({ ...await vetted.ctx.incidents.settings(db.id), refreshedAt: '2026-12-02T09:00:00.000Z', refreshedFrom: 'https://status.hosted-db.example/history.atom' });
  on('2026-12-04');
  return { ...vetted, on, db, cdn };
}

async function report(api: Vetted['api'], vendorId: string, date: string) {
  const file = unwrap(await api['report.vendor']({ vendorId, date }));
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  return { text: flat(pdfText(pdf)), layout: pdfText(pdf, true), pdf, warnings: file.warnings, base64: file.base64 };
}

/** The Incident record part: from its heading to the Answers part, as flat text and as laid-out lines. */
function part(r: { text: string; layout: string }): { text: string; lines: string[] } {
  const start = r.text.indexOf('Incident record From the register');
  assert.ok(start >= 0, 'the report has an Incident record part');
  const end = r.text.indexOf('Answers Every question shown', start);
  const all = r.layout.split('\n');
  const first = all.findIndex((l) => l.trim() === 'Incident record');
  const last = all.findIndex((l, i) => i > first && l.trim() === 'Answers');
  return { text: r.text.slice(start, end < 0 ? undefined : end), lines: all.slice(first, last < 0 ? undefined : last) };
}

/**
 * The rows of the first table after the line holding every header, from pdftotext -layout lines,
 * each row's cells as text: columns start where the header's labels start, rows are separated by
 * blank lines, a cell wrapped over several lines is joined with spaces. The table ends at the
 * first line that is not indented (the next heading or paragraph) or at a page footer.
 */
function table(lines: readonly string[], headers: readonly string[]): string[][] {
  const at = lines.findIndex((l) => headers.every((h) => l.includes(h)));
  assert.ok(at >= 0, `a table headed ${headers.join(' | ')}`);
  const starts = headers.map((h) => lines[at]!.indexOf(h));
  const rows: string[][] = [];
  let current: string[][] | null = null;
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (!line.startsWith(' ') || /As of \d{4}-\d{2}-\d{2} · Vetted/.test(line)) break;
    if (!current) {
      current = headers.map(() => []);
      rows.push([]);
    }
    starts.forEach((start, i) => {
      const piece = line.slice(Math.max(0, start - 1), i + 1 < starts.length ? starts[i + 1]! - 1 : undefined).trim();
      if (piece) current![i]!.push(piece);
    });
    rows[rows.length - 1] = current.map((parts) => parts.join(' '));
  }
  return rows;
}

const INCIDENT_HEADERS = ['Started (UTC)', 'Impact', 'Incident', 'First update', 'Resolved in', 'Postmortem'];

const CLAIM_HEADERS = ['Question', 'Answer', 'What the record shows', 'Verdict'];

/** The claims table: by question, the answer, what the record shows and the verdict. */
function claimTable(lines: readonly string[]): string[][] {
  return table(lines.slice(lines.findIndex((l) => l.trim() === 'Incident answers against the record')), CLAIM_HEADERS);
}

/** The major and critical incidents table, by start. */
function incidentTable(lines: readonly string[]): Map<string, string[]> {
  return new Map(table(lines, INCIDENT_HEADERS).map((row) => [row[0]!, row.slice(1)]));
}

test('the Incident record part: period, source, refresh, measures over N incidents, the major and critical incidents, the claims', async () => {
  const { api, db } = await register();
  const r = await report(api, db.id, '2026-12-04');
  assert.ok(qpdfCheck(r.pdf).ok, 'a valid PDF');
  const m = part(r);

  assert.ok(m.text.includes('incidents that started in the twelve months from 2025-12-05 to 2026-12-04 (UTC days) and were recorded on or before 2026-12-04'), m.text.slice(0, 400));
  assert.ok(m.text.includes('Source of the record Entered by hand (7).'), 'where the record comes from');
  assert.match(
    m.text,
    /Status page Last refreshed from the status page on 2026-12-02 09:00 UTC, from https:\/\/ ?status\.hosted-db\.example\/history\.atom\./,
    'when it was last refreshed, and from where',
  );

  // Incidents by impact, open, and the one the status page never showed.
  assert.ok(m.text.includes('7 incidents started in the period: 1 critical, 4 major and 2 minor. None was open at the end of 2026-12-04.'), m.text);
  assert.ok(m.text.includes('1 incident your team recorded was not on their status page, of 7 incidents in the period.'), 'not on their status page');
  // 40, 25, 5, 50 and 10 minutes: the median is 25, the 90th percentile 50.
  assert.ok(
    m.text.includes('Median 25 minutes, 90th percentile 50 minutes from the start to the first public update, over 5 incidents with one. 2 incidents had no public update by the end of 2026-12-04.'),
    'the first update over N incidents',
  );
  // Major: 70, 90, 990 and 60 minutes; minor: 120 and 40.
  assert.ok(
    m.text.includes('Critical: median 3 h 20 min over 1 incident; major: median 80 minutes over 4 incidents; minor: median 80 minutes over 2 incidents.'),
    'time to resolve by impact, each over its incidents',
  );
  // Due: the critical (published), the Japanese one (published, no date), the one never shown and the
  // one typed in late (none); Storage latency was resolved less than 14 days before the end.
  assert.ok(m.text.includes('2 of 4 major or critical incidents resolved at least 14 days before the end of the period have a postmortem on record (50%).'), 'postmortems');
  assert.ok(
    m.text.includes('15 h 40 min without a public update while “Storage latency” was open, the longest over 5 incidents on their status page with an update.'),
    'the longest silence names the incident',
  );
  assert.ok(m.text.includes('on the components you use (Database) count as down for their whole length, over 3 incidents.'), 'availability: what it counts');
  assert.ok(m.text.includes('The components in use are as set now: the register keeps no history of that setting.'), 'says what it cannot know');

  // The major and critical incidents, earliest first.
  const incidents = incidentTable(m.lines);
  assert.deepEqual([...incidents.keys()], ['2026-03-10 08:00', '2026-05-02 14:00', '2026-09-14 06:00', '2026-10-10 04:00', '2026-11-30 08:00'], 'earliest first');
  assert.deepEqual(incidents.get('2026-03-10 08:00'), ['Critical', 'Database failover stalled', '40 minutes', '3 h 20 min', 'Yes']);
  assert.deepEqual(incidents.get('2026-09-14 06:00'), ['Major', 'Connection resets nobody announced Not on their status page', 'None by 2026-12-04', '90 minutes', 'No'], 'never on the status page, said in the row');
  assert.deepEqual(incidents.get('2026-11-30 08:00'), ['Major', 'Storage latency', '50 minutes', '16 h 30 min', 'No not yet due'], 'resolved the day after it started; its postmortem not yet due');
  assert.ok(!m.text.includes('Slow queries'), 'minor incidents are counted, not listed');

  // The approved review's claims held against the record.
  assert.ok(m.text.includes('3 claims contradicted by the incident record: finding candidates.'), 'the contradictions up front');
  const claims = claimTable(m.lines);
  assert.equal(claims.length, 4, 'first update, postmortems, status page and uptime');
  assert.deepEqual(claims[0]!.slice(1), [
    '15 minutes',
    "Answered 15 minutes to the first update; the record's median is 25 minutes over 5 incidents (90th percentile 50 minutes).",
    CLAIM_CONTRADICTED,
  ], 'the first update claim, contradicted');
  assert.equal(claims[1]![3], CLAIM_CONTRADICTED, 'postmortems: two due have none');
  assert.ok(claims[2]![2]!.endsWith('1 incident your team recorded never appeared on their status page.'), claims[2]![2]);
  assert.equal(claims[2]![3], CLAIM_CONTRADICTED, 'the status page claim, contradicted');
  assert.deepEqual(claims[3]!.slice(1), [
    '99.5 %',
    "Promised 99.5% monthly uptime; the record's estimate for its worst month, 2026-03, is 99.552% (major and critical incidents on the components you use counted as down).",
    'Consistent with the record',
  ], 'the uptime claim: consistent, on the components in use');

  // Provider text in another script goes through the report's font handling.
  if (r.warnings.length === 0) assert.ok(r.text.includes(JAPANESE_TITLE), 'the Japanese title reads back');
  else assert.ok(r.warnings.some((w) => /font|glyph|character/i.test(w)), `only font warnings: ${r.warnings.join('; ')}`);
  const again = await report(api, db.id, '2026-12-04');
  assert.equal(again.base64, r.base64, 'same data, same date, same bytes');
});

test('a report dated before an incident leaves it out, and what came after the date: later resolutions, later records, a later refresh', async () => {
  const { api, db } = await register();
  const m = part(await report(api, db.id, '2026-11-30'));
  assert.ok(m.text.includes('from 2025-12-01 to 2026-11-30'), 'the twelve months up to the date');
  assert.ok(!m.text.includes('Queue backlog'), 'started after the date');
  assert.ok(!m.text.includes('DNS outage typed in late'), 'recorded after the date');
  assert.ok(m.text.includes('1 incident that started by 2026-11-30 but was recorded after it is not part of this report.'), 'and counted');
  assert.ok(m.text.includes('5 incidents started in the period: 1 critical, 3 major and 1 minor. 1 was still open at the end of 2026-11-30.'), m.text.slice(0, 1600));
  // Resolved on 2026-12-01: open on the report's date, and its change after the date is said.
  const storage = incidentTable(m.lines).get('2026-11-30 08:00');
  assert.deepEqual(
    storage,
    ['Major', 'Storage latency Changed on 2026-12-01, after 2026-11-30: shown as recorded then.', '50 minutes', 'Open on 2026-11-30', 'No not due while open'],
    'open on the date, and its change after the date is named',
  );
  assert.ok(m.text.includes('Changed after 2026-11-30: 1 incident of the period, shown as recorded at its last change (the latest on 2026-12-01), less what is dated after 2026-11-30.'), 'and up front');
  assert.ok(m.text.includes('Last refreshed from the status page after 2026-11-30; whether it was refreshed on or before 2026-11-30 is not kept.'), 'the refresh after the date is not printed as before it');
  assert.ok(!m.text.includes('2026-12-02 09:00'), 'nor its date');

  // Before anything was recorded: the sentence, never silence; the claims are untested.
  const earlyPart = part(await report(api, db.id, '2026-11-12'));
  const early = earlyPart.text;
  assert.ok(early.includes(NO_INCIDENT_RECORD), early.slice(0, 900));
  assert.ok(early.includes('5 incidents that started by 2026-11-12 but were recorded after it are not part of this report.'), 'what was recorded later is counted');
  assert.ok(!early.includes('Database failover stalled'), 'not yet recorded');
  const claims = claimTable(earlyPart.lines);
  assert.deepEqual(claims[0]!.slice(2), ['Answered 15 minutes to the first update; no incident with a public update is on record in the period to test it.', 'Untested: the record cannot decide it'], 'the claims are untested');
  assert.ok(claims.every((c) => c[3] !== CLAIM_CONTRADICTED), 'nothing contradicted');
});

test('a provider with no incident record: the sentence that says transparency was not measured', async () => {
  const { api, cdn } = await register();
  const m = part(await report(api, cdn.id, '2026-12-04'));
  assert.ok(m.text.includes(NO_INCIDENT_RECORD), m.text.slice(0, 900));
  assert.ok(!m.text.includes('Major and critical incidents'), 'no empty tables');
  assert.ok(!m.text.includes('Measured from the record'), 'no measures over nothing');
  assert.ok(m.text.includes('Incident answers against the record'), 'the claims are still listed');
  const claims = claimTable(m.lines);
  assert.equal(claims.length, 4, JSON.stringify(claims));
  assert.ok(claims.every((c) => c[3]!.startsWith('Untested')), 'each untested: there is nothing to hold them against');
});

test('imported incidents: a feed gives no impact and Instatus no separate start, and the part says so', async () => {
  const { api, cdn, ctx } = await register();
  const base = {
    vendorId: cdn.id, components: [], updates: [], postmortem: null, onStatusPage: true, sequence: 1, link: null, notes: '',
    createdAt: '2026-12-03T10:00:00.000Z', updatedAt: '2026-12-03T10:00:00.000Z',
  };
  await ctx.incidents.insert({
        ...base, id: 'feed-1', title: 'Edge errors (from the feed)', impact: 'minor', source: 'feed', sourceUid: 'tag:feed-1',
        startedAt: '2026-08-01T10:00:00.000Z', firstUpdateAt: '2026-08-01T10:00:00.000Z', resolvedAt: '2026-08-01T11:00:00.000Z',
      });
  await ctx.incidents.insert({
        ...base, id: 'instatus-1', title: 'Global outage', impact: 'critical', source: 'instatus', sourceUid: 'in-1',
        startedAt: '2026-09-01T10:00:00.000Z', firstUpdateAt: '2026-09-01T10:00:00.000Z', resolvedAt: '2026-09-01T12:00:00.000Z',
      });
  const m = part(await report(api, cdn.id, '2026-12-04'));
  assert.ok(m.text.includes('Source of the record Status page feed (1) and Instatus page (1).'), m.text.slice(0, 1200));
  assert.ok(m.text.includes('2 incidents started in the period: 1 critical and 1 from a history feed, which gives no impact (counted in nothing the impact decides).'), 'the feed incident is counted, its impact not');
  assert.ok(m.text.includes('2 incidents from a feed or Instatus are not measured: the source gives no start apart from the first post.'), 'no wait is measured for them');
  const incidents = incidentTable(m.lines);
  assert.deepEqual([...incidents.keys()], ['2026-09-01 10:00'], 'only the Instatus incident: the feed gives no impact');
  const row = incidents.get('2026-09-01 10:00')!;
  assert.deepEqual(row.slice(0, 3), ['Critical', 'Global outage', 'not measured: no separate start']);
  // pdftotext -layout sets the narrow cell "2 h" without its space.
  assert.deepEqual([row[3]!.replace(/\s/g, ''), row[4]], ['2h', 'No'], 'resolved after two hours, no postmortem');
});
