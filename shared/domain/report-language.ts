// The language of a report: the PDF's /Lang, and which regional face draws Han characters.
//
// Han characters (漢字/汉字) are shared by Chinese, Japanese and Korean, but each draws many of them
// differently (骨, 直, 角 …): a Chinese name drawn with the Japanese face looks wrong to a Chinese
// reader. The text itself often tells: kana only occur in Japanese, hangul only in Korean. Han
// with neither is drawn in the face of the report's language; a report in a language that is
// none of these (English, German …) draws it as Simplified Chinese, since a name written in Han
// characters alone is far more often Chinese than Japanese (Japanese names nearly always have kana).
//
// Pure: no Node, no DOM. Intl is part of the language.

/** The regional Han faces a report can use. */
export type HanVariant = 'ja' | 'ko' | 'zh-Hans' | 'zh-Hant';
export const HAN_VARIANTS: readonly HanVariant[] = ['ja', 'ko', 'zh-Hans', 'zh-Hant'];

/** The languages offered in Settings (any well-formed BCP 47 tag is accepted). */
export const REPORT_LANGUAGES: readonly { tag: string; label: string }[] = [
  { tag: 'en', label: 'English' },
  { tag: 'de', label: 'Deutsch (German)' },
  { tag: 'fr', label: 'Français (French)' },
  { tag: 'es', label: 'Español (Spanish)' },
  { tag: 'it', label: 'Italiano (Italian)' },
  { tag: 'nl', label: 'Nederlands (Dutch)' },
  { tag: 'pt', label: 'Português (Portuguese)' },
  { tag: 'pl', label: 'Polski (Polish)' },
  { tag: 'sv', label: 'Svenska (Swedish)' },
  { tag: 'zh-Hans', label: '简体中文 (Chinese, Simplified)' },
  { tag: 'zh-Hant', label: '繁體中文 (Chinese, Traditional)' },
  { tag: 'ja', label: '日本語 (Japanese)' },
  { tag: 'ko', label: '한국어 (Korean)' },
  { tag: 'ar', label: 'العربية (Arabic)' },
  { tag: 'he', label: 'עברית (Hebrew)' },
];

/** The language used when neither the setting nor the system names a usable one. */
export const FALLBACK_LANGUAGE = 'en';

/** The canonical form of a BCP 47 language tag ("zh-hant" → "zh-Hant"), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag.trim())) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The language of reports: the setting when it is set, else the system's (e.g. from
 * Intl.DateTimeFormat().resolvedOptions().locale, passed in so this stays pure), else English.
 */
export function reportLanguage(setting: string | null | undefined, systemLocale: string | undefined): string {
  for (const candidate of [setting, systemLocale]) {
    if (!candidate) continue;
    const tag = canonicalLanguage(candidate);
    // "und" (undetermined) is what some systems report when they do not know.
    if (tag && !tag.startsWith('und')) return tag;
  }
  return FALLBACK_LANGUAGE;
}

/** Traditional Chinese regions, for a tag that names a region but no script ("zh-TW"). */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** The Han face a language asks for: Japanese, Korean, Simplified or Traditional Chinese. */
export function hanVariantOf(language: string): HanVariant {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language);
  } catch {
    return 'zh-Hans';
  }
  if (locale.language === 'ja') return 'ja';
  if (locale.language === 'ko') return 'ko';
  if (locale.language === 'zh' || locale.language === 'yue' || locale.language === 'cmn') {
    if (locale.script === 'Hant') return 'zh-Hant';
    if (locale.script === 'Hans') return 'zh-Hans';
    if (locale.language === 'yue') return 'zh-Hant';
    return locale.region && TRADITIONAL_REGIONS.has(locale.region) ? 'zh-Hant' : 'zh-Hans';
  }
  return 'zh-Hans';
}

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u{1b000}-\u{1b16f}]/u;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc]/u;

/** The Han face for a piece of text: kana → Japanese, hangul → Korean, else the report's. */
export function hanVariantFor(text: string, reportVariant: HanVariant): HanVariant {
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  return reportVariant;
}

/**
 * Bidirectional control characters (embeddings, overrides, isolates, marks): in a PDF title or
 * author they are not drawn, yet they reorder what a viewer's title bar or a file list shows
 * ("‮fdp.exe"), and nothing in the metadata needs them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for PDF metadata: no bidi controls, other control characters as spaces, spaces collapsed. */
export function metadataText(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    // Lone surrogates and U+FFFE/U+FFFF: the XMP copy drops them (XML cannot hold them), so the
    // document information must too, or PDF/A's two copies of the title would differ.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
