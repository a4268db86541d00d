// One control per question kind. Choices are native radios/checkboxes (Tab and arrow keys work);
// free-form controls take the question text (the legend) as their accessible name.
import { useEffect, useState } from 'react';
import type { AnswerValue } from '../../../../shared/domain/review';
import type { ChoiceOption, Question } from '../../../../shared/domain/template';
import { TIER_LABELS } from '../../lib/labels';
import type { AnswerPatch } from '../../store/types';
import { toggleMultiOption } from '../../../../shared/domain/question-view';

/**
 * What the controls read of a question: the app's Question, or the provider page's SentQuestion
 * (renderer/vendor), which has no scoring and so no knock-out marks.
 */
export interface InputQuestion {
  kind: Question['kind'];
  unit?: string;
  options?: readonly Pick<ChoiceOption, 'id' | 'label' | 'knockout' | 'exclusive'>[];
}

export interface InputProps {
  question: InputQuestion;
  value: AnswerValue;
  disabled: boolean;
  /** Id of the legend that names free-form controls. */
  labelId: string;
  idBase: string;
  onChange(patch: AnswerPatch, timing: 'now' | 'debounced'): void;
  onBlur(): void;
  /** Ids of notes about the answer (a number's band, a plausibility warning), read with the control. */
  describedBy?: string;
}

export function AnswerInput(props: InputProps) {
  switch (props.question.kind) {
    case 'yesno':
    case 'single':
      return <ChoiceInput {...props} />;
    case 'multi':
      return <MultiInput {...props} />;
    case 'number':
      return <NumberInput {...props} />;
    case 'date':
      return <DateInput {...props} />;
    case 'text':
      return <TextInput {...props} />;
    case 'longtext':
      return <LongTextInput {...props} />;
  }
}

function KnockoutHint({ id, tier }: { id: string; tier: keyof typeof TIER_LABELS | undefined }) {
  if (!tier) return null;
  return (
    <span id={id} className="ko-hint">
      Knock-out: at least {TIER_LABELS[tier]}
    </span>
  );
}

function ChoiceInput({ question, value, disabled, idBase, onChange }: InputProps) {
  return (
    <div className="options" data-kind={question.kind}>
      {(question.options ?? []).map((option) => {
        const id = `${idBase}-opt-${option.id}`;
        return (
          <div className="option-row" key={option.id}>
            <label className="option" htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={`${idBase}-value`}
                value={option.id}
                checked={value === option.id}
                disabled={disabled}
                onChange={() => onChange({ value: option.id }, 'now')}
                aria-describedby={option.knockout ? `${id}-ko` : undefined}
              />
              <span>{option.label}</span>
            </label>
            <KnockoutHint id={`${id}-ko`} tier={option.knockout} />
          </div>
        );
      })}
    </div>
  );
}

function MultiInput({ question, value, disabled, idBase, onChange }: InputProps) {
  const chosen = Array.isArray(value) ? value : [];
  const options = question.options ?? [];
  // Kept in the template's order so the stored list is stable; an exclusive option ("None") is
  // chosen alone. Unticking the last box keeps [] ("none of these"); Clear answer sets null.
  const toggle = (optionId: string, on: boolean) => onChange({ value: toggleMultiOption(options, chosen, optionId, on) }, 'now');
  return (
    <div className="options" data-kind="multi">
      {options.map((option) => {
        const id = `${idBase}-opt-${option.id}`;
        return (
          <div className="option-row" key={option.id}>
            <label className="option" htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                checked={chosen.includes(option.id)}
                disabled={disabled}
                onChange={(e) => toggle(option.id, e.target.checked)}
                aria-describedby={option.knockout ? `${id}-ko` : undefined}
              />
              <span>{option.label}</span>
            </label>
            <KnockoutHint id={`${id}-ko`} tier={option.knockout} />
          </div>
        );
      })}
    </div>
  );
}

const numberText = (value: AnswerValue) => (typeof value === 'number' ? String(value) : '');

function NumberInput({ question, value, disabled, labelId, idBase, onChange, onBlur, describedBy }: InputProps) {
  // What is typed ("1.", "-") may not be a number yet: the field keeps the text, the store the number.
  const [text, setText] = useState(() => numberText(value));
  useEffect(() => {
    setText((current) => (Number(current) === value || (current === '' && value === null) ? current : numberText(value)));
  }, [value]);
  const unitId = `${idBase}-unit`;
  return (
    <div className="number-field">
      <input
        id={`${idBase}-input`}
        className="input input-number"
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-labelledby={labelId}
        aria-describedby={[question.unit ? unitId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.valueAsNumber;
          onChange({ value: Number.isFinite(n) ? n : null }, 'debounced');
        }}
        onBlur={onBlur}
      />
      {question.unit && (
        <span id={unitId} className="unit">
          {question.unit}
        </span>
      )}
    </div>
  );
}

function DateInput({ value, disabled, labelId, idBase, onChange, onBlur }: InputProps) {
  return (
    <input
      id={`${idBase}-input`}
      className="input input-date"
      type="date"
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      aria-labelledby={labelId}
      onChange={(e) => onChange({ value: e.target.value === '' ? null : e.target.value }, 'debounced')}
      onBlur={onBlur}
    />
  );
}

function TextInput({ value, disabled, labelId, idBase, onChange, onBlur }: InputProps) {
  return (
    <input
      id={`${idBase}-input`}
      className="input"
      type="text"
      maxLength={1000}
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      aria-labelledby={labelId}
      onChange={(e) => onChange({ value: e.target.value }, 'debounced')}
      onBlur={onBlur}
    />
  );
}

function LongTextInput({ value, disabled, labelId, idBase, onChange, onBlur }: InputProps) {
  return (
    <textarea
      id={`${idBase}-input`}
      className="textarea"
      rows={4}
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      aria-labelledby={labelId}
      onChange={(e) => onChange({ value: e.target.value }, 'debounced')}
      onBlur={onBlur}
    />
  );
}
