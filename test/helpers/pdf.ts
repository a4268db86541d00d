import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tmp';

/** Writes the PDF to a temp file and returns its path. */
export function savePdf(bytes: Buffer, name = 'report.pdf'): string {
  const file = path.join(tempDir('vetted-pdf-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The text as poppler's pdftotext reads it (what an auditor's search finds). */
export function pdfText(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** qpdf --check: exit 0 means a structurally valid PDF. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

/** The embedded fonts' base names (pdffonts), without the subset tag. */
export function embeddedFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}
