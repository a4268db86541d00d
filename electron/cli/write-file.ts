import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from '../../shared/api';
import { inputError } from './cli-error';

/** Writes a generated file beside its final name first, so a failure never leaves half a PDF. */
export function writeGeneratedFile(out: string, file: GeneratedFile): string {
  const target = path.resolve(out);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw inputError(`--out: the folder ${dir} does not exist`);
  const temp = `${target}.${process.pid}.partial`;
  // 0600: exports and reports can carry confidential text; the user shares a copy on purpose.
  fs.writeFileSync(temp, Buffer.from(file.base64, 'base64'), { mode: 0o600 });
  fs.renameSync(temp, target);
  for (const warning of file.warnings) process.stderr.write(`vetted: warning: ${warning}\n`);
  process.stdout.write(`Wrote ${target} (${Math.ceil(file.bytes / 1024)} KB)\n`);
  return target;
}
