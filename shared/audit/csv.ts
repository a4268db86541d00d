// The audit trail as CSV (RFC 4180, UTF-8 with BOM, formula-neutralized like every export):
// one row per field changed, so a spreadsheet can filter by field.
import { csvField } from '../csv-field';
import { AUDIT_ENTITY_LABELS, labelOf } from '../domain/labels';
import { changedFields, type AuditEntry } from '../domain/audit';

const BOM = '\uFEFF';
const CRLF = '\r\n';
export const AUDIT_CSV_HEADERS = ['Entry', 'When (UTC)', 'Who', 'Provider', 'What', 'Record', 'Action', 'Field', 'Old value', 'New value', 'Imported from', 'Database role'];

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function auditToCsv(entries: Iterable<AuditEntry>, vendorNames: ReadonlyMap<string, string>): string {
  const record = (fields: readonly string[]) => fields.map(csvField).join(',') + CRLF;
  let csv = BOM + record(AUDIT_CSV_HEADERS);
  for (const e of entries) {
    const lead = [String(e.id), e.at, e.actor, (e.vendorId && vendorNames.get(e.vendorId)) ?? e.vendorId ?? '', labelOf(AUDIT_ENTITY_LABELS, e.entity), e.entityId, e.action];
    const changes = changedFields(e);
    // Blank for an entry this register wrote; the export it came from for one an import brought.
    const origin = e.importedFrom ?? '';
    // Blank for an entry a register file wrote; the database role for one a team register wrote.
    const role = e.dbUser ?? '';
    if (changes.length === 0) csv += record([...lead, '', '', '', origin, role]);
    for (const c of changes) csv += record([...lead, c.field, text(c.old), text(c.new), origin, role]);
  }
  return csv;
}
