// One question for the provider: a <fieldset> whose <legend> is the question text, the app's own
// answer control (inputs.tsx), N/A where the template allows it, tips, help and a comment.
import { memo } from 'react';
import type { SentQuestion } from '../../shared/exchange/sent-template';
import { MAX_PROVIDER_COMMENT_CHARS } from '../../shared/domain/vendor-exchange';
import { AnswerInput } from '../src/features/questionnaire/inputs';
import { EMPTY_DRAFT, isAnswered, type Draft } from './drafts';

export const questionDomId = (questionId: string) => `question-${questionId}`;

interface Props {
  question: SentQuestion;
  number: string;
  draft: Draft | undefined;
  /** Texts of the tips shown for the current answers. */
  tips: string[];
  /** "review of 2025-11-03": where prefilled answers came from. */
  prefilledFrom: string | null;
  onEdit(questionId: string, patch: Partial<Draft>): void;
}

export const QuestionBlock = memo(function QuestionBlock({ question, number, draft = EMPTY_DRAFT, tips, prefilledFrom, onEdit }: Props) {
  const base = `q-${question.id}`;
  const legendId = `${base}-legend`;
  const commentId = `${base}-comment`;
  const reasonId = `${base}-reason`;
  const edit = (patch: Partial<Draft>) => onEdit(question.id, patch);
  const naTicked = draft.na && question.allowNa === true;
  const reasonMissing = naTicked && draft.comment.trim() === '';
  const answered = isAnswered(question, draft);
  const isChoice = question.kind === 'yesno' || question.kind === 'single' || question.kind === 'multi';

  return (
    <fieldset id={questionDomId(question.id)} className={`question${answered ? ' is-answered' : ''}`} data-question-id={question.id} data-answered={answered ? 'true' : 'false'}>
      <legend id={legendId} className="q-legend">
        <span className="q-number">{number}</span> {question.text}
      </legend>
      {(question.optional || (draft.prefilled && prefilledFrom)) && (
        <p className="q-meta">
          {question.optional && <span className="q-tag">Optional</span>}
          {draft.prefilled && prefilledFrom && <span className="q-tag q-tag-prefill">Already in our review (as of {prefilledFrom}): confirm or change it</span>}
        </p>
      )}

      <div className="q-body">
        <AnswerInput
          question={question}
          value={draft.value}
          disabled={naTicked}
          labelId={legendId}
          idBase={base}
          onChange={(patch) => {
            if (patch.value !== undefined) edit({ value: patch.value });
          }}
          onBlur={() => undefined}
        />
      </div>

      {tips.length > 0 && (
        <ul className="q-tips">
          {tips.map((text, i) => (
            <li key={i}>
              <strong>Tip:</strong> {text}
            </li>
          ))}
        </ul>
      )}

      <div className="q-actions">
        {question.allowNa === true && (
          <label className="check">
            <input type="checkbox" checked={naTicked} aria-describedby={reasonMissing ? reasonId : undefined} onChange={(e) => edit({ na: e.currentTarget.checked })} />
            Not applicable
          </label>
        )}
        {isChoice && draft.value !== null && !naTicked && (
          <button type="button" className="link-button" onClick={() => edit({ value: null })}>
            Clear answer<span className="visually-hidden"> to {number}</span>
          </button>
        )}
      </div>

      {question.help && (
        <details className="q-help">
          <summary>
            Why this matters<span className="visually-hidden"> ({number})</span>
          </summary>
          <p>{question.help}</p>
        </details>
      )}

      <div className="q-comment">
        <label htmlFor={commentId}>
          {naTicked ? 'Why it does not apply' : 'Comment'}
          <span className="visually-hidden"> on {question.id}</span>
          {naTicked ? '' : ' (optional)'}
        </label>
        {reasonMissing && (
          <p id={reasonId} className="q-na-reason">
            Not applicable needs a reason: until you write one, this question counts as unanswered.
          </p>
        )}
        <textarea
          id={commentId}
          className="textarea"
          rows={2}
          maxLength={MAX_PROVIDER_COMMENT_CHARS}
          value={draft.comment}
          aria-describedby={reasonMissing ? `${legendId} ${reasonId}` : legendId}
          onChange={(e) => edit({ comment: e.currentTarget.value })}
        />
      </div>
    </fieldset>
  );
});
