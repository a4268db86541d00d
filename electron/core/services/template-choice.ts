// Which questionnaire a new review starts on: one rule for review.start, vendor.create (when it
// starts the first review), the CLI's `answer` and the app's questionnaire before a review exists.
import type { NewReviewTemplate } from '../../../shared/api';
import type { DefaultTemplates } from '../../../shared/domain/settings';
import type { Vendor } from '../../../shared/domain/vendor';
import { VettedError } from '../../../shared/result';
import { DEFAULT_TEMPLATE_ID } from '../../../shared/templates/ids';
import type { Context } from '../context';

/** Every template id in the register, sorted, once each. */
async function knownTemplateIds(ctx: Context): Promise<string[]> {
  return [...new Set((await ctx.templates.list()).map(({ template }) => template.id))].sort();
}

/** A template id the register does not hold, as a validation error naming the field and the ids it does hold. */
export async function unknownTemplate(ctx: Context, path: string, id: string): Promise<VettedError> {
  const message = `no template with id "${id}" in the register (known: ${(await knownTemplateIds(ctx)).join(', ')})`;
  return new VettedError('validation', `${path}: ${message}`, [{ path, message }]);
}

/**
 * The template (its newest version) a review of `vendor` started now uses:
 * 1. the template named (`templateId`), which must be stored (else a validation error naming `templateId`);
 * 2. else the template of the provider's latest review: a reassessment continues on it, from its answers;
 * 3. else the default for the provider's category in Settings (`defaultTemplates`);
 * 4. else the built-in template.
 * Reads only; the caller writes, in its own transaction.
 */
export async function templateForNewReview(ctx: Context, vendor: Pick<Vendor, 'id' | 'category'>, templateId?: string): Promise<NewReviewTemplate> {
  if (templateId !== undefined) {
    const chosen = await ctx.templates.get(templateId);
    if (!chosen) throw await unknownTemplate(ctx, 'templateId', templateId);
    return { template: chosen.template, source: 'chosen' };
  }
  const latest = await ctx.reviews.latest(vendor.id);
  const previous = latest ? await ctx.templates.get(latest.templateId) : undefined;
  if (previous) return { template: previous.template, source: 'previous' };
  const categoryDefault = (await ctx.settings.get()).defaultTemplates[vendor.category];
  // Settings only ever name a stored template (checked on save and on import); templates are never deleted.
  const stored = categoryDefault === undefined ? undefined : await ctx.templates.get(categoryDefault);
  if (stored) return { template: stored.template, source: 'category' };
  const builtIn = await ctx.templates.get(DEFAULT_TEMPLATE_ID);
  if (!builtIn) throw new VettedError('not_found', `The built-in template ${DEFAULT_TEMPLATE_ID} is missing from the register.`);
  return { template: builtIn.template, source: 'built-in' };
}

/** Refuses a category default naming a template the register does not hold (the error names `defaultTemplates.<category>`). */
export async function checkDefaultTemplates(ctx: Context, defaults: DefaultTemplates): Promise<void> {
  for (const [category, id] of Object.entries(defaults)) {
    if (id !== undefined && !await ctx.templates.get(id)) throw await unknownTemplate(ctx, `defaultTemplates.${category}`, id);
  }
}
