// Registers of a chosen size for benchmarks, filled through the services in one transaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnswerValue } from '../shared/domain/review';
import type { Question } from '../shared/domain/template';
import { VendorInput } from '../shared/domain/vendor';
import { saveAnswer, startReview } from '../electron/core/services/reviews';
import { createVendor } from '../electron/core/services/vendors';
import { openVetted, type Vetted } from '../electron/core/vetted';

function answerFor(q: Question, i: number): AnswerValue | undefined {
  const options = q.options ?? [];
  if (q.kind === 'yesno' || q.kind === 'single') return options[(i + q.id.length) % options.length]?.id;
  if (q.kind === 'multi') return options.slice(0, 1 + (i % 2)).map((o) => o.id);
  if (q.kind === 'number') return (i * 7 + q.id.length) % 120;
  if (q.kind === 'date') return '2026-01-15';
  return `Answer ${i} for ${q.id}`;
}

/** A temp register with `count` active providers processing personal data, each fully answered. */
export async function registerWith(count: number): Promise<{ vetted: Vetted; dir: string; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-'));
  const vetted = await openVetted(path.join(dir, 'bench.db'));
  const { ctx } = vetted;
  await ctx.write(async (ctx) => {
    for (let i = 0; i < count; i++) {
      const vendor = await createVendor(
              ctx,
              VendorInput.parse({
                name: `Provider ${String(i).padStart(5, '0')}`,
                service: 'Hosted service',
                category: (['database', 'message-queue', 'logging', 'alerting', 'status-page'] as const)[i % 5],
                status: 'active',
                dataCategories: ['personal-data'],
                dataLocations: ['EU'],
              }),
            );
      const { review, template } = await startReview(ctx, { vendorId: vendor.id, reviewer: 'Bench' });
      for (const s of template.sections) {
        for (const q of s.questions) {
          const value = answerFor(q, i);
          if (value !== undefined) await saveAnswer(ctx, { reviewId: review.id, questionId: q.id, value });
        }
      }
    }
  });
  return {
    vetted,
    dir,
    cleanup: () => {
      vetted.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
