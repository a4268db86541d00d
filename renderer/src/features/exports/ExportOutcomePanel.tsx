import { useEffect, useId, useRef, type ReactNode } from 'react';
import { inElectron } from '../../api/client';
import { warningsHeading } from './exportText';

interface Props {
  title: string;
  fileName: string;
  warnings: readonly string[];
  onDismiss(): void;
  /** What the file holds (and what it left out). */
  children: ReactNode;
  testId?: string;
}

/**
 * What an export did, kept on the page until dismissed: where the file went, what it holds, and
 * the generator's warnings. It takes the focus when it appears (the dialog that asked just
 * closed), so the keyboard and screen readers land on the result.
 */
export function ExportOutcomePanel({ title, fileName, warnings, onDismiss, children, testId }: Props) {
  const panel = useRef<HTMLElement>(null);
  const id = useId();
  const warned = warningsHeading(warnings.length);

  useEffect(() => {
    // After the dialog has handed the focus back to its button.
    const frame = requestAnimationFrame(() => panel.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [fileName]);

  return (
    <section
      ref={panel}
      className={`export-outcome${warned ? ' has-warnings' : ''}`}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-testid={testId}
    >
      <div className="export-outcome-head">
        <h2 id={`${id}-title`} className="export-outcome-title">
          {title}
        </h2>
        <button type="button" className="button button-small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <p role="status">{inElectron ? `“${fileName}” is ready: choose where to save it.` : `Downloaded “${fileName}”.`}</p>
      {children}
      {warned && (
        <div className="export-warnings">
          <p className="export-warnings-title">{warned}</p>
          <ul>
            {warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
