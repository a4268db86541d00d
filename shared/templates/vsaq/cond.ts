// VSAQ `cond` expressions: `a || b`, `a && !b`, parentheses, and identifiers such as
// `choice_id`, `check_id/yes` or `yesno_id/no`. A real tokenizer and a recursive-descent parser
// with the usual precedence: `!` binds tightest, then `&&`, then `||`.

export type CondAst =
  | { type: 'ref'; name: string; position: number }
  | { type: 'not'; operand: CondAst; position: number }
  | { type: 'and' | 'or'; operands: CondAst[]; position: number };

export class CondSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based index into the expression. */
    readonly position: number,
  ) {
    super(message);
    this.name = 'CondSyntaxError';
  }
}

export type CondToken =
  | { type: 'ident'; value: string; position: number }
  | { type: '&&' | '||' | '!' | '(' | ')'; position: number }
  | { type: 'end'; position: number };

/** Deeper nesting than this is refused rather than risking the stack. */
export const MAX_COND_DEPTH = 100;

/** Characters that end an identifier (VSAQ's own set, plus the string quote). */
const SPECIAL = ' \t\n\r\f\v()!&|,"';

export function tokenizeCond(expression: string): CondToken[] {
  const tokens: CondToken[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '&' || c === '|') {
      if (expression[i + 1] !== c) throw new CondSyntaxError(`"${c}" must be doubled ("${c}${c}")`, i);
      tokens.push({ type: c === '&' ? '&&' : '||', position: i });
      i += 2;
      continue;
    }
    if (c === '!' || c === '(' || c === ')') {
      tokens.push({ type: c, position: i });
      i += 1;
      continue;
    }
    if (c === ',' || c === '"') {
      throw new CondSyntaxError('function calls and quoted strings (such as matches(id, "…")) are not supported', i);
    }
    const start = i;
    while (i < expression.length && !SPECIAL.includes(expression[i]!)) i += 1;
    tokens.push({ type: 'ident', value: expression.slice(start, i), position: start });
  }
  tokens.push({ type: 'end', position: expression.length });
  return tokens;
}

/**
 * Parses a condition. Returns null for an empty expression (VSAQ: always shown).
 * Throws CondSyntaxError with the position of the first problem.
 */
export function parseCond(expression: string): CondAst | null {
  const tokens = tokenizeCond(expression);
  if (tokens.length === 1) return null;
  let k = 0;
  const peek = () => tokens[k]!;
  const describe = (t: CondToken) => (t.type === 'end' ? 'the end' : t.type === 'ident' ? `"${t.value}"` : `"${t.type}"`);

  const or = (depth: number): CondAst => {
    const first = and(depth);
    const operands = [first];
    while (peek().type === '||') {
      k += 1;
      operands.push(and(depth));
    }
    return operands.length === 1 ? first : { type: 'or', operands, position: first.position };
  };
  const and = (depth: number): CondAst => {
    const first = unary(depth);
    const operands = [first];
    while (peek().type === '&&') {
      k += 1;
      operands.push(unary(depth));
    }
    return operands.length === 1 ? first : { type: 'and', operands, position: first.position };
  };
  const unary = (depth: number): CondAst => {
    if (depth > MAX_COND_DEPTH) throw new CondSyntaxError(`nested more than ${MAX_COND_DEPTH} levels deep`, peek().position);
    const t = peek();
    if (t.type === '!') {
      k += 1;
      return { type: 'not', operand: unary(depth + 1), position: t.position };
    }
    if (t.type === '(') {
      k += 1;
      const inner = or(depth + 1);
      const close = peek();
      if (close.type !== ')') throw new CondSyntaxError(`expected ")" to close the "(" at character ${t.position + 1}, found ${describe(close)}`, close.position);
      k += 1;
      return inner;
    }
    if (t.type === 'ident') {
      k += 1;
      if (peek().type === '(') throw new CondSyntaxError(`function calls such as ${t.value}(…) are not supported`, t.position);
      return { type: 'ref', name: t.value, position: t.position };
    }
    throw new CondSyntaxError(`expected an id, "!" or "(", found ${describe(t)}`, t.position);
  };

  const ast = or(0);
  const rest = peek();
  if (rest.type !== 'end') {
    const hint = rest.type === 'ident' || rest.type === '(' || rest.type === '!' ? ' (missing "&&" or "||"?)' : '';
    throw new CondSyntaxError(`unexpected ${describe(rest)}${hint}`, rest.position);
  }
  return ast;
}

/** Every identifier of a condition, in order. */
export function condRefs(ast: CondAst | null): { name: string; position: number }[] {
  if (!ast) return [];
  if (ast.type === 'ref') return [{ name: ast.name, position: ast.position }];
  if (ast.type === 'not') return condRefs(ast.operand);
  return ast.operands.flatMap(condRefs);
}
