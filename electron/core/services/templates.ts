import type { TemplateSummary } from '../../../shared/api';
import type { Template } from '../../../shared/domain/template';
import { VettedError } from '../../../shared/result';
import { BUILT_IN_TEMPLATE_KEYS, builtInTemplates } from '../../../shared/templates/built-in';
import type { Context } from '../context';

// The register's templates: the built-in ones installed, listed and read. Importing and exporting a
// template file (the JSON format, VSAQ conversion) is services/template-files.ts, loaded on first use.

/** Built-in templates are stored like imported ones, so reviews can pin their version. */
export async function installBuiltInTemplates(ctx: Context): Promise<void> {
  // Every open of the register runs this: when they are all there (as from the second open on), it
  // reads, and takes no write lock — `vetted list` must not wait behind the app's writes.
  let installed = true;
  for (const t of BUILT_IN_TEMPLATE_KEYS) if (!(await ctx.templates.has(t.id, t.version))) installed = false;
  if (installed) return;
  const stamp = ctx.now().toISOString();
  await ctx.write(async (ctx) => {
        for (const template of builtInTemplates()) await ctx.templates.add(template, true, stamp);
      });
}

export function templateSummary(template: Template, builtIn: boolean): TemplateSummary {
  return {
    id: template.id,
    version: template.version,
    name: template.name,
    sections: template.sections.length,
    questions: template.sections.reduce((n, s) => n + s.questions.length, 0),
    builtIn,
  };
}

export async function listTemplates(ctx: Context): Promise<TemplateSummary[]> {
  return (await ctx.templates.list()).map(({ template, builtIn }) => templateSummary(template, builtIn));
}

export async function getTemplate(ctx: Context, id: string, version?: number): Promise<Template> {
  const stored = await ctx.templates.get(id, version);
  if (!stored) {
    throw new VettedError('not_found', version === undefined ? `No template with id ${id}.` : `No template ${id} v${version}.`);
  }
  return stored.template;
}
