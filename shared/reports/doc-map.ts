// A pass over a pdfmake document definition: every node of its content, and of its header,
// footer and background, which may be functions pdfmake calls per page (wrapped, so the nodes they
// return pass through too). The font runs (script-runs.ts) and the regional Han faces
// (han-faces.ts) are both such passes. The input is not modified. Pure.

type Obj = Record<string, unknown>;

/** Copies the document with `node` applied to its content and to its page-level parts. */
export function mapDocument<T extends object>(doc: T, node: (value: unknown) => unknown): T {
  const source = doc as Obj;
  const copy: Obj = { ...source };
  if ('content' in source) copy.content = node(source.content);
  for (const key of ['header', 'footer', 'background'] as const) {
    if (key in source) copy[key] = pageLevel(source[key], node);
  }
  return copy as T;
}

/** header, footer, background: a node, or a function pdfmake calls per page (wrapped). */
function pageLevel(value: unknown, node: (value: unknown) => unknown): unknown {
  if (typeof value === 'function') {
    const original = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => node(original(...args));
  }
  return value === undefined ? value : node(value);
}

/** The containers a node may be, in pdfmake's DocPreprocessor order: each child passes through `child`. */
const CONTAINERS = ['columns', 'stack', 'ul', 'ol'] as const;

/**
 * When `node` is a section or a container (columns, stack, ul, ol), its copy with every child
 * mapped; otherwise null, for the caller to handle tables, text and the rest as it needs.
 */
export function mapContainer(node: Obj, child: (value: unknown) => unknown): Obj | null {
  if (node.section) return { ...node, section: child(node.section) };
  for (const key of CONTAINERS) {
    const children = node[key];
    if (Array.isArray(children)) return { ...node, [key]: children.map(child) };
  }
  return null;
}
