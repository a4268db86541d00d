// Sign-off: moving a review through the workflow, freezing it at the decision, and its history.
import { mapInOrder } from '../in-order';
import type { ReviewDetail, ReviewHistoryEntry } from '../../../shared/api';
import { REVIEW_STATUS_LABELS } from '../../../shared/domain/labels';
import { samePerson } from '../../../shared/domain/settings';
import { toAnswerMap, type Review, type ReviewStatus } from '../../../shared/domain/review';
import { canTransition, isApproval, isDecision, noteRequired, type ReviewSnapshot, type ReviewStep } from '../../../shared/domain/workflow';
import { VettedError } from '../../../shared/result';
import { scoreReview } from '../../../shared/scoring';
import type { Context } from '../context';
import { detail } from './reviews';
import { getVendor } from './vendor-lookup';
import { writeAsActor } from '../db/audit-actor';

export interface TransitionInput {
  reviewId: string;
  to: ReviewStatus;
  by?: string;
  note?: string;
  activateProvider?: boolean;
}

const label = (status: ReviewStatus) => REVIEW_STATUS_LABELS[status].toLowerCase();

async function liveScore(ctx: Context, review: Review) {
  const template = (await ctx.templates.get(review.templateId, review.templateVersion))?.template;
  if (!template) throw new VettedError('not_found', `Template ${review.templateId} v${review.templateVersion} is missing from the register.`);
  const answers = await ctx.reviews.answers(review.id);
  return { answers, score: scoreReview(template, toAnswerMap(answers), await getVendor(ctx, review.vendorId)) };
}

/**
 * One step of the workflow, in one transaction. Only the provider's latest review moves (an older
 * one is history); a decision freezes the answers and the score in a snapshot.
 */
export async function transitionReview(ctx: Context, input: TransitionInput): Promise<ReviewDetail> {
  return await ctx.write(async (ctx) => {
    // Locked until the step commits: sign-off steps of one review, and answers saved to it, take turns.
    const review = await ctx.reviews.getToWrite(input.reviewId);
    if (!review) throw new VettedError('not_found', `No review with id ${input.reviewId}.`);
    if ((await ctx.reviews.latest(review.vendorId))?.id !== review.id) {
      throw new VettedError('conflict', 'This is an earlier review of the provider, kept as history; only its latest review goes through sign-off.');
    }
    if (!canTransition(review.status, input.to)) {
      throw new VettedError('conflict', `A review that is ${label(review.status)} cannot be moved to ${label(input.to)}.`);
    }
    const by = (input.by ?? (await ctx.settings.get()).userName).trim();
    if (!by) {
      const message = 'say who signs this step (or set your name in Settings)';
      throw new VettedError('validation', `by: ${message}`, [{ path: 'by', message }]);
    }
    const note = (input.note ?? '').trim();
    if (noteRequired(input.to) && !note) {
      const message = input.to === 'rejected' ? 'say why the review is rejected' : 'write down the conditions';
      throw new VettedError('validation', `note: ${message}`, [{ path: 'note', message }]);
    }
    if (isApproval(input.to)) await holdToSeparationOfDuties(ctx, review.id, by);
    const stamp = ctx.now().toISOString();
    let snapshot: ReviewSnapshot | null = null;
    if (isDecision(input.to)) {
      const { answers, score } = await liveScore(ctx, review);
      if (isApproval(input.to) && score.state !== 'scored') {
        throw new VettedError('conflict', `Approving needs a review that gets a tier: ${score.blockers.join(' ')}`);
      }
      snapshot = { templateId: review.templateId, templateVersion: review.templateVersion, answers, score, frozenAt: stamp };
    }
    const step: ReviewStep = { reviewId: review.id, from: review.status, to: input.to, by, at: stamp, note };
    await ctx.steps.move(step, snapshot);
    if (isApproval(input.to) && input.activateProvider !== false) await activateIfProposed(ctx, review.vendorId, stamp, by);
    return detail(ctx, (await ctx.reviews.get(review.id))!);
  });
}

/**
 * With separation of duties on (Settings), whoever submitted the review for approval (its latest
 * step into "in review") cannot approve it: neither as the name signing the approval nor as the
 * user whose name the app records (the audit trail's actor), so `--by` cannot pass one's own
 * submission off as someone else's approval. Vetted has no log-in: this holds people to the rule,
 * it does not authenticate them (docs/lifecycle.md).
 */
async function holdToSeparationOfDuties(ctx: Context, reviewId: string, by: string): Promise<void> {
  const settings = await ctx.settings.get();
  if (!settings.separationOfDuties) return;
  const submitted = [...await ctx.steps.steps(reviewId)].reverse().find((step) => step.to === 'in_review');
  if (!submitted) return;
  // The submitter is both the name the step was signed with and the app user who made it: a
  // submission signed "--by someone else" is still its maker's.
  const maker = await ctx.audit.makerOfReviewStatus(reviewId, 'in_review');
  if (maker === null) {
    // Submitted in another register (it came in with an import): who did it is only the file's
    // word, and a file can name anyone. Submitted again here, it is known.
    const message =
      'separation of duties is on (Settings): this review was submitted for approval in another register and came in with an import, ' +
      'so this register does not know who submitted it; send it back to draft and submit it again here, then someone else approves';
    throw new VettedError('validation', `S${message.slice(1)}.`, [{ path: 'separationOfDuties', message }]);
  }
  if (!(await submittedBySamePerson(ctx, by, settings.userName, submitted.by, maker))) return;
  const message =
    `separation of duties is on (Settings): ${submitted.by} submitted this review for approval and cannot approve it; ` +
    (ctx.sql.dialect === 'postgres' ? 'another member must, signed in as themselves' : 'someone else must, under their own name in Settings');
  // Named after the rule, not the "by" field: the decision dialog shows a "by" problem as a missing name.
  throw new VettedError('validation', `S${message.slice(1)}.`, [{ path: 'separationOfDuties', message }]);
}

/**
 * Whether the one approving is the one who submitted. On a file: any of the names (the one signing
 * the approval, the user name in Settings) is the submitter's (the step's signature, the trail's
 * actor). On a team register the self-declared name is the register's one setting, the same for
 * everyone, so people are told apart by the database role the server recorded for the submission
 * (the database holds the same rule: roles.ts), and by the names signed on the two steps.
 */
async function submittedBySamePerson(
  ctx: Context,
  by: string,
  userName: string,
  signedSubmission: string,
  maker: { actor: string; dbUser: string | null },
): Promise<boolean> {
  if (ctx.sql.dialect !== 'postgres') {
    return [by, userName].some((name) => [signedSubmission, maker.actor].some((submitter) => samePerson(name, submitter)));
  }
  if (maker.dbUser === null) {
    const message =
      'separation of duties is on (Settings): this review was submitted for approval before the register moved to the team server, ' +
      'so the server does not know which member submitted it; send it back to draft and submit it again, then someone else approves';
    throw new VettedError('validation', `S${message.slice(1)}.`, [{ path: 'separationOfDuties', message }]);
  }
  const me = await ctx.sql.get<{ role: string }>('SELECT session_user AS role');
  return maker.dbUser === me?.role || samePerson(by, signedSubmission);
}

/**
 * An approved provider is in use unless the person approving says otherwise: a proposed one becomes
 * active (the audit trail records the change, in the name of whoever signed the approval, not the
 * user name in Settings). A retired one stays retired: approving a review of it does not bring it back.
 */
async function activateIfProposed(ctx: Context, vendorId: string, stamp: string, signer: string): Promise<void> {
  const vendor = await getVendor(ctx, vendorId);
  if (vendor.status !== 'proposed') return;
  await writeAsActor(ctx.sql.dialect === 'sqlite' ? ctx.db : null, ctx.sql, signer, () => ctx.vendors.update({ ...vendor, status: 'active', updatedAt: stamp }));
}

/** Every review of a provider, newest first: decided ones with the score frozen at the decision. */
export async function reviewHistory(ctx: Context, vendorId: string): Promise<ReviewHistoryEntry[]> {
  return await ctx.read(async (ctx) => {
    await getVendor(ctx, vendorId);
    const steps = await ctx.steps.stepsByReview(vendorId);
    return mapInOrder(await ctx.reviews.ofVendor(vendorId), (review) => historyEntry(ctx, review, steps.get(review.id) ?? []));
  });
}

async function historyEntry(ctx: Context, review: Review, steps: ReviewStep[]): Promise<ReviewHistoryEntry> {
  const snapshot = await ctx.steps.snapshot(review.id);
  const score = snapshot?.score ?? (await liveScore(ctx, review)).score;
  return {
    review,
    steps,
    score: score.overall,
    tier: score.tier,
    completion: score.completion,
    frozen: snapshot !== null,
    dueOverride: await ctx.steps.dueOverride(review.id),
  };
}

/** Sets the next-review date of an approved review by hand (null returns to the tier's rule). */
export async function setReviewDue(ctx: Context, input: { reviewId: string; due: string | null }): Promise<ReviewHistoryEntry> {
  return await ctx.write(async (ctx) => {
    const review = await ctx.reviews.get(input.reviewId);
    if (!review) throw new VettedError('not_found', `No review with id ${input.reviewId}.`);
    if (!isApproval(review.status)) {
      throw new VettedError('conflict', `The review is ${label(review.status)}; the next-review date belongs to an approved review.`);
    }
    await ctx.steps.setDueOverride(review.id, input.due);
    return historyEntry(ctx, review, await ctx.steps.steps(review.id));
  });
}
