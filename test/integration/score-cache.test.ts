// The register's scores come from a cache (services/score-cache.ts, issue 20). This proves it never
// serves a stale score: random writes through every operation that can move a score — answers,
// N/A, profile changes, workflow steps, new reviews, template versions and migrations, providers
// added and deleted, register imports, questionnaires received, and a second process writing the
// file directly — and after each, the register's listing (cached) equals a fresh computation from
// the answers (services/review-entries.ts, which never reads the cache).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { VendorSummary } from '../../shared/api';
import type { Question, Template } from '../../shared/domain/template';
import { seededRandom } from '../../shared/random';
import { allEntries } from '../../electron/core/services/review-entries';
import { openVetted } from '../../electron/core/vetted';
import { registerAuditFunctions } from '../../electron/core/db/audit-chain';
import { listedScore, SCORE_BUILD } from '../../electron/core/services/score-cache';
import { APP_VERSION } from '../../electron/core/version';
import { SCORING_MODEL } from '../../shared/scoring';
import { tempDbPath } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

type Vetted = Awaited<ReturnType<typeof freshVetted>>;
type Random = Awaited<ReturnType<typeof seededRandom>>;

const PROFILE_COLUMNS = ['score', 'tier', 'state', 'completion', 'knockouts', 'reviewStatus'] as const;

/** What the register lists of each provider's score, from the listing (cached). */
function listed(rows: readonly VendorSummary[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [r.name, Object.fromEntries(PROFILE_COLUMNS.map((c) => [c, r[c]]))]));
}

/** The same, computed afresh from the answers as reports do (no cache involved). */
async function fresh(vetted: Pick<Vetted, 'ctx'>): Promise<Record<string, unknown>> {
  return Object.fromEntries(
    (await allEntries(vetted.ctx)).map(({ vendor, review, score }) => {
      const s = score ? listedScore(score) : null;
      return [
        vendor.name,
        {
          score: s?.overall ?? null,
          tier: s?.tier ?? null,
          state: s?.state ?? 'not_started',
          completion: s?.completion ?? 0,
          knockouts: s?.knockouts ?? 0,
          reviewStatus: review?.status ?? null,
        },
      ];
    }),
  );
}

/** A template of this register's own, imported at the start, that the walk issues new versions of. */
const CUSTOM_TEMPLATE = 'custom-infrastructure';

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A value for a question: mostly fitting, sometimes N/A, cleared, or out of range. */
function someAnswer(random: Random, q: Question): { value?: unknown; na?: boolean } {
  const roll = random();
  if (roll < 0.08) return { na: true };
  if (roll < 0.14) return { value: null, na: false };
  const options = q.options ?? [];
  switch (q.kind) {
    case 'yesno':
    case 'single':
      return { value: pick(random, options).id, na: false };
    case 'multi':
      return { value: options.filter(() => random() < 0.5).map((o) => o.id), na: false };
    case 'number':
      return { value: Math.round((random() * 240 - 20) * 10) / 10, na: false };
    case 'date':
      return { value: '2026-0' + (1 + Math.floor(random() * 9)) + '-15', na: false };
    default:
      return { value: `text ${Math.floor(random() * 100)}`, na: false };
  }
}

function questionsOf(template: Template): Question[] {
  return template.sections.flatMap((s) => s.questions);
}

/** A copy of a template with one option's score changed: the next version, scored differently. */
function rescored(template: Template, random: Random): Template {
  const copy = structuredClone(template) as Template;
  const choice = questionsOf(copy).filter((q) => (q.options ?? []).some((o) => typeof o.score === 'number'));
  const q = pick(random, choice);
  const option = pick(random, q.options!.filter((o) => typeof o.score === 'number'));
  option.score = option.score === 1 ? 0.25 : 1;
  return copy;
}

async function randomWrite(vetted: Vetted, random: Random, step: number): Promise<string> {
  const { api } = vetted;
  const vendors = unwrap(await api['vendor.list']({}));
  const vendor = pick(random, vendors);
  const current = unwrap(await api['review.current']({ vendorId: vendor.id }));
  const roll = random();
  if (roll < 0.4 && current) {
    const template = current.template;
    const q = pick(random, questionsOf(template));
    const r = await api['answer.save']({ reviewId: current.review.id, questionId: q.id, ...someAnswer(random, q) } as never);
    return `answer.save ${q.id} (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.52) {
    const patch = {
      criticalPath: random() < 0.5,
      businessImpact: pick(random, ['low', 'medium', 'high'] as const),
      dataCategories: ['personal-data', 'credentials-secrets', 'customer-content'].filter(() => random() < 0.4),
      // Locations are part of the score (a "Not disclosed" answer is checked against them), though
      // the listing reads them only when it computes a score (repositories/vendors.ts listed()).
      dataLocations: ['EU (Frankfurt)', 'US (Virginia)'].filter(() => random() < 0.4),
    };
    const r = await api['vendor.update']({ id: vendor.id, patch } as never);
    return `vendor.update (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.64 && current) {
    // Mostly the next step of the workflow, sometimes any (refused ones change nothing).
    const next: Record<string, readonly ('draft' | 'in_review' | 'approved' | 'approved_with_conditions' | 'rejected')[]> = {
      draft: ['in_review'],
      in_review: ['approved', 'approved', 'approved_with_conditions', 'rejected', 'draft'],
    };
    const choices = random() < 0.85 ? (next[current.review.status] ?? ['draft']) : (['draft', 'in_review', 'approved', 'rejected'] as const);
    const to = pick(random, choices);
    const r = await api['review.transition']({ reviewId: current.review.id, to, by: pick(random, ['Ana Reviewer', 'Ben Approver']), note: 'Noted.' });
    return `review.transition ${to} (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.7) {
    const r = await api['review.start']({ vendorId: vendor.id });
    return `review.start (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.75) {
    // A new version of the imported template with another score; then a review moved to it, or a
    // provider's next review started on it.
    const latest = unwrap(await api['template.get']({ id: CUSTOM_TEMPLATE }));
    const imported = await api['template.import']({ text: JSON.stringify(rescored(latest, random)), id: CUSTOM_TEMPLATE, format: 'vetted' });
    const onCustom = current && current.review.templateId === CUSTOM_TEMPLATE && ['draft', 'in_review'].includes(current.review.status);
    const r = onCustom
      ? await api['review.migrate']({ reviewId: current.review.id })
      : await api['vendor.create']({ name: `Custom provider ${step}`, category: 'logging', templateId: CUSTOM_TEMPLATE } as never);
    return `template.import (${imported.ok ? 'ok' : imported.error.code}) + ${onCustom ? 'review.migrate' : 'vendor.create on it'} (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.8) {
    const r = await api['vendor.create']({ name: `Added provider ${step}`, category: 'database', criticalPath: random() < 0.5 } as never);
    if (r.ok && random() < 0.7) await api['review.start']({ vendorId: r.value.id });
    return `vendor.create (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.83 && vendors.length > 5) {
    const r = await api['vendor.delete']({ id: vendor.id });
    return `vendor.delete (${r.ok ? 'ok' : r.error.code})`;
  }
  if (roll < 0.9 && current) {
    // The register import: this register's own export with one answer changed and dated later,
    // so the import takes it (the newer updatedAt wins).
    const file = JSON.parse(Buffer.from(unwrap(await api['register.export']({})).base64, 'base64').toString('utf8')) as {
      answers: { reviewId: string; questionId: string; value: unknown; na: boolean; updatedAt: string }[];
    };
    const q = pick(random, questionsOf(current.template).filter((x) => x.kind === 'single' || x.kind === 'yesno'));
    const answer = file.answers.find((a) => a.reviewId === current.review.id && a.questionId === q.id);
    if (!answer) return 'register.import skipped (no answer to change)';
    answer.value = pick(random, q.options!).id;
    answer.na = false;
    answer.updatedAt = new Date(Date.parse(answer.updatedAt) + 60_000 + step).toISOString();
    const r = await api['register.import']({ text: JSON.stringify(file) });
    return `register.import (${r.ok ? 'ok' : r.error.code})`;
  }
  if (current) {
    // Another process writes the file: its own connection and Context, by hand, no service.
    const other = await openVetted(vetted.file, { logError: () => {} });
    try {
      const q = pick(random, questionsOf(current.template).filter((x) => x.kind === 'single' || x.kind === 'yesno'));
      const value = JSON.stringify(pick(random, q.options!).id);
      other.ctx.db
        .prepare(
          `INSERT INTO answers (review_id, question_id, value, comment, na, updated_at) VALUES (?, ?, ?, '', 0, ?)
           ON CONFLICT (review_id, question_id) DO UPDATE SET value = excluded.value, na = 0`,
        )
        .run(current.review.id, q.id, value, new Date().toISOString());
      if (random() < 0.3) other.ctx.db.prepare('UPDATE vendors SET critical_path = 1 - critical_path WHERE id = ?').run(vendor.id);
    } finally {
      other.close();
    }
    return `second connection writes ${current.review.id}`;
  }
  return 'nothing (no review)';
}

for (const seed of [1, 2, 3]) {
  test(`the register's cached scores equal fresh ones after every random write (seed ${seed})`, async () => {
    const vetted = await freshVetted();
    unwrap(await vetted.api['demo.load']({}));
    const random = seededRandom(seed);
    const log: string[] = [];
    const builtIn = unwrap(await vetted.api['template.list']({})).find((t) => t.builtIn)!;
    const text = JSON.stringify(unwrap(await vetted.api['template.get']({ id: builtIn.id })));
    unwrap(await vetted.api['template.import']({ text, id: CUSTOM_TEMPLATE, format: 'vetted' }));
    // Fill the cache first, so every later listing has something to serve stale if it could.
    unwrap(await vetted.api['vendor.list']({}));
    for (let step = 0; step < 120; step++) {
      log.push(await randomWrite(vetted, random, step));
      const rows = unwrap(await vetted.api['vendor.list']({}));
      assert.deepEqual(listed(rows), await fresh(vetted), `cached ≠ fresh after step ${step}: ${log.slice(-3).join(' → ')}`);
    }
    const kinds = new Set(log.map((l) => l.split(' ')[0]));
    for (const kind of ['answer.save', 'vendor.update', 'review.transition', 'review.start', 'register.import', 'second', 'template.import', 'vendor.create', 'vendor.delete']) {
      assert.ok(kinds.has(kind), `the random walk of seed ${seed} wrote through ${kind} at least once (it did: ${[...kinds].join(', ')})`);
    }
    const { hits, misses } = vetted.ctx.scoreCache.stats();
    assert.ok(hits > misses, `the cache served most scores (hits ${hits}, misses ${misses}): otherwise this test proves nothing about it`);
  });
}

test('a write the triggers stamp moves the cached score at once, even from another connection', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  const before = unwrap(await vetted.api['vendor.list']({})).find((r) => r.reviewStatus === 'draft' && r.score !== null)!;
  assert.ok(before, 'the demo has a scored draft');
  const current = unwrap(await vetted.api['review.current']({ vendorId: before.id }))!;
  // Every answer of the review set to its worst option by hand, outside the app.
  const other = await openVetted(vetted.file, { logError: () => {} });
  const worst = other.ctx.db.prepare('UPDATE answers SET value = ?, na = 0 WHERE review_id = ? AND question_id = ?');
  for (const q of questionsOf(current.template)) {
    const zero = (q.options ?? []).find((o) => o.score === 0);
    if (zero && (q.kind === 'single' || q.kind === 'yesno')) worst.run(JSON.stringify(zero.id), current.review.id, q.id);
  }
  other.close();
  const after = unwrap(await vetted.api['vendor.list']({})).find((r) => r.id === before.id)!;
  assert.ok(after.score !== null && after.score < before.score!, `the score fell from ${before.score} after the answers were made worse (now ${after.score})`);
  assert.deepEqual(listed([after]), { [after.name]: (await fresh(vetted) as Record<string, unknown>)[after.name] }, 'and equals a fresh computation');
});

test('every write that can move a score is stamped: the triggers are all there at the latest schema', async () => {
  const vetted = await freshVetted();
  const names = (vetted.ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'score_stamp_%' ORDER BY name").pluck().all() as string[]);
  // A later migration that rebuilds one of these tables drops its triggers: this says so.
  assert.deepEqual(names, [
    'score_stamp_answers_delete', 'score_stamp_answers_insert', 'score_stamp_answers_update', 'score_stamp_answers_update_moved',
    'score_stamp_reviews_delete', 'score_stamp_reviews_insert', 'score_stamp_reviews_update',
    'score_stamp_templates_delete', 'score_stamp_templates_insert', 'score_stamp_templates_update', 'score_stamp_templates_update_moved',
    'score_stamp_vendors_delete', 'score_stamp_vendors_insert', 'score_stamp_vendors_update',
  ]);
});

test('hand edits from another connection that move an answer between reviews are seen at the next listing', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  unwrap(await vetted.api['vendor.list']({}));
  const rows = unwrap(await vetted.api['vendor.list']({}));
  const drafts = rows.filter((r) => r.reviewStatus === 'draft' && r.completion > 0);
  assert.ok(drafts.length >= 2, 'the demo has two drafts with answers');
  const [a, b] = await Promise.all(drafts.slice(0, 2).map(async (r) => unwrap(await vetted.api['review.current']({ vendorId: r.id }))!));
  const other = await openVetted(vetted.file, { logError: () => {} });
  try {
    // One answer of A moved to a fresh review of another provider, by hand.
    const moved = a!.answers.find((x) => x.value !== null)!;
    const otherReview = b!.review.id;
    other.ctx.db.prepare('DELETE FROM answers WHERE review_id = ? AND question_id = ?').run(otherReview, moved.questionId);
    other.ctx.db.prepare('UPDATE answers SET review_id = ? WHERE review_id = ? AND question_id = ?').run(otherReview, a!.review.id, moved.questionId);
  } finally {
    other.close();
  }
  assert.deepEqual(listed(unwrap(await vetted.api['vendor.list']({}))), await fresh(vetted), 'an answer moved between reviews: both scores follow');
});

// ---- The scores kept in the file (migration 012): a process that opens the register reuses them. ----

/** One value from the register file, read by a connection of its own (no Vetted involved). */
function readOne(file: string, sql: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

/** Writes to the register file by hand, while no Vetted has it open (the triggers in the file fire). */
function writeByHand(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    registerAuditFunctions(db); // what the audit trail's triggers call
    work(db);
  } finally {
    db.close();
  }
}

/** A register with the demo loaded and listed once (so its scores are in the file), then closed. */
async function listedRegister(): Promise<{ file: string; rows: VendorSummary[] }> {
  const file = tempDbPath();
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    unwrap(await vetted.api['demo.load']({}));
    const rows = unwrap(await vetted.api['vendor.list']({}));
    return { file, rows };
  } finally {
    vetted.close();
  }
}

/** Opens the file as a new process would, lists it once, and says how the scores were found. */
async function firstListing(file: string) {
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    const rows = unwrap(await vetted.api['vendor.list']({}));
    return { rows, listed: listed(rows), fresh: await fresh(vetted), stats: vetted.ctx.scoreCache.stats() };
  } finally {
    vetted.close();
  }
}

const scoredCount = (rows: readonly VendorSummary[]) => rows.filter((r) => r.reviewStatus !== null).length;

test('a second connection opening the file after a listing finds the scores there: its first listing computes none', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  const rows = unwrap(await vetted.api['vendor.list']({}));
  const reviews = scoredCount(rows);
  assert.ok(reviews >= 5, `the demo has providers with reviews (${reviews})`);
  assert.equal(readOne(vetted.file, 'SELECT count(*) FROM listed_scores'), reviews, 'the listing stored one score per provider with a review');
  // The first process stays open; the second is a new connection with an empty memory.
  const second = await firstListing(vetted.file);
  assert.deepEqual(second.stats, { hits: reviews, fromFile: reviews, misses: 0, size: reviews, unstored: 0 }, 'every score of its first listing came from the file');
  assert.deepEqual(second.listed, listed(rows), 'the same scores as the listing that stored them');
  assert.deepEqual(second.listed, second.fresh, 'and the same as a fresh computation');
});

test('a write made while no Vetted has the file open is never served stale after reopening', async () => {
  const { file, rows } = await listedRegister();
  const before = rows.find((r) => r.reviewStatus === 'draft' && r.score !== null && r.score > 0)!;
  assert.ok(before, 'the demo has a scored draft');
  // Every single-choice answer of its review set to its worst option, by hand, through better-sqlite3.
  writeByHand(file, (db) => {
    const reviewId = db.prepare('SELECT id FROM reviews WHERE vendor_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').pluck().get(before.id) as string;
    const template = JSON.parse(
      db.prepare('SELECT t.definition FROM templates t JOIN reviews r ON r.template_id = t.id AND r.template_version = t.version WHERE r.id = ?').pluck().get(reviewId) as string,
    ) as Template;
    const worst = db.prepare('UPDATE answers SET value = ?, na = 0 WHERE review_id = ? AND question_id = ?');
    for (const q of questionsOf(template)) {
      const zero = (q.options ?? []).find((o) => o.score === 0);
      if (zero && (q.kind === 'single' || q.kind === 'yesno')) worst.run(JSON.stringify(zero.id), reviewId, q.id);
    }
  });
  const reopened = await firstListing(file);
  const after = reopened.rows.find((r) => r.id === before.id)!;
  assert.ok(after.score !== null && after.score < before.score!, `the score fell from ${before.score} after the answers were made worse by hand (now ${after.score})`);
  assert.deepEqual(reopened.listed, reopened.fresh, 'every score equals a fresh computation');
  const reviews = scoredCount(rows);
  assert.deepEqual([reopened.stats.misses, reopened.stats.fromFile], [1, reviews - 1], 'only the review written by hand was computed again; the others came from the file');
});

for (const [what, from, to] of [
  ['an older version of Vetted', `vetted ${APP_VERSION};`, 'vetted 0.0.1-older;'],
  ['another scoring model', `scoring model ${SCORING_MODEL};`, `scoring model ${SCORING_MODEL - 1};`],
] as const) {
  test(`a score stored by ${what} is never read: it is computed again`, async () => {
    const { file, rows } = await listedRegister();
    assert.ok(SCORE_BUILD.includes(from), `the key names ${from}`);
    // The stored rows as that build would have left them: its key, and scores this one never gives.
    writeByHand(file, (db) => {
      db.prepare("UPDATE listed_scores SET cache_key = replace(cache_key, ?, ?), scored = 1, overall = -1, tier = 'critical', state = 'scored'").run(from, to);
    });
    const reopened = await firstListing(file);
    assert.deepEqual(reopened.listed, reopened.fresh, `no score of ${what} was shown`);
    assert.deepEqual([reopened.stats.fromFile, reopened.stats.misses], [0, scoredCount(rows)], 'every score was computed again');
    assert.equal(
      readOne(file, `SELECT count(*) FROM listed_scores WHERE instr(cache_key, '${to}') > 0`),
      0,
      'and stored again under this build',
    );
  });
}

test('the stored scores are a cache: no audit entry, not in the export, not copied by an import, pruned with their review', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  const audited = readOne(vetted.file, 'SELECT count(*) FROM audit_log');
  const rows = unwrap(await vetted.api['vendor.list']({}));
  assert.ok((readOne(vetted.file, 'SELECT count(*) FROM listed_scores') as number) > 0, 'the listing stored its scores');
  assert.equal(readOne(vetted.file, 'SELECT count(*) FROM audit_log'), audited, 'storing them wrote no audit entry');
  assert.equal(readOne(vetted.file, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'listed_scores'"), 0, 'no trigger watches them');
  const exported = Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8');
  const key = readOne(vetted.file, 'SELECT cache_key FROM listed_scores LIMIT 1') as string;
  assert.ok(!exported.includes(key) && !exported.includes(SCORE_BUILD), 'the register export carries no stored score');

  const target = await freshVetted();
  unwrap(await target.api['register.import']({ text: exported }));
  assert.equal(readOne(target.file, 'SELECT count(*) FROM listed_scores'), 0, 'an import copies none (the target computes its own)');

  // A provider deleted: its review's row stays until a listing has something to write, then goes.
  const [gone, changed] = rows.filter((r) => r.reviewStatus !== null);
  const goneReview = unwrap(await vetted.api['review.current']({ vendorId: gone!.id }))!.review.id;
  unwrap(await vetted.api['vendor.delete']({ id: gone!.id }));
  unwrap(await vetted.api['vendor.list']({}));
  const storedIds = () => vetted.ctx.db.prepare('SELECT review_id FROM listed_scores').pluck().all() as string[];
  assert.ok(storedIds().includes(goneReview), 'a listing that computed nothing wrote nothing');
  unwrap(await vetted.api['vendor.update']({ id: changed!.id, patch: { criticalPath: !changed!.criticalPath } }));
  unwrap(await vetted.api['vendor.list']({}));
  assert.ok(!storedIds().includes(goneReview), 'the next write pruned the deleted review');
  assert.equal(storedIds().length, scoredCount(rows) - 1, 'one row per provider with a review, no more');
});

test('a listing while another connection holds the write lock answers, and stores its scores at a later listing', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  const writer = new Database(vetted.file);
  writer.prepare('BEGIN IMMEDIATE').run();
  let rows: VendorSummary[];
  try {
    const r = await vetted.api['vendor.list']({});
    assert.ok(r.ok, `the listing answers while the register is busy (${r.ok ? 'ok' : r.error.message})`);
    rows = r.value;
    assert.deepEqual(listed(rows), await fresh(vetted), 'with the right scores');
    assert.equal(vetted.ctx.scoreCache.stats().unstored, scoredCount(rows), 'kept in memory, not written');
  } finally {
    writer.prepare('ROLLBACK').run();
    writer.close();
  }
  assert.equal(readOne(vetted.file, 'SELECT count(*) FROM listed_scores'), 0, 'nothing was written under the other lock');
  unwrap(await vetted.api['vendor.list']({}));
  assert.equal(vetted.ctx.scoreCache.stats().unstored, 0, 'the next listing wrote them');
  assert.equal(readOne(vetted.file, 'SELECT count(*) FROM listed_scores'), scoredCount(rows), 'one per provider with a review');
});

test('a listing that computes many scores reads the first profiles by id and the rest at once, each provider scored with its own', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  // More providers than services/score-cache.ts reads one by one (50), with profiles that move tiers.
  for (let i = 0; i < 45; i++) {
    unwrap(
      await vetted.api['vendor.create']({
        name: `Bulk ${String(i).padStart(2, '0')}`,
        category: 'database',
        criticalPath: i % 2 === 0,
        businessImpact: i % 3 === 0 ? 'high' : 'low',
        dataLocations: i % 4 === 0 ? ['Germany'] : [],
        templateId: 'infrastructure-provider',
      }),
    );
  }
  const second = await firstListing(vetted.file);
  assert.ok(second.stats.misses > 50, `the first listing computed more scores than are read one by one (${second.stats.misses})`);
  assert.deepEqual(second.listed, second.fresh, 'every score equals a fresh computation with the provider’s own profile');
});
