import type { GeneratedFile } from '../../../shared/api';

/** Bytes as the GeneratedFile every transport carries (base64). */
export function toGeneratedFile(fileName: string, bytes: Buffer, mediaType: string, warnings: string[] = []): GeneratedFile {
  return { fileName, mediaType, base64: bytes.toString('base64'), bytes: bytes.length, warnings };
}
