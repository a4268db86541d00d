import { Field } from '../../components/Field';
import type { TemplateOption } from './useTemplateOptions';

interface Props {
  id: string;
  label?: string;
  /** A template id; one not in `options` (still loading) is shown as its id. */
  value: string;
  options: readonly TemplateOption[] | null;
  onChange(id: string): void;
  hint?: string;
  error?: string;
  autoFocus?: boolean;
}

/** "Questionnaire": one stored template (its newest version), with a visible label tied to the select. */
export function TemplateSelect({ id, label = 'Questionnaire', value, options, onChange, hint, error, autoFocus }: Props) {
  const known = options?.some((o) => o.id === value) ?? false;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(p) => (
        <select
          {...p}
          className="select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-autofocus={autoFocus || undefined}
          aria-busy={options === null || undefined}
        >
          {!known && <option value={value}>{options === null ? 'Loading templates…' : value}</option>}
          {options?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
