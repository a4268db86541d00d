// The vendor questionnaire out: a request kept in the register, and the page that carries it.
import type { ParsedInputOf, QuestionnaireSent } from '../../../shared/api';
import type { PrefilledAnswer, QuestionnaireRequest, QuestionnaireRequestView } from '../../../shared/domain/vendor-exchange';
import { REQUEST_FORMAT } from '../../../shared/domain/vendor-exchange';
import { templateHash } from '../../../shared/exchange/digest';
import { toSentTemplate } from '../../../shared/exchange/sent-template';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { composeQuestionnairePage } from '../questionnaire-page';
import type { StoredRequest } from '../repositories/questionnaire-requests';
import { asFile, providerSlug } from './generated-file';
import { questionnaireTarget } from './questionnaire-target';
import { getVendor } from './vendor-lookup';

type SendInput = ParsedInputOf<'questionnaire.send'>;

/**
 * What the page will carry, read from the register (nothing written): the template of the
 * provider's open review (else the one a new review would use), and with `prefill` the answers held
 * — value and N/A, with the provider's own earlier comment; a reviewer's comment is never sent.
 */
export async function buildQuestionnaireRequest(ctx: Context, input: SendInput): Promise<QuestionnaireRequest> {
  const vendor = await getVendor(ctx, input.vendorId);
  const now = ctx.now();
  // The UTC date, like every instant the register stores: a due date before it is refused.
  const todayUtc = now.toISOString().slice(0, 10);
  if (input.due !== undefined && input.due < todayUtc) {
    const message = `${input.due} is before today (${todayUtc}): give a date the provider can still answer by`;
    throw new VettedError('validation', `due: ${message}`, [{ path: 'due', message }]);
  }
  const target = await questionnaireTarget(ctx, vendor);
  const prefill: PrefilledAnswer[] = [];
  if (input.prefill === true && target.heldFrom) {
    for (const answer of target.held.values()) {
      if (answer.value === null && !answer.na) continue;
      prefill.push({ questionId: answer.questionId, value: answer.value, na: answer.na, comment: answer.providerComment ?? '' });
    }
    prefill.sort((a, b) => a.questionId.localeCompare(b.questionId));
  }
  const from = target.heldFrom;
  const contact = input.contact?.trim() ?? '';
  return {
    format: REQUEST_FORMAT,
    requestId: ctx.newId(),
    vendor: { id: vendor.id, name: vendor.name },
    requestedBy: (await ctx.settings.get()).userName,
    contact: contact === '' ? null : contact,
    due: input.due ?? null,
    sentAt: now.toISOString(),
    template: toSentTemplate(target.template),
    templateHash: templateHash(target.template),
    prefill,
    prefilledFrom:
      prefill.length > 0 && from ? { date: (from.completedAt ?? from.updatedAt).slice(0, 10) } : null,
  };
}

function storedOf(request: QuestionnaireRequest): StoredRequest {
  return {
    id: request.requestId,
    vendorId: request.vendor.id,
    templateId: request.template.id,
    templateVersion: request.template.version,
    templateHash: request.templateHash,
    contact: request.contact,
    due: request.due,
    prefilled: request.prefill.length,
    sentAt: request.sentAt,
    sentBy: request.requestedBy,
    receivedAt: null,
    receivedSha256: null,
  };
}

/** `compose` is the page builder; tests of the register side pass their own (the page has its own tests). */
export async function sendQuestionnaire(ctx: Context, input: SendInput, compose: (request: QuestionnaireRequest) => string = composeQuestionnairePage): Promise<QuestionnaireSent> {
  return await ctx.write(async (ctx) => {
    const request = await buildQuestionnaireRequest(ctx, input);
    const stored = storedOf(request);
    await ctx.requests.insert(stored);
    // Composed inside the transaction: a page that cannot be made leaves no request behind.
    const html = compose(request);
    const fileName = `questionnaire-${providerSlug(request.vendor, await ctx.vendors.list())}-${request.sentAt.slice(0, 10)}.html`;
    return { ...asFile(fileName, Buffer.from(html, 'utf8'), [], 'text/html'), request: { ...stored, vendorName: request.vendor.name } };
  });
}

/** The questionnaires sent, newest first, with the provider's name. */
export async function listRequests(ctx: Context, input: ParsedInputOf<'questionnaire.requests'>): Promise<QuestionnaireRequestView[]> {
  if (input.vendorId !== undefined) {
    const vendor = await getVendor(ctx, input.vendorId);
    return (await ctx.requests.listByVendor(vendor.id)).map((r) => ({ ...r, vendorName: vendor.name }));
  }
  const names = new Map((await ctx.vendors.list()).map((v) => [v.id, v.name]));
  return (await ctx.requests.all()).map((r) => ({ ...r, vendorName: names.get(r.vendorId) ?? '' }));
}
