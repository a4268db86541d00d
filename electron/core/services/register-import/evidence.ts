// Evidence in a register import: the record with its file. A file the export left behind (only its
// digest travelled) is taken only where the register already holds it; a file that does not match
// its digest stops the whole import, as any other broken row would.
import { createHash } from 'node:crypto';
import type { Evidence } from '../../../../shared/domain/evidence';
import { canonicalJson } from '../../../../shared/register/format';
import type { ExportedEvidence } from '../../../../shared/register/lifecycle-format';
import { SealError } from '../../crypto/cipher';
import { VettedError } from '../../../../shared/result';
import { evidenceFileAad, evidenceNotesAad, openFile } from '../confidential';
import type { SealedTransfer } from './sealed';
import { byText, order, type ImportState } from './state';

/** What an evidence record is for life: its provider, place, file and who attached it when. */
const identity = (e: Evidence) =>
  canonicalJson({
    vendorId: e.vendorId,
    reviewId: e.reviewId,
    questionId: e.questionId,
    fileName: e.fileName,
    mediaType: e.mediaType,
    bytes: e.bytes,
    sha256: e.sha256,
    confidential: e.confidential,
    addedBy: e.addedBy,
    addedAt: Date.parse(e.addedAt),
  });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Evidence merges by id under the provider it was imported as, the newer change winning (kind, title, dates, notes). */
export async function importEvidence(s: ImportState, sealed: SealedTransfer): Promise<void> {
  const { evidence } = s.ctx;
  s.data.evidence.forEach((file, index) => {
    if (file.content !== undefined) checkFile(s, file, file.content, index);
  });
  for (const file of [...s.data.evidence].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorName(file.vendorId);
    const name = `${vendorName}: ${file.title || file.fileName}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('evidence', file.id, name, `its provider "${vendorName}" was not imported, so neither was the evidence`);
      continue;
    }
    if (file.reviewId !== null && !s.reviewsImported.has(file.reviewId)) {
      s.conflict('evidence', file.id, name, `the review it backs (${file.reviewId}) was not imported, so neither was the evidence`);
      continue;
    }
    const { content, ...record } = file;
    const mapped: Evidence = { ...record, vendorId };
    const notesPlace = { fileAad: evidenceNotesAad(file.id), localAad: evidenceNotesAad(file.id), id: file.id, name: `${name}, its confidential notes` };
    const notes = async () => (file.confidential ? await sealed.text(file.notes, notesPlace) ?? '' : file.notes);
    const local = await evidence.get(file.id);
    if (!local) {
      if (content === undefined) {
        s.report.evidenceFilesMissing += 1;
        s.conflict('evidence', file.id, name, `its file (${file.fileName}, SHA-256 ${file.sha256}) was left out of the export, so the evidence was not imported; attach the file again`);
        continue;
      }
      let bytes: Buffer | null = Buffer.from(content, 'base64');
      if (file.confidential) {
        bytes = await sealed.bytes(bytes, { fileAad: evidenceFileAad(file.id), localAad: evidenceFileAad(file.id), id: file.id, name: `${name}, its confidential file` });
        if (bytes === null) continue; // named by the transfer as left out
      }
      await evidence.insert({ ...mapped, notes: await notes() }, bytes);
      s.report.evidence.added += 1;
      continue;
    }
    if (identity(local) !== identity(mapped)) {
      s.conflict('evidence', file.id, name, "the register's evidence with this id is another file or belongs elsewhere; it was kept");
      continue;
    }
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('evidence', file.id, name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      const sameNotes = file.confidential ? await sealed.sameText(local.notes, notesPlace.localAad, file.notes, notesPlace.fileAad) : local.notes === file.notes;
      if (sameNotes && canonicalJson({ ...local, notes: '' }) === canonicalJson({ ...mapped, notes: '' })) s.report.evidence.unchanged += 1;
      else s.conflict('evidence', file.id, name, "same change time as the register's copy but different content; the register's was kept");
    } else {
      await evidence.update({ ...mapped, notes: await notes() });
      s.report.evidence.updated += 1;
    }
  }
}

/**
 * A file must be the one its record names: a plain one is checked against its digest; a sealed
 * one only where this session can open it (otherwise the seal itself guards it).
 */
function checkFile(s: ImportState, file: ExportedEvidence, content: string, index: number): void {
  let bytes: Buffer = Buffer.from(content, 'base64');
  if (file.confidential) {
    const key = s.exportedKey();
    if (!key) return;
    try {
      bytes = openFile(key, file.id, bytes);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      throw new VettedError('validation', `$.evidence[${index}].content: the sealed file does not open with the key that opens the file's key check (altered?)`, [
        { path: `$.evidence[${index}].content`, message: 'the sealed file does not open with its key (altered?)' },
      ]);
    }
  }
  if (sha256(bytes) !== file.sha256 || bytes.length !== file.bytes) {
    const path = `$.evidence[${index}].content`;
    throw new VettedError('validation', `${path}: the file does not match its SHA-256 (${file.sha256}) or size; it was altered or cut short`, [
      { path, message: `the file does not match its SHA-256 (${file.sha256}) or size; it was altered or cut short` },
    ]);
  }
}
