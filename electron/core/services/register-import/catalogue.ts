// The catalogue of a register import: templates, providers, reviews (with what their decisions
// froze) and answers. Providers are matched by id, then by name; everything of a provider attaches
// to the register's provider it was matched to.
import { mapInOrder } from '../../in-order';
import type { Answer, Review } from '../../../../shared/domain/review';
import type { Vendor } from '../../../../shared/domain/vendor';
import { canonicalJson, type ExportedReview, type ExportedVendor } from '../../../../shared/register/format';
import { commentAad } from '../confidential';
import type { SealedTransfer } from './sealed';
import { byText, order, type ImportState } from './state';

const vendorContent = (v: Vendor | ExportedVendor) => {
  const { id: _id, ...rest } = v;
  return canonicalJson(rest);
};
const answerContent = (a: Pick<Answer, 'value' | 'comment' | 'na' | 'updatedAt' | 'confidential' | 'providerComment' | 'answeredBy'>) =>
  canonicalJson({
    value: a.value,
    comment: a.comment,
    na: a.na,
    updatedAt: a.updatedAt,
    confidential: a.confidential ?? false,
    providerComment: a.providerComment ?? '',
    answeredBy: a.answeredBy ?? null,
  });

export async function importTemplates(s: ImportState): Promise<void> {
  const sorted = [...s.data.templates].sort((a, b) => byText(a.id, b.id) || a.version - b.version);
  for (const template of sorted) {
    const key = `${template.id}@${template.version}`;
    const stored = await s.ctx.templates.get(template.id, template.version);
    if (!stored) {
      // Never read back inside this transaction: the repository caches what it reads, and a
      // dry run rolls the row back.
      await s.ctx.templates.add(template, false, s.stamp);
      s.report.templates.added += 1;
      s.templateUsable.set(key, true);
    } else if (canonicalJson(stored.template) === canonicalJson(template)) {
      s.report.templates.unchanged += 1;
      s.templateUsable.set(key, true);
    } else {
      s.templateUsable.set(key, false);
      s.conflict(
        'template',
        key,
        `${template.name} v${template.version}`,
        'the register holds a different template under the same id and version; it was kept, and reviews using this version were not imported',
      );
    }
  }
}

export async function importVendors(s: ImportState): Promise<void> {
  const { vendors } = s.ctx;
  const fileIds = new Set(s.data.vendors.map((v) => v.id));
  type Plan = { file: ExportedVendor; local: Vendor | undefined; byName: boolean };
  const plans: Plan[] = await mapInOrder(
    [...s.data.vendors].sort((a, b) => byText(a.id, b.id)),
    async (file): Promise<Plan> => {
      const byId = await vendors.get(file.id);
      if (byId) return { file, local: byId, byName: false };
      // By name only when that provider is not itself in the file under its own id.
      const byName = await vendors.findByName(file.name);
      return byName && !fileIds.has(byName.id) ? { file, local: byName, byName: true } : { file, local: undefined, byName: false };
    },
  );
  for (const { file } of plans) s.vendorNames.set(file.id, file.name);

  // Updates before additions, so a provider renamed in the file frees its old name first.
  for (const { file, local, byName } of plans) {
    if (!local) continue;
    s.vendorIds.set(file.id, local.id);
    const matched = byName ? ` (matched by name to the register's "${local.name}")` : '';
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('vendor', file.id, local.name, s.newerReason(local.updatedAt, file.updatedAt) + matched);
    } else if (when === 'same-time') {
      if (vendorContent(local) === vendorContent(file)) s.report.vendors.unchanged += 1;
      else s.conflict('vendor', file.id, local.name, `same change time as the register's copy but different content; the register's was kept${matched}`);
    } else if (await nameTaken(s, file.name, local.id)) {
      s.conflict('vendor', file.id, file.name, `another provider in the register is already named "${file.name}"; the register's copy was kept${matched}`);
    } else {
      await vendors.update({ ...file, id: local.id });
      s.report.vendors.updated += 1;
    }
  }
  for (const { file, local } of plans) {
    if (local) continue;
    if (await nameTaken(s, file.name, file.id)) {
      s.vendorIds.set(file.id, null);
      s.conflict('vendor', file.id, file.name, `another provider in the register is already named "${file.name}"; this one and its reviews were not imported`);
      continue;
    }
    await vendors.insert(file);
    s.vendorIds.set(file.id, file.id);
    s.report.vendors.added += 1;
  }
}

async function nameTaken(s: ImportState, name: string, exceptId: string): Promise<boolean> {
  const other = await s.ctx.vendors.findByName(name);
  return other !== undefined && other.id !== exceptId;
}

/**
 * Reviews merge by id under the provider they were imported as, the newer change winning; what a
 * decision froze and the next-review date set by hand come with the review's own fields.
 */
export async function importReviews(s: ImportState, sealed: SealedTransfer): Promise<void> {
  const { reviews, steps } = s.ctx;
  const decisions = await steps.decisionRecords();
  for (const file of [...s.data.reviews].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorName(file.vendorId);
    const name = `${vendorName}: review started ${file.startedAt.slice(0, 10)}`;
    s.reviewVendorNames.set(file.id, vendorName);
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('review', file.id, name, `its provider "${vendorName}" was not imported, so neither was the review`);
      continue;
    }
    if (s.templateUsable.get(`${file.templateId}@${file.templateVersion}`) === false) {
      s.conflict('review', file.id, name, `it uses template ${file.templateId} v${file.templateVersion}, which differs from the register's copy`);
      continue;
    }
    const { snapshot: _snapshot, dueOverride, ...fields } = file;
    const mapped: Review = { ...fields, vendorId };
    s.reviewVendors.set(file.id, { fileVendorId: file.vendorId, vendorId });
    const take = async () => await steps.restoreDecision(file.id, await snapshotText(s, sealed, file, vendorId, name), dueOverride);
    const local = await reviews.get(file.id);
    if (!local) {
      await reviews.insert(mapped);
      await take();
      s.report.reviews.added += 1;
      s.reviewsImported.set(file.id, 'added');
      continue;
    }
    if (local.vendorId !== vendorId) {
      s.conflict('review', file.id, name, 'a review with this id belongs to another provider in the register; it was kept');
      continue;
    }
    if (local.templateId !== file.templateId || local.templateVersion !== file.templateVersion) {
      s.conflict('review', file.id, name, `the register's review with this id uses template ${local.templateId} v${local.templateVersion}; it was kept`);
      continue;
    }
    // The same review: its answers merge one by one, whatever happens to the review's own fields.
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.reviewsImported.set(file.id, 'kept');
      s.conflict('review', file.id, name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      const decision = decisions.get(file.id);
      const localSnapshot = decision?.snapshot ? (JSON.parse(decision.snapshot) as unknown) : null;
      const same =
        canonicalJson({ ...local, vendorId: '' }) === canonicalJson({ ...mapped, vendorId: '' }) &&
        canonicalJson(localSnapshot) === canonicalJson(file.snapshot) &&
        (decision?.dueOverride ?? null) === dueOverride;
      s.reviewsImported.set(file.id, same ? 'unchanged' : 'kept');
      if (same) s.report.reviews.unchanged += 1;
      else s.conflict('review', file.id, name, "same change time as the register's copy but different content; the register's was kept");
    } else {
      await reviews.update(mapped);
      await take();
      s.reviewsImported.set(file.id, 'updated');
      s.report.reviews.updated += 1;
    }
  }
}

/**
 * The snapshot's text to store: as the file has it, its confidential comments sealed again where
 * they land under another key or provider (or left out when they cannot be opened).
 */
async function snapshotText(s: ImportState, sealed: SealedTransfer, file: ExportedReview, vendorId: string, name: string): Promise<string | null> {
  if (file.snapshot === null) return null;
  const snapshot = file.snapshot as { answers: { questionId: string; comment: string; confidential?: boolean }[] };
  const answers = await mapInOrder(snapshot.answers, async (a) => {
    if (!a.confidential || a.comment === '') return a;
    const comment = await sealed.text(a.comment, {
      fileAad: commentAad(file.vendorId, a.questionId),
      localAad: commentAad(vendorId, a.questionId),
      id: `${file.id}/${a.questionId}`,
      name: `${name}, the comment on ${a.questionId} frozen at the decision`,
    });
    return comment === a.comment ? a : { ...a, comment: comment ?? '' };
  });
  return JSON.stringify({ ...snapshot, answers });
}

export async function importAnswers(s: ImportState, sealed: SealedTransfer): Promise<void> {
  const { reviews } = s.ctx;
  const sorted = [...s.data.answers].sort((a, b) => byText(a.reviewId, b.reviewId) || byText(a.questionId, b.questionId));
  for (const file of sorted) {
    const id = `${file.reviewId}/${file.questionId}`;
    const name = `${s.reviewVendorNames.get(file.reviewId) ?? file.reviewId}: ${file.questionId}`;
    const vendors = s.reviewVendors.get(file.reviewId);
    if (!s.reviewsImported.has(file.reviewId) || !vendors) {
      s.conflict('answer', id, name, 'its review was not imported');
      continue;
    }
    const answer: Answer = { questionId: file.questionId, value: file.value, comment: file.comment, na: file.na, updatedAt: file.updatedAt };
    if (file.commentConfidential) answer.confidential = true;
    if (file.providerComment) answer.providerComment = file.providerComment;
    if (file.answeredBy) answer.answeredBy = file.answeredBy;
    const fileAad = commentAad(vendors.fileVendorId, file.questionId);
    const localAad = commentAad(vendors.vendorId, file.questionId);
    /** The comment as it is to be stored here (sealed for its place), only once it is going to be written. */
    const stored = async (): Promise<Answer> => {
      if (!answer.confidential) return answer;
      const comment = await sealed.text(answer.comment, { fileAad, localAad, id, name: `${name}, its confidential comment` });
      return { ...answer, comment: comment ?? '' };
    };
    const local = await reviews.answer(file.reviewId, file.questionId);
    if (!local) {
      await reviews.putAnswer(file.reviewId, await stored());
      s.report.answers.added += 1;
      continue;
    }
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('answer', id, name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      const sameComment = local.confidential && answer.confidential ? await sealed.sameText(local.comment, localAad, answer.comment, fileAad) : local.comment === answer.comment;
      if (sameComment && answerContent({ ...local, comment: '' }) === answerContent({ ...answer, comment: '' })) s.report.answers.unchanged += 1;
      else s.conflict('answer', id, name, "same change time as the register's answer but a different answer; the register's was kept");
    } else {
      await reviews.putAnswer(file.reviewId, await stored());
      s.report.answers.updated += 1;
    }
  }
}
