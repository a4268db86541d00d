// Which regional face draws each Han run of a document (see shared/domain/report-language.ts).
//
// The script runs (script-runs.ts) cut text into runs by what a font can draw, and put every Han,
// kana and CJK-punctuation run in one font (the "slot": Fallback-CJK). This pass, run on their
// output, moves each such run to the face of its region: the paragraph's kana make it Japanese,
// its hangul Korean, else the report's language decides. A paragraph (a block's whole text, or a
// table cell) is judged as a whole, so "東京" next to "ガス" in one name is drawn as Japanese. A run
// the regional face cannot draw entirely stays in the slot's font.
//
// Pure: no Node, no DOM. What a font covers is asked of the caller.
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

class HanFaces {
  readonly used = new Set<string>();
  constructor(private readonly options: HanFaceOptions) {}

  /** The family for one run in the slot's font. */
  private face(text: string, variant: HanVariant): string {
    const family = this.options.familyOf(variant);
    const drawable =
      family !== null && [...text].every((ch) => /\s/u.test(ch) || this.options.covers(family, ch.codePointAt(0)!));
    const chosen = drawable ? family : this.options.slot;
    this.used.add(chosen);
    return chosen;
  }

  /** The inlines of a block, with Han runs moved to `variant`'s face. */
  private inlines(text: unknown, variant: HanVariant): unknown {
    if (Array.isArray(text)) return text.map((item) => this.inlines(item, variant));
    if (!isObj(text)) return text;
    const copy: Obj = { ...text };
    if (copy.font === this.options.slot && typeof copy.text === 'string') copy.font = this.face(copy.text, variant);
    else if (Array.isArray(copy.text) || isObj(copy.text)) copy.text = this.inlines(copy.text, variant);
    return copy;
  }

  node(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((child) => this.node(child));
    if (!isObj(node)) return node;
    const copy: Obj = { ...node };
    if (node.section) copy.section = this.node(node.section);
    else if (Array.isArray(node.columns)) copy.columns = node.columns.map((child) => this.node(child));
    else if (Array.isArray(node.stack)) copy.stack = node.stack.map((child) => this.node(child));
    else if (Array.isArray(node.ul)) copy.ul = node.ul.map((child) => this.node(child));
    else if (Array.isArray(node.ol)) copy.ol = node.ol.map((child) => this.node(child));
    else if (isObj(node.table)) {
      const table: Obj = { ...node.table };
      if (Array.isArray(table.body)) {
        table.body = table.body.map((row: unknown) => (Array.isArray(row) ? row.map((cell: unknown) => this.node(cell)) : row));
      }
      copy.table = table;
    } else if (node.text !== undefined) {
      const variant = hanVariantFor(plainText(node.text), this.options.reportVariant);
      copy.text = this.inlines(node.text, variant);
    } else if (isObj(node.toc) && node.toc.title !== undefined && node.toc.title !== null) {
      copy.toc = { ...node.toc, title: this.node(node.toc.title) };
    }
    return copy;
  }

  dynamic(value: unknown): unknown {
    if (typeof value === 'function') {
      const original = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => this.node(original(...args));
    }
    return value === undefined ? value : this.node(value);
  }
}

/**
 * Moves every run in the slot's font to its regional Han face (content, header, footer and
 * background; functions are wrapped). The input is not modified.
 */
export function assignHanFaces<T extends object>(doc: T, options: HanFaceOptions): HanFacesResult<T> {
  const pass = new HanFaces(options);
  const source = doc as Obj;
  const copy: Obj = { ...source };
  if ('content' in source) copy.content = pass.node(source.content);
  for (const key of ['header', 'footer', 'background'] as const) {
    if (key in source) copy[key] = pass.dynamic(source[key]);
  }
  return { doc: copy as T, used: pass.used };
}
