// A member's key pair on a team register (issue 22) and the team data key wrapped to it.
//
// Each member's X25519 private key is derived from 32 secret bytes only they hold (a key file of
// their own, their keychain, or their passphrase with a salt); the register holds only the public
// half. The data key is wrapped to a public key as in ECIES: a fresh ephemeral X25519 key pair per
// wrap, HKDF-SHA256 over the shared secret (salted with both public keys), AES-256-GCM over the data
// key with the generation and the member's role as associated data, so a wrap moved to another
// member or generation does not open. Node's own crypto does all of it: no dependency is needed.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { openBytes, SealError, sealBytes } from './cipher';

// DER framing of a raw X25519 key (RFC 8410): PKCS#8 for the private key, SPKI for the public one.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const WRAP_PREFIX = 'vetted-wrap:v1:';

export interface MemberKeyPair {
  privateKey: KeyObject;
  /** Raw 32 bytes, base64: what the register keeps. */
  publicKey: string;
}

/** The member's key pair from their secret: HKDF first, so the key file's bytes are never used as the X25519 scalar themselves. */
export function memberKeyPair(secret: Buffer): MemberKeyPair {
  const seed = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'vetted member key x25519 v1', 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: rawPublic(createPublicKey(privateKey)) };
}

function rawPublic(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64');
}

function publicFromRaw(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new SealError('a member public key is not 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

/** A short fingerprint of a public key, for people to compare out of band. */
export function fingerprint(publicKey: string): string {
  return Buffer.from(hkdfSync('sha256', Buffer.from(publicKey, 'base64'), Buffer.alloc(0), 'vetted fingerprint', 10))
    .toString('hex')
    .replace(/(.{4})(?!$)/g, '$1 ');
}

function wrapKeyOf(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeral, 'base64'), Buffer.from(recipient, 'base64')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, 'vetted team key wrap v1', 32));
}

/**
 * X25519 with a key someone else wrote into the register: a malformed or low-order point (OpenSSL
 * refuses the all-zero shared secret) is a SealError like any value that does not open, never an
 * error that would stop the reader or the wrapper.
 */
function agree(privateKey: KeyObject, theirs: string): Buffer {
  try {
    return diffieHellman({ privateKey, publicKey: publicFromRaw(theirs) });
  } catch (error) {
    if (error instanceof SealError) throw error;
    throw new SealError(`a public key does not agree (${(error as Error).message})`);
  }
}

/** The data key sealed so that only the holder of `recipient`'s private key opens it; a SealError for a public key that is not one. */
export function wrapDataKey(dataKey: Buffer, recipient: string, aad: string): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublic(ephemeral.publicKey);
  const shared = agree(ephemeral.privateKey, recipient);
  const sealed = sealBytes(wrapKeyOf(shared, ephemeralPublic, recipient), dataKey, aad);
  return `${WRAP_PREFIX}${ephemeralPublic}:${sealed.toString('base64')}`;
}

/** Opens a wrap made for this member to a 32-byte key; a SealError when it was not, was altered, or holds anything else. */
export function unwrapDataKey(wrapped: string, own: MemberKeyPair, aad: string): Buffer {
  if (!wrapped.startsWith(WRAP_PREFIX)) throw new SealError('not a wrapped key');
  const [ephemeralPublic, sealed, ...rest] = wrapped.slice(WRAP_PREFIX.length).split(':');
  if (!ephemeralPublic || !sealed || rest.length > 0) throw new SealError('a wrapped key is malformed');
  const shared = agree(own.privateKey, ephemeralPublic);
  const key = openBytes(wrapKeyOf(shared, ephemeralPublic, own.publicKey), Buffer.from(sealed, 'base64'), aad);
  if (key.length !== 32) throw new SealError('a wrapped key is not a data key');
  return key;
}
