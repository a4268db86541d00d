// PostgreSQL numbers its parameters ($1, $2…); the register's SQL names them `?` or `@name` as
// better-sqlite3 does. This rewrites one into the other, leaving string literals, quoted names and
// comments alone, and says which value goes where.
import type { Params } from './sql';

export interface Numbered {
  text: string;
  /** For `?`: how many; for `@name`: the names in $-order. */
  positional: number;
  names: readonly string[];
}

const cache = new Map<string, Numbered>();
const CACHE_LIMIT = 2000;

export function numberParameters(sql: string): Numbered {
  const known = cache.get(sql);
  if (known) return known;
  let text = '';
  let positional = 0;
  const names: string[] = [];
  for (let i = 0; i < sql.length; ) {
    const c = sql[i];
    const skipTo = quotedEnd(sql, i);
    if (skipTo > i) {
      text += sql.slice(i, skipTo);
      i = skipTo;
    } else if (c === '?') {
      positional += 1;
      text += `$${positional}`;
      i += 1;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_]/.test(sql[end] ?? '')) end++;
      const name = sql.slice(i + 1, end);
      let at = names.indexOf(name);
      if (at === -1) at = names.push(name) - 1;
      text += `$${at + 1}`;
      i = end;
    } else {
      text += c;
      i += 1;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error('SQL mixes ? and @name parameters');
  const numbered = { text, positional, names };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sql, numbered);
  return numbered;
}

/** The end of a '…' literal, "…" name, -- or /* comment starting at i; i itself when none does. */
function quotedEnd(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"') {
    let end = i + 1;
    for (;;) {
      const close = sql.indexOf(c, end);
      if (close === -1) return sql.length;
      if (sql[close + 1] === c) end = close + 2; // '' or "" inside
      else return close + 1;
    }
  }
  if (c === '-' && sql[i + 1] === '-') {
    const close = sql.indexOf('\n', i);
    return close === -1 ? sql.length : close + 1;
  }
  if (c === '/' && sql[i + 1] === '*') {
    const close = sql.indexOf('*/', i + 2);
    return close === -1 ? sql.length : close + 2;
  }
  // Dollar quoting ($$…$$, $tag$…$tag$) in PL/pgSQL bodies.
  if (c === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
    if (tag) {
      const close = sql.indexOf(tag[0], i + tag[0].length);
      return close === -1 ? sql.length : close + tag[0].length;
    }
  }
  return i;
}

/** The values in $-order for a numbered statement. */
export function orderValues(numbered: Numbered, params: Params | undefined): unknown[] {
  if (params === undefined) {
    if (numbered.positional > 0 || numbered.names.length > 0) throw new Error('SQL has parameters but no values were given');
    return [];
  }
  if (Array.isArray(params)) {
    if (numbered.names.length > 0) throw new Error('SQL names its parameters but got a list of values');
    if (params.length !== numbered.positional) throw new Error(`SQL takes ${numbered.positional} values, got ${params.length}`);
    return params.map(checkValue);
  }
  const named = params as Readonly<Record<string, unknown>>;
  return numbered.names.map((name) => {
    if (!(name in named)) throw new Error(`no value for @${name}`);
    return checkValue(named[name]);
  });
}

/**
 * A value as better-sqlite3 would bind it: undefined is refused (it would be NULL in one driver and
 * an error in the other), Buffers and the rest go as they are.
 */
export function checkValue(value: unknown): unknown {
  if (value === undefined) throw new Error('undefined is not a value a register stores (use null)');
  if (typeof value === 'boolean') throw new Error('booleans are stored as 0 or 1');
  return value;
}
