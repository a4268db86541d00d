// Where an answers file goes, checked before anything is compared: a Vetted file's digest, request,
// provider and template; a VSAQ file's provider and items. Every refusal names what did not match.
import type { ParsedInputOf } from '../../../shared/api';
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { AnswersFile, ProviderAnswer, ReceiveRejection } from '../../../shared/domain/vendor-exchange';
import type { ParsedAnswers } from '../../../shared/exchange/answers-file';
import { vsaqToProviderAnswers } from '../../../shared/exchange/vsaq-answers';
import { toSentTemplate } from '../../../shared/exchange/sent-template';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import type { StoredRequest } from '../repositories/questionnaire-requests';
import { questionnaireTarget, type QuestionnaireTarget } from './questionnaire-target';
import { getVendor } from './vendor-lookup';

type ReceiveInput = ParsedInputOf<'questionnaire.receive'>;

export interface ReceiveSource {
  format: 'vetted' | 'vsaq';
  vendor: Vendor;
  request: StoredRequest | null;
  contact: string | null;
  respondent: string | null;
  digest: { stated: string | null; computed: string };
  target: QuestionnaireTarget;
  moved: { fromVersion: number; toVersion: number } | null;
  answers: ProviderAnswer[];
  /** Left out before the diff (a VSAQ item that is no question of the template). */
  rejected: ReceiveRejection[];
}

function invalid(path: string, message: string): VettedError {
  return new VettedError('validation', `${path}: ${message}`, [{ path, message }]);
}

const templateName = (t: { id: string; version: number }) => `${t.id} v${t.version}`;

export async function receiveSource(ctx: Context, input: ReceiveInput, parsed: ParsedAnswers): Promise<ReceiveSource> {
  const source = parsed.format === 'vetted' ? await vettedSource(ctx, input, parsed.file, parsed.computedSha256) : await vsaqSource(ctx, input, parsed.items, parsed.computedSha256);
  checkQuotedDigest(input, source.digest.stated ?? source.digest.computed);
  return source;
}

/**
 * The digest the provider quoted in their e-mail, when the reviewer gives it: the one check that
 * the file is the one they saved (the digest a file states, anyone who edits it can recompute).
 */
function checkQuotedDigest(input: ReceiveInput, digest: string): void {
  if (input.expectSha256 === undefined) return;
  const quoted = input.expectSha256.trim().toLowerCase();
  if (quoted !== digest) {
    throw invalid(
      'expectSha256',
      `the file's digest ${digest} is not the one the provider quoted (${quoted}): it is not the file they saved, or the digest was copied wrong. Nothing was taken.`,
    );
  }
}

async function vettedSource(ctx: Context, input: ReceiveInput, file: AnswersFile, computed: string): Promise<ReceiveSource> {
  if (file.sha256 !== computed) {
    throw invalid(
      'text',
      `the file was changed after it was saved: its digest ${file.sha256} does not match its content (${computed}). Ask the provider for the file as the page saved it.`,
    );
  }
  const request = await ctx.requests.get(file.requestId);
  if (!request) throw new VettedError('not_found', `no questionnaire with request id ${file.requestId} was sent from this register`, [{ path: 'text', message: 'unknown request id' }]);
  const vendor = await getVendor(ctx, request.vendorId);
  if (input.vendorId !== undefined && input.vendorId !== vendor.id) {
    const other = await ctx.vendors.get(input.vendorId);
    throw invalid('vendorId', `this file answers the questionnaire sent to ${vendor.name}, not ${other?.name ?? input.vendorId}`);
  }
  if (file.vendor.id !== vendor.id) {
    throw invalid('text', `this file answers the questionnaire sent to ${file.vendor.name || file.vendor.id}, not ${vendor.name} (request ${request.id} was sent to ${vendor.name})`);
  }
  const sent = { id: request.templateId, version: request.templateVersion, hash: request.templateHash };
  if (file.template.id !== sent.id || file.template.version !== sent.version || file.template.hash !== sent.hash) {
    throw invalid(
      'text',
      `the file names template ${templateName(file.template)} (hash ${file.template.hash.slice(0, 12)}…) but request ${request.id} was sent with ${templateName(sent)} (hash ${sent.hash.slice(0, 12)}…): it was changed, or it is not the answers to this questionnaire`,
    );
  }
  const target = await questionnaireTarget(ctx, vendor);
  const where = target.open ? `the open review of ${vendor.name} is` : `a new review of ${vendor.name} would be`;
  if (target.template.id !== sent.id) {
    throw new VettedError(
      'conflict',
      `${where} on template ${templateName(target.template)}, but this questionnaire was sent on ${templateName(sent)}: the answers do not belong to its questions. Decide or move the review first, or send a new questionnaire.`,
    );
  }
  let moved: ReceiveSource['moved'] = null;
  if (target.template.version !== sent.version) {
    if (input.moveToCurrent !== true && !await sameAsSent(ctx, target.template, sent)) {
      throw invalid(
        'moveToCurrent',
        `this file is for version ${sent.version} of template ${sent.id}, but ${where} on version ${target.template.version}: receive it with moveToCurrent (CLI --move-to-current) to carry the answers that still fit, like moving a review to a new template version; the rest are listed`,
      );
    }
    moved = { fromVersion: sent.version, toVersion: target.template.version };
  }
  return {
    format: 'vetted',
    vendor,
    request,
    contact: request.contact,
    respondent: file.respondent.trim() === '' ? null : file.respondent.trim(),
    digest: { stated: file.sha256, computed },
    target,
    moved,
    answers: file.answers,
    rejected: [],
  };
}

async function vsaqSource(ctx: Context, input: ReceiveInput, items: Record<string, string>, computed: string): Promise<ReceiveSource> {
  if (input.vendorId === undefined) throw invalid('vendorId', 'a VSAQ answers file names no provider: say which one');
  const vendor = await getVendor(ctx, input.vendorId);
  const target = await questionnaireTarget(ctx, vendor);
  const { answers, rejected } = vsaqToProviderAnswers(items, target.template);
  if (answers.length === 0) {
    const n = Object.keys(items).length;
    throw invalid('text', `none of the ${n} items in this file is a question of template ${describe(target.template)}: is it a VSAQ answers file for this questionnaire?`);
  }
  return { format: 'vsaq', vendor, request: null, contact: null, respondent: null, digest: { stated: null, computed }, target, moved: null, answers, rejected };
}

const describe = (t: Template) => `“${t.name}” (${templateName(t)})`;

/**
 * The provider saw exactly what the current version asks: a newer version that changed only what
 * is never sent (scores, weights, plausible ranges: the built-in template's v4 over v3) takes the
 * answers as they are, without asking to move them.
 */
async function sameAsSent(ctx: Context, current: Template, sent: { id: string; version: number }): Promise<boolean> {
  const old = (await ctx.templates.get(sent.id, sent.version))?.template;
  if (!old) return false;
  const shown = (t: Template) => JSON.stringify({ ...toSentTemplate(t), version: 0 });
  return shown(old) === shown(current);
}
