// Font runs for text the bundled font cannot show, and visual order for right-to-left words.
//
// pdfmake draws each inline with one font and has no font fallback: a Japanese or Arabic name in
// a report would come out as empty boxes. splitIntoRuns cuts a string into runs, each in the first
// font (of an ordered list) that has its characters; applyFontRuns does that for every string of a
// pdfmake document definition and replaces the strings that need another font by inline runs.
//
// Right-to-left text: fontkit shapes Arabic and reverses the glyphs of each piece of text it is
// given, but pdfkit and pdfmake cut text at spaces and line-break opportunities and set the pieces
// left to right, so the words of a multi-word Arabic or Hebrew phrase would come out in reverse
// order. applyFontRuns therefore applies a simplified Unicode bidi algorithm at word level
// (reorderForDisplay): the paragraph direction comes from the first strong letter, neutrals take
// the direction of their neighbours, numbers stay left to right, and the words of right-to-left
// stretches are emitted in visual order, one inline per word, so that fontkit's own reversal of
// each word completes the picture. Text extractors (pdftotext) read it back in logical order.
// Limits: mirrored brackets are not mirrored, and a right-to-left stretch that wraps over several
// lines shows its lines in reverse order (report values are short: names, labels, notes).
//
// Pure: no Node, no DOM. The caller decides what a font covers (fontkit in electron/core/reports).

/** A piece of text in one font. */
export interface FontRun {
  text: string;
  font: string;
}

/** Does `font` have a glyph for `codePoint`? */
export type Covers = (font: string, codePoint: number) => boolean;

// ─────────────────────────────────────────────────────────────── character classes

const MARK = /^\p{M}$/u;

/** Characters that belong to the cluster before them: combining marks (and variation selectors), ZWNJ, ZWJ, skin tones, tags. */
function isExtender(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp === 0x200c || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f) || MARK.test(ch);
}
/** Neutral characters stay in the current run when its font has them, so that runs do not fragment. */
const NEUTRAL = /^[\p{Z}\p{P}\p{S}\p{N}\s]$/u;
/** Never reported as missing and never a reason to switch fonts: controls, format characters, variation selectors. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const LETTER = /^\p{L}$/u;

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** Blocks of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, …); only letters in them are strong RTL. */
function inRtlBlock(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff) ||
    (cp >= 0x10800 && cp <= 0x10fff) ||
    (cp >= 0x1e800 && cp <= 0x1efff)
  );
}

function isRtlLetter(ch: string): boolean {
  return inRtlBlock(ch.codePointAt(0)!) && LETTER.test(ch);
}

/** Does the text contain a right-to-left letter? */
export function hasRtl(text: string): boolean {
  for (const ch of text) {
    if (isRtlLetter(ch)) return true;
  }
  return false;
}

// ─────────────────────────────────────────────────────────────── clusters and runs

/** Splits text into clusters: a base code point and what belongs to it (marks, ZWJ sequences, flags). */
function clusters(text: string): string[][] {
  const out: string[][] = [];
  const cps = Array.from(text);
  for (let i = 0; i < cps.length; i++) {
    const cluster = [cps[i]!];
    while (i + 1 < cps.length) {
      const next = cps[i + 1]!;
      if (next === '\u200D' && i + 2 < cps.length) {
        cluster.push(next, cps[i + 2]!);
        i += 2;
      } else if (isExtender(next)) {
        cluster.push(next);
        i++;
      } else if (cluster.length === 1 && isRegionalIndicator(cluster[0]!.codePointAt(0)!) && isRegionalIndicator(next.codePointAt(0)!)) {
        cluster.push(next);
        i++;
      } else {
        break;
      }
    }
    out.push(cluster);
  }
  return out;
}

/** The code points of a cluster that need a glyph (not ZWJ, ZWNJ, variation selectors, controls). */
function visible(cluster: readonly string[]): string[] {
  return cluster.filter((ch) => !INVISIBLE.test(ch));
}

/**
 * Cuts `text` into runs, each in the first font of `fonts` (in order) that has its characters.
 * Walks code points, not UTF-16 units; a combining mark, a ZWJ sequence or a variation selector
 * stays with its base; spaces, punctuation and digits stay in the current run when its font has
 * them. Characters no font has stay in the first font's run and are listed in `missing` (unique,
 * in order of appearance). Runs are in logical order; see reorderForDisplay for right-to-left.
 */
export function splitIntoRuns(text: string, fonts: readonly string[], covers: Covers): { runs: FontRun[]; missing: string[] } {
  if (fonts.length === 0) throw new Error('splitIntoRuns needs at least one font');
  const runs: FontRun[] = [];
  const missing: string[] = [];
  const has = (font: string, chars: readonly string[]) => chars.every((ch) => covers(font, ch.codePointAt(0)!));
  let current = -1;

  for (const cluster of clusters(text)) {
    const base = cluster[0]!;
    const needed = visible(cluster);
    let chosen = -1;
    if (needed.length === 0) {
      // Only invisible characters (a newline, a ZWSP): they stay where they are.
      chosen = current >= 0 ? current : 0;
    } else {
      if (current >= 0 && (NEUTRAL.test(base) || INVISIBLE.test(base)) && has(fonts[current]!, needed)) chosen = current;
      if (chosen < 0) chosen = fonts.findIndex((font) => has(font, needed));
      if (chosen < 0) {
        // No font has the whole cluster: the first font that has its base, else the first font.
        const first = needed[0]!;
        chosen = fonts.findIndex((font) => covers(font, first.codePointAt(0)!));
        if (chosen < 0) chosen = 0;
      }
      for (const ch of needed) {
        if (!covers(fonts[chosen]!, ch.codePointAt(0)!) && !missing.includes(ch)) missing.push(ch);
      }
    }
    const piece = cluster.join('');
    const last = runs[runs.length - 1];
    if (last && chosen === current) last.text += piece;
    else runs.push({ text: piece, font: fonts[chosen]! });
    current = chosen;
  }
  return { runs, missing };
}

// ─────────────────────────────────────────────────────────────── right-to-left order

type Kind = 'L' | 'R' | 'EN' | 'WS' | 'ON' | 'NL';

interface Token {
  text: string;
  font: string;
  kind: Kind;
  level: number;
}

const TOKEN =
  /\r\n|\r|\n|[^\S\r\n]+|\p{Nd}+(?:[.,:\u066B\u066C]\p{Nd}+)*|[\p{L}\p{M}\u200C\u200D]+|[^\s\p{L}\p{Nd}\p{M}\u200C\u200D](?:[\p{M}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\u200D[^\s])*/gu;

function kindOf(text: string): Kind {
  if (text === '\n' || text === '\r' || text === '\r\n') return 'NL';
  if (/^\s+$/u.test(text)) return 'WS';
  if (/^\p{Nd}/u.test(text)) return 'EN';
  let letter = false;
  for (const ch of text) {
    if (isRtlLetter(ch)) return 'R';
    if (LETTER.test(ch)) letter = true;
  }
  return letter ? 'L' : 'ON';
}

function tokenize(runs: readonly FontRun[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    let consumed = 0;
    for (const match of run.text.matchAll(TOKEN)) {
      if (match.index !== consumed) {
        // Defensive: the pattern matches every code point; should a gap ever appear, keep it as neutral text.
        tokens.push({ text: run.text.slice(consumed, match.index), font: run.font, kind: 'ON', level: 0 });
      }
      tokens.push({ text: match[0], font: run.font, kind: kindOf(match[0]), level: 0 });
      consumed = match.index + match[0].length;
    }
    if (consumed < run.text.length) tokens.push({ text: run.text.slice(consumed), font: run.font, kind: 'ON', level: 0 });
  }
  return tokens;
}

/** Levels for one line (simplified UBA: P2/P3, W7, N1/N2, I1/I2, L1). */
function resolveLine(line: Token[]): void {
  const firstStrong = line.find((t) => t.kind === 'L' || t.kind === 'R');
  const base = firstStrong?.kind === 'R' ? 1 : 0;
  const baseDir: 'L' | 'R' = base === 1 ? 'R' : 'L';
  // W7: a number after a left-to-right letter (or at the start of a left-to-right line) is left to right;
  // otherwise it is a number in right-to-left context ('AN'), which acts as R for the neutrals around it.
  const dir: ('L' | 'R' | 'AN' | null)[] = [];
  let lastStrong: 'L' | 'R' = baseDir;
  for (const t of line) {
    if (t.kind === 'L' || t.kind === 'R') {
      lastStrong = t.kind;
      dir.push(t.kind);
    } else if (t.kind === 'EN') {
      dir.push(lastStrong === 'L' ? 'L' : 'AN');
    } else {
      dir.push(null);
    }
  }
  // N1/N2: a stretch of neutrals between two strongs of the same direction takes it; else the base direction.
  for (let i = 0; i < line.length; ) {
    if (dir[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && dir[j] === null) j++;
    const before = i === 0 ? baseDir : dir[i - 1] === 'L' ? 'L' : 'R';
    const after = j === line.length ? baseDir : dir[j] === 'L' ? 'L' : 'R';
    const resolved = before === after ? before : baseDir;
    for (let k = i; k < j; k++) dir[k] = resolved;
    i = j;
  }
  line.forEach((t, i) => {
    const d = dir[i]!;
    if (base === 0) t.level = d === 'L' ? 0 : d === 'R' ? 1 : 2;
    else t.level = d === 'R' ? 1 : 2;
  });
  // L1: trailing whitespace goes back to the paragraph level.
  for (let i = line.length - 1; i >= 0 && line[i]!.kind === 'WS'; i--) line[i]!.level = base;
}

/** L2: from the highest level down to 1, reverse every stretch at that level or higher. */
function reorderLine(line: Token[]): Token[] {
  const out = line.slice();
  const max = Math.max(0, ...out.map((t) => t.level));
  for (let level = max; level >= 1; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}

/**
 * Puts runs in visual (left-to-right drawing) order when they contain right-to-left letters.
 * Right-to-left words come out one per run, so that pdfkit hands each word to fontkit alone
 * (fontkit reverses the glyphs of a right-to-left word itself); left-to-right stretches are
 * merged back into as few runs as possible. Text without right-to-left letters is returned as is.
 */
export function reorderForDisplay(runs: readonly FontRun[]): FontRun[] {
  if (!runs.some((run) => hasRtl(run.text))) return runs.map((run) => ({ ...run }));
  const tokens = tokenize(runs);
  const ordered: Token[] = [];
  let line: Token[] = [];
  const flush = () => {
    resolveLine(line);
    ordered.push(...reorderLine(line));
    line = [];
  };
  for (const token of tokens) {
    if (token.kind === 'NL') {
      flush();
      ordered.push(token);
    } else {
      line.push(token);
    }
  }
  flush();

  const out: (FontRun & { odd: boolean })[] = [];
  for (const token of ordered) {
    const odd = token.kind !== 'NL' && token.level % 2 === 1;
    const last = out[out.length - 1];
    if (last && !odd && !last.odd && last.font === token.font) last.text += token.text;
    else out.push({ text: token.text, font: token.font, odd });
  }
  return out.map(({ text, font }) => ({ text, font }));
}

// ─────────────────────────────────────────────────────────────── document definitions

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties that must stay on the first of several runs made from one inline (pdfmake rejects duplicate ids). */
const FIRST_RUN_ONLY = ['id', 'tocItem'] as const;

class FontRunner {
  readonly missing: string[] = [];
  readonly used: string[] = [];
  private readonly missingSeen = new Set<string>();
  private readonly usedSeen = new Set<string>();

  constructor(
    private readonly fonts: readonly string[],
    private readonly covers: Covers,
  ) {}

  /** The runs for a string, or null when the first font shows all of it in logical order. */
  runs(text: string): FontRun[] | null {
    if (text.length === 0) return null;
    const { runs, missing } = splitIntoRuns(text, this.fonts, this.covers);
    for (const ch of missing) {
      if (!this.missingSeen.has(ch)) {
        this.missingSeen.add(ch);
        this.missing.push(ch);
      }
    }
    const rtl = hasRtl(text);
    if (!rtl && runs.every((run) => run.font === this.fonts[0])) return null;
    const display = rtl ? reorderForDisplay(runs) : runs;
    for (const run of display) {
      if (!this.usedSeen.has(run.font)) {
        this.usedSeen.add(run.font);
        this.used.push(run.font);
      }
    }
    return display;
  }

  node(node: unknown): unknown {
    if (typeof node === 'string') {
      const runs = this.runs(node);
      return runs ? { text: runs } : node;
    }
    if (Array.isArray(node)) return node.map((child) => this.node(child));
    if (!isObj(node)) return node;
    // The same order of precedence as pdfmake's DocPreprocessor; image, svg, qr, canvas and
    // attachment nodes (and anything else) are copied as they are.
    const copy: Obj = { ...node };
    if (node.section) copy.section = this.node(node.section);
    else if (Array.isArray(node.columns)) copy.columns = node.columns.map((child) => this.node(child));
    else if (Array.isArray(node.stack)) copy.stack = node.stack.map((child) => this.node(child));
    else if (Array.isArray(node.ul)) copy.ul = node.ul.map((child) => this.node(child));
    else if (Array.isArray(node.ol)) copy.ol = node.ol.map((child) => this.node(child));
    else if (isObj(node.table)) copy.table = this.table(node.table);
    else if (node.text !== undefined) {
      if (!node.pageReference && !node.textReference) copy.text = this.blockText(node.text);
    } else if (isObj(node.toc)) {
      copy.toc = node.toc.title === undefined || node.toc.title === null ? { ...node.toc } : { ...node.toc, title: this.node(node.toc.title) };
    }
    return copy;
  }

  private table(table: Obj): Obj {
    const copy: Obj = { ...table };
    if (Array.isArray(table.body)) {
      copy.body = table.body.map((row: unknown) =>
        Array.isArray(row) ? row.map((cell: unknown) => (cell === null || cell === undefined ? cell : this.node(cell))) : row,
      );
    }
    return copy;
  }

  /** The `text` of a block node: a string, an inline, or a list of inlines. */
  private blockText(text: unknown): unknown {
    if (typeof text === 'string') return this.runs(text) ?? text;
    if (Array.isArray(text)) return this.inlines(text);
    if (isObj(text)) {
      const out = this.inlines([text]);
      return out.length === 1 && out[0] === text ? text : out;
    }
    return text;
  }

  /**
   * A list of inlines. pdfmake flattens nested inline lists and drops the style of the inline that
   * held them, so an inline that needs several fonts is replaced by several inlines that each carry
   * its style (bold, italics, colour, link, …) rather than by a nested list.
   */
  private inlines(items: readonly unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const item of items) {
      if (typeof item === 'string') {
        const runs = this.runs(item);
        if (runs) out.push(...runs);
        else out.push(item);
      } else if (isObj(item) && item.text !== undefined && !item.pageReference && !item.textReference) {
        if (typeof item.text === 'string') {
          const runs = this.runs(item.text);
          if (!runs) {
            out.push(item);
            continue;
          }
          runs.forEach((run, index) => {
            const piece: Obj = { ...item, text: run.text, font: run.font };
            if (index > 0) for (const key of FIRST_RUN_ONLY) delete piece[key];
            out.push(piece);
          });
        } else if (Array.isArray(item.text)) {
          out.push({ ...item, text: this.inlines(item.text) });
        } else if (isObj(item.text)) {
          out.push({ ...item, text: this.inlines([item.text]) });
        } else {
          out.push(item);
        }
      } else {
        out.push(item);
      }
    }
    return out;
  }

  /** header, footer, background: a node, or a function pdfmake calls per page (wrapped). */
  dynamic(value: unknown): unknown {
    if (typeof value === 'function') {
      const original = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => this.node(original(...args));
    }
    return value === undefined ? value : this.node(value);
  }
}

export interface FontRunsResult<T> {
  /** A copy of the document with the strings that need other fonts replaced by inline runs. */
  doc: T;
  /**
   * Characters no font has (unique, in order of appearance). A live list: a header or footer
   * function adds to it when pdfmake calls it during layout, so read it after rendering.
   */
  missing: string[];
  /** Fonts the runs use, in order of first use (live like `missing`). Strings left untouched use the first font. */
  used: string[];
}

/**
 * Replaces every string of a pdfmake document definition that needs a font other than `fonts[0]`
 * (or contains right-to-left letters) by inline runs `{ text, font }`, walking content, header,
 * footer and background (functions are wrapped, so the nodes they return are transformed too),
 * stacks, columns, lists, table cells, nested text and toc titles. svg, image, qr, canvas and
 * attachment nodes are left alone. The input is not modified.
 */
export function applyFontRuns<T extends object>(doc: T, fonts: readonly string[], covers: Covers): FontRunsResult<T> {
  if (fonts.length === 0) throw new Error('applyFontRuns needs at least one font');
  const runner = new FontRunner(fonts, covers);
  const source = doc as Obj;
  const copy: Obj = { ...source };
  if ('content' in source) copy.content = runner.node(source.content);
  for (const key of ['header', 'footer', 'background'] as const) {
    if (key in source) copy[key] = runner.dynamic(source[key]);
  }
  return { doc: copy as T, missing: runner.missing, used: runner.used };
}
