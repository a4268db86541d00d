// Template files: importing Vetted's own JSON or a VSAQ questionnaire (with its extensions) into the
// register, and exporting a stored template as JSON. Loaded on the first import or export
// (handlers-deferred.ts): the parsers and the VSAQ conversion are code no listing needs.
import type { GeneratedFile, ParsedInputOf, TemplateImport } from '../../../shared/api';
import type { Template } from '../../../shared/domain/template';
import { VettedError } from '../../../shared/result';
import { builtInTemplates } from '../../../shared/templates/built-in';
import { detectTemplateFormat, exportTemplateJson, parseTemplateJson } from '../../../shared/templates/format';
import { TemplateImportError } from '../../../shared/templates/import-error';
import { diffTemplates } from '../../../shared/templates/diff';
import { importVsaq } from '../../../shared/templates/vsaq';
import type { Context } from '../context';
import { getTemplate, templateSummary as summary } from './templates';

/** A TemplateImportError as a validation error: the message names the text, the JSON path and the problem. */
function importFailure(error: TemplateImportError): VettedError {
  const source = error.extension === undefined ? 'text' : `extensions.${error.extension}`;
  const where = error.extension === undefined ? '' : `extension ${error.extension + 1}: `;
  return new VettedError('validation', `${where}${error.path}: ${error.message}`, [{ path: source, message: `${error.path}: ${error.message}` }]);
}

/** The same content, whatever the version number. */
function sameContent(a: Template, b: Template): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}

/**
 * Imports a template file (Vetted's own JSON or a VSAQ questionnaire with its extensions).
 * Content already stored, as the latest version or as the version it names, changes nothing
 * (added: false). Otherwise it is stored as `input.version` when given (which must be above the
 * latest stored), as its own version when that is above the latest, else as the latest + 1, and
 * the result says what changed from the latest. Reviews keep their version until migrated.
 */
export async function importTemplate(ctx: Context, input: ParsedInputOf<'template.import'>): Promise<TemplateImport> {
  const format = !input.format || input.format === 'auto' ? detectTemplateFormat(input.text) : input.format;
  let template: Template;
  let warnings: string[] = [];
  try {
    if (format === 'vsaq') {
      if (!input.id) throw new VettedError('validation', 'id: a VSAQ import needs a template id', [{ path: 'id', message: 'a VSAQ import needs a template id' }]);
      ({ template, warnings } = importVsaq(input.text, { id: input.id, extensions: input.extensions }));
    } else {
      if (input.extensions && input.extensions.length > 0) {
        throw new VettedError('validation', 'extensions: only a VSAQ template takes extensions', [{ path: 'extensions', message: 'only a VSAQ template takes extensions' }]);
      }
      template = parseTemplateJson(input.text);
      if (input.id && input.id !== template.id) {
        template = parseTemplateJson(exportTemplateJson({ ...template, id: input.id }));
      }
    }
  } catch (error) {
    if (error instanceof TemplateImportError) throw importFailure(error);
    throw error;
  }
  if (input.version !== undefined) template = { ...template, version: input.version };

  const builtIn = builtInTemplates().find((t) => t.id === template.id);
  if (builtIn) {
    throw new VettedError('conflict', `"${template.id}" is the id of a built-in template; import it under another id.`);
  }
  const unchanged = (stored: { template: Template; builtIn: boolean }): TemplateImport => ({
    template: summary(stored.template, stored.builtIn),
    added: false,
    warnings,
    changes: null,
  });
  // Read the stored versions and add the new one in one write transaction: two imports at once
  // (the app and the CLI on the same register) cannot both take the same version number.
  return await ctx.write(async (ctx): Promise<TemplateImport> => {
    const named = await ctx.templates.get(template.id, template.version);
    if (named && JSON.stringify(named.template) === JSON.stringify(template)) return unchanged(named);
    const latest = await ctx.templates.get(template.id);
    if (!latest) {
      if (!(await ctx.templates.add(template, false, ctx.now().toISOString()))) throw addedMeanwhile(template);
      return { template: summary(template, false), added: true, warnings, changes: null };
    }
    if (sameContent(latest.template, template)) return unchanged(latest);
    const latestVersion = latest.template.version;
    if (input.version !== undefined && input.version <= latestVersion) {
      const message = `must be above ${latestVersion}, the latest stored version of ${template.id} (or leave it out to store this as version ${latestVersion + 1})`;
      throw new VettedError('validation', `version: ${message}`, [{ path: 'version', message }]);
    }
    if (template.version <= latestVersion) template = { ...template, version: latestVersion + 1 };
    if (!(await ctx.templates.add(template, false, ctx.now().toISOString()))) throw addedMeanwhile(template);
    return { template: summary(template, false), added: true, warnings, changes: diffTemplates(latest.template, template) };
  });
}

/**
 * On a team register another import may take the same version number between this one's read and
 * its write (a file's write lock rules that out): said, never reported as added.
 */
function addedMeanwhile(template: Template): VettedError {
  return new VettedError('conflict', `Someone added version ${template.version} of ${template.id} at the same moment; nothing was stored. Import again to store yours as the next version.`);
}

/** A stored template as a Vetted template file (JSON). */
export async function exportTemplate(ctx: Context, id: string, version?: number): Promise<GeneratedFile> {
  const template = await getTemplate(ctx, id, version);
  const bytes = Buffer.from(exportTemplateJson(template), 'utf8');
  return {
    fileName: `${template.id}-v${template.version}.json`,
    mediaType: 'application/json',
    base64: bytes.toString('base64'),
    bytes: bytes.length,
    warnings: [],
  };
}
