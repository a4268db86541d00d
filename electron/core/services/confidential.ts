// Confidential comments and evidence: sealed with the register's data key on the way in, opened on
// the way out when the key is there, shown as locked when it is not. Sealed values are bound to
// their place (associated data): a ciphertext copied to another provider, question or file does
// not open.
import type { Answer } from '../../../shared/domain/review';
import type { KeyStatus } from '../../../shared/domain/confidential';
import { openBytes, openText, SealError, sealBytes, sealText } from '../crypto/cipher';
import type { Context } from '../context';

/** An answer comment belongs to a provider's question, across its reviews (reassessment carries it). */
export const commentAad = (vendorId: string, questionId: string) => `answer-comment:${vendorId}:${questionId}`;
export const evidenceFileAad = (evidenceId: string) => `evidence-file:${evidenceId}`;
export const evidenceNotesAad = (evidenceId: string) => `evidence-notes:${evidenceId}`;

export async function keyStatus(ctx: Context): Promise<KeyStatus> {
  return await ctx.keys.status();
}

/** The keys a value may open with: one, none, or (a team register's renewed key) every generation held, newest first. */
export type OpeningKeys = Buffer | readonly Buffer[] | null;
const keyList = (keys: OpeningKeys): readonly Buffer[] => (keys === null ? [] : Buffer.isBuffer(keys) ? [keys] : keys);

/** Opens a sealed text, or null when the key is missing or does not fit. */
export function tryOpenText(keys: OpeningKeys, sealed: string, aad: string): string | null {
  for (const key of keyList(keys)) {
    try {
      return openText(key, sealed, aad);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
    }
  }
  return null;
}

export interface RevealOptions {
  /** False leaves confidential comments out (empty, marked locked), as reports and exports do unless asked. */
  include?: boolean;
}

/** Answers as the API shows them: confidential comments opened, or empty and marked locked. */
export async function revealAnswers(ctx: Context, vendorId: string, answers: readonly Answer[], options: RevealOptions = {}): Promise<Answer[]> {
  if (!answers.some((a) => a.confidential)) return [...answers];
  const include = options.include ?? true;
  const key = include ? await ctx.keys.readKeys() : null;
  return answers.map((a) => {
    if (!a.confidential || a.comment === '') return a;
    if (!include) return { ...a, comment: '', locked: true };
    const comment = tryOpenText(key, a.comment, commentAad(vendorId, a.questionId));
    return comment === null ? { ...a, comment: '', locked: true } : { ...a, comment };
  });
}

export async function sealComment(ctx: Context, vendorId: string, questionId: string, comment: string): Promise<string> {
  return comment === '' ? '' : sealText(await ctx.keys.writeKey(), comment, commentAad(vendorId, questionId));
}

export const sealFile = async (ctx: Context, evidenceId: string, bytes: Buffer): Promise<Buffer> => sealBytes(await ctx.keys.writeKey(), bytes, evidenceFileAad(evidenceId));
/** Opens a sealed evidence file with the first key that fits; a SealError when none does. */
export function openFile(keys: OpeningKeys, evidenceId: string, sealed: Buffer): Buffer {
  const list = keyList(keys);
  for (const [i, key] of list.entries()) {
    try {
      return openBytes(key, sealed, evidenceFileAad(evidenceId));
    } catch (error) {
      if (!(error instanceof SealError) || i === list.length - 1) throw error;
    }
  }
  throw new SealError('no key to open the file with');
}
