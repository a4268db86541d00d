// Reading a file named on the command line: a missing, non-regular, unreadable or too big file is
// a one-line error naming it, before anything is opened or stored.
import fs from 'node:fs';
import { inputError } from './cli-error';

const MB = 1024 * 1024;

/**
 * The file's bytes. `tooBig(mb)` words the refusal of a file over `maxBytes` (its size given in MB
 * with one decimal), so each command can say what its limit is for.
 */
export function readInputFile(file: string, maxBytes: number, tooBig: (mb: string) => string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw inputError(`${file}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (error as Error).message})`}`);
  }
  if (size > maxBytes) throw inputError(`${file}: ${tooBig((size / MB).toFixed(1))}`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`${file}: cannot read it (${code ?? (error as Error).message})`);
  }
}
