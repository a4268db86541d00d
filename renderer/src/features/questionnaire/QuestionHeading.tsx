import type { ReactNode } from 'react';
import type { Question } from '../../../../shared/domain/template';

/** A question's legend and its meta line (number, id, then the tags given). */
export function QuestionHeading({ question, number, legendId, children }: { question: Question; number: string; legendId: string; children?: ReactNode }) {
  return (
    <>
      <legend id={legendId} className="q-legend">
        {question.text}
      </legend>
      <div className="q-meta">
        <span className="q-number" aria-hidden="true">
          {number}
        </span>
        {/* For the eye (templates and exports use it); a screen reader hears the text, not the id. */}
        <code className="q-id" aria-hidden="true">
          {question.id}
        </code>
        {children}
      </div>
    </>
  );
}
