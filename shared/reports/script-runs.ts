// Font runs for text the bundled font cannot show, and bidi levels for right-to-left text.
//
// pdfmake draws each inline with one font and has no font fallback: a Japanese or Arabic name in
// a report would come out as empty boxes. splitIntoRuns cuts a string into runs, each in the first
// font (of an ordered list) that has its characters; applyFontRuns does that for every string of a
// pdfmake document definition and replaces the strings that need another font by inline runs.
// Every report (review report, subprocessor list, comparison) goes through applyFontRuns.
//
// Right-to-left text: fontkit shapes Arabic and reverses the glyphs of each word it is given, but
// pdfmake breaks lines at spaces and sets the words of a line left to right, so the words of an
// Arabic or Hebrew phrase need putting in visual order, and that can only be done per line, after
// line breaking (UAX #9 L1–L2; see bidi.ts). applyFontRuns does the part before layout: for every
// text node (a paragraph: all its inlines together) with right-to-left text, it resolves the
// levels with bidi-js, cuts the runs wherever the level changes and marks each run with its level
// and its paragraph's base level (`bidi`). Bidi formatting characters count for the levels and are
// not drawn, so a layout can set a name apart in an English sentence with FSI … PDI (U+2068,
// U+2069) and the sentence stays left to right whatever script the name starts with.
// The runs stay in logical order; the PDF runtime's hook into pdfmake's line layout
// (electron/core/reports/bidi-lines.ts) calls orderLine for every line that carries marks. Text
// extractors (pdftotext) read the lines back in logical order.
//
// Pure: no Node, no DOM. The caller decides what a font covers (fontkit in electron/core/reports).
import { mapContainer, mapDocument } from './doc-map';
import { hasRightToLeftScript, resolveBidi, type BidiMark, type ResolvedBidi } from './bidi';

/** A piece of text in one font (and, in a paragraph with right-to-left text, at one bidi level). */
export interface FontRun {
  text: string;
  font: string;
  bidi?: BidiMark;
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

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
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
 * in order of appearance). Runs are in logical order.
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

// ─────────────────────────────────────────────────────────────── document definitions

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties that must stay on the first of several runs made from one inline (pdfmake rejects duplicate ids). */
const FIRST_RUN_ONLY = ['id', 'tocItem'] as const;

/** The text of a paragraph in the order FontRunner.blockText and inlines walk it (references and non-strings count as nothing). */
function paragraphText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(inlineText).join('');
  return isObj(text) ? inlineText(text) : '';
}

function inlineText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (isObj(item) && item.text !== undefined && !item.pageReference && !item.textReference) return paragraphText(item.text);
  return '';
}

/** Bidi formatting characters (marks, embeddings, overrides, isolates): they set levels and are not drawn. */
const BIDI_CONTROL = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;

/**
 * Cuts runs (a string's share of a paragraph, starting at `start`) wherever the bidi level or the
 * paragraph changes, and marks each piece; never between the halves of a surrogate pair. Bidi
 * formatting characters are left out (rule X9): they have done their work in the levels, and a
 * fallback font without a glyph for them would draw a box.
 */
function splitByLevel(runs: readonly FontRun[], bidi: ResolvedBidi, start: number): FontRun[] {
  const marks = new Map<string, BidiMark>();
  const markAt = (index: number): BidiMark => {
    const level = bidi.levels[index]!;
    const base = bidi.bases[index]!;
    const key = `${level}/${base}`;
    let mark = marks.get(key);
    if (!mark) marks.set(key, (mark = { level, base }));
    return mark;
  };
  const out: FontRun[] = [];
  let index = start;
  for (const run of runs) {
    let piece: FontRun | null = null;
    for (const ch of run.text) {
      if (!BIDI_CONTROL.test(ch)) {
        const mark = markAt(index);
        if (piece && piece.bidi === mark) piece.text += ch;
        else out.push((piece = { text: ch, font: run.font, bidi: mark }));
      }
      index += ch.length;
    }
  }
  // Nothing but formatting characters: one empty run keeps the inline (and its id) in place.
  if (out.length === 0 && runs.length > 0) out.push({ text: '', font: runs[0]!.font, bidi: markAt(start) });
  return out;
}

class FontRunner {
  readonly missing: string[] = [];
  readonly used: string[] = [];
  private readonly missingSeen = new Set<string>();
  private readonly usedSeen = new Set<string>();

  constructor(
    private readonly fonts: readonly string[],
    private readonly covers: Covers,
  ) {}

  /** The paragraph being walked, when it has right-to-left text: its levels, and how far the walk has got. */
  private paragraph: { bidi: ResolvedBidi; offset: number } | null = null;

  /**
   * Walks one paragraph (a string, or the text of a text node with all its inlines): its bidi
   * levels are resolved over the whole of it, and `runs` takes each string's share in turn.
   */
  paragraphOf<R>(text: unknown, walk: () => R): R {
    const logical = paragraphText(text);
    const saved = this.paragraph;
    this.paragraph = hasRightToLeftScript(logical) ? { bidi: resolveBidi(logical), offset: 0 } : null;
    try {
      return walk();
    } finally {
      this.paragraph = saved;
    }
  }

  /**
   * The runs for a string, or null when the first font shows all of it and it needs no bidi
   * levels. In a paragraph with right-to-left text, every run carries its level (see bidi.ts).
   */
  runs(text: string): FontRun[] | null {
    if (text.length === 0) return null;
    const paragraph = this.paragraph;
    const start = paragraph?.offset ?? 0;
    if (paragraph) paragraph.offset += text.length;
    const { runs, missing } = splitIntoRuns(text, this.fonts, this.covers);
    for (const ch of missing) {
      if (!this.missingSeen.has(ch)) {
        this.missingSeen.add(ch);
        this.missing.push(ch);
      }
    }
    if (!paragraph && runs.every((run) => run.font === this.fonts[0])) return null;
    const out = paragraph ? splitByLevel(runs, paragraph.bidi, start) : runs;
    for (const run of out) {
      if (!this.usedSeen.has(run.font)) {
        this.usedSeen.add(run.font);
        this.used.push(run.font);
      }
    }
    return out;
  }

  node(node: unknown): unknown {
    if (typeof node === 'string') {
      const runs = this.paragraphOf(node, () => this.runs(node));
      return runs ? { text: runs } : node;
    }
    if (Array.isArray(node)) return node.map((child) => this.node(child));
    if (!isObj(node)) return node;
    // The same order of precedence as pdfmake's DocPreprocessor; image, svg, qr, canvas and
    // attachment nodes (and anything else) are copied as they are.
    const container = mapContainer(node, (child) => this.node(child));
    if (container) return container;
    const copy: Obj = { ...node };
    if (isObj(node.table)) copy.table = this.table(node.table);
    else if (node.text !== undefined) {
      if (!node.pageReference && !node.textReference) copy.text = this.paragraphOf(node.text, () => this.blockText(node.text));
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
            if (run.bidi) piece.bidi = run.bidi;
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
  const copy = mapDocument(doc, (value) => runner.node(value));
  return { doc: copy, missing: runner.missing, used: runner.used };
}
