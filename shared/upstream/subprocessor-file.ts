// A provider's published subprocessor list, as a file the user saved (issue 21): a CSV with a
// header row, or a JSON array of objects (name, purpose, location). Read into rows of named cells,
// and mapped to the three things an upstream takes from it: which column is the fourth party's
// name, which its purpose, which its location — guessed from the headers ("Subprocessor",
// "Entity", "Purpose", "Country", …), each overridable. Pure: no register, no file system.
import { VettedError } from '../result';
import { CsvSyntaxError, readCsv } from './csv-read';
import { MAX_SUBPROCESSOR_FILE_CHARS, MAX_SUBPROCESSOR_ROWS } from './limits';

export type SubprocessorFileFormat = 'csv' | 'json';

export { MAX_SUBPROCESSOR_FILE_CHARS, MAX_SUBPROCESSOR_ROWS };

export interface SubprocessorTable {
  format: SubprocessorFileFormat;
  /** The CSV's header row, or the JSON objects' keys in the order first seen. */
  headers: string[];
  /** Each data row by header; `line` is the CSV line, or the JSON array's position from 1. */
  rows: { line: number; cells: ReadonlyMap<string, string> }[];
}

/** Which header holds each field; null when the file has none for it. */
export interface SubprocessorMapping {
  name: string;
  purpose: string | null;
  location: string | null;
}

export type MappingOverride = { name?: string | undefined; purpose?: string | null | undefined; location?: string | null | undefined };

function fileError(message: string): VettedError {
  return new VettedError('validation', `content: ${message}`, [{ path: 'content', message }]);
}

/** JSON when the text starts with "[" (after a BOM and white space), else CSV. */
export function detectFormat(text: string): SubprocessorFileFormat {
  return /^\uFEFF?\s*\[/.test(text) ? 'json' : 'csv';
}

/** Reads the file into rows of named cells. A file that is not what it claims is an error naming where. */
export function readSubprocessorFile(text: string, format: SubprocessorFileFormat = detectFormat(text)): SubprocessorTable {
  if (text.length > MAX_SUBPROCESSOR_FILE_CHARS) throw fileError(`the file is larger than ${MAX_SUBPROCESSOR_FILE_CHARS / 1024 / 1024} MB`);
  const table = format === 'json' ? readJson(text) : readCsvTable(text);
  if (table.rows.length > MAX_SUBPROCESSOR_ROWS) throw fileError(`the file has ${table.rows.length} rows; a subprocessor list is read up to ${MAX_SUBPROCESSOR_ROWS}`);
  return table;
}

function readCsvTable(text: string): SubprocessorTable {
  let records;
  try {
    records = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(error.message);
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw fileError('the file is empty: expected a header row (for example "Subprocessor,Purpose,Location") and one row per subprocessor');
  const headers = header.cells.map((h) => h.trim());
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const key = h.toLowerCase();
    if (seen.has(key)) throw fileError(`line ${header.line}: the header "${h}" is used twice (column ${i + 1})`);
    seen.add(key);
  });
  const rows = data.map((r) => ({
    line: r.line,
    cells: new Map(headers.flatMap((h, i) => (h === '' ? [] : [[h, (r.cells[i] ?? '').trim()] as [string, string]]))),
  }));
  return { format: 'csv', headers: headers.filter((h) => h !== ''), rows };
}

function readJson(text: string): SubprocessorTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw fileError('the file is not valid JSON (expected an array of objects with name, purpose and location)');
  }
  if (!Array.isArray(parsed)) throw fileError('expected a JSON array of objects with name, purpose and location');
  const headers: string[] = [];
  // Keys are columns matched without case, as CSV headers are: one object's "Name" and another's
  // "name" are the same column (the spelling first seen names it).
  const header = new Map<string, string>();
  const rows = parsed.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw fileError(`$[${i}]: expected an object with name, purpose and location`);
    const cells = new Map<string, string>();
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      // Text and numbers are read as written; a nested value is not a cell of a list.
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const folded = key.trim().toLowerCase();
      let column = header.get(folded);
      if (column === undefined) {
        column = key;
        header.set(folded, key);
        headers.push(key);
      }
      if (!cells.has(column)) cells.set(column, String(value).trim());
    }
    return { line: i + 1, cells };
  });
  return { format: 'json', headers, rows };
}

const fold = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Header words that say what a column holds, the most telling first. */
const GUESSES: Record<keyof SubprocessorMapping, readonly RegExp[]> = {
  name: [/^(sub ?processor|subprocessor name|sub processor name|name)$/, /^(entity|entity name|legal entity|company|company name|vendor|provider|third party|party)$/, /(sub ?processor|entity|name)/],
  purpose: [/^(purpose|purposes|service|services)$/, /^(function|activity|processing activity|description|nature of processing|service provided)$/, /(purpose|service|activit|function)/],
  location: [/^(location|locations|country|countries)$/, /^(region|jurisdiction|place of processing|processing location|hq)$/, /(location|countr|region)/],
};

function guess(headers: readonly string[], field: keyof SubprocessorMapping, taken: ReadonlySet<string>): string | null {
  for (const pattern of GUESSES[field]) {
    const hit = headers.find((h) => !taken.has(h) && pattern.test(fold(h)));
    if (hit !== undefined) return hit;
  }
  return null;
}

function named(headers: readonly string[], wanted: string, path: string): string {
  const hit = headers.find((h) => h.toLowerCase() === wanted.trim().toLowerCase());
  if (hit !== undefined) return hit;
  const message = `the file has no column "${wanted}" (its columns: ${headers.map((h) => `"${h}"`).join(', ') || 'none'})`;
  throw new VettedError('validation', `${path}: ${message}`, [{ path, message }]);
}

/**
 * The mapping: each field the override names (a header, matched without case; null for "none"),
 * the rest guessed from the headers. No column for the name is an error naming `mapping.name`.
 */
export function resolveMapping(headers: readonly string[], override: MappingOverride = {}): SubprocessorMapping {
  const taken = new Set<string>();
  const pick = (field: keyof SubprocessorMapping): string | null => {
    const wanted = override[field];
    const hit = wanted === null ? null : wanted === undefined ? guess(headers, field, taken) : named(headers, wanted, `mapping.${field}`);
    if (hit !== null) taken.add(hit);
    return hit;
  };
  // The named ones first, so a guess never takes a column the override chose for another field.
  const order = (['name', 'purpose', 'location'] as const).slice().sort((a, b) => Number(override[b] !== undefined) - Number(override[a] !== undefined));
  const chosen = new Map(order.map((f) => [f, pick(f)]));
  const name = chosen.get('name') ?? null;
  if (name === null) {
    const message = `no column looks like the subprocessor's name (its columns: ${headers.map((h) => `"${h}"`).join(', ') || 'none'}); say which one`;
    throw new VettedError('validation', `mapping.name: ${message}`, [{ path: 'mapping.name', message }]);
  }
  return { name, purpose: chosen.get('purpose') ?? null, location: chosen.get('location') ?? null };
}

/** One row of the list, mapped. */
export interface SubprocessorRow {
  line: number;
  party: string;
  purpose: string;
  location: string;
}

export function mappedRows(table: SubprocessorTable, mapping: SubprocessorMapping): SubprocessorRow[] {
  const cell = (cells: ReadonlyMap<string, string>, header: string | null) => (header === null ? '' : (cells.get(header) ?? ''));
  return table.rows.map((r) => ({ line: r.line, party: cell(r.cells, mapping.name), purpose: cell(r.cells, mapping.purpose), location: cell(r.cells, mapping.location) }));
}
