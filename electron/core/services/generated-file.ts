// Files the services hand to every transport (IPC, HTTP, CLI) alike: bytes as base64, a safe name.
import type { GeneratedFile } from '../../../shared/api';

/** Latin letters NFKD does not take apart (they are letters of their own, not a letter and a mark). */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'ng', Ŋ: 'NG',
};

/** A name in ASCII, as far as it goes without a transliteration table: accents dropped, ß → ss, … */
function asciiOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞæÆœŒøØđĐðÐłŁþÞıħĦŋŊ]/g, (ch) => LATIN_LETTERS[ch] ?? ch);
}

/** A file name that is safe on every OS: ASCII letters, digits and dashes. */
export function fileSlug(name: string): string {
  const slug = asciiOf(name)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug || 'provider';
}

/** Does the name have letters or digits that ASCII cannot hold (中文, Ελληνικά, עברית …)? */
function losesLetters(name: string): boolean {
  return /\P{ASCII}/u.test(asciiOf(name).replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * A provider's part of a file name: its name in ASCII (fileSlug), followed by the first characters
 * of its id when the name has letters ASCII cannot hold ("阿里云" and "腾讯云" would both be
 * "provider") or another provider's name gives the same slug ("Acme, Inc." and "Acme Inc"). So two
 * providers never get the same default file name, and a Latin name stays as it was.
 */
export function providerSlug(provider: { id: string; name: string }, others: readonly { id: string; name: string }[] = []): string {
  const slug = fileSlug(provider.name);
  const clash = others.some((other) => other.id !== provider.id && fileSlug(other.name) === slug);
  if (!clash && !losesLetters(provider.name)) return slug;
  const id = provider.id.replace(/[^A-Za-z0-9]/g, '').toLowerCase().slice(0, 12) || 'x';
  return `${slug}-${id}`;
}

/** Bytes as the GeneratedFile every transport carries. */
export function asFile(fileName: string, bytes: Buffer, warnings: string[], mediaType = 'application/pdf'): GeneratedFile {
  return { fileName, mediaType, base64: bytes.toString('base64'), bytes: bytes.length, warnings };
}
