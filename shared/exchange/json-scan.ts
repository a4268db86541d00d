// A strict walk over JSON text (RFC 8259), for what JSON.parse does not say: where a broken file
// goes wrong (the Node versions Vetted runs on do not always give a position), and whether an
// object names one key twice. JSON.parse keeps the last of two equal keys without a word, so a
// person reading the file could see one answer while Vetted takes another; an answers file with
// a repeated key is refused instead. Iterative (an explicit stack): a file nested a million levels
// deep is an answer, not a stack overflow.
import { jsonPath } from '../templates/import-error';

export type JsonScan =
  | { ok: true; duplicateKey: { path: string; key: string } | null }
  | {
      ok: false;
      line: number;
      column: number;
      /** What stands there, quoted ("white space" for a blank); null at the end of the text. */
      found: string | null;
    };

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

interface Frame {
  close: '}' | ']';
  path: string;
  /** Objects: the keys seen so far; null for lists. */
  keys: Set<string> | null;
  key: string;
  index: number;
}

class At extends Error {
  constructor(readonly offset: number) {
    super('json syntax');
  }
}

function position(text: string, offset: number): { line: number; column: number; found: string | null } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const c = text[offset];
  const found = c === undefined ? null : /\s/.test(c) ? 'white space' : JSON.stringify(text.slice(offset, offset + 12).split(/[\r\n]/)[0]);
  return { line, column, found };
}

/** Walks the text once; the first syntax error wins, else the first repeated key (if any). */
export function scanJson(text: string): JsonScan {
  let i = 0;
  let duplicateKey: { path: string; key: string } | null = null;
  const stack: Frame[] = [];
  const ws = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  /** Reads a string from its opening quote; returns the offsets of the quotes. */
  const string = (): [number, number] => {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return [start, i++];
      if (c.charCodeAt(0) < 0x20) throw new At(i);
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) throw new At(i);
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) throw new At(i);
        i += 2;
        continue;
      }
      i++;
    }
    throw new At(i);
  };
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '$';
    return top.keys ? jsonPath(top.path, top.key) : jsonPath(top.path, top.index);
  };
  const key = (frame: Frame) => {
    ws();
    if (text[i] !== '"') throw new At(i);
    const [start, end] = string();
    const name = JSON.parse(text.slice(start, end + 1)) as string;
    if (frame.keys!.has(name)) duplicateKey ??= { path: jsonPath(frame.path, name), key: name };
    frame.keys!.add(name);
    frame.key = name;
    ws();
    if (text[i] !== ':') throw new At(i);
    i++;
  };
  try {
    // One value per turn; a container opens a frame, and the loop below closes it.
    for (;;) {
      ws();
      const c = text[i];
      let opened = false;
      if (c === '{' || c === '[') {
        const frame: Frame = { close: c === '{' ? '}' : ']', path: childPath(), keys: c === '{' ? new Set() : null, key: '', index: 0 };
        i++;
        ws();
        if (text[i] === frame.close) {
          i++;
        } else {
          stack.push(frame);
          if (frame.keys) key(frame);
          opened = true;
        }
      } else if (c === '"') {
        string();
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
      } else if (text.startsWith('false', i)) {
        i += 5;
      } else {
        NUMBER.lastIndex = i;
        if (c === undefined || !/[-\d]/.test(c) || !NUMBER.exec(text)) throw new At(i);
        i = NUMBER.lastIndex;
      }
      if (opened) continue;
      // After a value: a comma goes on to the next one, a bracket closes its container.
      let next = false;
      while (!next) {
        const top = stack[stack.length - 1];
        ws();
        if (!top) {
          if (i < text.length) throw new At(i);
          return { ok: true, duplicateKey };
        }
        if (text[i] === ',') {
          i++;
          if (top.keys) key(top);
          else top.index++;
          next = true;
        } else if (text[i] === top.close) {
          i++;
          stack.pop();
        } else {
          throw new At(i);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof At)) throw error;
    return { ok: false, ...position(text, error.offset) };
  }
}
