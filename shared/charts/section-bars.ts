// The per-section bar chart as a standalone SVG string: the app shows it as an <img>, and the PDF
// report draws the very same string. Pure and deterministic: no DOM, no font metrics, no clock;
// the same sections and options always give the same bytes. Every piece of text is XML-escaped.
import { scoreText } from '../format';
import { CONTROL_BAND_MIN, controlBand } from '../scoring/residual';
import type { ControlBand } from '../scoring/residual';
import type { SectionScore } from '../scoring/types';

export interface SectionBarsOptions {
  /** Total width in px (default 320). Height follows from the number of sections. */
  width?: number;
  /** Colours for a dark background. */
  dark?: boolean;
  /** Accessible name, also written as the SVG <title> (default "Section scores"). */
  title?: string;
}

/** The fixed typography and geometry; exported so the report can line other things up with it. */
export const SECTION_BARS_LAYOUT = {
  fontFamily: 'Helvetica, Arial, sans-serif',
  fontSize: 12,
  padding: 8,
  /** One section: its label line, then its bar. */
  rowHeight: 36,
  labelBaseline: 14,
  barTop: 20,
  barHeight: 10,
  /** Rough width of one character at fontSize, used only to shorten labels that cannot fit. */
  charWidth: 6.4,
} as const;

interface Palette {
  background: string;
  text: string;
  muted: string;
  track: string;
  bands: Readonly<Record<ControlBand, string>>;
}

const LIGHT: Palette = {
  background: '#ffffff',
  text: '#1f2933',
  muted: '#6b7785',
  track: '#e6e9ee',
  bands: { strong: '#2f7d4f', adequate: '#3c6e9e', weak: '#b7791f', poor: '#b83a3a' },
};

const DARK: Palette = {
  background: '#1b2027',
  text: '#e6e9ee',
  muted: '#9aa5b1',
  track: '#2e3640',
  bands: { strong: '#5cb783', adequate: '#6fa3d6', weak: '#e0a84a', poor: '#e07070' },
};

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text safe inside an XML element or a quoted attribute: the five special characters become
 * entities (so `]]>` and `<script>` are inert) and characters XML 1.0 forbids (control
 * characters, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */
export function escapeXml(text: string): string {
  let out = '';
  // Iterating a string yields code points; a lone surrogate comes out on its own and is dropped.
  for (const ch of text) {
    if (!isXmlChar(ch.codePointAt(0)!)) continue;
    out += ENTITIES[ch] ?? ch;
  }
  return out;
}

/** The Char production of XML 1.0. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** A number written the same way every time: at most two decimals, no trailing zeros, no "-0". */
function num(n: number): string {
  const fixed = Number(n.toFixed(2));
  return String(Object.is(fixed, -0) ? 0 : fixed);
}

/** Shortens a label to `max` characters (whole code points), ending with an ellipsis. */
function shorten(label: string, max: number): string {
  const chars = Array.from(label.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** A section score usable for drawing: 0..100, or null for "n/a" (missing, NaN or infinite). */
function drawable(score: number | null): number | null {
  if (score === null || !Number.isFinite(score)) return null;
  return Math.min(100, Math.max(0, score));
}

/** The value text: one decimal, or "n/a". */
export function sectionValueLabel(score: number | null): string {
  const value = drawable(score);
  return scoreText(value, 'n/a');
}

/** Width in px of the bar for a score, given the width of the full 0..100 track. */
export function barWidth(score: number | null, trackWidth: number): number {
  const value = drawable(score);
  return value === null ? 0 : Number(((trackWidth * value) / 100).toFixed(2));
}

/**
 * Draws one horizontal bar per section (0..100, coloured by control band, see
 * CONTROL_BAND_MIN) with the section title above it and its score at the right.
 * Sections without a score show an empty track and "n/a".
 */
export function sectionBarsSvg(sections: readonly SectionScore[], options: SectionBarsOptions = {}): string {
  const L = SECTION_BARS_LAYOUT;
  const width = Math.max(160, Math.round(options.width ?? 320));
  const palette = options.dark ? DARK : LIGHT;
  const title = options.title ?? 'Section scores';
  const trackWidth = width - 2 * L.padding;
  const height = Math.max(1, sections.length) * L.rowHeight + 2 * L.padding - 8;
  const valueRoom = 6; // characters kept free for the value at the right of the label line
  const maxLabelChars = Math.max(4, Math.floor(trackWidth / L.charWidth) - valueRoom);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${palette.background}"/>`,
    `<g font-family="${L.fontFamily}" font-size="${L.fontSize}">`,
  );

  if (sections.length === 0) {
    out.push(
      `<text x="${L.padding}" y="${L.padding + L.labelBaseline}" fill="${palette.muted}">No sections</text>`,
    );
  }

  sections.forEach((section, index) => {
    const top = L.padding + index * L.rowHeight;
    const value = drawable(section.score);
    const label = escapeXml(shorten(section.title, maxLabelChars));
    const valueText = sectionValueLabel(section.score);
    const barY = top + L.barTop;
    out.push(
      `<text x="${L.padding}" y="${num(top + L.labelBaseline)}" fill="${palette.text}">${label}</text>`,
      `<text x="${num(width - L.padding)}" y="${num(top + L.labelBaseline)}" text-anchor="end" fill="${value === null ? palette.muted : palette.text}" font-weight="${value === null ? 'normal' : 'bold'}">${valueText}</text>`,
      `<rect x="${L.padding}" y="${num(barY)}" width="${num(trackWidth)}" height="${L.barHeight}" rx="2" fill="${palette.track}"/>`,
    );
    if (value !== null && value > 0) {
      const colour = palette.bands[controlBand(value)];
      out.push(
        `<rect x="${L.padding}" y="${num(barY)}" width="${num(barWidth(value, trackWidth))}" height="${L.barHeight}" rx="2" fill="${colour}"/>`,
      );
    }
  });

  out.push('</g>', '</svg>');
  return out.join('');
}

/** The band thresholds the colours follow, for a legend next to the chart. */
export const SECTION_BAR_BANDS: readonly { band: ControlBand; min: number }[] = (
  ['strong', 'adequate', 'weak', 'poor'] as const
).map((band) => ({ band, min: Math.max(0, CONTROL_BAND_MIN[band]) }));

/** The colour a band is drawn in, for a legend in the same palette. */
export function sectionBarColour(band: ControlBand, dark = false): string {
  return (dark ? DARK : LIGHT).bands[band];
}
