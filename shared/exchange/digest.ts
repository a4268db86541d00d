// Digests both sides of the vendor questionnaire compute the same way: the page in the provider's
// browser (no Web Crypto needed: it may be opened from file:// where that is not always offered)
// and the service here. @noble/hashes: audited, dependency-free SHA-256 that runs anywhere.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Template } from '../domain/template';
import type { AnswersFileBody } from '../domain/vendor-exchange';

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace: the JSON Canonicalization
 * Scheme (RFC 8785) for the values these files hold. JavaScript's own number and string
 * serialisation is the one RFC 8785 prescribes, so only the key order needs doing here.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; the files never hold them.
    if (text === undefined) throw new TypeError('canonicalJson: a value with no JSON form');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest an answers file states: of its canonical JSON without the `sha256` field itself. */
export function answersDigest(body: AnswersFileBody): string {
  return sha256Hex(canonicalJson(body));
}

/** Names one exact template content: a request and its answers file carry it. */
export function templateHash(template: Template): string {
  return sha256Hex(canonicalJson(template));
}
