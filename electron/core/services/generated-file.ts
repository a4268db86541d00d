// Files the services hand to every transport (IPC, HTTP, CLI) alike: bytes as base64, a safe name.
import type { GeneratedFile } from '../../../shared/api';

/** A file name that is safe on every OS: ASCII letters, digits and dashes. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug || 'provider';
}

/** Bytes as the GeneratedFile every transport carries. */
export function asFile(fileName: string, bytes: Buffer, warnings: string[], mediaType = 'application/pdf'): GeneratedFile {
  return { fileName, mediaType, base64: bytes.toString('base64'), bytes: bytes.length, warnings };
}
