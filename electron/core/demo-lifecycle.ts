// The demo register's lifecycle: what a register looks like after a year of use — earlier
// approvals (so reassessments fall due), findings (one overdue, one accepted), and evidence (one
// expiring, one expired). Dates are counted back from the context's clock, so the demo shows the
// same picture whatever day it is loaded. The current reviews stay open: the demo is for trying.
import { addDays, localIsoDate } from '../../shared/domain/dates';
import { toAnswerMap, type Answer, type Review } from '../../shared/domain/review';
import type { Template } from '../../shared/domain/template';
import type { Vendor } from '../../shared/domain/vendor';
import type { ReviewSnapshot } from '../../shared/domain/workflow';
import { scoreReview } from '../../shared/scoring';
import type { Context } from './context';
import { createAcceptance } from './services/acceptances';
import { addEvidence } from './services/evidence';
import { createFinding, findingFromAnswer, updateFinding } from './services/findings';
import { minimalPdf } from './services/minimal-pdf';

const REVIEWER = 'Dana Whitfield';
const APPROVER = 'Sam Okafor';

export interface DemoEntry {
  vendor: Vendor;
  review: Review;
  template: Template;
}

const at = (date: string, time = '10:00:00') => new Date(`${date}T${time}.000Z`).toISOString();


/**
 * An earlier review of the provider, approved `daysAgo` days ago (started three days before),
 * with the current answers except the first one answered worse (so the score over time moves).
 */
async function pastApproval(ctx: Context, entry: DemoEntry, daysAgo: number): Promise<void> {
  const decided = addDays(localIsoDate(ctx.now()), -daysAgo);
  const started = addDays(decided, -3);
  // Dates the answers give (the latest audit report seen…) move back with the review: an answer
  // frozen by a decision never names a day after that decision.
  const dateQuestions = new Set(entry.template.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'date').map((q) => q.id));
  const answers: Answer[] = (await ctx.reviews.answers(entry.review.id)).map((a) => ({
    ...a,
    value: dateQuestions.has(a.questionId) && typeof a.value === 'string' ? addDays(a.value, -daysAgo) : a.value,
    updatedAt: at(started, '11:00:00'),
  }));
  const first = answers.findIndex((a) => typeof a.value === 'string' && entry.template.sections[0]!.questions.some((q) => q.id === a.questionId && q.kind === 'single'));
  if (first >= 0) {
    const question = entry.template.sections[0]!.questions.find((q) => q.id === answers[first]!.questionId)!;
    const worst = [...question.options!].filter((o) => typeof o.score === 'number' && !o.knockout).sort((a, b) => (a.score as number) - (b.score as number))[0];
    if (worst) answers[first] = { ...answers[first]!, value: worst.id };
  }
  const review: Review = {
    ...entry.review,
    id: ctx.newId(),
    status: 'draft',
    reviewer: REVIEWER,
    startedAt: at(started, '09:00:00'),
    updatedAt: at(started, '11:00:00'),
    completedAt: null,
  };
  await ctx.reviews.insert(review);
  for (const a of answers) await ctx.reviews.putAnswer(review.id, a);
  const score = scoreReview(entry.template, toAnswerMap(answers), entry.vendor);
  await ctx.steps.move({ reviewId: review.id, from: 'draft', to: 'in_review', by: REVIEWER, at: at(decided, '09:30:00'), note: 'Ready for sign-off.' }, null);
  const snapshot: ReviewSnapshot = { templateId: review.templateId, templateVersion: review.templateVersion, answers, score, frozenAt: at(decided, '15:00:00') };
  await ctx.steps.move({ reviewId: review.id, from: 'in_review', to: 'approved', by: APPROVER, at: at(decided, '15:00:00'), note: '' }, snapshot);
}

/** How long ago the demo's providers were added: before the earliest review below. */
const DEMO_ADDED_DAYS_AGO = 800;

export async function addDemoLifecycle(ctx: Context, byName: ReadonlyMap<string, DemoEntry>): Promise<void> {
  const today = localIsoDate(ctx.now());
  const days = (n: number) => addDays(today, n);

  // The providers were in the register before their first review: a provider added today could
  // not have been approved two years ago, and a document dated between the two would contradict it.
  // The profile is as it was added (no audited field changes, so the trail records nothing).
  for (const { vendor } of byName.values()) {
    const added = at(days(-DEMO_ADDED_DAYS_AGO), '08:00:00');
    await ctx.vendors.update({ ...(await ctx.vendors.get(vendor.id) ?? vendor), createdAt: added, updatedAt: added });
  }

  // StatusHarbor (low tier then: 24 months) approved 715 days ago → due within 30 days.
  // Logjam Cloud approved 760 days ago → overdue whether its tier then was medium (18 months) or low (24).
  const statusHarbor = byName.get('StatusHarbor');
  const logjam = byName.get('Logjam Cloud');
  const pager = byName.get('PagerPigeon');
  if (statusHarbor) await pastApproval(ctx, statusHarbor, 715);
  if (logjam) await pastApproval(ctx, logjam, 760);

  // PagerPigeon's knock-out (one shared on-call login) as a finding past its due date.
  if (pager) {
    const score = scoreReview(pager.template, toAnswerMap(await ctx.reviews.answers(pager.review.id)), pager.vendor);
    const knockout = score.explanation.find((l) => l.knockout && !l.flagId);
    if (knockout) {
      const finding = await findingFromAnswer(ctx, { reviewId: pager.review.id, questionId: knockout.questionId });
      await updateFinding(ctx, finding.id, {
                owner: 'SRE team',
                dueDate: days(-12),
                status: 'in_progress',
                remediation: 'Move every responder to individual accounts with SSO; retire the shared escalation login.',
              });
    }
  }
  // An accepted risk on StatusHarbor, with its justification and expiry.
  if (statusHarbor) {
    const finding = await createFinding(ctx, {
          vendorId: statusHarbor.vendor.id,
          title: 'Status page has no custom-domain TLS pinning',
          severity: 'low',
          description: 'The public status page is served from the provider’s domain; a lookalike domain could mislead customers during an outage.',
          owner: 'Customer support',
        });
    await createAcceptance(ctx, {
            findingId: finding.id,
            justification: 'The page only repeats what our own incident e-mails say; customers are told the official address.',
            acceptedBy: 'Head of Security',
            expiresOn: days(120),
          });
  }

  // Evidence: StatusHarbor's SOC 2 expires within 30 days; Logjam's ISO certificate has expired.
  const pdf = (title: string) => minimalPdf([title, 'Fictional demo document: Vetted demo data.']).toString('base64');
  if (statusHarbor) {
    await addEvidence(ctx, {
            vendorId: statusHarbor.vendor.id,
            kind: 'soc2',
            title: 'SOC 2 Type II report',
            fileName: 'statusharbor-soc2-type2.pdf',
            base64: pdf('StatusHarbor SOC 2 Type II report'),
            issuedOn: days(-345),
            expiresOn: days(20),
            notes: 'Bridge letter requested for the gap until the next report.',
          });
  }
  if (logjam) {
    await addEvidence(ctx, {
            vendorId: logjam.vendor.id,
            kind: 'iso27001',
            title: 'ISO/IEC 27001 certificate',
            fileName: 'logjam-iso27001.pdf',
            base64: pdf('Logjam Cloud ISO/IEC 27001 certificate'),
            issuedOn: days(-1100),
            expiresOn: days(-10),
          });
  }
}
