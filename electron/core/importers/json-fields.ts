// Reading a provider's JSON file field by field: each value checked, and each problem named by its
// JSON path ("$.incidents[3].created_at: …") so a person fixing the file finds it. Shared by the
// Statuspage readers (maintenances and incidents) and the Instatus reader.
import { isIsoDate } from '../../../shared/domain/dates';
import { refusal, type Problems } from './imported';
import { scanJson } from '../../../shared/exchange/json-scan';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ISO 8601 with a zone, as Statuspage writes it ("2026-03-01T02:00:00.000-06:00", "…Z"). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO 8601 instant with its zone, or null for anything else. */
export function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = INSTANT.exec(value.trim());
  if (!m || !isIsoDate(m[1]!)) return null;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : null;
}

/** What a problem says was found instead: short, so one bad value cannot flood the list. */
/** What was found instead, briefly; a value nested too deep to print is named by its type (a hostile file must not overflow the stack). */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  try {
    return `found ${JSON.stringify(v)?.slice(0, 60)}`;
  } catch {
    return `found ${Array.isArray(v) ? 'an array' : typeof v === 'object' && v !== null ? 'an object' : typeof v} nested too deep to show`;
  }
}

/** A link Vetted keeps (the register's rule): http or https, no spaces, at most 2,000 characters. */
export function httpLink(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s.length <= 2000 && /^https?:\/\/\S+$/i.test(s) ? s : null;
}

/** One object's fields, each checked and any problem named by its path. */
export class Entry {
  constructor(
    private readonly fileName: string,
    readonly path: string,
    private readonly raw: Json,
    private readonly problems: Problems,
  ) {}

  problem(field: string, what: string): void {
    this.problems.add(`${this.fileName}: ${this.path}.${field}: ${what}`);
  }

  /** The value as written, for a reader with its own rule (it reports through `problem`). */
  value(field: string): unknown {
    return this.raw[field];
  }

  text(field: string): string | null {
    const v = this.raw[field];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    this.problem(field, v === undefined ? 'missing' : `must be a non-empty string (${describe(v)})`);
    return null;
  }

  /** The value as written and what it maps to. */
  oneOf<T>(field: string, allowed: Record<string, T>): { written: string; value: T } | null {
    const v = this.raw[field];
    if (typeof v === 'string' && Object.hasOwn(allowed, v)) return { written: v, value: allowed[v]! };
    this.problem(field, v === undefined ? 'missing' : `must be one of ${Object.keys(allowed).join(', ')} (${describe(v)})`);
    return null;
  }

  instant(field: string, optional = false): number | null {
    const v = this.raw[field];
    if (optional && (v === undefined || v === null)) return null;
    const ms = instant(v);
    if (ms === null) this.problem(field, v === undefined ? 'missing' : `must be a date and time with its zone, such as 2026-03-01T02:00:00Z (${describe(v)})`);
    return ms;
  }

  /** An optional descriptive string: kept when it is one, ignored otherwise (it only feeds the notes). */
  optionalText(field: string): string | null {
    const v = this.raw[field];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  }

  list(field: string): Json[] {
    const v = this.raw[field];
    return Array.isArray(v) ? v.filter(isObject) : [];
  }
}

/** Parses the text, or refuses it with the line and column where it stops being JSON. */
export function parseJson(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The one JSON walker (shared/exchange/json-scan.ts): it says where, which JSON.parse may not.
    const scan = scanJson(text);
    const at = scan.ok ? null : scan;
    const why = (error instanceof Error ? error.message : String(error)).replace(/ in JSON at position \d+.*$/, '');
    throw refusal([`${fileName}${at ? ` line ${at.line}, column ${at.column}` : ''}: not valid JSON (${why})`]);
  }
}
