// One CSV field as every export writes it (the comparison, the register, the audit trail): quoted,
// and safe from formula injection when a spreadsheet opens it. Its own small module so that the
// exports which need only this do not load the comparison's model.
/**
 * Formula (CSV) injection: a spreadsheet treats a cell starting with = + - @ as a formula, and
 * tab or CR in first place can smuggle one past a check. A provider name, a comment or a free-text
 * answer typed by someone else could then run a formula (exfiltrate data through HYPERLINK or
 * WEBSERVICE, or worse with DDE) when a colleague opens the export. A leading apostrophe makes the
 * spreadsheet show the cell as text; the cost is a visible ' before such cells (a negative number
 * answer reads '-5, still legible).
 */
export function neutralizeFormula(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}

/**
 * One RFC 4180 field, always quoted (quotes doubled). Quoting only fields with a comma is not
 * enough: spreadsheets in German, French or Dutch locales split on ";" (and some on tab), and an
 * unquoted "ok;=1+1" would put a live formula in the next cell.
 */
export function csvField(value: string): string {
  return `"${neutralizeFormula(value).replace(/"/g, '""')}"`;
}
