// Hands a generated file to the browser as a download. In browser mode it lands in the downloads
// folder (or the browser asks where); in Electron the shell's session shows its save dialog.
import type { GeneratedFile } from '../../../shared/api';

/** How long the object URL stays valid: long enough for Electron's save dialog to read it. */
const REVOKE_AFTER_MS = 60_000;

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file name without path separators or characters file systems refuse. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = Array.from(name, (c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c))
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

export function saveGeneratedFile(file: GeneratedFile, fallbackName = 'export.pdf'): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mediaType || 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(file.fileName, fallbackName);
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
