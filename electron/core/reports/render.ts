// The PDF runtime: a pdfmake document definition (built by a pure layout in shared/reports) in,
// PDF bytes out, with nothing fetched and nothing read but the fonts.
//
// - Fonts: the bundled Noto Sans is the default; a string with characters it lacks is cut into
//   runs in fallback fonts found on this machine (see fonts.ts and shared/reports/script-runs.ts),
//   and only the fallbacks a document really uses are registered with pdfmake.
// - Access: every URL is denied (pdfmake would otherwise fetch http(s) images and fonts), and the
//   only local files pdfmake may open are the registered font files. Image nodes that are not a
//   data: URL, attachments and links to anything but http(s)/mailto are removed beforehand, and
//   SVG images cannot reach files or URLs either: user text never becomes a path or a URL.
// - Determinism and truth: the file claims no creation or modification time. Vetted cannot know
//   one without a clock, and a document dated "as of" an earlier day is not created on that day;
//   its date is in the keywords ("As of 2026-11-20"), as on every page. So the same document and
//   date give the same bytes. pdfkit derives the file /ID from the info dictionary
//   (PDFSecurity.generateFileID: an MD5 of its values) and names font subsets after the font's
//   order in the document (EmbeddedFont.embed: "BZZZZZ+NotoSans-Regular" for F1), not randomly;
//   the XMP packet is written from the same fixed values; encryption (random salts) is never enabled.
// - Archival: PDF/A-2b (ISO 19005-2, level B): PDF 1.7, every font embedded, an sRGB output intent
//   (pdfkit's bundled sRGB IEC61966-2.1 profile), XMP metadata matching /Info (xmp.ts), and the
//   document language (/Lang, dc:language). Not tagged: the files have no structure tree, so they
//   claim neither PDF/A level A nor PDF/UA.
// - Han characters are drawn in the face of their region (han-faces.ts): kana → Japanese, hangul →
//   Korean, else the report's language (Simplified or Traditional Chinese, Japanese, Korean).
// - Metadata (title, subject, author) carries no bidi control characters (metadataText).
import path from 'node:path';
import { applyFontRuns, type Covers } from '../../../shared/reports/script-runs';
import { assignHanFaces } from '../../../shared/reports/han-faces';
import { FALLBACK_LANGUAGE, HAN_VARIANTS, canonicalLanguage, hanVariantOf, metadataText } from '../../../shared/domain/report-language';
import { useEscapedXmp, type PdfkitMetadataHost } from './xmp';
import { installBidiLines } from './bidi-lines';
import { loadOnUse } from './load-on-use';
import {
  BUNDLED_FAMILY,
  bundledCoverage,
  bundledFamily,
  bundledFontDir,
  discoverFallbackFonts,
  discoverHanFaces,
  hanFamilyName,
  familyFiles,
  pdfmakeDescriptor,
  type FallbackFont,
  type FontFamily,
  type PdfmakeFontDescriptor,
} from './fonts';

interface Pdfmake {
  setFonts(fonts: Record<string, PdfmakeFontDescriptor>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: object): { getStream(): Promise<PdfkitMetadataHost>; getBuffer(): Promise<Buffer> };
}
/** pdfmake (no type declarations; the slice used here is typed above), loaded by the first render. */
const pdfmake = (): Pdfmake => loadOnUse<Pdfmake>('pdfmake');

export interface PdfMeta {
  title: string;
  subject?: string;
  /**
   * YYYY-MM-DD (an ISO timestamp is cut to its date): the day the document speaks for, written to
   * the keywords as "As of YYYY-MM-DD". Never written as a creation date (see the top of the file).
   */
  generatedAt: string;
  author?: string;
  /**
   * The document's language (BCP 47: "en", "zh-Hans", "ja" …): /Lang and dc:language, and the Han
   * face for Han text without kana or hangul. Default: English.
   */
  language?: string;
}

/** The family the script runs put Han, kana and CJK punctuation in (fonts.ts: the CJK script). */
const HAN_SLOT = 'Fallback-CJK';

/** The PDF/A part and level the reports are written to. */
export const PDFA_SUBSET = 'PDF/A-2b';

export interface RenderOptions {
  /** The folder with the bundled Noto Sans files (default: assets/fonts, found by bundledFontDir). */
  fontDir?: string;
  /** Folders searched for fallback fonts (default: the platform's font folders). */
  fontFolders?: readonly string[];
}

export interface RenderResult {
  pdf: Buffer;
  /** Plain sentences for the user, e.g. characters no font on this machine can show. */
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const DEFAULT_MARGINS = [56, 64, 56, 64];
const A4_SIZE = { width: 595.28, height: 841.89 };

/** Top-level keys of a document definition that are passed on; anything else (files, attachments, passwords, PDF/A, …) is dropped. */
const DOC_KEYS = [
  'content', 'header', 'footer', 'background', 'styles', 'defaultStyle', 'pageSize', 'pageOrientation',
  'pageMargins', 'pageBreakBefore', 'watermark', 'images', 'patterns', 'language', 'maxPagesNumber',
] as const;

const SAFE_IMAGE = /^data:image\/(?:png|jpe?g);base64,[A-Za-z0-9+/=\s]*$/;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;
/** A 1×1 transparent PNG: what an <image> inside an SVG gets instead of its href. */
const BLANK_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';

/** The children of a node pdfmake lays out. */
const CHILD_LISTS = ['stack', 'columns', 'ul', 'ol'] as const;

/**
 * Removes what could make pdfmake read a file or reach a URL, and fonts that are not registered.
 * Returns a copy; functions (header, footer, background) are wrapped so that what they return is
 * cleaned too.
 */
class Sanitizer {
  constructor(private readonly images: Obj) {}

  private safeImage(source: unknown): boolean {
    if (typeof source !== 'string') return false;
    if (SAFE_IMAGE.test(source)) return true;
    const named = Object.prototype.hasOwnProperty.call(this.images, source) ? this.images[source] : undefined;
    return typeof named === 'string' && SAFE_IMAGE.test(named);
  }

  node(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((child) => this.node(child));
    if (!isObj(node)) return node;
    const copy: Obj = { ...node };
    if ('link' in copy && !(typeof copy.link === 'string' && SAFE_LINK.test(copy.link.trim()))) delete copy.link;
    delete copy.linkToFile;
    if (copy.font !== undefined && copy.font !== BUNDLED_FAMILY) delete copy.font;
    if (copy.attachment !== undefined) return '';
    if (copy.image !== undefined && copy.text === undefined && !this.safeImage(copy.image)) return '';
    if (copy.svg !== undefined && copy.text === undefined) {
      if (typeof copy.svg !== 'string') return '';
      copy.svg = hardenSvg(copy.svg);
      copy.options = {
        ...(isObj(copy.options) ? copy.options : {}),
        imageCallback: () => BLANK_PNG,
        documentCallback: undefined,
        warningCallback: () => undefined,
      };
    }
    for (const key of CHILD_LISTS) {
      if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).map((child) => this.node(child));
    }
    if (copy.section !== undefined) copy.section = this.node(copy.section);
    if (isObj(copy.table) && Array.isArray(copy.table.body)) {
      copy.table = {
        ...copy.table,
        body: copy.table.body.map((row: unknown) => (Array.isArray(row) ? row.map((cell: unknown) => this.node(cell)) : row)),
      };
    }
    if (Array.isArray(copy.text) || isObj(copy.text)) copy.text = this.node(copy.text);
    if (isObj(copy.toc) && copy.toc.title !== undefined) copy.toc = { ...copy.toc, title: this.node(copy.toc.title) };
    return copy;
  }

  dynamic(value: unknown): unknown {
    if (typeof value === 'function') {
      const original = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => this.node(deepCopy(original(...args)));
    }
    return this.node(value);
  }
}

/** SVG from our own charts has no links, images or references; should one appear, it goes nowhere. */
function hardenSvg(svg: string): string {
  return svg
    .replace(/<(\/?)a(?=[\s>/])/gi, '<$1g')
    .replace(/(\s(?:xlink:)?href\s*=\s*)(?:"[^"]*"|'[^']*')/gi, '$1"#"');
}

/**
 * A deep copy of plain objects and arrays (functions and other objects are shared): pdfmake writes
 * into the definition it lays out (table widths, measurements), and the caller's must stay as it
 * was, so that rendering it again gives the same bytes.
 */
function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => deepCopy(item)) as T;
  if (isObj(value) && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const copy: Obj = {};
    for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
    return copy as T;
  }
  return value;
}

/** The cleaned document definition: known keys only, safe nodes, safe images dictionary. */
function sanitize(doc: Obj): Obj {
  const images: Obj = {};
  if (isObj(doc.images)) {
    for (const [name, source] of Object.entries(doc.images)) {
      if (typeof source === 'string' && SAFE_IMAGE.test(source)) images[name] = source;
    }
  }
  const sanitizer = new Sanitizer(images);
  const out: Obj = {};
  for (const key of DOC_KEYS) {
    if (doc[key] !== undefined) out[key] = doc[key];
  }
  out.images = images;
  out.content = sanitizer.node(doc.content ?? []);
  for (const key of ['header', 'footer', 'background'] as const) {
    if (doc[key] !== undefined) out[key] = sanitizer.dynamic(doc[key]);
  }
  if (doc.watermark !== undefined && typeof doc.watermark !== 'string') {
    // A watermark is drawn with the default font.
    out.watermark = isObj(doc.watermark) && typeof doc.watermark.text === 'string' ? withoutForeignFont(doc.watermark) : undefined;
  }
  if (isObj(doc.defaultStyle)) out.defaultStyle = { ...doc.defaultStyle };
  if (isObj(doc.styles)) {
    out.styles = Object.fromEntries(Object.entries(doc.styles).map(([name, style]) => [name, isObj(style) ? withoutForeignFont(style) : style]));
  }
  return out;
}

/** A copy without a `font` other than the bundled family (pdfmake throws on fonts it does not know). */
function withoutForeignFont(style: Obj): Obj {
  const copy = { ...style };
  if (copy.font !== undefined && copy.font !== BUNDLED_FAMILY) delete copy.font;
  return copy;
}

/** "2026-11-20" or "2026-11-20T…" → that day at 00:00:00 UTC. */
function dayOf(generatedAt: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(generatedAt);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${match![1]}-${match![2]}-${match![3]}`) {
    throw new Error(`generatedAt must be a date (YYYY-MM-DD), got ${JSON.stringify(generatedAt)}`);
  }
  return date;
}

function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The warning naming characters no font can show (at most 20 of them). */
export function missingCharactersWarning(missing: readonly string[]): string | null {
  if (missing.length === 0) return null;
  const shown = missing.slice(0, 20);
  const more = missing.length > shown.length ? `, and ${missing.length - shown.length} more` : '';
  return `Some characters have no font on this machine and will not show: "${shown.join('')}" (${shown.map(codePointLabel).join(', ')}${more})`;
}

/** Calls header, footer and background functions for a first and a following page, to see which fonts they need. */
function probeDynamic(doc: Obj): void {
  const size = { ...A4_SIZE, orientation: 'portrait' };
  for (const key of ['header', 'footer', 'background'] as const) {
    const fn = doc[key];
    if (typeof fn !== 'function') continue;
    for (const page of [1, 2]) {
      try {
        (fn as (...args: unknown[]) => unknown)(page, 2, size);
      } catch {
        // pdfmake will call it for real and report what goes wrong
      }
    }
  }
}

/**
 * Renders a pdfmake document definition to PDF bytes. The same document and `generatedAt` always
 * give the same bytes. Warnings name characters no font on this machine can show.
 */
export async function renderPdf(doc: object, meta: PdfMeta, options: RenderOptions = {}): Promise<RenderResult> {
  const created = dayOf(meta.generatedAt);
  const fontDir = options.fontDir ?? bundledFontDir();
  const bundled = bundledFamily(fontDir);
  const bundledCovers = bundledCoverage(fontDir);

  const safe = sanitize(deepCopy(doc as Obj));

  // Fonts: the bundled family alone first; fallbacks are looked for only when a string needs one.
  const fallbacks = new Map<string, FallbackFont>();
  let registered: Set<string> | null = null;
  const covers: Covers = (font, codePoint) => {
    if (font === BUNDLED_FAMILY) return bundledCovers(codePoint);
    if (registered && !registered.has(font)) return false; // layout time: only registered fonts
    return fallbacks.get(font)?.covers(codePoint) ?? false;
  };
  let runs = applyFontRuns(safe, [BUNDLED_FAMILY], covers);
  probeDynamic(runs.doc);
  if (runs.missing.length > 0) {
    for (const font of discoverFallbackFonts(options.fontFolders)) fallbacks.set(font.name, font);
    runs = applyFontRuns(safe, [BUNDLED_FAMILY, ...fallbacks.keys()], covers);
    probeDynamic(runs.doc);
  }
  // Han runs: from the one CJK font the runs were cut with to the face of their region.
  const language = canonicalLanguage(meta.language ?? '') ?? FALLBACK_LANGUAGE;
  const hanFaces = runs.used.includes(HAN_SLOT) ? discoverHanFaces(options.fontFolders) : new Map<never, never>();
  for (const face of hanFaces.values()) fallbacks.set(face.name, face);
  const han = assignHanFaces(runs.doc, {
    slot: HAN_SLOT,
    reportVariant: hanVariantOf(language),
    familyOf: (variant) => {
      const face = hanFaces.get(variant);
      return face && face.family() ? face.name : null;
    },
    covers,
  });
  probeDynamic(han.doc);

  const families: FontFamily[] = [bundled];
  const add = (name: string) => {
    const family = fallbacks.get(name)?.family();
    if (family && !families.some((known) => known.name === name)) families.push(family);
  };
  for (const name of runs.used) if (name !== HAN_SLOT) add(name);
  for (const name of han.used) add(name);
  // A header or footer laid out later may need another region's face than the probe saw, or the
  // slot itself (the script runs cut it with the slot): all are registered; pdfmake embeds only the
  // fonts a page really uses.
  if (runs.used.includes(HAN_SLOT)) {
    for (const variant of HAN_VARIANTS) if (hanFaces.has(variant)) add(hanFamilyName(variant));
    add(HAN_SLOT);
  }
  registered = new Set(families.map((family) => family.name));

  const fonts: Record<string, PdfmakeFontDescriptor> = {};
  const allowed = new Set<string>();
  for (const family of families) {
    fonts[family.name] = pdfmakeDescriptor(family);
    for (const file of familyFiles(family)) allowed.add(file);
  }

  const final = han.doc;
  const definition: Obj = {
    ...final,
    version: '1.7',
    subset: PDFA_SUBSET,
    language,
    pageSize: final.pageSize ?? 'A4',
    pageOrientation: final.pageOrientation ?? 'portrait',
    pageMargins: final.pageMargins ?? [...DEFAULT_MARGINS],
    defaultStyle: { fontSize: 10, ...(isObj(final.defaultStyle) ? final.defaultStyle : {}), font: BUNDLED_FAMILY },
    info: {
      title: metadataText(meta.title),
      subject: meta.subject === undefined ? undefined : metadataText(meta.subject),
      author: meta.author === undefined ? undefined : metadataText(meta.author),
      keywords: `As of ${created.toISOString().slice(0, 10)}`,
      creator: 'Vetted',
      producer: 'Vetted',
      // Given only so that pdfkit, which derives the file /ID from it when the document is made,
      // does not read the clock; taken out of /Info (and so of the XMP) below.
      creationDate: created,
    },
  };

  // pdfmake is a singleton, but a render reads these once, synchronously, inside createPdf.
  installBidiLines(); // right-to-left words in visual order, line by line (bidi-lines.ts)
  const maker = pdfmake();
  maker.setFonts(fonts);
  maker.setUrlAccessPolicy(() => false);
  maker.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  const output = maker.createPdf(definition);
  const kit = await output.getStream();
  delete kit.info.CreationDate;
  delete kit.info.ModDate;
  useEscapedXmp(kit, language);
  const pdf = await output.getBuffer();

  const warnings: string[] = [];
  const missing = missingCharactersWarning(runs.missing);
  if (missing) warnings.push(missing);
  return { pdf, warnings };
}
