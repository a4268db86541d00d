// Right-to-left text in reports: the Unicode Bidirectional Algorithm (UAX #9) in two halves.
//
// Levels are resolved per paragraph before layout (rules P–I, by bidi-js), but the visual order
// can only be decided per line (rules L1–L2), after the line breaker has decided where the
// lines end: reordering a whole paragraph first and breaking it afterwards puts the last
// logical words on the first line, so a wrapped right-to-left paragraph reads bottom-up.
//
// - resolveBidi (before layout, from applyFontRuns): the embedding level of every character and
//   the base level of its paragraph. applyFontRuns cuts the inlines of a text node wherever the
//   level changes and marks each piece with a BidiMark; pdfmake copies that mark onto every word
//   it cuts the piece into.
// - orderLine (after line breaking, from the PDF runtime's hook into pdfmake): the words of one
//   line, still in logical order, are put in visual order (L1: whitespace at the end of the line
//   goes back to the paragraph level; L2: reverse every stretch at each level from the highest
//   down to 1; L4: brackets and other mirrored characters at odd levels are swapped for their
//   mirror images, which no font here does by itself), and their x positions are worked out again.
//
// Inside a word, fontkit does the reversing: it draws a piece of text whose first letter of a
// specific script is Arabic, Hebrew, … right to left, and everything else left to right. A word
// whose level says otherwise (punctuation alone at an odd level, Arabic-Indic digits at an even
// one) gets its clusters reversed here, so that fontkit's reversal and ours add up to the right
// order.
//
// Pure: no Node, no DOM.
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** The bidi level of a piece of text and the base level of its paragraph (0: left to right, 1: right to left). */
export interface BidiMark {
  level: number;
  base: number;
}

export interface ResolvedBidi {
  /** The embedding level of every UTF-16 unit. */
  levels: Uint8Array;
  /** The base level of the paragraph every UTF-16 unit belongs to. */
  bases: Uint8Array;
}

/** Levels (UAX #9 P2–I2, each paragraph's direction from its first strong letter). */
export function resolveBidi(text: string): ResolvedBidi {
  const embedding = bidi.getEmbeddingLevels(text);
  const bases = new Uint8Array(text.length);
  for (const paragraph of embedding.paragraphs) bases.fill(paragraph.level, paragraph.start, paragraph.end + 1);
  return { levels: embedding.levels, bases };
}

/**
 * L4: the characters with a mirror image (brackets, «», <, ≤, …) swapped for it, for text at an
 * odd level. Done after line breaking: "(" and ")" break lines differently (UAX #14 OP and CL).
 */
export function mirrored(text: string): string {
  let out = '';
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch;
  return out;
}

// ─────────────────────────────────────────────────────────────── lines

/** A word of a laid-out line, as pdfmake's Line holds it (only what orderLine reads and writes). */
export interface LineInline {
  text: string;
  width: number;
  x?: number;
  leadingCut?: number;
  trailingCut?: number;
  bidi?: BidiMark;
}

/** A laid-out line: its words in logical order, their widths, and the whitespace hanging off its ends. */
export interface LaidOutLine {
  inlines: LineInline[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
}

/** Does `text` belong to a script written right to left (the blocks of Hebrew, Arabic, Syriac, Thaana, NKo, …)? */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const RIGHT_TO_LEFT_TYPES = new Set(['R', 'AL', 'AN']);

/**
 * Does the text need bidi levels: has it a right-to-left letter or an Arabic number (bidi types
 * R, AL, AN), or a character fontkit would draw right to left? Without one, every level is 0 and
 * nothing moves (explicit embeddings and overrides in otherwise left-to-right text are not honoured).
 */
export function hasRightToLeftScript(text: string): boolean {
  if (RTL_SCRIPT.test(text)) return true;
  for (const ch of text) {
    if (ch.charCodeAt(0) >= 0x0590 && RIGHT_TO_LEFT_TYPES.has(bidi.getBidiCharTypeName(ch))) return true;
  }
  return false;
}

const SPECIFIC_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * Does fontkit draw `text` right to left? fontkit (fontkit/src/layout/Script.js, forString and
 * direction) takes the script of the first character that is not Common, Inherited or Unknown,
 * and reverses the glyphs when that script is written right to left.
 */
export function fontkitDrawsReversed(text: string): boolean {
  const first = SPECIFIC_SCRIPT.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

const EXTENDER = /^(?:\p{M}|\u200C|\u200D|[\uFE00-\uFE0F])$/u;

/** The text with its clusters (a base and the marks that follow it) in reverse order. */
export function reverseClusters(text: string): string {
  const clusters: string[] = [];
  for (const ch of text) {
    if (clusters.length > 0 && EXTENDER.test(ch)) clusters[clusters.length - 1] += ch;
    else clusters.push(ch);
  }
  return clusters.reverse().join('');
}

const TRAILING_SPACE = /\s+$/u;

/** L2: the visual order of items with these levels (indices into them). */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, index) => index);
  const at = order.map((index) => levels[index]!);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if (at[i]! < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && at[j]! >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      at.splice(i, j - i, ...at.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

/**
 * Puts the words of one laid-out line in visual order (UAX #9 L1–L2) when they carry bidi marks,
 * and works out their x positions and the whitespace hanging off the line's ends again. Returns
 * false (and changes nothing) for a line without marks. `drawsReversed` says whether the font
 * engine draws a word right to left by itself (fontkit's rule by default).
 */
export function orderLine(line: LaidOutLine, drawsReversed: (text: string) => boolean = fontkitDrawsReversed): boolean {
  const inlines = line.inlines;
  const marked = inlines.find((inline) => inline.bidi);
  if (!marked) return false;
  const base = marked.bidi!.base;
  const levels = inlines.map((inline) => inline.bidi?.level ?? base);

  // L1: whitespace at the end of the line takes the paragraph level. pdfmake already leaves the
  // last word's trailing whitespace out of the line's width; when that word is at another level,
  // the whitespace would be drawn inside the line, so it is dropped.
  for (let k = inlines.length - 1; k >= 0 && inlines[k]!.text.trim() === ''; k--) levels[k] = base;
  const last = inlines[inlines.length - 1]!;
  const lastLevel = levels[inlines.length - 1]!;
  if (lastLevel !== base && TRAILING_SPACE.test(last.text)) {
    last.text = last.text.replace(TRAILING_SPACE, '');
    last.width = Math.max(0, last.width - (last.trailingCut ?? 0));
    last.trailingCut = 0;
  }

  const order = visualOrder(levels);
  const visual = order.map((index) => inlines[index]!);
  // Whitespace on the left and on the right of each word as drawn: a word drawn right to left has its trailing whitespace on the left.
  const left: number[] = [];
  const right: number[] = [];
  order.forEach((index, position) => {
    const inline = inlines[index]!;
    const rtl = levels[index]! % 2 === 1;
    if (rtl) inline.text = mirrored(inline.text);
    if (rtl !== drawsReversed(inline.text)) inline.text = reverseClusters(inline.text);
    left[position] = rtl ? (inline.trailingCut ?? 0) : (inline.leadingCut ?? 0);
    right[position] = rtl ? (inline.leadingCut ?? 0) : (inline.trailingCut ?? 0);
  });

  const leadingCut = left[0] ?? 0;
  let x = 0;
  for (const inline of visual) {
    inline.x = x - leadingCut;
    x += inline.width;
  }
  line.inlines = visual;
  line.inlineWidths = x;
  line.leadingCut = leadingCut;
  line.trailingCut = right[right.length - 1] ?? 0;
  return true;
}

/**
 * A name put into an English sentence, isolated (FSI … PDI, UAX #9 X5c) when it has right-to-left
 * letters: the sentence keeps its left-to-right direction and the name its own, so "Compared:
 * <Hebrew name> and Acme" does not turn the whole line right to left (the paragraph direction comes
 * from its first strong letter). The isolate marks are not drawn, and metadata strips them.
 */
export function isolate(name: string): string {
  // The name's own direction marks go first: an unpaired isolate or an override inside would
  // close ours early or run past it into the rest of the line.
  const bare = name.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  return hasRightToLeftScript(bare) ? `\u2068${bare}\u2069` : bare;
}
