import { VENDOR_CATEGORIES, type VendorCategory } from '../../../../shared/domain/vendor';
import { Field } from '../../components/Field';
import { hrefs } from '../../app/router';
import { CATEGORY_LABELS } from '../../lib/labels';
import { useTemplateOptions } from '../choose-template/useTemplateOptions';
import type { DefaultTemplatesDraft, DefaultTemplatesErrors } from './defaultTemplatesDraft';

interface Props {
  idPrefix: string;
  draft: DefaultTemplatesDraft;
  errors: DefaultTemplatesErrors;
  onChange(category: VendorCategory, templateId: string): void;
}

/** "Questionnaire per category": the template a new review starts on, by the provider's category. */
export function DefaultTemplatesFields({ idPrefix, draft, errors, onChange }: Props) {
  const templates = useTemplateOptions();
  const hintId = `${idPrefix}-default-templates-hint`;
  const builtIn = templates.options?.find((o) => o.builtIn);
  const imported = templates.options?.filter((o) => !o.builtIn) ?? [];
  const builtInLabel = builtIn?.label ?? 'Built-in: Infrastructure provider review';
  return (
    <fieldset className="form-section" aria-describedby={hintId}>
      <legend>Questionnaire per category</legend>
      <p id={hintId} className="muted section-hint">
        The template a provider’s first review starts on, by its category (its newest version). A reassessment stays on
        the template of the review before it; a template chosen when adding a provider or starting a review wins. Import
        templates on the <a href={hrefs.templates}>Templates</a> page.
      </p>
      {templates.status === 'error' && (
        <p className="form-error" role="alert">
          The stored templates could not be read: {templates.error.message}
        </p>
      )}
      <div className="form-grid">
        {VENDOR_CATEGORIES.map((category) => {
          const value = draft[category];
          const listed = value === '' || imported.some((o) => o.id === value) || value === builtIn?.id;
          return (
            <Field key={category} id={`${idPrefix}-template-${category}`} label={CATEGORY_LABELS[category]} error={errors[category]}>
              {(p) => (
                <select {...p} className="select" value={value} onChange={(e) => onChange(category, e.target.value)}>
                  <option value="">{builtInLabel}</option>
                  {/* The built-in template named explicitly (by an import, say) reads like the default it is. */}
                  {builtIn && value === builtIn.id && <option value={builtIn.id}>{builtIn.label}</option>}
                  {!listed && <option value={value}>{templates.options === null ? value : `${value} (not in the register)`}</option>}
                  {imported.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
