// AES-256-GCM for confidential fields: a fresh 96-bit nonce for every seal, the record's id as
// associated data (a ciphertext moved to another record or field does not open), and the tag
// checked on every open (a changed byte is an error, never a silently wrong text).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed text in a TEXT column: recognisable, versioned, base64 of nonce | tag | ciphertext. */
const TEXT_PREFIX = 'vetted-sealed:v1:';

export class SealError extends Error {
  override name = 'SealError';
}

export function sealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

export function openBytes(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new SealError('the sealed value is truncated');
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('the sealed value does not open with this key (a wrong key, or it was altered)');
  }
}

export const isSealedText = (value: string): boolean => value.startsWith(TEXT_PREFIX);

export function sealText(key: Buffer, text: string, aad: string): string {
  return TEXT_PREFIX + sealBytes(key, Buffer.from(text, 'utf8'), aad).toString('base64');
}

export function openText(key: Buffer, sealed: string, aad: string): string {
  if (!isSealedText(sealed)) throw new SealError('not a sealed value');
  return openBytes(key, Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64'), aad).toString('utf8');
}
