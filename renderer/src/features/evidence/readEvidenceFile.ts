// Reads a chosen file into base64 for evidence.add, refusing what the API would refuse anyway
// (too large) before any bytes are read or sent.
import { MAX_EVIDENCE_BYTES } from '../../../../shared/domain/evidence';
import { formatBytes } from './formatEvidence';

export type ReadOutcome = { ok: true; base64: string } | { ok: false; message: string };

const MAX_EVIDENCE_MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/** Bytes per btoa call: a multiple of 3, so the pieces join into one valid base64 string. */
const CHUNK_BYTES = 3 * 32 * 1024;

/** Why this file cannot be attached before reading it, or null when its size is fine. */
export function sizeProblem(file: File): string | null {
  if (file.size > MAX_EVIDENCE_BYTES) {
    return `“${file.name}” is too large (${formatBytes(file.size)}): evidence files can be at most ${MAX_EVIDENCE_MB} MB. Nothing was attached.`;
  }
  if (file.size === 0) return `“${file.name}” is empty. Nothing was attached.`;
  return null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    // One String.fromCharCode call per chunk: an argument list of the whole file would overflow the stack.
    pieces.push(btoa(String.fromCharCode(...chunk)));
  }
  return pieces.join('');
}

export async function readEvidenceFile(file: File): Promise<ReadOutcome> {
  const problem = sizeProblem(file);
  if (problem) return { ok: false, message: problem };
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    // Moved, deleted or locked since it was chosen, or a folder: the browser cannot read it.
    return {
      ok: false,
      message: `“${file.name}” could not be read (it may have been moved, deleted or locked since you chose it). Choose the file again.`,
    };
  }
  return { ok: true, base64: bytesToBase64(new Uint8Array(buffer)) };
}
