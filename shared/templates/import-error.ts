// The one error template import throws: where in which text, and what is wrong, in plain words.

export class TemplateImportError extends Error {
  constructor(
    /** A JSON path into the text at fault, e.g. `$.questionnaire[0].items[2].cond`. */
    readonly path: string,
    message: string,
    /** Which text: undefined for the base template, n for `extensions[n]` of a VSAQ import. */
    readonly extension?: number,
  ) {
    super(message);
    this.name = 'TemplateImportError';
  }
}

/** `$.a.b[2]["odd key"]`: the JSON path of a key below `parent`. */
export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Turns a zod/checkTemplate path ("sections[2].questions[0]" or ['sections', 2]) into a JSON path. */
export function toJsonPath(path: string | readonly PropertyKey[]): string {
  if (typeof path === 'string') return path === '' ? '$' : path.startsWith('[') ? `$${path}` : `$.${path}`;
  return path.reduce<string>((acc, key) => jsonPath(acc, typeof key === 'number' ? key : String(key)), '$');
}
