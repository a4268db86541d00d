// VSAQ labels carry simple HTML. Vetted shows text only: this turns the markup into plain text
// (tags removed, <br> and paragraphs as line breaks, list items as "• ", links as "text (url)",
// entities decoded). The result never contains markup from the input: a "<" that survives is
// either text that was never a tag or an entity such as &lt; that the author meant as text.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  mdash: '—', ndash: '–', hellip: '…', bull: '•', middot: '·', rsquo: '’', lsquo: '‘', rdquo: '”',
  ldquo: '“', sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', copy: '©',
  reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', euro: '€', pound: '£',
  yen: '¥', cent: '¢', sect: '§', para: '¶', shy: '', zwj: '', zwnj: '', larr: '←', rarr: '→',
  uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', minus: '−',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é',
  egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó',
  uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', Eacute: 'É', aring: 'å', oslash: 'ø', aelig: 'æ',
};

/** Decodes character references in text (never in tags); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      if (code < 0x20 && code !== 9 && code !== 10 && code !== 13) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref]! : whole;
  });
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'ul', 'ol', 'dl', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'section', 'article', 'header', 'footer', 'hr', 'dt', 'dd',
]);
const SKIPPED_CONTENT = new Set(['script', 'style', 'template', 'noscript']);

/** Structural breaks, written as control characters until the text is tidied. */
const LINE = '\u0001';
const PARAGRAPH = '\u0002';

interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
  end: number;
}

/** Reads a tag starting at `<` (at `start`), or returns null when this `<` is just text. */
function readTag(html: string, start: number): Tag | null {
  const match = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(start, start + 80));
  if (!match) return null;
  let i = start + match[0].length;
  const attributes = new Map<string, string>();
  while (i < html.length) {
    const c = html[i]!;
    if (c === '>') return { name: match[2]!.toLowerCase(), closing: match[1] === '/', attributes, end: i + 1 };
    if (/[\s/]/.test(c)) {
      i += 1;
      continue;
    }
    const name = /^[^\s=>/]+/.exec(html.slice(i, i + 200))?.[0] ?? c;
    i += name.length;
    while (i < html.length && /\s/.test(html[i]!)) i += 1;
    let value = '';
    if (html[i] === '=') {
      i += 1;
      while (i < html.length && /\s/.test(html[i]!)) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return null; // an unterminated attribute: treat the "<" as text
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        value = /^[^\s>]*/.exec(html.slice(i))![0];
        i += value.length;
      }
    }
    attributes.set(name.toLowerCase(), decodeEntities(value));
  }
  return null; // no closing ">": the "<" is text
}

/** Only addresses worth printing after a link's text. */
function printableHref(href: string | undefined): string | null {
  const trimmed = (href ?? '').trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(javascript|data|vbscript):/i.test(trimmed)) return null;
  return trimmed;
}

/** Plain text from a VSAQ label. */
export function htmlToText(html: string): string {
  let out = '';
  const links: (string | null)[] = [];
  const linkTextStart: number[] = [];
  let i = 0;
  const text = (s: string) => {
    out += withoutControls(decodeEntities(s.replace(/[ \t\n\r\f]+/g, ' ')));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (/^<![A-Za-z]/.test(html.slice(lt, lt + 3))) {
      const close = html.indexOf('>', lt);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      out += '<';
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && SKIPPED_CONTENT.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      const end = close < 0 ? -1 : html.indexOf('>', close);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (tag.name === 'br') out += LINE;
    else if (tag.name === 'li') out += tag.closing ? '' : `${LINE}• `;
    else if (BLOCK_TAGS.has(tag.name)) out += PARAGRAPH;
    else if (tag.name === 'a') {
      if (!tag.closing) {
        links.push(printableHref(tag.attributes.get('href')));
        linkTextStart.push(out.length);
      } else if (links.length > 0) {
        const href = links.pop()!;
        const linkText = out.slice(linkTextStart.pop()!).trim();
        if (href && linkText !== href) out += linkText === '' ? href : ` (${href})`;
      }
    }
    // every other tag (b, i, code, span, strong, em, …) is dropped, its text kept
  }
  while (links.length > 0) {
    const href = links.pop()!;
    const linkText = out.slice(linkTextStart.pop()!).trim();
    if (href && linkText !== href) out += linkText === '' ? href : ` (${href})`;
  }
  return tidy(out);
}

/** Control characters (but tab and line breaks) become spaces: they are never meant as text. */
function withoutControls(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out += (code < 0x20 && code !== 9 && code !== 10) || code === 0x7f ? ' ' : ch;
  }
  return out;
}

/** Collapses spaces, trims lines, keeps at most one empty line between paragraphs. */
function tidy(s: string): string {
  const lines = s
    .replace(/\u00a0/g, ' ')
    .replace(new RegExp(PARAGRAPH, 'g'), '\n\n')
    .replace(new RegExp(LINE, 'g'), '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim());
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
