// The comparison's incident rows, on a real register, in compare.get, the CSV and the PDF: each
// provider's incidents by impact, first update, time to resolve, postmortems, longest silence,
// estimated availability and the claims its record contradicts, marked as coming from the
// register's records rather than the questionnaire, and cut to the comparison's date like the
// review report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Vetted } from '../../electron/core/vetted';
import { INCIDENTS_SECTION, NOT_MEASURED } from '../../shared/compare';
import type { IncidentInput } from '../../shared/domain/incidents';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { parseCsv } from '../helpers/csv';
import { pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { wordsOffPage } from '../helpers/pdf-columns';
import { answersFor } from '../helpers/review-fixtures';
import { freshVetted, unwrap } from '../helpers/vetted';

async function approvedReview(api: Vetted['api'], vendorId: string, claims: Record<string, string | number>, on: (day: string) => void) {
  const { review } = unwrap(await api['review.start']({ vendorId }));
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (a.value !== null) unwrap(await api['answer.save']({ reviewId: review.id, questionId: a.questionId, value: a.value }));
  }
  for (const [questionId, value] of Object.entries({ prv_personal_data: 'users', ...claims })) {
    unwrap(await api['answer.save']({ reviewId: review.id, questionId, value }));
  }
  on('2026-11-05');
  unwrap(await api['review.transition']({ reviewId: review.id, to: 'in_review', by: 'Ana Auditor', note: '' }));
  on('2026-11-10');
  unwrap(await api['review.transition']({ reviewId: review.id, to: 'approved', by: 'Ben Boardman', note: '' }));
  on('2026-11-01');
}

/**
 * Hosted DB (answered 15 minutes, public postmortems, an active status page, 99.5% uptime): a
 * critical failover, a major incident never on their status page, a major API incident without a
 * postmortem, a slow minor one, all recorded on 2026-11-20, and a minor one of 2026-12-02. Queue
 * Co (answered 60 minutes, postmortems on request): three minor incidents that agree with it.
 * Quiet CDN: approved, no record. New Vendor: no review, one incident.
 */
async function register() {
  let now = new Date('2026-11-01T09:00:00Z');
  const vetted = await freshVetted({ now: () => now });
  const on = (day: string) => {
    now = new Date(`${day}T12:00:00Z`);
  };
  const { api } = vetted;
  const profile = { dataCategories: ['personal-data' as const], dataLocations: ['Germany'], criticalPath: false };
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', ...profile }));
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue', ...profile }));
  const cdn = unwrap(await api['vendor.create']({ name: 'Quiet CDN', category: 'other', ...profile }));
  const fresh = unwrap(await api['vendor.create']({ name: 'New Vendor', category: 'other' }));
  const common = { ext_critical_path: 'yes' };
  await approvedReview(api, db.id, { ...common, inc_first_update_minutes: 15, inc_postmortems: 'public', inc_status_page: 'active', inc_sla_credits: 'credits_claim', inc_sla_uptime_percent: 99.5 }, on);
  await approvedReview(api, queue.id, { ...common, inc_first_update_minutes: 60, inc_postmortems: 'on_request', inc_status_page: 'active', inc_sla_credits: 'credits_auto', inc_sla_uptime_percent: 99.9 }, on);
  await approvedReview(api, cdn.id, common, on);

  const add = async (vendorId: string, input: Omit<IncidentInput, 'vendorId'>) => unwrap(await api['incident.add']({ vendorId, ...input }));
  on('2026-11-20');
  await add(db.id, {
    title: 'Database failover stalled', impact: 'critical',
    startedAt: '2026-03-10T08:00:00Z', firstUpdateAt: '2026-03-10T08:40:00Z', resolvedAt: '2026-03-10T11:20:00Z',
    updates: [
      { at: '2026-03-10T08:40:00Z', status: 'investigating', text: 'Looking into it.' },
      { at: '2026-03-10T10:10:00Z', status: 'identified', text: 'A stuck replica.' },
      { at: '2026-03-10T11:20:00Z', status: 'resolved', text: 'Resolved.' },
    ],
    postmortem: { publishedAt: '2026-03-15T09:00:00Z', link: 'https://status.hosted-db.example/pm/1', text: '' },
  });
  await add(db.id, { title: 'Elevated API errors', impact: 'major', startedAt: '2026-05-02T14:00:00Z', firstUpdateAt: '2026-05-02T14:25:00Z', resolvedAt: '2026-05-02T15:10:00Z' });
  await add(db.id, { title: 'Slow queries in eu-west-1', impact: 'minor', startedAt: '2026-07-20T10:00:00Z', firstUpdateAt: '2026-07-20T10:05:00Z', resolvedAt: '2026-07-20T12:00:00Z' });
  await add(db.id, { title: 'Connection resets nobody announced', impact: 'major', onStatusPage: false, startedAt: '2026-09-14T06:00:00Z', resolvedAt: '2026-09-14T07:30:00Z' });
  for (const [day, minutes] of [['2026-04-01', 10], ['2026-06-01', 20], ['2026-08-01', 30]] as const) {
    await add(queue.id, {
      title: `Delayed deliveries ${day}`, impact: 'minor',
      startedAt: `${day}T09:00:00Z`, firstUpdateAt: `${day}T09:${minutes}:00Z`, resolvedAt: `${day}T10:00:00Z`,
    });
  }
  await add(fresh.id, { title: 'Login failures', impact: 'major', startedAt: '2026-10-01T09:00:00Z', firstUpdateAt: '2026-10-01T09:05:00Z', resolvedAt: '2026-10-01T09:35:00Z' });
  on('2026-12-02');
  await add(db.id, { title: 'Queue backlog', impact: 'minor', startedAt: '2026-12-02T10:00:00Z', firstUpdateAt: '2026-12-02T10:10:00Z', resolvedAt: '2026-12-02T10:40:00Z' });
  on('2026-12-04');
  return { ...vetted, ids: [db.id, queue.id, cdn.id, fresh.id] };
}

/** The incident rows of a comparison CSV, by their Question column: one value per provider. */
async function csvRows(api: Vetted['api'], vendorIds: string[], date: string): Promise<Map<string, string[]>> {
  const file = unwrap(await api['compare.export']({ vendorIds, format: 'csv', date }));
  const records = parseCsv(Buffer.from(file.base64, 'base64').toString('utf8').slice(1));
  const rows = records.filter((r) => r[0] === INCIDENTS_SECTION);
  return new Map(rows.map((r) => [r[2]!, r.slice(3, 3 + vendorIds.length)]));
}

const NOT_HELD = NOT_MEASURED;

test('the comparison CSV carries a row per measure, marked as from the record, per provider', async () => {
  const { api, ids } = await register();
  const rows = await csvRows(api, ids, '2026-12-04');
  assert.deepEqual(
    [...rows.keys()],
    [
      'Incident record (as of 2026-12-04)',
      'Incidents (12 months, 2025-12-05 to 2026-12-04)',
      'Claims contradicted by the record',
      'Median minutes to first update (p90)',
      'Median time to resolve',
      'Postmortems published (major and critical)',
      'Longest silence while open',
      'Estimated availability (worst month)',
    ],
    'eight rows, in order',
  );
  const [db, queue, cdn, fresh] = [0, 1, 2, 3];
  const cell = (label: string, column: number) => rows.get(label)![column];

  assert.equal(cell('Incident record (as of 2026-12-04)', db), '5 incidents on record');
  assert.equal(cell('Incident record (as of 2026-12-04)', cdn), 'No incident record held');
  assert.equal(cell('Incidents (12 months, 2025-12-05 to 2026-12-04)', db), '5: 1 critical, 2 major, 2 minor\n1 not on their status page');
  assert.equal(cell('Incidents (12 months, 2025-12-05 to 2026-12-04)', queue), '3: 3 minor');
  assert.equal(cell('Incidents (12 months, 2025-12-05 to 2026-12-04)', cdn), 'No incident record held');
  // Hosted DB: 5, 10, 25 and 40 minutes.
  assert.equal(cell('Median minutes to first update (p90)', db), '17.5 (p90 40) over 4 incidents');
  assert.equal(cell('Median minutes to first update (p90)', queue), '20 (p90 30) over 3 incidents');
  assert.equal(cell('Median minutes to first update (p90)', cdn), NOT_HELD);
  assert.equal(cell('Median time to resolve', db), 'Major: 80 minutes over 2 incidents\nCritical: 3 h 20 min over 1 incident');
  assert.equal(cell('Median time to resolve', queue), 'No major or critical incident');
  assert.equal(cell('Postmortems published (major and critical)', db), '33%: 1 of 3 due');
  assert.equal(cell('Postmortems published (major and critical)', queue), 'None due');
  assert.equal(cell('Longest silence while open', db), '115 minutes (Slow queries in eu-west-1)');
  assert.equal(cell('Estimated availability (worst month)', db), '99.932%\n2026-03: 99.552%');
  assert.equal(cell('Estimated availability (worst month)', queue), '100%\nno downtime');
  assert.equal(cell('Estimated availability (worst month)', cdn), NOT_HELD);

  const claims = 'Claims contradicted by the record';
  assert.equal(cell(claims, db), '3 of 4 claims: Minutes to first update; Postmortems; Status page');
  assert.equal(cell(claims, queue), 'None (of 4 claims, 1 untested)', 'postmortems on request cannot be seen in a public record');
  assert.match(cell(claims, cdn)!, /^None \(of \d claims, \d untested\)$/, 'nothing on record contradicts anything');
  assert.equal(cell(claims, fresh), 'No review in this column');
  assert.equal(cell('Incidents (12 months, 2025-12-05 to 2026-12-04)', fresh), '1: 1 major', 'a provider without a review still has its record');
});

test('an earlier date leaves out the incidents that started after it', async () => {
  const { api, ids } = await register();
  const rows = await csvRows(api, ids, '2026-11-30');
  assert.equal(rows.get('Incident record (as of 2026-11-30)')![0], '4 incidents on record');
  assert.equal(rows.get('Incidents (12 months, 2025-12-01 to 2026-11-30)')![0], '4: 1 critical, 2 major, 1 minor\n1 not on their status page', 'Queue backlog started on 2026-12-02');
  assert.equal(rows.get('Median minutes to first update (p90)')![0], '25 (p90 40) over 3 incidents');
  // Before anything was recorded, nothing is held: the cells say so rather than print zeros.
  const early = await csvRows(api, ids, '2026-11-12');
  assert.equal(early.get('Incident record (as of 2026-11-12)')![0], 'No incident record held; 4 recorded later, left out');
  assert.equal(early.get('Median minutes to first update (p90)')![0], NOT_HELD);
  assert.match(early.get('Claims contradicted by the record')![0]!, /^None \(of 4 claims, 4 untested\)$/);
});

test('the comparison PDF prints the incident rows under their own heading, in every column', async () => {
  const { api, ids } = await register();
  const file = unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', date: '2026-12-04' }));
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  assert.ok(qpdfCheck(pdf).ok, 'a valid PDF');
  assert.deepEqual(wordsOffPage(pdf), [], 'nothing printed past the page edge');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  assert.ok(text.includes(INCIDENTS_SECTION), 'the heading says where the rows come from');
  assert.ok(text.includes("From each provider's incident record in the register, not from the questionnaire: incidents that started from 2025-12-05 to 2026-12-04 and were recorded by then"), 'and the note');
  const layout = pdfText(pdf, true);
  assert.match(layout, /Median minutes to first update \(p90\)\s{2,}17\.5 \(p90 40\) over 4 incidents\s{2,}20 \(p90 30\) over 3 incidents\s{2,}Not measured\s{2,}5 \(p90 5\) over 1 incident/, 'each provider in its column');
  assert.match(layout, /Claims contradicted by the record\s{2,}3 of 4 claims: Minutes to first\s{2,}None \(of 4 claims, 1 untested\)\s{2,}None \(of 4 claims, 4 untested\)\s{2,}No review in this column/, 'the contradictions, and the column without a review');
  const again = unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', date: '2026-12-04' }));
  assert.equal(again.base64, file.base64, 'same data, same date, same bytes');
});

test('compare.get carries the same incident facts for the app, as of today', async () => {
  const { api, ids } = await register();
  const comparison = unwrap(await api['compare.get']({ vendorIds: ids }));
  assert.equal(comparison.incidents?.asOf, '2026-12-04');
  assert.deepEqual(comparison.incidents?.period, { from: '2025-12-05', to: '2026-12-04' });
  assert.deepEqual(comparison.incidents?.cells.map((c) => c.facts.measures.total), [5, 3, 0, 1]);
  assert.deepEqual(comparison.incidents?.cells[0]!.claims?.filter((c) => c.verdict === 'contradicted').map((c) => c.questionId), ['inc_first_update_minutes', 'inc_postmortems', 'inc_status_page']);
  assert.equal(comparison.incidents?.cells[3]!.claims, null, 'no review, no claims');
});
