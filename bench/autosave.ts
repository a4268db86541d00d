// Goal (issue 2/8): saving one answer through the dispatcher costs at most 2× a raw
// better-sqlite3 upsert of the same row, p99 under 2 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegister } from '../electron/core/db/open';
import { openVetted } from '../electron/core/vetted';
import type { Question } from '../shared/domain/template';
import { timeEach, type Timing } from './stats';

export interface AutosaveResult {
  saves: number;
  dispatcher: Timing;
  raw: Timing;
  ratio: number;
}

function valueFor(q: Question, i: number): string | number | string[] {
  if (q.kind === 'number') return i % 200;
  if (q.kind === 'multi') return [q.options![i % q.options!.length]!.id];
  return q.options![i % q.options!.length]!.id;
}

export async function benchAutosave(saves = 10_000): Promise<AutosaveResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-'));
  try {
    const vetted = await openVetted(path.join(dir, 'api.db'));
    const vendor = await vetted.api['vendor.create']({ name: 'Bench Provider' });
    if (!vendor.ok) throw new Error(vendor.error.message);
    const started = await vetted.api['review.start']({ vendorId: vendor.value.id });
    if (!started.ok) throw new Error(started.error.message);
    const { review, template } = started.value;
    const questions = template.sections.flatMap((s) => s.questions).filter((q) => ['yesno', 'single', 'multi', 'number'].includes(q.kind));

    // As the app saves since issue 22: each save made on the version the previous one stored.
    const versions = new Map<string, number>();
    const dispatcher = await timeEach(saves, async (i) => {
      const q = questions[i % questions.length]!;
      const result = await vetted.dispatch('answer.save', { reviewId: review.id, questionId: q.id, value: valueFor(q, i), basedOn: versions.get(q.id) ?? 0 });
      if (!result.ok) throw new Error(result.error.message);
      versions.set(q.id, (result.value as { version: number }).version);
    });
    vetted.close();

    // The same rows, the same schema (audit triggers included) and pragmas, one autocommit upsert
    // each: the floor the API is measured against.
    const raw = openRegister(path.join(dir, 'raw.db'));
    raw.db.exec(`INSERT INTO templates VALUES ('t', 1, 't', '{}', 0, '')`);
    raw.db.exec(`INSERT INTO vendors (id, name, category, status, business_impact, tenancy, created_at, updated_at)
                 VALUES ('v', 'v', 'other', 'active', 'low', 'multi-tenant', '', '')`);
    raw.db.exec(`INSERT INTO reviews (id, vendor_id, template_id, template_version, status, reviewer, started_at, updated_at)
                 VALUES ('r', 'v', 't', 1, 'draft', '', '', '')`);
    const upsert = raw.db.prepare(
      `INSERT INTO answers (review_id, question_id, value, comment, na, updated_at) VALUES ('r', ?, ?, '', 0, ?)
       ON CONFLICT (review_id, question_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const rawTiming = await timeEach(saves, (i) => {
      const q = questions[i % questions.length]!;
      upsert.run(q.id, JSON.stringify(valueFor(q, i)), new Date().toISOString());
    });
    raw.close();
    return { saves, dispatcher, raw: rawTiming, ratio: dispatcher.totalMs / rawTiming.totalMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
