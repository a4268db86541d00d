// Fonts for PDF reports: the bundled Noto Sans family (Latin, Greek, Cyrillic; assets/fonts), and
// fallback fonts found on this machine for the scripts Noto Sans lacks (CJK, Hangul, Arabic,
// Hebrew, the Indic scripts, Thai, Armenian, Georgian, symbols, …).
//
// Discovery is lazy and cached per process: nothing happens at start-up; the first report with a
// character Noto Sans lacks lists the usual font folders once (file names only), and a fallback
// font is opened (with fontkit, to check it really has the script) only when a character of its
// script turns up. Fallback fonts have a regular face and, where one is found, a bold face;
// italics use the regular face.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findShippedRoot } from '../asset-search';
import { loadOnUse } from './load-on-use';
import { HAN_VARIANTS, type HanVariant } from '../../../shared/domain/report-language';

interface FontkitFont {
  postscriptName: string;
  characterSet: number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface FontkitCollection {
  fonts: FontkitFont[];
}
/** fontkit (no type declarations; the slice used here), loaded when the first font is opened. */
const fontkit = () => loadOnUse<{ create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection | null }>('fontkit');

/** The family name the report layouts use (shared/reports/blocks.ts REPORT_FONT). */
export const BUNDLED_FAMILY = 'NotoSans';

const BUNDLED_FILES = {
  normal: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italics: 'NotoSans-Italic.ttf',
  bolditalics: 'NotoSans-BoldItalic.ttf',
} as const;

/** A face: a font file, and for a collection (.ttc) the PostScript name of the face in it. */
export interface FontFace {
  file: string;
  face?: string;
}

/** A family as pdfmake wants it: four styles. */
export interface FontFamily {
  name: string;
  normal: FontFace;
  bold: FontFace;
  italics: FontFace;
  bolditalics: FontFace;
}

/** pdfmake's font descriptor: a path, or [path, face] for a face of a collection. */
export type PdfmakeFontSource = string | [string, string];
export type PdfmakeFontDescriptor = Record<'normal' | 'bold' | 'italics' | 'bolditalics', PdfmakeFontSource>;

export function pdfmakeSource(face: FontFace): PdfmakeFontSource {
  return face.face ? [face.file, face.face] : face.file;
}

export function pdfmakeDescriptor(family: FontFamily): PdfmakeFontDescriptor {
  return {
    normal: pdfmakeSource(family.normal),
    bold: pdfmakeSource(family.bold),
    italics: pdfmakeSource(family.italics),
    bolditalics: pdfmakeSource(family.bolditalics),
  };
}

/** The files of a family (what the local access policy lets pdfmake read). */
export function familyFiles(family: FontFamily): string[] {
  return [...new Set([family.normal, family.bold, family.italics, family.bolditalics].map((face) => path.resolve(face.file)))];
}

// ─────────────────────────────────────────────────────────────── opening fonts

/** Parsed files (one per path: a collection's faces share it) and the faces picked from them. */
const parsed = new Map<string, FontkitFont | FontkitCollection | null>();
const opened = new Map<string, { font: FontkitFont; face?: string } | null>();

function isCollection(value: FontkitFont | FontkitCollection): value is FontkitCollection {
  return Array.isArray((value as FontkitCollection).fonts);
}

function parse(file: string): FontkitFont | FontkitCollection | null {
  const key = path.resolve(file);
  if (!parsed.has(key)) {
    let value: FontkitFont | FontkitCollection | null;
    try {
      value = fontkit().create(fs.readFileSync(file));
    } catch {
      value = null;
    }
    parsed.set(key, value);
  }
  return parsed.get(key)!;
}

/**
 * Opens a face with fontkit (cached per process): a plain font file, or a face of a collection
 * (.ttc): the first of `faces` it has, else the first face that has `sample`. `face` in the result
 * is the PostScript name to hand pdfmake for a collection, undefined for a plain file. Null when
 * the file cannot be read or parsed.
 */
function openFace(file: string, faces: readonly string[] = [], sample?: number): { font: FontkitFont; face?: string } | null {
  const key = `${path.resolve(file)}\0${faces.join(',')}\0${sample ?? ''}`;
  const cached = opened.get(key);
  if (cached !== undefined) return cached;
  let result: { font: FontkitFont; face?: string } | null = null;
  try {
    const top = parse(file);
    if (top && isCollection(top)) {
      const all = top.fonts;
      const font =
        faces.map((name) => all.find((f) => f.postscriptName === name)).find((f) => f !== undefined) ??
        all.find((f) => sample === undefined || f.hasGlyphForCodePoint(sample));
      result = font ? { font, face: font.postscriptName } : null;
    } else if (top) {
      result = { font: top };
    }
  } catch {
    result = null;
  }
  opened.set(key, result);
  return result;
}

// ─────────────────────────────────────────────────────────────── the bundled family

let bundledDirCache: string | undefined;

/**
 * Where assets/fonts is: searched upwards from this module's folder in a CommonJS bundle
 * (dist/electron/main.cjs, also inside app.asar), from the running script, from the working
 * directory, and from Electron's resources folder. Pass the folder to bundledFamily to skip this.
 */
export function bundledFontDir(): string {
  if (bundledDirCache) return bundledDirCache;
  const root = findShippedRoot([path.join('assets', 'fonts', BUNDLED_FILES.normal)]);
  if (root) return (bundledDirCache = path.join(root, 'assets', 'fonts'));
  throw new Error(`The bundled fonts (assets/fonts/${BUNDLED_FILES.normal}) were not found.`);
}

/** The bundled Noto Sans family (four styles). */
export function bundledFamily(fontDir: string = bundledFontDir()): FontFamily {
  const face = (file: string): FontFace => ({ file: path.join(fontDir, file) });
  return {
    name: BUNDLED_FAMILY,
    normal: face(BUNDLED_FILES.normal),
    bold: face(BUNDLED_FILES.bold),
    italics: face(BUNDLED_FILES.italics),
    bolditalics: face(BUNDLED_FILES.bolditalics),
  };
}

const bundledSets = new Map<string, Set<number>>();

/** What the bundled regular face covers (the styles share one character set), as a fast lookup. */
export function bundledCoverage(fontDir: string = bundledFontDir()): (codePoint: number) => boolean {
  const file = path.join(fontDir, BUNDLED_FILES.normal);
  let set = bundledSets.get(file);
  if (!set) {
    const opened = openFace(file);
    if (!opened) throw new Error(`The bundled font ${file} cannot be read.`);
    set = new Set(opened.font.characterSet);
    bundledSets.set(file, set);
  }
  const codePoints = set;
  return (codePoint) => codePoints.has(codePoint);
}

// ─────────────────────────────────────────────────────────────── fallback candidates

interface Candidate {
  /** File name (matched case-insensitively, in any of the font folders). */
  file: string;
  /** For a collection: the preferred face names, in order. */
  faces?: string[];
  /** The bold counterpart, when the platform has one. */
  bold?: { file: string; faces?: string[] };
}

interface ScriptSpec {
  script: string;
  /** A character the font must have to count. */
  sample: number;
  /** The code points the font is asked about ([from, to] inclusive); none: any character. */
  ranges?: readonly (readonly [number, number])[];
  /** Keep every candidate found (symbol fonts complement each other), not only the first that works. */
  multi?: boolean;
  candidates: Candidate[];
}

const noto = (name: string, extra: Candidate[] = []): Candidate[] => [
  { file: `NotoSans${name}-Regular.ttf`, bold: { file: `NotoSans${name}-Bold.ttf` } },
  { file: `NotoSans${name}-Regular.otf`, bold: { file: `NotoSans${name}-Bold.otf` } },
  { file: `NotoSans${name}UI-Regular.ttf`, bold: { file: `NotoSans${name}UI-Bold.ttf` } },
  { file: `NotoSans${name}[wdth,wght].ttf` },
  { file: `NotoSans${name}[wght].ttf` },
  ...extra,
];
const nirmala: Candidate = { file: 'Nirmala.ttf', bold: { file: 'NirmalaB.ttf' } };
const nirmalaTtc: Candidate = { file: 'Nirmala.ttc', faces: ['NirmalaUI'], bold: { file: 'Nirmala.ttc', faces: ['NirmalaUI-Bold'] } };
const segoe: Candidate = { file: 'segoeui.ttf', bold: { file: 'segoeuib.ttf' } };
const arial: Candidate = { file: 'arial.ttf', bold: { file: 'arialbd.ttf' } };
const tahoma: Candidate = { file: 'tahoma.ttf', bold: { file: 'tahomabd.ttf' } };
const dejavu: Candidate = { file: 'DejaVuSans.ttf', bold: { file: 'DejaVuSans-Bold.ttf' } };
const arialUnicode: Candidate[] = [{ file: 'Arial Unicode.ttf' }, { file: 'ARIALUNI.TTF' }];
const sylfaen: Candidate = { file: 'sylfaen.ttf' };
const cjkTtc = (lang: string): Candidate[] => [
  { file: 'NotoSansCJK-Regular.ttc', faces: [`NotoSansCJK${lang}-Regular`], bold: { file: 'NotoSansCJK-Bold.ttc', faces: [`NotoSansCJK${lang}-Bold`] } },
  { file: `NotoSansCJK${lang}-Regular.otf`, bold: { file: `NotoSansCJK${lang}-Bold.otf` } },
  { file: `NotoSans${lang.toUpperCase()}-Regular.otf`, bold: { file: `NotoSans${lang.toUpperCase()}-Bold.otf` } },
  { file: `NotoSans${lang.toUpperCase()}-Regular.ttf`, bold: { file: `NotoSans${lang.toUpperCase()}-Bold.ttf` } },
  { file: 'NotoSansCJK.ttc', faces: [`NotoSansCJK${lang}-Regular`] },
  { file: 'SourceHanSans-Regular.ttc', faces: [`SourceHanSans${lang === 'jp' ? '' : lang.toUpperCase()}-Regular`], bold: { file: 'SourceHanSans-Bold.ttc', faces: [`SourceHanSans${lang === 'jp' ? '' : lang.toUpperCase()}-Bold`] } },
];

/**
 * Han faces by the language they draw Han characters for (each variant draws some characters
 * differently: see shared/domain/report-language.ts). Noto Sans CJK / Source Han Sans first, then
 * the platforms' own.
 */
const HAN_CANDIDATES: Record<HanVariant, Candidate[]> = {
  ja: [
    ...cjkTtc('jp'),
    { file: 'ヒラギノ角ゴシック W3.ttc', bold: { file: 'ヒラギノ角ゴシック W6.ttc' } },
    { file: 'YuGothR.ttc', faces: ['YuGothic-Regular'], bold: { file: 'YuGothB.ttc', faces: ['YuGothic-Bold'] } },
    { file: 'meiryo.ttc', faces: ['Meiryo'], bold: { file: 'meiryob.ttc', faces: ['Meiryo-Bold'] } },
    { file: 'msgothic.ttc', faces: ['MS-Gothic'] },
  ],
  'zh-Hans': [
    ...cjkTtc('sc'),
    { file: 'PingFang.ttc', faces: ['PingFangSC-Regular'], bold: { file: 'PingFang.ttc', faces: ['PingFangSC-Semibold'] } },
    { file: 'Hiragino Sans GB.ttc', faces: ['HiraginoSansGB-W3'], bold: { file: 'Hiragino Sans GB.ttc', faces: ['HiraginoSansGB-W6'] } },
    { file: 'msyh.ttc', faces: ['MicrosoftYaHei'], bold: { file: 'msyhbd.ttc', faces: ['MicrosoftYaHei-Bold'] } },
    { file: 'simsun.ttc', faces: ['SimSun'] },
    { file: 'wqy-microhei.ttc' },
    { file: 'wqy-zenhei.ttc' },
  ],
  'zh-Hant': [
    ...cjkTtc('tc'),
    ...cjkTtc('hk'),
    { file: 'PingFang.ttc', faces: ['PingFangTC-Regular'], bold: { file: 'PingFang.ttc', faces: ['PingFangTC-Semibold'] } },
    { file: 'msjh.ttc', faces: ['MicrosoftJhengHeiRegular'], bold: { file: 'msjhbd.ttc', faces: ['MicrosoftJhengHeiBold'] } },
    { file: 'mingliu.ttc', faces: ['MingLiU'] },
  ],
  ko: [
    ...cjkTtc('kr'),
    { file: 'AppleSDGothicNeo.ttc', faces: ['AppleSDGothicNeo-Regular'], bold: { file: 'AppleSDGothicNeo.ttc', faces: ['AppleSDGothicNeo-Bold'] } },
    { file: 'malgun.ttf', bold: { file: 'malgunbd.ttf' } },
    { file: 'gulim.ttc', faces: ['Gulim'] },
  ],
};
/** Han faces of no particular region, after the regional ones. */
const HAN_GENERIC: Candidate[] = [
  { file: 'DroidSansFallbackFull.ttf' },
  { file: 'DroidSansFallback.ttf' },
  { file: 'STHeiti Light.ttc' },
  ...arialUnicode,
];
/** For each variant: its own faces, then the others (a face of another region beats none). */
const HAN_ORDER: Record<HanVariant, HanVariant[]> = {
  ja: ['ja', 'zh-Hans', 'zh-Hant', 'ko'],
  'zh-Hans': ['zh-Hans', 'zh-Hant', 'ja', 'ko'],
  'zh-Hant': ['zh-Hant', 'zh-Hans', 'ja', 'ko'],
  ko: ['ko', 'zh-Hant', 'ja', 'zh-Hans'],
};

const CJK_RANGES: [number, number][] = [
  [0x2e80, 0x2fdf], [0x2ff0, 0x31ff], [0x3200, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff],
  [0xfe30, 0xfe4f], [0xff00, 0xffef], [0x1f200, 0x1f2ff], [0x20000, 0x3134f],
];
const HANGUL_RANGES: [number, number][] = [[0x1100, 0x11ff], [0x3130, 0x318f], [0xa960, 0xa97f], [0xac00, 0xd7ff]];

/** In order: the first font (bundled) wins, then these, then the generic ones at the end. */
const SCRIPTS: readonly ScriptSpec[] = [
  {
    script: 'CJK',
    sample: 0x65e5, // 日
    ranges: CJK_RANGES,
    candidates: [...HAN_CANDIDATES.ja, ...HAN_CANDIDATES['zh-Hans'], ...HAN_CANDIDATES['zh-Hant'], ...HAN_GENERIC],
  },
  {
    script: 'Hangul',
    sample: 0xd55c, // 한
    ranges: HANGUL_RANGES,
    candidates: [
      ...cjkTtc('kr'),
      { file: 'NanumGothic.ttf', bold: { file: 'NanumGothicBold.ttf' } },
      { file: 'UnDotum.ttf', bold: { file: 'UnDotumBold.ttf' } },
      { file: 'AppleSDGothicNeo.ttc', faces: ['AppleSDGothicNeo-Regular'], bold: { file: 'AppleSDGothicNeo.ttc', faces: ['AppleSDGothicNeo-Bold'] } },
      { file: 'AppleGothic.ttf' },
      ...arialUnicode,
      { file: 'malgun.ttf', bold: { file: 'malgunbd.ttf' } },
      { file: 'gulim.ttc', faces: ['Gulim'] },
      { file: 'DroidSansFallbackFull.ttf' },
    ],
  },
  {
    script: 'Arabic',
    sample: 0x0627, // ا
    ranges: [[0x0600, 0x06ff], [0x0750, 0x077f], [0x0870, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff], [0x1ee00, 0x1eeff]],
    candidates: [
      ...noto('Arabic'),
      { file: 'NotoNaskhArabic-Regular.ttf', bold: { file: 'NotoNaskhArabic-Bold.ttf' } },
      { file: 'NotoNaskhArabicUI-Regular.ttf', bold: { file: 'NotoNaskhArabicUI-Bold.ttf' } },
      { file: 'NotoKufiArabic-Regular.ttf', bold: { file: 'NotoKufiArabic-Bold.ttf' } },
      { file: 'GeezaPro.ttc', faces: ['GeezaPro'], bold: { file: 'GeezaPro.ttc', faces: ['GeezaPro-Bold'] } },
      { file: 'SFArabic.ttf' },
      segoe,
      arial,
      tahoma,
      ...arialUnicode,
      dejavu,
    ],
  },
  {
    script: 'Hebrew',
    sample: 0x05d0, // א
    ranges: [[0x0590, 0x05ff], [0xfb1d, 0xfb4f]],
    candidates: [...noto('Hebrew'), { file: 'ArialHB.ttc', faces: ['ArialHebrew'], bold: { file: 'ArialHB.ttc', faces: ['ArialHebrew-Bold'] } }, { file: 'SFHebrew.ttf' }, segoe, arial, tahoma, ...arialUnicode, dejavu],
  },
  {
    script: 'Devanagari',
    sample: 0x0915,
    ranges: [[0x0900, 0x097f], [0xa8e0, 0xa8ff], [0x1cd0, 0x1cff]],
    candidates: [...noto('Devanagari'), { file: 'Kohinoor.ttc', faces: ['KohinoorDevanagari-Regular'] }, { file: 'DevanagariMT.ttc' }, { file: 'ITFDevanagari.ttc' }, nirmala, nirmalaTtc, { file: 'mangal.ttf', bold: { file: 'mangalb.ttf' } }, { file: 'Lohit-Devanagari.ttf' }],
  },
  {
    script: 'Bengali',
    sample: 0x0995,
    ranges: [[0x0980, 0x09ff]],
    candidates: [...noto('Bengali'), { file: 'KohinoorBangla.ttc' }, { file: 'BanglaSangamMN.ttc' }, { file: 'BanglaMN.ttc' }, nirmala, nirmalaTtc, { file: 'vrinda.ttf' }, { file: 'Lohit-Bengali.ttf' }],
  },
  {
    script: 'Gurmukhi',
    sample: 0x0a15,
    ranges: [[0x0a00, 0x0a7f]],
    candidates: [...noto('Gurmukhi'), { file: 'GurmukhiMN.ttc' }, { file: 'Gurmukhi.ttf' }, nirmala, nirmalaTtc, { file: 'raavi.ttf' }, { file: 'Lohit-Gurmukhi.ttf' }],
  },
  {
    script: 'Gujarati',
    sample: 0x0a95,
    ranges: [[0x0a80, 0x0aff]],
    candidates: [...noto('Gujarati'), { file: 'GujaratiMT.ttc' }, { file: 'GujaratiSangamMN.ttc' }, nirmala, nirmalaTtc, { file: 'shruti.ttf' }, { file: 'Lohit-Gujarati.ttf' }],
  },
  {
    script: 'Oriya',
    sample: 0x0b15,
    ranges: [[0x0b00, 0x0b7f]],
    candidates: [...noto('Oriya'), { file: 'OriyaMN.ttc' }, { file: 'OriyaSangamMN.ttc' }, nirmala, nirmalaTtc, { file: 'kalinga.ttf' }, { file: 'Lohit-Odia.ttf' }],
  },
  {
    script: 'Tamil',
    sample: 0x0b95,
    ranges: [[0x0b80, 0x0bff], [0x11fc0, 0x11fff]],
    candidates: [...noto('Tamil'), { file: 'TamilSangamMN.ttc' }, { file: 'TamilMN.ttc' }, nirmala, nirmalaTtc, { file: 'latha.ttf', bold: { file: 'lathab.ttf' } }, { file: 'Lohit-Tamil.ttf' }],
  },
  {
    script: 'Telugu',
    sample: 0x0c15,
    ranges: [[0x0c00, 0x0c7f]],
    candidates: [...noto('Telugu'), { file: 'KohinoorTelugu.ttc' }, { file: 'TeluguSangamMN.ttc' }, { file: 'TeluguMN.ttc' }, nirmala, nirmalaTtc, { file: 'gautami.ttf' }, { file: 'Lohit-Telugu.ttf' }],
  },
  {
    script: 'Kannada',
    sample: 0x0c95,
    ranges: [[0x0c80, 0x0cff]],
    candidates: [...noto('Kannada'), { file: 'KannadaSangamMN.ttc' }, { file: 'KannadaMN.ttc' }, nirmala, nirmalaTtc, { file: 'tunga.ttf' }, { file: 'Lohit-Kannada.ttf' }],
  },
  {
    script: 'Malayalam',
    sample: 0x0d15,
    ranges: [[0x0d00, 0x0d7f]],
    candidates: [...noto('Malayalam'), { file: 'MalayalamSangamMN.ttc' }, { file: 'MalayalamMN.ttc' }, nirmala, nirmalaTtc, { file: 'kartika.ttf' }, { file: 'Lohit-Malayalam.ttf' }],
  },
  {
    script: 'Sinhala',
    sample: 0x0d9a,
    ranges: [[0x0d80, 0x0dff]],
    candidates: [...noto('Sinhala'), { file: 'SinhalaSangamMN.ttc' }, { file: 'SinhalaMN.ttc' }, nirmala, nirmalaTtc, { file: 'iskpota.ttf' }],
  },
  {
    script: 'Thai',
    sample: 0x0e01,
    ranges: [[0x0e00, 0x0e7f]],
    candidates: [...noto('Thai'), { file: 'NotoLoopedThai-Regular.ttf', bold: { file: 'NotoLoopedThai-Bold.ttf' } }, { file: 'Thonburi.ttc' }, { file: 'Thonburi.ttf' }, { file: 'LeelawUI.ttf', bold: { file: 'LeelaUIb.ttf' } }, { file: 'leelawad.ttf' }, tahoma, { file: 'TlwgTypist.ttf' }, { file: 'Garuda.ttf' }],
  },
  {
    script: 'Lao',
    sample: 0x0e81,
    ranges: [[0x0e80, 0x0eff]],
    candidates: [...noto('Lao'), { file: 'NotoLoopedLao-Regular.ttf' }, { file: 'LaoSangamMN.ttf' }, { file: 'LaoMN.ttc' }, { file: 'LaoUI.ttf', bold: { file: 'LaoUIb.ttf' } }, { file: 'Phetsarath_OT.ttf' }],
  },
  {
    script: 'Khmer',
    sample: 0x1780,
    ranges: [[0x1780, 0x17ff], [0x19e0, 0x19ff]],
    candidates: [...noto('Khmer'), { file: 'KhmerSangamMN.ttf' }, { file: 'KhmerMN.ttc' }, { file: 'LeelawUI.ttf' }, { file: 'KhmerUI.ttf', bold: { file: 'KhmerUIb.ttf' } }],
  },
  {
    script: 'Myanmar',
    sample: 0x1000,
    ranges: [[0x1000, 0x109f], [0xa9e0, 0xa9ff], [0xaa60, 0xaa7f]],
    candidates: [...noto('Myanmar'), { file: 'MyanmarSangamMN.ttc' }, { file: 'MyanmarMN.ttc' }, { file: 'mmrtext.ttf', bold: { file: 'mmrtextb.ttf' } }],
  },
  {
    script: 'Tibetan',
    sample: 0x0f40,
    ranges: [[0x0f00, 0x0fff]],
    candidates: [{ file: 'NotoSerifTibetan-Regular.ttf', bold: { file: 'NotoSerifTibetan-Bold.ttf' } }, { file: 'Kailasa.ttc' }, { file: 'himalaya.ttf' }],
  },
  {
    script: 'Georgian',
    sample: 0x10d0,
    ranges: [[0x10a0, 0x10ff], [0x2d00, 0x2d2f], [0x1c90, 0x1cbf]],
    candidates: [...noto('Georgian'), sylfaen, ...arialUnicode, dejavu],
  },
  {
    script: 'Armenian',
    sample: 0x0531,
    ranges: [[0x0530, 0x058f], [0xfb13, 0xfb17]],
    candidates: [...noto('Armenian'), { file: 'Mshtakan.ttc' }, sylfaen, ...arialUnicode, dejavu],
  },
  {
    script: 'Ethiopic',
    sample: 0x1200,
    ranges: [[0x1200, 0x139f], [0x2d80, 0x2ddf], [0xab00, 0xab2f]],
    candidates: [...noto('Ethiopic'), { file: 'Kefa.ttc' }, { file: 'ebrima.ttf', bold: { file: 'ebrimabd.ttf' } }, { file: 'nyala.ttf' }],
  },
  {
    script: 'Syriac',
    sample: 0x0710,
    ranges: [[0x0700, 0x074f], [0x0860, 0x086f]],
    candidates: [...noto('Syriac'), { file: 'estre.ttf' }],
  },
  {
    script: 'Thaana',
    sample: 0x0780,
    ranges: [[0x0780, 0x07bf]],
    candidates: [...noto('Thaana'), { file: 'mvboli.ttf' }],
  },
  {
    // Monochrome symbol and emoji fonts (colour emoji fonts are bitmaps or layers pdfkit cannot draw).
    script: 'Symbols',
    sample: 0x2605, // ★ (Noto Sans Symbols 2, Segoe UI Symbol, DejaVu, …)
    multi: true,
    candidates: [
      { file: 'NotoSansSymbols2-Regular.ttf' },
      { file: 'NotoSansSymbols-Regular.ttf', bold: { file: 'NotoSansSymbols-Bold.ttf' } },
      { file: 'NotoSansMath-Regular.ttf' },
      { file: 'NotoEmoji-Regular.ttf', bold: { file: 'NotoEmoji-Bold.ttf' } },
      { file: 'NotoEmoji[wght].ttf' },
      { file: 'seguisym.ttf' },
      { file: 'Apple Symbols.ttf' },
      { file: 'Symbola.ttf' },
    ],
  },
  {
    // Broad fonts as a last resort, for whatever is left.
    script: 'General',
    sample: 0x0041,
    multi: true,
    candidates: [dejavu, ...arialUnicode, { file: 'FreeSans.ttf', bold: { file: 'FreeSansBold.ttf' } }, segoe, arial],
  },
];

/** Code points any font may be asked about (spaces, Latin punctuation and digits, general punctuation). */
function isCommon(codePoint: number): boolean {
  return codePoint < 0x0370 || (codePoint >= 0x2000 && codePoint <= 0x206f);
}

// ─────────────────────────────────────────────────────────────── fallback fonts

/**
 * A fallback family for one script, found on this machine. It is opened (and checked to have the
 * script) only when `covers` is first asked about a character of its script.
 */
export class FallbackFont {
  private resolved: { family: FontFamily; font: FontkitFont } | null | undefined;

  constructor(
    /** The pdfmake family name, e.g. "Fallback-CJK". */
    readonly name: string,
    readonly script: string,
    private readonly spec: ScriptSpec,
    /** Candidates that exist, with their full paths, in order of preference. */
    readonly candidates: readonly { file: string; faces?: string[]; bold?: { file: string; faces?: string[] } }[],
  ) {}

  private inScope(codePoint: number): boolean {
    const { ranges } = this.spec;
    if (!ranges || isCommon(codePoint)) return true;
    return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
  }

  /** The family, after opening the first candidate that really has the script; null when none does. */
  family(): FontFamily | null {
    if (this.resolved === undefined) this.resolved = this.resolve();
    return this.resolved ? this.resolved.family : null;
  }

  private resolve(): { family: FontFamily; font: FontkitFont } | null {
    const sample = this.spec.sample;
    const hasSample = (font: FontkitFont) => font.hasGlyphForCodePoint(sample);
    for (const candidate of this.candidates) {
      const regular = openFace(candidate.file, candidate.faces, sample);
      if (!regular || !hasSample(regular.font)) continue;
      const normal: FontFace = { file: candidate.file, face: regular.face };
      let bold = normal;
      if (candidate.bold) {
        const opened = openFace(candidate.bold.file, candidate.bold.faces, sample);
        if (opened && hasSample(opened.font)) bold = { file: candidate.bold.file, face: opened.face };
      }
      return { family: { name: this.name, normal, bold, italics: normal, bolditalics: bold }, font: regular.font };
    }
    return null;
  }

  /** Does this font have a glyph for the code point? (False outside its script, to keep fonts closed.) */
  covers(codePoint: number): boolean {
    if (!this.inScope(codePoint)) return false;
    if (this.resolved === undefined) this.resolved = this.resolve();
    return this.resolved ? this.resolved.font.hasGlyphForCodePoint(codePoint) : false;
  }
}

/** The usual font folders of the platform (user folders first). */
export function defaultFontFolders(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string[] {
  if (platform === 'win32') {
    const windir = env.WINDIR || env.SystemRoot || 'C:\\Windows';
    const local = env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
    return [path.join(local, 'Microsoft', 'Windows', 'Fonts'), path.join(windir, 'Fonts')];
  }
  if (platform === 'darwin') {
    const folders = [path.join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts'];
    // Fonts macOS downloads on demand (PingFang, Hiragino on some versions) live in font asset folders.
    try {
      for (const entry of fs.readdirSync('/System/Library/AssetsV2')) {
        if (entry.startsWith('com_apple_MobileAsset_Font')) folders.push(path.join('/System/Library/AssetsV2', entry));
      }
    } catch {
      // not there: fine
    }
    return folders;
  }
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  return [path.join(dataHome, 'fonts'), path.join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
const MAX_ENTRIES = 50_000;
const MAX_DEPTH = 6;

const indexes = new Map<string, Map<string, string>>();

/** Font files by lower-case file name (the first folder that has a name wins); listed once per process. */
function indexFolders(folders: readonly string[]): Map<string, string> {
  const key = folders.map((folder) => path.resolve(folder)).join('\0');
  const known = indexes.get(key);
  if (known) return known;
  const index = new Map<string, string>();
  indexes.set(key, index);
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || seen > MAX_ENTRIES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && FONT_FILE.test(entry.name)) {
        const key = entry.name.toLowerCase();
        if (!index.has(key)) index.set(key, full);
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  return index;
}

const discovered = new Map<string, FallbackFont[]>();

/**
 * The fallback fonts found in `folders` (default: the platform's usual folders), in order of use:
 * one per script (the first candidate found; several for symbols and the generic last resorts).
 * Cached per process and per folder list; nothing is opened until a font's script turns up.
 */
export function discoverFallbackFonts(folders: readonly string[] = defaultFontFolders()): FallbackFont[] {
  const key = folders.map((folder) => path.resolve(folder)).join('\0');
  const cached = discovered.get(key);
  if (cached) return cached;
  const index = indexFolders(folders);
  const find = (file: string) => index.get(file.toLowerCase());
  const fonts: FallbackFont[] = [];
  for (const spec of SCRIPTS) {
    const found = spec.candidates.flatMap((candidate) => {
      const file = find(candidate.file);
      if (!file) return [];
      const boldFile = candidate.bold ? find(candidate.bold.file) : undefined;
      return [{ file, faces: candidate.faces, bold: boldFile ? { file: boldFile, faces: candidate.bold!.faces } : undefined }];
    });
    if (found.length === 0) continue;
    if (spec.multi) {
      found.slice(0, 4).forEach((candidate, i) => fonts.push(new FallbackFont(`Fallback-${spec.script}-${i + 1}`, spec.script, spec, [candidate])));
    } else {
      fonts.push(new FallbackFont(`Fallback-${spec.script}`, spec.script, spec, found));
    }
  }
  discovered.set(key, fonts);
  return fonts;
}

/** The pdfmake family name of a Han variant's face. */
export function hanFamilyName(variant: HanVariant): string {
  return `Fallback-CJK-${variant}`;
}

const discoveredHan = new Map<string, Map<HanVariant, FallbackFont>>();

/**
 * One Han face per regional variant (Japanese, Korean, Simplified and Traditional Chinese), found
 * in `folders`: each tries its own region's fonts first, then the other regions' (a variant with no
 * font of its region still draws the characters). Nothing is opened until asked. The script runs
 * use the one "Fallback-CJK" family to learn what can be drawn at all; render.ts then draws each
 * Han run in the variant its text and the report's language ask for.
 */
export function discoverHanFaces(folders: readonly string[] = defaultFontFolders()): Map<HanVariant, FallbackFont> {
  const key = folders.map((folder) => path.resolve(folder)).join('\0');
  const cached = discoveredHan.get(key);
  if (cached) return cached;
  const index = indexFolders(folders);
  const find = (file: string) => index.get(file.toLowerCase());
  const spec = SCRIPTS.find((s) => s.script === 'CJK')!;
  const faces = new Map<HanVariant, FallbackFont>();
  for (const variant of HAN_VARIANTS) {
    const candidates = [...HAN_ORDER[variant].flatMap((v) => HAN_CANDIDATES[v]), ...HAN_GENERIC].flatMap((candidate) => {
      const file = find(candidate.file);
      if (!file) return [];
      const boldFile = candidate.bold ? find(candidate.bold.file) : undefined;
      return [{ file, faces: candidate.faces, bold: boldFile ? { file: boldFile, faces: candidate.bold!.faces } : undefined }];
    });
    if (candidates.length > 0) faces.set(variant, new FallbackFont(hanFamilyName(variant), 'CJK', spec, candidates));
  }
  discoveredHan.set(key, faces);
  return faces;
}

/** Forgets what discovery and fontkit found (tests). */
export function clearFontCaches(): void {
  discovered.clear();
  discoveredHan.clear();
  indexes.clear();
  parsed.clear();
  opened.clear();
  bundledSets.clear();
  bundledDirCache = undefined;
}
