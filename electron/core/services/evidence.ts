// Evidence files: stored inside the register with their SHA-256, checked again when read back.
import { mapInOrder } from '../in-order';
import { createHash } from 'node:crypto';
import type { EvidenceView, GeneratedFile } from '../../../shared/api';
import { evidenceState, MAX_EVIDENCE_BYTES, type Evidence, type EvidenceInput, type EvidencePatch } from '../../../shared/domain/evidence';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { SealError, sealText } from '../crypto/cipher';
import { evidenceNotesAad, openFile, sealFile, tryOpenText } from './confidential';
import { checkReviewQuestion } from './findings';
import { asFile } from './generated-file';
import { today } from './today';
import { getVendor } from './vendor-lookup';
import { lockToEdit } from '../db/store/row-lock';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A media type from the file name, for files given without one. */
const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mediaTypeOf(fileName: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (ext && MEDIA_TYPES[ext]) ?? 'application/octet-stream';
}

/** Confidential notes opened, or empty and marked locked without the key. */
async function reveal(ctx: Context, e: Evidence): Promise<Evidence> {
  if (!e.confidential || e.notes === '') return e;
  const notes = tryOpenText(await ctx.keys.readKeys(), e.notes, evidenceNotesAad(e.id));
  return notes === null ? { ...e, notes: '', locked: true } : { ...e, notes };
}

async function views(ctx: Context, list: readonly Evidence[]): Promise<EvidenceView[]> {
  const names = new Map((await ctx.vendors.list()).map((v) => [v.id, v.name]));
  const day = today(ctx);
  return mapInOrder(list, async (e) => ({ ...(await reveal(ctx, e)), vendorName: names.get(e.vendorId) ?? '', state: evidenceState(e.expiresOn, day) }));
}

async function getEvidence(ctx: Context, id: string): Promise<Evidence> {
  const evidence = await ctx.evidence.get(id);
  if (!evidence) throw new VettedError('not_found', `No evidence with id ${id}.`);
  return evidence;
}

export async function listEvidence(ctx: Context, input: { vendorId?: string }): Promise<EvidenceView[]> {
  return await ctx.read(async (ctx) => {
    if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
    return views(ctx, await ctx.evidence.list(input.vendorId));
  });
}

export async function addEvidence(ctx: Context, input: EvidenceInput): Promise<EvidenceView> {
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) {
    throw new VettedError('validation', 'base64: the file is empty', [{ path: 'base64', message: 'the file is empty' }]);
  }
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    const message = `the file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`;
    throw new VettedError('validation', `base64: ${message}`, [{ path: 'base64', message }]);
  }
  return await ctx.write(async (ctx) => {
    await getVendor(ctx, input.vendorId);
    await checkReviewQuestion(ctx, input.vendorId, input.reviewId, input.questionId);
    const stamp = ctx.now().toISOString();
    const id = ctx.newId();
    const confidential = input.confidential ?? false;
    const notes = input.notes?.trim() ?? '';
    const evidence: Evidence = {
      id,
      vendorId: input.vendorId,
      reviewId: input.reviewId ?? null,
      questionId: input.questionId ?? null,
      kind: input.kind,
      title: input.title?.trim() ?? '',
      fileName: input.fileName.trim(),
      mediaType: input.mediaType?.trim() || mediaTypeOf(input.fileName),
      bytes: bytes.length,
      sha256: sha256(bytes),
      issuedOn: input.issuedOn ?? null,
      expiresOn: input.expiresOn ?? null,
      // The SHA-256 is of the document itself, so a copy can be checked against the original.
      notes: confidential && notes !== '' ? sealText(await ctx.keys.writeKey(), notes, evidenceNotesAad(id)) : notes,
      addedBy: (await ctx.settings.get()).userName,
      addedAt: stamp,
      updatedAt: stamp,
      confidential,
    };
    await ctx.evidence.insert(evidence, confidential ? await sealFile(ctx, id, bytes) : bytes);
    return (await views(ctx, [evidence]))[0]!;
  });
}

export async function updateEvidence(ctx: Context, id: string, patch: EvidencePatch): Promise<EvidenceView> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'evidence', id);
    const current = await getEvidence(ctx, id);
    const updated: Evidence = { ...current, ...(patch as Partial<Evidence>), updatedAt: ctx.now().toISOString() };
    if (current.confidential && patch.notes !== undefined && patch.notes !== '') {
      updated.notes = sealText(await ctx.keys.writeKey(), patch.notes, evidenceNotesAad(id));
    }
    if (updated.issuedOn && updated.expiresOn && updated.issuedOn > updated.expiresOn) {
      const message = 'expires before it was issued';
      throw new VettedError('validation', `expiresOn: ${message}`, [{ path: 'expiresOn', message }]);
    }
    await ctx.evidence.update(updated);
    return (await views(ctx, [updated]))[0]!;
  });
}

export async function deleteEvidence(ctx: Context, id: string): Promise<{ id: string }> {
  // One statement, but still a write transaction: it waits for the lock like every other write.
  return await ctx.write(async (ctx) => {
    if (!await ctx.evidence.delete(id)) throw new VettedError('not_found', `No evidence with id ${id}.`);
    return { id };
  });
}

async function openConfidentialFile(ctx: Context, evidence: Evidence, sealed: Buffer): Promise<Buffer> {
  // Every generation held: a file sealed before a team key's renewal opens with the one it was sealed with.
  const keys = await ctx.keys.readKeys();
  if (keys.length === 0) throw new VettedError('locked', `${evidence.fileName} is confidential and locked: ${(await ctx.keys.status()).problem ?? 'no key is available'}`);
  try {
    return openFile(keys, evidence.id, sealed);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new VettedError('conflict', `The stored copy of ${evidence.fileName} does not decrypt: it was altered outside Vetted. Attach the original again.`);
  }
}

/** The stored file, refused when its bytes no longer match the SHA-256 recorded when it was added. */
export async function evidenceFile(ctx: Context, id: string): Promise<GeneratedFile> {
  const evidence = await getEvidence(ctx, id);
  const stored = await ctx.evidence.file(id);
  if (!stored) throw new VettedError('not_found', `The file of evidence ${evidence.fileName} is missing from the register.`);
  const bytes = evidence.confidential ? await openConfidentialFile(ctx, evidence, stored) : stored;
  if (sha256(bytes) !== evidence.sha256) {
    throw new VettedError(
      'conflict',
      `The stored copy of ${evidence.fileName} no longer matches its SHA-256 (${evidence.sha256.slice(0, 12)}…): it was altered outside Vetted. Attach the original again.`,
    );
  }
  return asFile(evidence.fileName, bytes, [], evidence.mediaType);
}
