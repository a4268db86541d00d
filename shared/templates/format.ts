// Vetted's own template file: the template as JSON with a "$schema" marker, described by
// docs/template.schema.json (generated from the zod schema: `npm run docs:template-schema`).
import { z } from 'zod';
import { Condition, Template } from '../domain/template';
import { checkTemplate } from './check';
import { jsonPath, TemplateImportError, toJsonPath } from './import-error';
import { parseVsaqJson } from './vsaq/parse';

/** The largest template text an import accepts (characters; 5 MB of ASCII). */
export const MAX_TEMPLATE_IMPORT_CHARS = 5 * 1024 * 1024;
/** At most this many VSAQ extensions per import. */
export const MAX_TEMPLATE_EXTENSIONS = 20;

/** The value of "$schema" in a Vetted template file. */
export const TEMPLATE_FORMAT_MARKER = 'vetted-template/1';

export type TemplateFormat = 'vetted' | 'vsaq';

/** The template as a pretty-printed file (ends with a newline); the same template gives the same text. */
export function exportTemplateJson(template: Template): string {
  return `${JSON.stringify({ $schema: TEMPLATE_FORMAT_MARKER, ...template }, null, 2)}\n`;
}

/** Why a text is not JSON, with the path, line and column of the first problem. */
function jsonSyntaxError(text: string): TemplateImportError {
  try {
    parseVsaqJson(text);
  } catch (error) {
    if (error instanceof TemplateImportError) return new TemplateImportError(error.path, `not valid JSON: ${error.message}`);
  }
  // Only VSAQ's extras (comments, single quotes, "a" + "b", trailing commas) are in the way.
  return new TemplateImportError('$', 'not valid JSON: a Vetted template file has no comments, single quotes, "+" or trailing commas');
}

function describeReceived(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string (${JSON.stringify(value).slice(0, 40)})`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} (${String(value).slice(0, 40)})`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One zod issue in words: what was expected, and what was found. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): { path: string; message: string } {
  const path = toJsonPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const found = valueAt(root, issue.path);
      if (found === undefined) return { path, message: `is required (expected ${issue.expected})` };
      return { path, message: `expected ${issue.expected}, found ${describeReceived(found)}` };
    }
    case 'unrecognized_keys':
      return { path: issue.keys.length === 1 ? jsonPath(path, issue.keys[0]!) : path, message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { path, message: `does not fit any allowed form (found ${describeReceived(valueAt(root, issue.path))})` };
    default:
      return { path, message: issue.message };
  }
}

/**
 * Reads a Vetted template file: JSON, the schema, then the semantic checks. Throws
 * TemplateImportError with the JSON path of the first problem and what was expected there.
 */
export function parseTemplateJson(text: string): Template {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw jsonSyntaxError(text);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TemplateImportError('$', `expected a template object, found ${describeReceived(data)}`);
  }
  const { $schema: marker, ...rest } = data as Record<string, unknown>;
  if (marker !== undefined && marker !== TEMPLATE_FORMAT_MARKER) {
    throw new TemplateImportError('$.$schema', `expected "${TEMPLATE_FORMAT_MARKER}", found ${describeReceived(marker)}`);
  }
  const parsed = Template.safeParse(rest);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = describeIssue(issues[0]!, rest);
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new TemplateImportError(first.path, `${first.message}${more}`);
  }
  const problems = checkTemplate(parsed.data);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new TemplateImportError(toJsonPath(problems[0]!.path), `${problems[0]!.message}${more}`);
  }
  return parsed.data;
}

/**
 * Which format a template file is in. VSAQ files start with `//` comments and have a
 * "questionnaire" (or "extensions"); Vetted files have the "$schema" marker or "sections".
 * Never throws: a text that is neither is reported as 'vetted', whose parser says what is wrong.
 */
export function detectTemplateFormat(text: string): TemplateFormat {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*(\/\/|\/\*)/.test(body)) return 'vsaq';
  try {
    const data: unknown = JSON.parse(body);
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const keys = Object.keys(data);
      if (keys.includes('$schema') || keys.includes('sections')) return 'vetted';
      if (keys.includes('questionnaire') || keys.includes('extensions')) return 'vsaq';
    }
  } catch {
    // VSAQ's dialect (comments, "a" + "b") is not JSON; look at the keys instead.
  }
  if (/"\$schema"\s*:\s*"vetted-template\//.test(body)) return 'vetted';
  if (/["']?(questionnaire|extensions)["']?\s*:/.test(body)) return 'vsaq';
  return 'vetted';
}

/**
 * The JSON Schema of a Vetted template file (docs/template.schema.json), from the zod schema.
 * Defaults are optional in a file, so it describes the input side.
 */
export function templateJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id: string }>();
  names.add(Condition, { id: 'Condition' });
  const schema = z.toJSONSchema(Template, { io: 'input', target: 'draft-2020-12', metadata: names }) as Record<string, unknown>;
  const properties = { $schema: { const: TEMPLATE_FORMAT_MARKER, description: 'Marks a Vetted template file.' }, ...(schema['properties'] as Record<string, unknown>) };
  const { $schema: dialect, ...rest } = schema;
  return {
    $schema: dialect,
    title: 'Vetted questionnaire template',
    description: `A Vetted template file ("$schema": "${TEMPLATE_FORMAT_MARKER}"). Generated from shared/domain/template.ts by \`npm run docs:template-schema\`; do not edit. Files must also pass the semantic checks of shared/templates/check.ts.`,
    ...rest,
    properties,
  };
}

/** docs/template.schema.json as written to disk. */
export function templateJsonSchemaText(): string {
  return `${JSON.stringify(templateJsonSchema(), null, 2)}\n`;
}
