import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** What ticking it changes, under the label. */
  hint?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** A checkbox with its label and a hint, laid out like the other form fields. */
export function CheckField({ id, label, checked, onChange, hint, disabled, autoFocus }: Props) {
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-autofocus={autoFocus || undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
