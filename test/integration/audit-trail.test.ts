// The audit trail: every change to providers, reviews, answers, findings, acceptances and evidence
// leaves a row (what, old, new, when, who). The test watches the tables themselves: after each
// operation, any row that changed in a column that matters must have its audit row, so a change
// without one fails here (including changes a future operation or column introduces).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sql } from '../../electron/core/db/store/sql';
import { freshVetted, unwrap } from '../helpers/vetted';
import { readCsv } from '../helpers/csv';

interface Watched {
  entity: string;
  key: (row: Record<string, unknown>) => string;
  /** Bookkeeping columns (times, denormalised ids): a change in them alone is not a change to audit. */
  ignore: string[];
}

const WATCHED: Record<string, Watched> = {
  vendors: { entity: 'vendor', key: (r) => String(r.id), ignore: ['created_at', 'updated_at'] },
  reviews: { entity: 'review', key: (r) => String(r.id), ignore: ['started_at', 'updated_at', 'snapshot'] },
  answers: { entity: 'answer', key: (r) => `${String(r.review_id)}/${String(r.question_id)}`, ignore: ['updated_at'] },
  findings: { entity: 'finding', key: (r) => String(r.id), ignore: ['created_by', 'created_at', 'updated_at'] },
  acceptances: { entity: 'acceptance', key: (r) => String(r.id), ignore: ['accepted_at'] },
  evidence: { entity: 'evidence', key: (r) => String(r.id), ignore: ['added_by', 'added_at', 'updated_at'] },
};

type Snapshot = Map<string, Map<string, string>>;

/** The watched tables as they are, through the register's own store (a file or a team register). */
async function snapshot(sql: Sql): Promise<Snapshot> {
  const tables: Snapshot = new Map();
  for (const [table, w] of Object.entries(WATCHED)) {
    const rows = new Map<string, string>();
    for (const row of await sql.all<Record<string, unknown>>(`SELECT * FROM ${table}`)) {
      const kept = Object.fromEntries(Object.entries(row).filter(([c]) => !w.ignore.includes(c)).sort(([a], [b]) => a.localeCompare(b)));
      rows.set(w.key(row), JSON.stringify(kept));
    }
    tables.set(table, rows);
  }
  return tables;
}

interface AuditRow {
  id: number;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
}

async function auditSince(sql: Sql, afterId: number): Promise<AuditRow[]> {
  const rows = await sql.all<AuditRow>('SELECT id, actor, entity, entity_id, action FROM audit_log WHERE id > ? ORDER BY id', [afterId]);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Runs one operation and checks that every change it made to a watched table has its audit row. */
async function audited(sql: Sql, label: string, run: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = await snapshot(sql);
  const lastId = (await auditSince(sql, 0)).at(-1)?.id ?? 0;
  await run();
  const after = await snapshot(sql);
  const rows = await auditSince(sql, lastId);
  let changes = 0;
  for (const [table, w] of Object.entries(WATCHED)) {
    const was = before.get(table)!;
    const now = after.get(table)!;
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      if (was.get(key) === now.get(key)) continue;
      changes += 1;
      const action = !was.has(key) ? 'create' : !now.has(key) ? 'delete' : 'update';
      const row = rows.find((r) => r.entity === w.entity && r.entity_id === key && r.action === action);
      assert.ok(row, `${label}: ${action} of ${w.entity} ${key} has no audit row`);
    }
  }
  assert.ok(changes > 0, `${label}: the operation was expected to change something`);
  return rows;
}

test('every change made through the API leaves an audit row, written with the user name of the moment', async () => {
  const vetted = await freshVetted();
  const { api } = vetted;
  const sql = vetted.ctx.sql;
  unwrap(await api['settings.update']({ userName: 'Ana Ortiz' }));

  const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  await audited(sql, 'vendor.create', async () => unwrap(await api['vendor.create']({ name: 'Logjam', category: 'logging' })));
  await audited(sql, 'vendor.update', async () => unwrap(await api['vendor.update']({ id: vendor.id, patch: { notes: 'EU only', links: { statusPage: 'https://status.example' } } })));
  const review = unwrap(await api['review.start']({ vendorId: vendor.id })).review;
  const template = unwrap(await api['template.get']({ id: review.templateId }));
  const questions = template.sections.flatMap((s) => s.questions).filter((q) => !q.showWhen && q.options?.length);

  const saves = await audited(sql, 'answer.save', async () =>
    unwrap(await api['answer.save']({ reviewId: review.id, questionId: questions[0]!.id, value: questions[0]!.options![0]!.id })),
  );
  assert.deepEqual(saves.map((r) => [r.entity, r.action, r.actor]), [['answer', 'create', 'Ana Ortiz']]);
  await audited(sql, 'answer.save comment', async () => unwrap(await api['answer.save']({ reviewId: review.id, questionId: questions[0]!.id, comment: 'from the DPA' })));
  // N/A only where the template allows it, and with a reason (scoring model 2).
  const naQuestion = template.sections.flatMap((s) => s.questions).find((q) => q.allowNa === true && !q.showWhen)!;
  await audited(sql, 'answer.save na', async () =>
    unwrap(await api['answer.save']({ reviewId: review.id, questionId: naQuestion.id, na: true, comment: 'One fixed plan: nothing to upgrade to.' })),
  );

  // Saving the same answer again changes nothing and writes nothing (autosave repeats).
  const lastId = (await auditSince(sql, 0)).at(-1)!.id;
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: questions[0]!.id, comment: 'from the DPA' }));
  assert.deepEqual(await auditSince(sql, lastId), []);

  // Fill the demo register's providers in too: a bulk change is audited row by row.
  unwrap(await api['vendor.delete']({ id: vendor.id }));
  const others = unwrap(await api['vendor.list']({}));
  for (const v of others) unwrap(await api['vendor.delete']({ id: v.id }));
  await audited(sql, 'demo.load', async () => unwrap(await api['demo.load']({})));
  const gauge = unwrap(await api['vendor.list']({})).find((v) => v.name === 'Gaugeworks')!;
  const gaugeReview = unwrap(await api['review.current']({ vendorId: gauge.id }))!;

  unwrap(await api['settings.update']({ userName: 'Sam Lee' }));
  await audited(sql, 'review.transition in_review', async () => unwrap(await api['review.transition']({ reviewId: gaugeReview.review.id, to: 'in_review' })));
  const decided = await audited(sql, 'review.transition approved', async () => unwrap(await api['review.transition']({ reviewId: gaugeReview.review.id, to: 'approved' })));
  assert.ok(decided.every((r) => r.actor === 'Sam Lee'));
  await audited(sql, 'review.setDue', async () => unwrap(await api['review.setDue']({ reviewId: gaugeReview.review.id, due: '2030-01-01' })));
  const next = await audited(sql, 'review.start after approval', async () => unwrap(await api['review.start']({ vendorId: gauge.id })));
  assert.ok(next.some((r) => r.entity === 'review' && r.action === 'create'));
  const nextReview = unwrap(await api['review.current']({ vendorId: gauge.id }))!.review;

  const loss = unwrap(await api['score.get']({ vendorId: gauge.id }))!.explanation[0]!;
  const fromAnswer = await audited(sql, 'finding.fromAnswer', async () => unwrap(await api['finding.fromAnswer']({ reviewId: nextReview.id, questionId: loss.questionId })));
  const findingId = fromAnswer[0]!.entity_id;
  await audited(sql, 'finding.create', async () => unwrap(await api['finding.create']({ vendorId: gauge.id, title: 'No SSO', severity: 'medium' })));
  await audited(sql, 'finding.update', async () => unwrap(await api['finding.update']({ id: findingId, patch: { owner: 'Infra', dueDate: '2031-01-01' } })));
  const accepted = await audited(sql, 'acceptance.create', async () =>
    unwrap(await api['acceptance.create']({ findingId, justification: 'Compensating control: VPN', expiresOn: '2031-06-30' })),
  );
  assert.deepEqual(accepted.map((r) => [r.entity, r.action]).sort(), [['acceptance', 'create'], ['finding', 'update']]);
  const acceptanceId = accepted.find((r) => r.entity === 'acceptance')!.entity_id;
  await audited(sql, 'acceptance.revoke', async () => unwrap(await api['acceptance.revoke']({ id: acceptanceId })));
  await audited(sql, 'acceptance.create (review)', async () => unwrap(await api['acceptance.create']({ reviewId: nextReview.id, justification: 'Pilot only', expiresOn: '2031-01-01' })));
  const evidence = await audited(sql, 'evidence.add', async () =>
    unwrap(await api['evidence.add']({ vendorId: gauge.id, kind: 'iso27001', fileName: 'iso.pdf', base64: Buffer.from('%PDF certificate').toString('base64') })),
  );
  const evidenceId = evidence[0]!.entity_id;
  await audited(sql, 'evidence.update', async () => unwrap(await api['evidence.update']({ id: evidenceId, patch: { expiresOn: '2027-01-01', notes: 'Scope: all regions' } })));
  await audited(sql, 'evidence.delete', async () => unwrap(await api['evidence.delete']({ id: evidenceId })));
  await audited(sql, 'finding.delete', async () => unwrap(await api['finding.delete']({ id: findingId })));

  // A register import (from a copy of this register) and a provider deleted with everything it had.
  const exported = unwrap(await api['register.export']({}));
  const other = await freshVetted();
  unwrap(await other.api['vendor.create']({ name: 'Only Here', category: 'other' }));
  await audited(other.ctx.sql, 'register.import', async () => unwrap(await other.api['register.import']({ text: Buffer.from(exported.base64, 'base64').toString('utf8') })));
  await audited(sql, 'vendor.delete', async () => unwrap(await api['vendor.delete']({ id: gauge.id })));

  // Viewable per provider (newest first) and exportable.
  const logjam = unwrap(await api['vendor.list']({})).find((v) => v.name === 'Tidewater Postgres')!;
  const page = unwrap(await api['audit.list']({ vendorId: logjam.id, limit: 5 }));
  assert.equal(page.length, 5);
  assert.ok(page.every((e) => e.vendorId === logjam.id));
  assert.ok(page[0]!.id > page[4]!.id);
  const older = unwrap(await api['audit.list']({ vendorId: logjam.id, limit: 5, before: page[4]!.id }));
  assert.ok(older.length > 0 && older[0]!.id < page[4]!.id);
  const csv = readCsv(Buffer.from(unwrap(await api['audit.export']({})).base64, 'base64').toString('utf8'));
  assert.deepEqual(csv[0], ['Entry', 'When (UTC)', 'Who', 'Provider', 'What', 'Record', 'Action', 'Field', 'Old value', 'New value', 'Imported from', 'Database role']);
  const comment = csv.find((r) => r[7] === 'comment' && r[9] === 'from the DPA')!;
  assert.deepEqual([comment[2], comment[4], comment[6], comment[8]], ['Ana Ortiz', 'Answer', 'update', '']);
});

test('the audit trail is append-only: the database refuses to change or remove a row', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const sql = vetted.ctx.sql;
  await assert.rejects(sql.run("UPDATE audit_log SET actor = 'someone else'"), /append-only/);
  await assert.rejects(sql.run('DELETE FROM audit_log'), /append-only/);
  assert.equal(Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n), 1);
});
