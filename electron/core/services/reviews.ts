import type { NewReviewTemplate, ReviewDetail, ReviewMigration } from '../../../shared/api';
import { checkAnswerValue, normalizeAnswerValue } from '../../../shared/domain/answers';
import type { Answer, AnswerValue, Review, SavedAnswer } from '../../../shared/domain/review';
import { questionIndex, type Template } from '../../../shared/domain/template';
import { isOpenStatus } from '../../../shared/domain/workflow';
import { REVIEW_STATUS_LABELS } from '../../../shared/domain/labels';
import { VettedError } from '../../../shared/result';
import { profileHeldFigure } from '../../../shared/templates/profile-held';
import type { Context } from '../context';
import type { AnswerVersion } from '../repositories/reviews';
import { revealAnswers, sealComment } from './confidential';
import { templateForNewReview } from './template-choice';
import { getVendor } from './vendor-lookup';

async function templateOf(ctx: Context, review: Review) {
  const stored = await ctx.templates.get(review.templateId, review.templateVersion);
  if (!stored) {
    throw new VettedError('not_found', `Template ${review.templateId} v${review.templateVersion} is missing from the register.`);
  }
  return stored.template;
}

/** The newest stored version of the review's template (at least the review's own). */
async function latestVersionOf(ctx: Context, review: Review): Promise<number> {
  return Math.max(review.templateVersion, (await ctx.templates.get(review.templateId))?.template.version ?? 0);
}

export async function detail(ctx: Context, review: Review): Promise<ReviewDetail> {
  return {
    review,
    answers: await revealAnswers(ctx, review.vendorId, await ctx.reviews.answers(review.id)),
    template: await templateOf(ctx, review),
    latestVersion: await latestVersionOf(ctx, review),
    steps: await ctx.steps.steps(review.id),
    frozenScore: isOpenStatus(review.status) ? null : await ctx.steps.frozenScore(review.id),
    versions: await ctx.reviews.answerVersions(review.id),
  };
}

/** The newest version of the review's template when it is newer than the review's, else null ("Move to version N"). */
export async function newerTemplateVersion(ctx: Context, review: Review): Promise<number | null> {
  const latest = await latestVersionOf(ctx, review);
  return latest > review.templateVersion ? latest : null;
}

/**
 * Copies the answers of one review into another on `template`: each answer whose question is in
 * it and whose value still fits (comment and na with it); the rest are returned as unmatched.
 */
async function carryAnswers(ctx: Context, fromReviewId: string, toReviewId: string, template: Template, stamp: string): Promise<Pick<ReviewMigration, 'carried' | 'unmatched'>> {
  const questions = questionIndex(template);
  const carried: string[] = [];
  const unmatched: ReviewMigration['unmatched'] = [];
  const answers = [...await ctx.reviews.answers(fromReviewId)].sort((a, b) => a.questionId.localeCompare(b.questionId));
  for (const answer of answers) {
    const found = questions.get(answer.questionId);
    if (!found) {
      unmatched.push({ questionId: answer.questionId, reason: `the question is not in v${template.version}` });
      continue;
    }
    const problem = checkAnswerValue(found.question, answer.value);
    if (problem) {
      unmatched.push({ questionId: answer.questionId, reason: `the answer no longer fits the question: ${problem}` });
      continue;
    }
    await ctx.reviews.putAnswer(toReviewId, { ...answer, updatedAt: stamp });
    carried.push(answer.questionId);
  }
  return { carried, unmatched };
}

/**
 * Starts a review on the newest version of a template, chosen by templateForNewReview (the one
 * named, else the latest review's, else the category default in Settings, else the built-in one) —
 * or, when the provider's latest review is still open, returns that one. Idempotent on purpose: the
 * app, a second window and the CLI may all "start" at once, and a second review would hide the
 * answers saved to the first. Naming another template while a review is open is a conflict (the
 * open one would be left behind, never decided). After a decision, a new review on the same
 * template begins from the decided review's answers (reassessment changes what changed, it does
 * not start from nothing); one on another template begins empty.
 */
export async function startReview(ctx: Context, input: { vendorId: string; templateId?: string; reviewer?: string }): Promise<ReviewDetail> {
  return await ctx.write(async (ctx) => {
    // Locked: two starts at once on a team register would otherwise both find no open review.
    await ctx.vendors.getToWrite(input.vendorId);
    const vendor = await getVendor(ctx, input.vendorId);
    const latest = await ctx.reviews.latest(input.vendorId);
    if (latest && isOpenStatus(latest.status)) {
      if (input.templateId === undefined || input.templateId === latest.templateId) return detail(ctx, latest);
      await refuseWhileOpen(ctx, vendor.name, latest, (await templateForNewReview(ctx, vendor, input.templateId)).template);
    }
    const { template } = await templateForNewReview(ctx, vendor, input.templateId);
    const stamp = ctx.now().toISOString();
    const review: Review = {
      id: ctx.newId(),
      vendorId: input.vendorId,
      templateId: template.id,
      templateVersion: template.version,
      status: 'draft',
      reviewer: input.reviewer ?? (await ctx.settings.get()).userName,
      startedAt: stamp,
      updatedAt: stamp,
      completedAt: null,
    };
    await ctx.reviews.insert(review);
    if (latest && latest.templateId === template.id) await carryAnswers(ctx, latest.id, review.id, template, stamp);
    return detail(ctx, review);
  });
}

/** A review on another template while one is open: refused, naming both. */
async function refuseWhileOpen(ctx: Context, vendorName: string, open: Review, wanted: Template): Promise<never> {
  const current = (await ctx.templates.get(open.templateId, open.templateVersion))?.template;
  const on = current ? `“${current.name}” (${open.templateId} v${open.templateVersion})` : `${open.templateId} v${open.templateVersion}`;
  const message =
    `${vendorName} already has an open review (${REVIEW_STATUS_LABELS[open.status].toLowerCase()}) on ${on}: ` +
    `decide it before starting one on “${wanted.name}” (${wanted.id}).`;
  throw new VettedError('conflict', message, [{ path: 'templateId', message }]);
}

/** The template review.start would use for the provider now, without starting anything. */
export async function reviewTemplateFor(ctx: Context, input: { vendorId: string; templateId?: string }): Promise<NewReviewTemplate> {
  return await templateForNewReview(ctx, await getVendor(ctx, input.vendorId), input.templateId);
}

export async function currentReview(ctx: Context, vendorId: string): Promise<ReviewDetail | null> {
  // One snapshot: answers and their versions read apart could pair an old answer with a newer
  // version, and a save made on that version would overwrite a change its writer never saw.
  return ctx.read(async (ctx) => {
    await getVendor(ctx, vendorId);
    const review = await ctx.reviews.latest(vendorId);
    return review ? await detail(ctx, review) : null;
  });
}

export interface SaveAnswerInput {
  reviewId: string;
  questionId: string;
  value?: AnswerValue;
  comment?: string;
  na?: boolean;
  /** Mark the comment confidential (stored encrypted) or not; omitted keeps the mark. */
  confidential?: boolean;
  /** The answer's version the change was made on (0: none); omitted, no check. */
  basedOn?: number;
}

/**
 * The comment to store: sealed when confidential. A confidential comment left untouched stays
 * sealed as it is, so values and N/A can be saved while the key is locked; changing the comment or
 * its mark needs the key (a clear 'locked' error otherwise).
 */
async function storedComment(ctx: Context, vendorId: string, input: SaveAnswerInput, stored: Answer | undefined): Promise<{ comment: string; confidential: boolean }> {
  const wasConfidential = stored?.confidential ?? false;
  const confidential = input.confidential ?? wasConfidential;
  if (input.comment === undefined && confidential === wasConfidential) return { comment: stored?.comment ?? '', confidential };
  let plain = input.comment;
  if (plain === undefined) {
    // The mark changes, the text stays: open the old text (or take it as it was, if it was plain).
    plain = wasConfidential ? ((await revealAnswers(ctx, vendorId, [stored!]))[0]!.comment ?? '') : (stored?.comment ?? '');
    if (wasConfidential && stored!.comment !== '' && await ctx.keys.readKey() === null) {
      throw new VettedError('locked', `The comment is confidential and locked: ${(await ctx.keys.status()).problem ?? 'no key is available'}`);
    }
  }
  return { comment: confidential ? await sealComment(ctx, vendorId, input.questionId, plain) : plain, confidential };
}

/**
 * An older template version's fee or build-effort question: the profile holds that figure now,
 * and a second copy in the answers is what once let a report contradict itself.
 */
function refuseProfileHeld(review: Review, questionId: string): void {
  const figure = profileHeldFigure(review.templateId, questionId);
  if (!figure) return;
  const message = `${questionId} is kept in the provider profile now: change the ${figure === 'fee' ? 'fee' : 'build effort'} there (or move the review to the newest template version)`;
  throw new VettedError('validation', `questionId: ${message}`, [{ path: 'questionId', message }]);
}

/** One answer, one transaction. Fields left out keep their stored value. */
export async function saveAnswer(ctx: Context, input: SaveAnswerInput): Promise<SavedAnswer> {
  return await ctx.write(async (ctx) => {
    const review = await ctx.reviews.getToWrite(input.reviewId);
    if (!review) throw new VettedError('not_found', `No review with id ${input.reviewId}.`);
    if (!isOpenStatus(review.status)) {
      throw new VettedError(
        'conflict',
        `This review is ${REVIEW_STATUS_LABELS[review.status].toLowerCase()}: its answers are frozen. Start a new review (it begins from these answers) to change them.`,
      );
    }
    const found = questionIndex(await templateOf(ctx, review)).get(input.questionId);
    if (!found) {
      throw new VettedError('not_found', `Question ${input.questionId} is not in template ${review.templateId} v${review.templateVersion}.`, [
        { path: 'questionId', message: 'unknown question' },
      ]);
    }
    refuseProfileHeld(review, input.questionId);
    const value = input.value === undefined ? undefined : normalizeAnswerValue(input.value);
    if (value !== undefined) {
      const problem = checkAnswerValue(found.question, value);
      if (problem) {
        throw new VettedError('validation', `value: ${problem} (question ${input.questionId})`, [{ path: 'value', message: problem }]);
      }
    }
    const held = await ctx.reviews.storedAnswer(review.id, input.questionId);
    const stored = held?.answer;
    const current = held?.version;
    if (input.basedOn !== undefined) {
      if ((current?.version ?? 0) !== input.basedOn) {
        // Sent again after its answer was lost on the way (or the same change made twice): nothing to refuse.
        if (stored && current && await holdsAlready(ctx, review.vendorId, stored, input, value)) return { ...(await revealAnswers(ctx, review.vendorId, [stored]))[0]!, version: current.version };
        throw changedSince(input.questionId, current);
      }
    }
    if (input.na === true && found.question.allowNa !== true) {
      const message = `question ${input.questionId} does not allow N/A: answer it (an option may say it does not apply), or say why in the comment`;
      throw new VettedError('validation', `na: ${message}`, [{ path: 'na', message }]);
    }
    const { comment, confidential } = await storedComment(ctx, review.vendorId, input, stored);
    // The provider's own comment on an N/A they gave is a reason too (it stays theirs, apart from the reviewer's).
    const providerReason = stored?.providerComment?.trim() ?? '';
    if (input.na === true && comment.trim() === '' && !confidential && providerReason === '') {
      const message = `say why question ${input.questionId} does not apply (N/A needs a reason)`;
      throw new VettedError('validation', `comment: ${message}`, [{ path: 'comment', message }]);
    }
    const answer: Answer = {
      questionId: input.questionId,
      value: value !== undefined ? value : (stored?.value ?? null),
      comment,
      na: input.na ?? stored?.na ?? false,
      updatedAt: ctx.now().toISOString(),
    };
    if (confidential) answer.confidential = true;
    // The provider's comment is theirs: never changed here. Their provenance stays while the value
    // and N/A are still what they gave; a reviewer's change makes the answer the reviewer's.
    if (stored?.providerComment) answer.providerComment = stored.providerComment;
    const sameAnswer = stored !== undefined && JSON.stringify(stored.value) === JSON.stringify(answer.value) && stored.na === answer.na;
    if (stored?.answeredBy && sameAnswer) answer.answeredBy = stored.answeredBy;
    const version = await ctx.reviews.saveAnswer(review.id, answer);
    // The upsert counts the stored version up by one. More than one: on a team register another
    // reviewer's first save of this answer came in between (no row to lock when this one read).
    if (input.basedOn !== undefined && version !== (current?.version ?? 0) + 1) {
      throw new VettedError('conflict', `Someone saved this answer (${input.questionId}) at the same moment; yours was not saved.`, undefined, version - 1);
    }
    return { ...(await revealAnswers(ctx, review.vendorId, [answer]))[0]!, version };
  });
}

/** Whether the stored answer already holds every field this save would set (compared in clear text). */
async function holdsAlready(ctx: Context, vendorId: string, stored: Answer, input: SaveAnswerInput, value: AnswerValue | undefined): Promise<boolean> {
  if (value !== undefined && JSON.stringify(value) !== JSON.stringify(stored.value)) return false;
  if (input.na !== undefined && input.na !== stored.na) return false;
  if (input.confidential !== undefined && input.confidential !== (stored.confidential ?? false)) return false;
  if (input.comment === undefined) return true;
  const open = (await revealAnswers(ctx, vendorId, [stored]))[0]!;
  return !open.locked && open.comment === input.comment;
}

/** "Changed by X at T": the save was made on a version someone else has replaced since. */
function changedSince(questionId: string, current: AnswerVersion | undefined): VettedError {
  if (!current) {
    return new VettedError('conflict', `This answer (${questionId}) was removed after you opened it; yours was not saved.`, undefined, 0);
  }
  const who = current.updatedBy.trim() === '' ? 'Someone (no user name set)' : current.updatedBy;
  const when = current.updatedAt.replace('T', ' ').slice(0, 16) + ' UTC';
  return new VettedError(
    'conflict',
    `${who} changed this answer (${questionId}) at ${when}, after the version yours was made on; yours was not saved.`,
    undefined,
    current.version,
  );
}

/**
 * Moves an open review to a newer version of its template, in one transaction: a new draft review
 * (same reviewer) on that version gets every answer whose question still exists and whose value
 * still fits it (comment and na with it); the rest are listed as unmatched. The old review is kept
 * unchanged, as history.
 */
export async function migrateReview(ctx: Context, input: { reviewId: string; toVersion?: number }): Promise<ReviewMigration> {
  return await ctx.write(async (ctx) => {
    const old = await ctx.reviews.get(input.reviewId);
    if (!old) throw new VettedError('not_found', `No review with id ${input.reviewId}.`);
    if (!isOpenStatus(old.status)) {
      throw new VettedError('conflict', `The review is ${old.status}; only an open review (draft or in review) can move to another template version.`);
    }
    const target = input.toVersion === undefined ? await ctx.templates.get(old.templateId) : await ctx.templates.get(old.templateId, input.toVersion);
    if (!target) {
      throw new VettedError('not_found', `No template ${old.templateId} v${input.toVersion ?? '?'}.`, [{ path: 'toVersion', message: 'unknown version' }]);
    }
    const version = target.template.version;
    if (version <= old.templateVersion) {
      const message = `the review already uses ${old.templateId} v${old.templateVersion}; choose a newer version (got v${version})`;
      throw new VettedError('validation', `toVersion: ${message}`, [{ path: 'toVersion', message }]);
    }
    const stamp = ctx.now().toISOString();
    const review: Review = {
      id: ctx.newId(),
      vendorId: old.vendorId,
      templateId: old.templateId,
      templateVersion: version,
      status: 'draft',
      reviewer: old.reviewer,
      startedAt: stamp,
      updatedAt: stamp,
      completedAt: null,
    };
    await ctx.reviews.insert(review);
    const { carried, unmatched } = await carryAnswers(ctx, old.id, review.id, target.template, stamp);
    return { review: await detail(ctx, review), carried, unmatched };
  });
}
