// Reads VSAQ's JSON dialect: JSON as written by hand in a JavaScript file. On top of JSON it
// accepts `//` and `/* */` comments (the licence header), strings joined with `+` (long labels
// are split over lines that way), single-quoted strings, bare keys and trailing commas.
// Errors name the line, the column and the JSON path reached.
import { jsonPath, TemplateImportError } from '../import-error';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Deeper than this is not a questionnaire (and would exhaust the stack). */
export const MAX_JSON_DEPTH = 200;

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property lookup that ignores anything inherited. */
export function own(object: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

class Reader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly extension: number | undefined,
  ) {}

  parseDocument(): JsonValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
    this.skip('$');
    if (this.i >= this.text.length) this.fail('$', 'the file is empty (expected a JSON object)');
    const value = this.value('$', 0);
    this.skip('$');
    if (this.i < this.text.length) this.fail('$', `unexpected ${this.describe()} after the end of the JSON value`);
    return value;
  }

  private where(): string {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < this.i && k < this.text.length; k++) {
      if (this.text[k] === '\n') {
        line += 1;
        lineStart = k + 1;
      }
    }
    return `line ${line}, column ${this.i - lineStart + 1}`;
  }

  private fail(path: string, message: string): never {
    throw new TemplateImportError(path, `${message} (${this.where()})`, this.extension);
  }

  private describe(): string {
    if (this.i >= this.text.length) return 'end of file';
    const c = this.text[this.i]!;
    if (/\s/.test(c)) return 'white space';
    return c === '"' ? `'"'` : `"${c}"`;
  }

  /** Skips white space and comments. */
  private skip(path: string): void {
    const t = this.text;
    for (;;) {
      while (this.i < t.length && /\s/.test(t[this.i]!)) this.i += 1;
      if (t.startsWith('//', this.i)) {
        const end = t.indexOf('\n', this.i);
        this.i = end < 0 ? t.length : end + 1;
      } else if (t.startsWith('/*', this.i)) {
        const end = t.indexOf('*/', this.i + 2);
        if (end < 0) this.fail(path, 'a /* comment is never closed');
        this.i = end + 2;
      } else {
        return;
      }
    }
  }

  private value(path: string, depth: number): JsonValue {
    if (depth > MAX_JSON_DEPTH) this.fail(path, `nested more than ${MAX_JSON_DEPTH} levels deep`);
    this.skip(path);
    const c = this.text[this.i];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"' || c === "'") return this.concatenated(path);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(path);
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.i) && !/[A-Za-z0-9_$]/.test(this.text[this.i + word.length] ?? '')) {
        this.i += word.length;
        return value;
      }
    }
    return this.fail(path, `expected a value, found ${this.describe()}`);
  }

  private object(path: string, depth: number): JsonObject {
    this.i += 1; // {
    const result = Object.create(null) as JsonObject;
    for (;;) {
      this.skip(path);
      if (this.text[this.i] === '}') {
        this.i += 1;
        return result;
      }
      let key: string;
      const c = this.text[this.i];
      if (c === '"' || c === "'") key = this.string(path);
      else {
        const bare = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.i, this.i + 200));
        if (!bare) this.fail(path, `expected a property name or "}", found ${this.describe()}`);
        key = bare[0];
        this.i += key.length;
      }
      const keyPath = jsonPath(path, key);
      this.skip(keyPath);
      if (this.text[this.i] !== ':') this.fail(keyPath, `expected ":" after the property name, found ${this.describe()}`);
      this.i += 1;
      result[key] = this.value(keyPath, depth + 1);
      this.skip(keyPath);
      const next = this.text[this.i];
      if (next === ',') this.i += 1;
      else if (next === '}') {
        this.i += 1;
        return result;
      } else this.fail(keyPath, `expected "," or "}" after a property value, found ${this.describe()}`);
    }
  }

  private array(path: string, depth: number): JsonValue[] {
    this.i += 1; // [
    const result: JsonValue[] = [];
    for (;;) {
      this.skip(path);
      if (this.text[this.i] === ']') {
        this.i += 1;
        return result;
      }
      const itemPath = jsonPath(path, result.length);
      result.push(this.value(itemPath, depth + 1));
      this.skip(itemPath);
      const next = this.text[this.i];
      if (next === ',') this.i += 1;
      else if (next === ']') {
        this.i += 1;
        return result;
      } else this.fail(itemPath, `expected "," or "]" after a list item, found ${this.describe()}`);
    }
  }

  /** "a" + "b" + 'c' */
  private concatenated(path: string): string {
    let s = this.string(path);
    for (;;) {
      const save = this.i;
      this.skip(path);
      if (this.text[this.i] !== '+') {
        this.i = save;
        return s;
      }
      this.i += 1;
      this.skip(path);
      const c = this.text[this.i];
      if (c !== '"' && c !== "'") this.fail(path, `expected a string after "+", found ${this.describe()}`);
      s += this.string(path);
    }
  }

  private string(path: string): string {
    const quote = this.text[this.i]!;
    this.i += 1;
    let s = '';
    const t = this.text;
    for (;;) {
      if (this.i >= t.length) this.fail(path, 'a string is never closed');
      const c = t[this.i]!;
      if (c === quote) {
        this.i += 1;
        return s;
      }
      if (c === '\n' || c === '\r') this.fail(path, 'a string runs past the end of its line (close it, or join lines with +)');
      if (c !== '\\') {
        s += c;
        this.i += 1;
        continue;
      }
      const e = t[this.i + 1];
      this.i += 2;
      switch (e) {
        case '"': case "'": case '\\': case '/': s += e; break;
        case 'b': s += '\b'; break;
        case 'f': s += '\f'; break;
        case 'n': s += '\n'; break;
        case 'r': s += '\r'; break;
        case 't': s += '\t'; break;
        case 'u': {
          const hex = t.slice(this.i, this.i + 4);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
            this.i -= 2;
            this.fail(path, 'a \\u escape needs four hex digits');
          }
          s += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
          break;
        }
        default:
          this.i -= 2;
          this.fail(path, `unknown escape "\\${e ?? ''}" in a string`);
      }
    }
  }

  private number(path: string): number {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!match) this.fail(path, `expected a number, found ${this.describe()}`);
    this.i += match[0].length;
    const n = Number(match[0]);
    if (!Number.isFinite(n)) this.fail(path, 'a number is too large');
    return n;
  }
}

/**
 * Parses a VSAQ template or extension text. Throws TemplateImportError (with `extension` set
 * when given) naming the JSON path reached and the line and column.
 */
export function parseVsaqJson(text: string, extension?: number): JsonValue {
  return new Reader(text, extension).parseDocument();
}
