// Which review a questionnaire is about, for both directions: the provider's open review, else the
// review review.start would begin (its template by templateForNewReview, its answers carried over
// from the latest review on the same template, as startReview carries them). One rule, so the page
// sent, the diff shown and the review the answers land in always agree.
import { checkAnswerValue } from '../../../shared/domain/answers';
import type { Answer, Review } from '../../../shared/domain/review';
import { questionIndex, type Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import { isOpenStatus } from '../../../shared/domain/workflow';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { templateForNewReview } from './template-choice';

export interface QuestionnaireTarget {
  template: Template;
  /** The provider's open review; null when answers would start a new one. */
  open: Review | null;
  /** The review whose answers are held: the open one, else the latest on the same template (carried); null for none. */
  heldFrom: Review | null;
  /** The answers held, keyed by question id, as stored (a confidential comment stays sealed: never read here). */
  held: Map<string, Answer>;
}

export async function questionnaireTarget(ctx: Context, vendor: Vendor): Promise<QuestionnaireTarget> {
  const latest = await ctx.reviews.latest(vendor.id);
  if (latest && isOpenStatus(latest.status)) {
    const stored = await ctx.templates.get(latest.templateId, latest.templateVersion);
    if (!stored) throw new VettedError('not_found', `Template ${latest.templateId} v${latest.templateVersion} is missing from the register.`);
    const held = await ctx.reviews.answers(latest.id);
    return { template: stored.template, open: latest, heldFrom: latest, held: new Map(held.map((a) => [a.questionId, a])) };
  }
  const { template } = await templateForNewReview(ctx, vendor);
  if (!latest || latest.templateId !== template.id) return { template, open: null, heldFrom: null, held: new Map() };
  // What startReview carries: the answers whose question is still there and whose value still fits.
  const questions = questionIndex(template);
  const carried = (await ctx.reviews.answers(latest.id)).filter((a) => {
    const found = questions.get(a.questionId);
    return found !== undefined && checkAnswerValue(found.question, a.value) === null;
  });
  return { template, open: null, heldFrom: latest, held: new Map(carried.map((a) => [a.questionId, a])) };
}
