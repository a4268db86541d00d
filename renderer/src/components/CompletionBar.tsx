import { completionPercent } from '../lib/format';

interface Props {
  completion: number;
  testId?: string;
  /** Hide the bar from assistive tech when the percentage is read anyway. */
  label?: string;
}

export function CompletionBar({ completion, testId, label }: Props) {
  const percent = completionPercent(completion);
  return (
    <span className="completion">
      <span
        className="completion-track"
        role={label ? 'progressbar' : undefined}
        aria-label={label}
        aria-valuemin={label ? 0 : undefined}
        aria-valuemax={label ? 100 : undefined}
        aria-valuenow={label ? percent : undefined}
        aria-hidden={label ? undefined : true}
      >
        <span className="completion-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="completion-text" data-testid={testId}>
        {percent}%
      </span>
    </span>
  );
}
