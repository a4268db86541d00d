import type { TemplateSummary } from '../../../shared/api';
import type { Template } from '../../../shared/domain/template';
import { VettedError } from '../../../shared/result';
import { BUILT_IN_TEMPLATES } from '../../../shared/templates';
import type { Context } from '../context';

/** Built-in templates are stored like imported ones, so reviews can pin their version. */
export function installBuiltInTemplates(ctx: Context): void {
  const stamp = ctx.now().toISOString();
  ctx.db.transaction(() => {
    for (const template of BUILT_IN_TEMPLATES) ctx.templates.add(template, true, stamp);
  })();
}

export function listTemplates(ctx: Context): TemplateSummary[] {
  return ctx.templates.list().map(({ template, builtIn }) => ({
    id: template.id,
    version: template.version,
    name: template.name,
    sections: template.sections.length,
    questions: template.sections.reduce((n, s) => n + s.questions.length, 0),
    builtIn,
  }));
}

export function getTemplate(ctx: Context, id: string, version?: number): Template {
  const stored = ctx.templates.get(id, version);
  if (!stored) {
    throw new VettedError('not_found', version === undefined ? `No template with id ${id}.` : `No template ${id} v${version}.`);
  }
  return stored.template;
}
