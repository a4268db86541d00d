// What `vetted status import` and `vetted status refresh` print: the counts of a status page
// import (incidents to the incident log, scheduled maintenances to the maintenance windows), the
// addresses a refresh read, and what did not carry over exactly.
import type { StatusFileFormat, StatusImport } from '../../../shared/api';

export const STATUS_FORMAT_NAMES: Record<StatusFileFormat, string> = {
  statuspage: 'Statuspage JSON',
  atom: 'Atom history feed',
  rss: 'RSS history feed',
  instatus: 'Instatus summary',
};

type Counts = StatusImport['maintenances'] & { deletedHere?: number };

/** "2 added, 1 updated, 5 unchanged, 0 not newer than the stored version (kept as stored)[, 1 deleted here before (left deleted)]". */
export const countWords = (c: Counts) =>
  `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.older} not newer than the stored version (kept as stored)` +
  (c.deletedHere ? `, ${c.deletedHere} deleted here before (left deleted)` : '');

const kib = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`);

/**
 * The report of an import or a refresh. `what` names what was read ("status.json", or the
 * provider's status page); the page the file says it belongs to is shown so a wrong file is seen.
 */
export function statusImportReport(r: StatusImport, what: string, vendorName: string): string {
  const lines: string[] = [];
  if (r.fetched.length > 0) {
    lines.push(`Fetched ${r.fetched.length === 1 ? 'one address' : `${r.fetched.length} addresses`}:`, ...r.fetched.map((f) => `  ${f.url} (${kib(f.bytes)})`), '');
  }
  const page = [r.page.name, r.page.url].filter((p): p is string => p !== null && p !== '').join(', ');
  const read = `${what} (${STATUS_FORMAT_NAMES[r.format]}${page ? `; the page of ${page}` : ''})`;
  lines.push(r.dryRun ? `Dry run: nothing was written. Importing ${read} for ${vendorName} would give:` : `Imported ${read} for ${vendorName}:`);
  lines.push(`  incidents:               ${countWords(r.incidents)}`);
  const m = r.maintenances;
  const none = m.added + m.updated + m.unchanged + m.older === 0;
  lines.push(`  scheduled maintenances:  ${none ? 'none in what was read' : `${countWords(m)} (to the maintenance windows)`}`);
  if (r.warnings.length > 0) {
    lines.push('', `${r.warnings.length === 1 ? 'One warning' : `${r.warnings.length} warnings`}:`, ...r.warnings.map((w) => `  ${w}`));
  }
  return lines.join('\n') + '\n';
}
