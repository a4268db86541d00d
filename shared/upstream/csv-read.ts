// A small RFC 4180 reader for the files people save from a provider's subprocessor page: quoted
// fields with doubled quotes, line breaks inside quotes, CRLF, LF or CR between records, a UTF-8
// byte order mark, and the comma, semicolon or tab a spreadsheet chose as the separator. Written
// here rather than taken from npm: the register's own CSVs are written by hand too (shared/register/csv.ts),
// and this is the whole of what reading one needs. Pure.

export interface CsvRecord {
  /** The line the record starts on (1-based; a record with a line break inside a quote spans more). */
  line: number;
  cells: string[];
}

/** Why the text is not a CSV, with the line where the reader gave up. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator of the first line (outside quotes): the one it uses most; a comma when it uses none. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/**
 * Every record of the text, blank lines left out. A quote inside an unquoted field is kept as
 * text (what spreadsheets do); a quoted field never closed is an error naming its line.
 */
export function readCsv(input: string, separator = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let field = '';
  let recordLine = 1;
  let fieldStarted = false;
  let i = 0;
  const endField = () => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    // A blank line is not a record (a line holding only "" is: one empty field).
    const blank = cells.length === 0 && field === '' && !fieldStarted;
    endField();
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && !fieldStarted && field === '') {
      // A quoted field: up to the quote not followed by another.
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(openedOn, 'a quoted field is never closed (a " is missing)');
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          // A line break inside a field reads as \n whichever one the file used.
          line++;
          field += '\n';
          i += q === '\r' && text[i + 1] === '\n' ? 2 : 1;
          continue;
        }
        field += q;
        i++;
      }
      fieldStarted = true;
      continue;
    }
    if (c === separator) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Text after a closing quote ("a"b) is kept, as spreadsheets do.
    field += c;
    fieldStarted = true;
    i++;
  }
  if (field !== '' || fieldStarted || cells.length > 0) endRecord();
  return records;
}
