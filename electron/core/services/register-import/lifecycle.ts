// The sign-off record in a register import: workflow steps, findings and risk acceptances. Each
// attaches to the review, provider or finding it belongs to; one whose owner was not imported is a
// conflict naming it (docs/formats.md, "Importing").
import type { Acceptance } from '../../../../shared/domain/acceptances';
import type { Finding } from '../../../../shared/domain/findings';
import type { ReviewStep } from '../../../../shared/domain/workflow';
import { canonicalJson } from '../../../../shared/register/format';
import { byText, order, type ImportState } from './state';

const sameStep = (a: ReviewStep, b: ReviewStep) =>
  a.from === b.from && a.to === b.to && a.by === b.by && order(a.at, b.at) === 'same-time' && a.note === b.note;

/**
 * Steps have no id of their own: one is the same step when its move, person, moment and note are.
 * A step the register's review lacks is added, in the file's order, where the review's own fields
 * came from the file (or were the same); where the register's review was kept, its history is too.
 */
export async function importSteps(s: ImportState): Promise<void> {
  const { steps } = s.ctx;
  const held = new Map<string, ReviewStep[]>();
  for (const step of s.data.reviewSteps) {
    const name = `${s.reviewVendorNames.get(step.reviewId) ?? step.reviewId}: ${step.from} → ${step.to} on ${step.at.slice(0, 10)}`;
    const id = `${step.reviewId}/${step.at}`;
    const outcome = s.reviewsImported.get(step.reviewId);
    if (outcome === undefined) {
      s.conflict('step', id, name, 'its review was not imported, so neither was the step');
      continue;
    }
    let local = held.get(step.reviewId);
    if (!local) held.set(step.reviewId, (local = await steps.steps(step.reviewId)));
    if (local.some((l) => sameStep(l, step))) {
      s.report.reviewSteps.unchanged += 1;
    } else if (outcome === 'kept') {
      s.conflict('step', id, name, "the register's copy of the review was kept, and with it its own sign-off record");
    } else {
      await steps.insert(step);
      local.push(step);
      s.report.reviewSteps.added += 1;
    }
  }
}

/** Fields a finding keeps for life: who it belongs to, where it was found, who noted it when. */
const findingIdentity = (f: Finding) => canonicalJson({ vendorId: f.vendorId, reviewId: f.reviewId, questionId: f.questionId, createdBy: f.createdBy, createdAt: Date.parse(f.createdAt) });

/** Findings merge by id under the provider they were imported as, the newer change winning. */
export async function importFindings(s: ImportState): Promise<void> {
  const { findings } = s.ctx;
  for (const file of [...s.data.findings].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorName(file.vendorId);
    const name = `${vendorName}: ${file.title}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('finding', file.id, name, `its provider "${vendorName}" was not imported, so neither was the finding`);
      continue;
    }
    if (file.reviewId !== null && !s.reviewsImported.has(file.reviewId)) {
      s.conflict('finding', file.id, name, `the review it was found in (${file.reviewId}) was not imported, so neither was the finding`);
      continue;
    }
    const mapped: Finding = { ...file, vendorId };
    const local = await findings.get(file.id);
    if (!local) {
      await findings.insert(mapped);
      s.findingsPresent.add(file.id);
      s.report.findings.added += 1;
      continue;
    }
    if (findingIdentity(local) !== findingIdentity(mapped)) {
      s.conflict('finding', file.id, name, "the register's finding with this id belongs elsewhere (another provider, review or creation); it was kept");
      continue;
    }
    s.findingsPresent.add(file.id);
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('finding', file.id, name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      if (canonicalJson({ ...local, createdAt: '', updatedAt: '' }) === canonicalJson({ ...mapped, createdAt: '', updatedAt: '' })) s.report.findings.unchanged += 1;
      else s.conflict('finding', file.id, name, "same change time as the register's copy but different content; the register's was kept");
    } else {
      await findings.update(mapped);
      s.report.findings.updated += 1;
    }
  }
}

/** What an acceptance is for life: all but its revocation. */
const acceptanceIdentity = (a: Acceptance) => canonicalJson({ ...a, revokedAt: undefined, acceptedAt: Date.parse(a.acceptedAt) });

/**
 * Risk acceptances merge by id: one is fixed once given, so another with the same id is a conflict
 * (kept); only a revocation can follow, and a revocation in either copy stands.
 */
export async function importAcceptances(s: ImportState): Promise<void> {
  const { findings } = s.ctx;
  for (const file of [...s.data.acceptances].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorName(file.vendorId);
    const name = `${vendorName}: risk accepted by ${file.acceptedBy || 'someone'} until ${file.expiresOn}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('acceptance', file.id, name, `its provider "${vendorName}" was not imported, so neither was the acceptance`);
      continue;
    }
    if (file.findingId !== null && !s.findingsPresent.has(file.findingId)) {
      s.conflict('acceptance', file.id, name, `the finding it accepts (${file.findingId}) was not imported, so neither was the acceptance`);
      continue;
    }
    if (file.reviewId !== null && !s.reviewsImported.has(file.reviewId)) {
      s.conflict('acceptance', file.id, name, `the review it accepts (${file.reviewId}) was not imported, so neither was the acceptance`);
      continue;
    }
    const mapped: Acceptance = { ...file, vendorId };
    const local = await findings.acceptance(file.id);
    if (!local) {
      await findings.insertAcceptanceRow(mapped);
      s.report.acceptances.added += 1;
    } else if (acceptanceIdentity(local) !== acceptanceIdentity(mapped)) {
      s.conflict('acceptance', file.id, name, 'the register holds another acceptance under this id; it was kept');
    } else if (local.revokedAt === mapped.revokedAt || (local.revokedAt !== null && mapped.revokedAt !== null && order(local.revokedAt, mapped.revokedAt) === 'same-time')) {
      s.report.acceptances.unchanged += 1;
    } else if (local.revokedAt === null) {
      await findings.revoke(file.id, mapped.revokedAt!);
      s.report.acceptances.updated += 1;
    } else {
      const theirs = mapped.revokedAt === null ? 'not revoked there' : `revoked there on ${mapped.revokedAt}`;
      s.conflict('acceptance', file.id, name, `revoked in this register on ${local.revokedAt} (${theirs}); the register's was kept`);
    }
  }
}
