import type { CSSProperties } from 'react';
import { completionPercent } from '../lib/format';

interface Props {
  completion: number;
  testId?: string;
  /** Hide the bar from assistive tech when the percentage is read anyway. */
  label?: string;
  /**
   * The track and the percentage without their wrapper, for a container that lays them out itself
   * (the register's cell, `.cell-completion`): two elements a row instead of three.
   */
  bare?: boolean;
}

/** A completion bar and its percentage. The fill is the track's ::before, as wide as --completion. */
export function CompletionBar({ completion, testId, label, bare = false }: Props) {
  const percent = completionPercent(completion);
  const parts = (
    <>
      <span
        className="completion-track"
        role={label ? 'progressbar' : undefined}
        aria-label={label}
        aria-valuemin={label ? 0 : undefined}
        aria-valuemax={label ? 100 : undefined}
        aria-valuenow={label ? percent : undefined}
        aria-hidden={label ? undefined : true}
        style={{ '--completion': `${percent}%` } as CSSProperties}
      />
      <span className="completion-text" data-testid={testId}>
        {percent}%
      </span>
    </>
  );
  return bare ? parts : <span className="completion">{parts}</span>;
}
