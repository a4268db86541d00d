// The words of a pdfmake document definition (or a part of it), as a reader sees them: every
// string but styles, colours, links and SVG, joined with spaces, zero-width spaces dropped.
export function textOf(node: unknown): string {
  const out: string[] = [];
  const go = (n: unknown, key: string | null): void => {
    if (typeof n === 'string') {
      if (!['style', 'color', 'fillColor', 'lineColor', 'link', 'svg'].includes(key ?? '')) out.push(n);
    } else if (Array.isArray(n)) for (const x of n) go(x, key);
    else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) go(v, k === 'text' || k === 'stack' || k === 'body' ? key : k);
  };
  go(node, null);
  return out.join(' ').replace(/\u200B/g, '');
}
