// A register whose clock a test moves through a provider's history, and the review report read
// back as text: shared by the tests of "what the register says as of D".
import type { Vetted } from '../../electron/core/vetted';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { answersFor } from './review-fixtures';
import { pdfInfo, pdfText, savePdf } from './pdf';
import { databaseFollowsClock } from './db-clock';
import { freshVetted, unwrap } from './vetted';

export const flat = (s: string) => s.replace(/\s+/g, ' ');

/** A register whose clock the test sets: each call happens "on" the day given. */
export async function timedRegister(start?: string) {
  let now = start === undefined ? new Date('2025-01-10T09:00:00Z') : new Date(`${start}T12:00:00Z`);
  const vetted = await freshVetted({ now: () => now });
  // The audit trail (a provider's status, a due date set by hand, over time) is stamped with the same clock.
  databaseFollowsClock(vetted.ctx.db, () => now);
  const on = (day: string) => {
    now = new Date(`${day}T12:00:00Z`);
  };
  return { ...vetted, on };
}

/** Answers every question of the built-in template with its best answer (personal data: users). */
export async function answerAll(api: Vetted['api'], reviewId: string) {
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (a.value === null) continue;
    unwrap(await api['answer.save']({ reviewId, questionId: a.questionId, value: a.value }));
  }
  unwrap(await api['answer.save']({ reviewId, questionId: 'prv_personal_data', value: 'users' }));
}

export async function step(api: Vetted['api'], vendorId: string, to: 'in_review' | 'approved' | 'rejected', by: string, extra: { activateProvider?: boolean } = {}) {
  const current = unwrap(await api['review.current']({ vendorId }))!;
  return unwrap(await api['review.transition']({ reviewId: current.review.id, to, by, note: to === 'rejected' ? 'Not good enough.' : '', ...extra }));
}

export async function reportText(api: Vetted['api'], vendorId: string, date: string, draft = false) {
  const file = unwrap(await api['report.vendor']({ vendorId, date, draft }));
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  return { text: flat(pdfText(pdf)), info: pdfInfo(pdf), base64: file.base64 };
}

/** Acme: opened 2025-01-10, submitted 02-01 by Ana, approved 03-01 by Ben, reassessment opened 2026-02-15. */
export async function acmeHistory() {
  const r = await timedRegister();
  const { api } = r;
  // No user name yet: the reviewer of record must come from the steps, not from the draft.
  const vendor = unwrap(
    await api['vendor.create']({ name: 'Acme DB', legalName: 'Acme Database GmbH', service: 'Hosted Postgres', category: 'database', dataCategories: ['personal-data'], dataLocations: ['Germany'] }),
  );
  const first = unwrap(await api['review.start']({ vendorId: vendor.id }));
  await answerAll(api, first.review.id);
  r.on('2025-02-01');
  await step(api, vendor.id, 'in_review', 'Ana Auditor');
  r.on('2025-03-01');
  await step(api, vendor.id, 'approved', 'Ben Boardman');
  r.on('2025-06-01');
  unwrap(await api['finding.create']({ vendorId: vendor.id, title: 'Backups never restored', severity: 'high' }));
  r.on('2026-02-15');
  unwrap(await api['review.start']({ vendorId: vendor.id }));
  unwrap(await api['settings.update']({ organisation: 'Example Shop Ltd' }));
  r.on('2026-12-04');
  return { ...r, vendorId: vendor.id };
}

