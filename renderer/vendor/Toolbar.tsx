// Always in view: how far along the provider is, "Next unanswered", and saving / loading a file.
import { useRef, type ReactNode } from 'react';

interface Props {
  answered: number;
  total: number;
  onNext(): void;
  onSave(): void;
  onLoad(file: File): void;
  children?: ReactNode;
}

export function Toolbar({ answered, total, onNext, onSave, onLoad, children }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <section className="toolbar" aria-label="Progress and saving">
      <div className="toolbar-row">
        <div className="completion">
          <progress id="completion" max={total} value={answered} aria-labelledby="completion-text" />
          <span id="completion-text" data-testid="completion-text">
            {answered} of {total} answered
          </span>
        </div>
        <div className="toolbar-actions">
          <button id="next-unanswered" type="button" className="button" onClick={onNext}>
            Next unanswered
          </button>
          <button id="load-answers" type="button" className="button" onClick={() => picker.current?.click()}>
            Load saved answers
          </button>
          <input
            ref={picker}
            type="file"
            accept=".json,application/json"
            hidden
            tabIndex={-1}
            aria-label="Load saved answers"
            data-testid="load-answers-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) onLoad(file);
            }}
          />
          <button id="save-answers" type="button" className="button button-primary" onClick={onSave}>
            Save answers
          </button>
        </div>
      </div>
      {children}
    </section>
  );
}
