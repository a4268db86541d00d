// A register of `count` providers in use that process personal data, each with a fully answered
// review approved before the list's date: what a big subprocessor list is made of. Used by the
// list's size test (test/integration/subprocessor-list-size.test.ts) and by the bench
// (bench/reports.ts). Every provider has what the list prints in full: a legal entity, a purpose,
// a DPA link, and every safeguard the rules know (best answers), the widest a row gets in
// ordinary use; one in three keeps data outside the EEA/UK under a transfer mechanism.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VendorInput } from '../../shared/domain/vendor';
import type { AnswerValue } from '../../shared/domain/review';
import { saveAnswer, startReview } from '../../electron/core/services/reviews';
import { createVendor } from '../../electron/core/services/vendors';
import { transitionReview } from '../../electron/core/services/workflow';
import { openVetted, type Vetted } from '../../electron/core/vetted';
import { bestValue } from './review-fixtures';

/** The list's date in these registers; everything in them happened on 2026-11-01. */
export const SUBPROCESSOR_LIST_DATE = '2026-11-20';

const CATEGORIES = ['database', 'message-queue', 'logging', 'alerting', 'status-page'] as const;
const PLACES: ReadonlyArray<{ locations: string[]; transfer: string }> = [
  { locations: ['Germany'], transfer: 'not_needed' },
  { locations: ['Germany (Frankfurt)', 'United States'], transfer: 'sccs' },
  { locations: ['Ireland', 'Netherlands'], transfer: 'not_needed' },
];

/** The provider's name in these registers: "Provider 00042". */
export const providerName = (i: number) => `Provider ${String(i).padStart(5, '0')}`;

export async function subprocessorRegister(count: number): Promise<{ vetted: Vetted; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-subprocessors-'));
  // Filled on 2026-11-01, read on the list's date: the approvals lie before it, and nothing after.
  let now = new Date('2026-11-01T09:00:00.000Z');
  const vetted = await openVetted(path.join(dir, 'register.db'), { now: () => now, logError: () => {} });
  const { ctx } = vetted;
  await ctx.write(async (ctx) => {
    for (let i = 0; i < count; i++) {
      const place = PLACES[i % PLACES.length]!;
      const slug = `provider-${String(i).padStart(5, '0')}`;
      const vendor = await createVendor(
              ctx,
              VendorInput.parse({
                name: providerName(i),
                legalName: `${providerName(i)} Services GmbH`,
                service: `Hosted ${CATEGORIES[i % CATEGORIES.length]!.replace('-', ' ')} for the shop`,
                category: CATEGORIES[i % CATEGORIES.length],
                status: 'active',
                dataCategories: ['personal-data'],
                dataLocations: place.locations,
                links: { dpa: `https://${slug}.example/legal/dpa` },
              }),
            );
      const { review, template } = await startReview(ctx, { vendorId: vendor.id, reviewer: 'Bench' });
      for (const section of template.sections) {
        for (const q of section.questions) {
          const value: AnswerValue =
            q.id === 'prv_personal_data' ? 'users' : q.id === 'prv_transfer_mechanism' ? place.transfer : q.id === 'sec_breach_notification_hours' ? 24 : bestValue(q);
          await saveAnswer(ctx, { reviewId: review.id, questionId: q.id, value });
        }
      }
      await transitionReview(ctx, { reviewId: review.id, to: 'in_review', by: 'Bench Reviewer' });
      await transitionReview(ctx, { reviewId: review.id, to: 'approved', by: 'Bench Approver' });
    }
  });
  now = new Date(`${SUBPROCESSOR_LIST_DATE}T12:00:00.000Z`);
  return {
    vetted,
    cleanup: () => {
      vetted.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
