import type { ReactNode } from 'react';
import type { Question } from '../../../../shared/domain/template';

/** A question's legend and its meta line (number, the tags given, then the id on hover or focus). */
export function QuestionHeading({ question, number, legendId, children }: { question: Question; number: string; legendId: string; children?: ReactNode }) {
  return (
    <>
      <legend id={legendId} className="q-legend">
        {question.text}
      </legend>
      <div className="q-meta">
        <span className="q-number" aria-hidden="true" title={`Question id: ${question.id}`}>
          {number}
        </span>
        {children}
        {/*
          Shown while the card is pointed at or has focus (templates, exports and the CLI use it), not
          read by default: it is noise to a reviewer. Last on the line, so showing it moves nothing.
          A screen reader hears the text, not the id.
        */}
        <code className="q-id" aria-hidden="true">
          {question.id}
        </code>
      </div>
    </>
  );
}
