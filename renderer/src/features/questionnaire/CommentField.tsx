interface Props {
  questionId: string;
  id: string;
  legendId: string;
  value: string;
  hidden: boolean;
  /** A decided review: the comment is shown, not editable. */
  readOnly: boolean;
  onChange(comment: string): void;
  onBlur(): void;
}

/** The reviewer's note on a question; saved like answers (after a pause, and on leaving the field). */
export function CommentField({ questionId, id, legendId, value, hidden, readOnly, onChange, onBlur }: Props) {
  return (
    <div className="q-comment" id={id} hidden={hidden}>
      <textarea
        className="textarea"
        rows={2}
        value={value}
        placeholder="Comment: evidence, a link, what to ask the provider…"
        aria-label={`Comment on ${questionId}`}
        aria-describedby={legendId}
        maxLength={20000}
        readOnly={readOnly}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </div>
  );
}
