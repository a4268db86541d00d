// Which regional face draws each Han run of a document (see shared/domain/report-language.ts).
//
// The script runs (script-runs.ts) cut text into runs by what a font can draw, and put every Han,
// kana and CJK-punctuation run in one font (the "slot": Fallback-CJK). This pass, run on their
// output, moves each such run to the face of its region. The text around a run decides: a
// paragraph (a block's whole text, or a table cell) is cut into parts at list separators (", ",
// "; ", " — ", " and ", brackets, line breaks), and a part with kana is Japanese, one with hangul Korean;
// else the report's language decides. So "東京" next to "ガス" in one name is drawn as Japanese,
// while in "中華電信, 東京ガス" only the second name is. A run the regional face cannot draw
// entirely stays in the slot's font.
//
// Pure: no Node, no DOM. What a font covers is asked of the caller.
import { mapContainer, mapDocument } from './doc-map';
import { hanVariantFor, type HanVariant } from '../domain/report-language';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface HanFaceOptions {
  /** The family the script runs put Han text in. */
  slot: string;
  /** The variant for Han text with no kana or hangul: the report's language's. */
  reportVariant: HanVariant;
  /** The family of a variant's face on this machine, or null when there is none. */
  familyOf(variant: HanVariant): string | null;
  /** Does the family have a glyph for the code point? */
  covers(family: string, codePoint: number): boolean;
}

export interface HanFacesResult<T> {
  doc: T;
  /** Families the Han runs now use (the slot included when a run stayed in it); live like FontRunsResult. */
  used: Set<string>;
}

/** All the text of a block's `text` (a string, an inline, or a list of them), joined. */
function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(plainText).join('');
  if (isObj(text)) return plainText(text.text);
  return '';
}

/**
 * Where a paragraph divides into parts judged separately: a comma or semicolon and a space, a dash,
 * bullet, slash or bar between spaces, the words the layouts join names with ("A, B and C",
 * "A vs B"), brackets, line breaks. Japanese and Chinese text use their
 * own punctuation (、，。) inside a sentence, so these cut between names, not within one.
 */
const SEPARATOR = /[,;]\s+|\s+[-–—·|/]\s+|\s+(?:and|or|vs\.?|versus)\s+|[()[\]]|\n/g;

/** The variant of each UTF-16 position of a paragraph's text, by the part it is in. */
function variantsOf(text: string, reportVariant: HanVariant): HanVariant[] {
  const at: HanVariant[] = new Array<HanVariant>(text.length);
  let start = 0;
  const close = (end: number) => {
    const variant = hanVariantFor(text.slice(start, end), reportVariant);
    at.fill(variant, start, end);
    start = end;
  };
  for (const match of text.matchAll(SEPARATOR)) close(match.index + match[0].length);
  close(text.length);
  return at;
}

class HanFaces {
  readonly used = new Set<string>();
  constructor(private readonly options: HanFaceOptions) {}

  /** The family for a piece of a run in the slot's font. */
  private face(text: string, variant: HanVariant): string {
    const family = this.options.familyOf(variant);
    const drawable =
      family !== null && [...text].every((ch) => /\s/u.test(ch) || this.options.covers(family, ch.codePointAt(0)!));
    const chosen = drawable ? family : this.options.slot;
    this.used.add(chosen);
    return chosen;
  }

  /**
   * The inlines of a block, with each run in the slot's font moved to the face of the part it is
   * in (split where it spans parts of different regions). `offset` walks the paragraph's text in
   * the order plainText joins it.
   */
  private inlines(text: unknown, variants: readonly HanVariant[], offset: { at: number }): unknown {
    if (typeof text === 'string') {
      offset.at += text.length;
      return text;
    }
    if (Array.isArray(text)) return text.flatMap((item) => this.pieces(item, variants, offset));
    if (!isObj(text)) return text;
    const pieces = this.pieces(text, variants, offset);
    return pieces.length === 1 ? pieces[0] : pieces;
  }

  private pieces(item: unknown, variants: readonly HanVariant[], offset: { at: number }): unknown[] {
    if (!isObj(item)) return [this.inlines(item, variants, offset)];
    if (item.font === this.options.slot && typeof item.text === 'string') {
      const text = item.text;
      const start = offset.at;
      offset.at += text.length;
      // Consecutive characters of one variant make one piece.
      const out: Obj[] = [];
      let from = 0;
      for (let i = 1; i <= text.length; i++) {
        if (i < text.length && variants[start + i] === variants[start + from]) continue;
        // Never cut a surrogate pair.
        if (i < text.length && /[\udc00-\udfff]/.test(text[i]!)) continue;
        const piece = text.slice(from, i);
        out.push({ ...item, text: piece, font: this.face(piece, variants[start + from] ?? this.options.reportVariant) });
        from = i;
      }
      if (out.length <= 1) return [out[0] ?? { ...item }];
      // Properties that pdfmake wants once (an id, a table-of-contents entry) stay on the first piece.
      for (const piece of out.slice(1)) {
        delete piece.id;
        delete piece.tocItem;
      }
      return out;
    }
    const copy: Obj = { ...item };
    if (typeof copy.text === 'string') offset.at += copy.text.length;
    else if (Array.isArray(copy.text) || isObj(copy.text)) copy.text = this.inlines(copy.text, variants, offset);
    return [copy];
  }

  node(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((child) => this.node(child));
    if (!isObj(node)) return node;
    const container = mapContainer(node, (child) => this.node(child));
    if (container) return container;
    const copy: Obj = { ...node };
    if (isObj(node.table)) {
      const table: Obj = { ...node.table };
      if (Array.isArray(table.body)) {
        table.body = table.body.map((row: unknown) => (Array.isArray(row) ? row.map((cell: unknown) => this.node(cell)) : row));
      }
      copy.table = table;
    } else if (node.text !== undefined) {
      const variants = variantsOf(plainText(node.text), this.options.reportVariant);
      copy.text = this.inlines(node.text, variants, { at: 0 });
    } else if (isObj(node.toc) && node.toc.title !== undefined && node.toc.title !== null) {
      copy.toc = { ...node.toc, title: this.node(node.toc.title) };
    }
    return copy;
  }

}

/**
 * Moves every run in the slot's font to its regional Han face (content, header, footer and
 * background; functions are wrapped). The input is not modified.
 */
export function assignHanFaces<T extends object>(doc: T, options: HanFaceOptions): HanFacesResult<T> {
  const pass = new HanFaces(options);
  const copy = mapDocument(doc, (value) => pass.node(value));
  return { doc: copy, used: pass.used };
}
