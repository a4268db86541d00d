// The "Questionnaire per category" choices as the Settings form holds them: one template id per
// category, '' for the built-in template (no entry in the stored map).
import type { DefaultTemplates } from '../../../../shared/domain/settings';
import { VENDOR_CATEGORIES, type VendorCategory } from '../../../../shared/domain/vendor';

export type DefaultTemplatesDraft = Record<VendorCategory, string>;
export type DefaultTemplatesErrors = Partial<Record<VendorCategory, string>>;

export function defaultTemplatesDraftOf(stored: DefaultTemplates): DefaultTemplatesDraft {
  return Object.fromEntries(VENDOR_CATEGORIES.map((c) => [c, stored[c] ?? ''])) as DefaultTemplatesDraft;
}

/** The map to store: the categories with a template chosen, in the categories' order. */
export function defaultTemplatesOf(draft: DefaultTemplatesDraft): DefaultTemplates {
  const out: DefaultTemplates = {};
  for (const c of VENDOR_CATEGORIES) if (draft[c] !== '') out[c] = draft[c];
  return out;
}

export function sameDefaultTemplates(draft: DefaultTemplatesDraft, stored: DefaultTemplates): boolean {
  return VENDOR_CATEGORIES.every((c) => draft[c] === (stored[c] ?? ''));
}
