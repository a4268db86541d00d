import { useId } from 'react';
import type { QuestionSave } from '../../store/types';

/** What the register keeps of a comment (answer.save's limit). */
export const COMMENT_MAX_CHARS = 20000;
/** The counter shows once a comment nears the limit, not before: it would be noise. */
const COMMENT_COUNTER_FROM = COMMENT_MAX_CHARS * 0.9;
import { LockIcon } from '../settings/LockIcon';
import { lockedReason, useKeyStatus } from '../settings/useKeyStatus';

interface Props {
  /** The question's text: the box is named after it (a screen reader hears it, never the id). */
  questionText: string;
  id: string;
  legendId: string;
  value: string;
  /** Stored encrypted (or to be, once the mark's save arrives). */
  confidential: boolean;
  /** Confidential and the key is not available: the text is not here and cannot be changed. */
  locked: boolean;
  hidden: boolean;
  /** Marked not applicable: the comment is where the reason goes, and the field says so. */
  reasonNeeded?: boolean;
  /** A decided review: the comment is shown, not editable. */
  readOnly: boolean;
  /** This question's save state: a 'locked' refusal is said here, beside what was typed. */
  save: QuestionSave | undefined;
  onChange(comment: string): void;
  onConfidentialChange(confidential: boolean): void;
  onBlur(): void;
}

/**
 * The reviewer's note on a question; saved like answers (after a pause, and on leaving the field).
 * Marked confidential it is stored encrypted; without the key it is shown as locked, never as an
 * empty box that invites typing over it.
 */
export function CommentField(props: Props) {
  const { questionText, id, legendId, value, confidential, locked, hidden, readOnly, save } = props;
  const uid = useId();
  const keyStatus = useKeyStatus(locked && !hidden);
  const refusedId = `${uid}-refused`;
  const refused = save?.status === 'failed' && save.code === 'locked' ? save.message : undefined;
  const reasonId = `${uid}-reason`;
  const reasonNeeded = props.reasonNeeded === true && !locked;

  return (
    <div className={`q-comment${confidential ? ' is-confidential' : ''}`} id={id} hidden={hidden} data-testid="comment-field">
      {reasonNeeded && (
        <p id={reasonId} className={`q-na-reason${value.trim() === '' ? ' is-missing' : ''}`}>
          Not applicable: say why it does not apply.
        </p>
      )}
      {locked ? (
        <p className="confidential-locked" data-testid="comment-locked" aria-describedby={legendId}>
          <LockIcon />
          <span>
            <strong>Confidential — locked:</strong> {lockedReason(keyStatus)}
          </span>
        </p>
      ) : (
        <textarea
          className="textarea"
          rows={2}
          value={value}
          placeholder={
            reasonNeeded
              ? 'Say why it does not apply…'
              : confidential
                ? 'Confidential comment: stored encrypted…'
                : 'Comment: evidence, a link, what to ask the provider…'
          }
          aria-label={`Comment: ${questionText}${confidential ? ' (confidential)' : ''}`}
          aria-describedby={`${legendId}${reasonNeeded ? ` ${reasonId}` : ''}${refused ? ` ${refusedId}` : ''}`}
          aria-invalid={refused ? true : undefined}
          maxLength={COMMENT_MAX_CHARS}
          readOnly={readOnly}
          disabled={readOnly}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
        />
      )}
      {!locked && !readOnly && value.length >= COMMENT_COUNTER_FROM && (
        <p className="hint q-comment-count" aria-live="polite" data-testid="comment-count">
          {value.length.toLocaleString('en')} of {COMMENT_MAX_CHARS.toLocaleString('en')} characters
          {value.length >= COMMENT_MAX_CHARS ? ': the limit; what is beyond it is not kept.' : ''}
        </p>
      )}
      <div className="q-comment-footer">
        <label className="check confidential-toggle" title="Stored encrypted; left out of reports unless asked for">
          <input
            type="checkbox"
            checked={confidential}
            disabled={readOnly || locked}
            onChange={(e) => props.onConfidentialChange(e.target.checked)}
          />
          <LockIcon />
          Confidential
        </label>
        <span className="hint">
          {locked
            ? 'Value and Not applicable can still be saved; the comment stays as it is.'
            : confidential
              ? 'Stored encrypted; left out of reports unless asked for.'
              : 'Tick before typing to keep this comment encrypted.'}
        </span>
      </div>
      {refused && (
        <p id={refusedId} className="form-error confidential-refused" role="alert">
          {refused} What you typed is kept here; Retry once the key is back.
        </p>
      )}
    </div>
  );
}
