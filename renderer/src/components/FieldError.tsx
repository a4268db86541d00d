interface Props {
  id: string;
  message: string | undefined;
}

/** The error under a form field; link it with aria-describedby={errorId(…)} and aria-invalid. */
export function FieldError({ id, message }: Props) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** "Name" + "is required" → "Name is required"; a message that starts in capitals stands alone. */
export function fieldMessage(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
