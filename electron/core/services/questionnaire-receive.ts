// The vendor questionnaire back: an answers file read, checked, compared and (what is accepted) taken.
import type { ParsedInputOf } from '../../../shared/api';
import type { Answer, AnswerMap } from '../../../shared/domain/review';
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { AnsweredBy, QuestionnaireReceipt, ReceiveRejection, ReceiveRow, ScoreBrief } from '../../../shared/domain/vendor-exchange';
import { AnswersFileError, parseAnswersText } from '../../../shared/exchange/answers-file';
import { AcceptError, countReceipt, diffProviderAnswers, resolveAccept, withProviderAnswers, type HeldAnswer } from '../../../shared/exchange/receive-diff';
import { VettedError } from '../../../shared/result';
import { scoreReview } from '../../../shared/scoring';
import type { Context } from '../context';
import { receiveSource, type ReceiveSource } from './questionnaire-receive-source';
import { startReview } from './reviews';

type ReceiveInput = ParsedInputOf<'questionnaire.receive'>;

function parse(input: ReceiveInput) {
  try {
    return parseAnswersText(input.text);
  } catch (e) {
    if (!(e instanceof AnswersFileError)) throw e;
    throw new VettedError('validation', `${input.fileName}: ${e.path}: ${e.message}`, [{ path: 'text', message: `${e.path}: ${e.message}` }]);
  }
}

function acceptedIds(rows: readonly ReceiveRow[], rejected: readonly ReceiveRejection[], accept: ReceiveInput['accept']): string[] {
  try {
    return resolveAccept(rows, accept ?? 'none', rejected);
  } catch (e) {
    if (!(e instanceof AcceptError)) throw e;
    throw new VettedError('validation', `accept: ${e.message}`, [{ path: 'accept', message: e.message }]);
  }
}

function brief(template: Template, answers: AnswerMap, vendor: Vendor): ScoreBrief {
  const score = scoreReview(template, answers, vendor);
  return { overall: score.overall, residual: score.residual, completion: score.completion };
}

/**
 * The answers the score "after" counts: those taken; in a dry run those that would be — the ones
 * named, or every acceptable one when none or all are named (what a reviewer previews).
 */
function scoredAfter(rows: readonly ReceiveRow[], accept: ReceiveInput['accept'], named: string[], taken: string[], dryRun: boolean): string[] {
  if (!dryRun) return taken;
  if (accept === undefined || accept === 'none' || accept === 'all') return rows.filter((r) => r.acceptable).map((r) => r.questionId);
  return named;
}

export async function receiveAnswers(ctx: Context, input: ReceiveInput): Promise<QuestionnaireReceipt> {
  const parsed = parse(input);
  // One transaction, so the diff shown is the diff taken: immediate when it may write; a dry run
  // only reads, and does not hold the write lock against the app or the CLI meanwhile.
  const receive = async (ctx: Context) => {
      const source = await receiveSource(ctx, input, parsed);
      const { template, held } = source.target;
      const heldMap = new Map<string, HeldAnswer>([...held.values()].map((a) => [a.questionId, { value: a.value, na: a.na, providerComment: a.providerComment ?? '' }]));
      // The diff also leaves out what the register could not take even if accepted (N/A where not
      // allowed or without a reason, a figure kept in the provider profile), so every row can be taken.
      const checked = diffProviderAnswers(template, heldMap, source.answers);
      const rejected = [...source.rejected, ...checked.rejected];
      const named = acceptedIds(checked.rows, checked.rejected, input.accept);
      const dryRun = input.dryRun === true;
      const taken = dryRun ? [] : named;
      const afterIds = new Set(scoredAfter(checked.rows, input.accept, named, taken, dryRun));
      // Never null here: the template and the provider are always at hand, so both can be scored.
      const score = {
        before: brief(template, withProviderAnswers(heldMap, []), source.vendor),
        after: brief(template, withProviderAnswers(heldMap, checked.rows.filter((r) => afterIds.has(r.questionId))), source.vendor),
      };
      let reviewId = source.target.open?.id ?? null;
      if (taken.length > 0) reviewId = await take(ctx, source, checked.rows, new Set(taken));
      const rows = checked.rows.map((r) => ({ ...r, accepted: taken.includes(r.questionId) }));
      return {
        format: source.format,
        dryRun,
        fileName: input.fileName,
        request: source.request ? { ...source.request, ...(await ctx.requests.get(source.request.id) ?? {}), vendorName: source.vendor.name } : null,
        vendor: { id: source.vendor.id, name: source.vendor.name },
        contact: source.contact,
        respondent: source.respondent,
        digest: source.digest,
        review: { id: reviewId, templateId: template.id, templateVersion: template.version, starts: source.target.open === null },
        moved: source.moved,
        rows,
        rejected,
        counts: countReceipt(rows, rejected, taken),
        accepted: taken,
        score,
      };
    };
  return input.dryRun === true ? await ctx.read(receive) : await ctx.write(receive);
}

/**
 * Writes the accepted answers (starting the review when none is open) and marks the request
 * received. The reviewer's comment stays as it is; the provider's comment and provenance go with
 * the answer, so the audit trail shows it answered by the provider and accepted by the reviewer.
 */
async function take(ctx: Context, source: ReceiveSource, rows: readonly ReceiveRow[], ids: ReadonlySet<string>): Promise<string> {
  let reviewId = source.target.open?.id;
  if (reviewId === undefined) {
    const started = (await startReview(ctx, { vendorId: source.vendor.id })).review;
    if (started.templateId !== source.target.template.id || started.templateVersion !== source.target.template.version) {
      throw new VettedError('internal', `The review started is on ${started.templateId} v${started.templateVersion}, not the template the answers were compared with.`);
    }
    reviewId = started.id;
  }
  const receivedAt = ctx.now().toISOString();
  const answeredBy: AnsweredBy = {
    format: source.format,
    requestId: source.request?.id ?? null,
    contact: source.contact,
    respondent: source.respondent,
    fileSha256: source.digest.stated ?? source.digest.computed,
    receivedAt,
  };
  for (const row of rows) {
    if (!ids.has(row.questionId)) continue;
    const stored = await ctx.reviews.answer(reviewId, row.questionId);
    // An answer the provider left empty, or gave as it is held, only brings their comment: the value
    // held stays, and so does whose it is (a reviewer's value does not become the provider's).
    const keepsValue = row.change === 'empty' || row.change === 'unchanged';
    const answer: Answer = {
      questionId: row.questionId,
      value: keepsValue ? (stored?.value ?? null) : row.given.value,
      na: keepsValue ? (stored?.na ?? false) : row.given.na,
      comment: stored?.comment ?? '',
      updatedAt: receivedAt,
    };
    if (stored?.confidential) answer.confidential = true;
    if (row.comment !== '') answer.providerComment = row.comment;
    const provenance = keepsValue ? stored?.answeredBy : answeredBy;
    if (provenance) answer.answeredBy = provenance;
    await ctx.reviews.saveAnswer(reviewId, answer);
  }
  if (source.request) await ctx.requests.markReceived(source.request.id, receivedAt, answeredBy.fileSha256);
  return reviewId;
}
