// Where a JSON text goes wrong. JSON.parse says what is wrong but, in the Node versions Vetted runs
// on, not always where ("Unexpected token 'x', … is not valid JSON"), and a person fixing a file
// needs the line. This walks the text by RFC 8259's grammar only after JSON.parse has refused it,
// and returns the offset of the first character that cannot belong there.

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class At extends Error {
  constructor(readonly offset: number) {
    super('json syntax');
  }
}

function walk(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c.charCodeAt(0) < 0x20) throw new At(i);
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new At(i);
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
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          ws();
          if (text[i] !== '"') throw new At(i);
          string();
          ws();
          if (text[i] !== ':') throw new At(i);
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        throw new At(i);
      }
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-\d]/.test(c) && NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    throw new At(i);
  };
  value();
  ws();
  if (i < text.length) throw new At(i);
}

/** The line and column (1-based) of the first JSON syntax error, or null if the text is valid. */
export function jsonErrorPosition(text: string): { line: number; column: number } | null {
  try {
    walk(text);
    return null;
  } catch (error) {
    if (!(error instanceof At)) return null; // nested too deep to walk: JSON.parse's message must do
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    return { line, column: error.offset - before.lastIndexOf('\n') };
  }
}
