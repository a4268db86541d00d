import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';

interface Props {
  /** What the list holds, in the plural ("blackout periods"). */
  noun: string;
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
  /** What it shows when it holds nothing (false while it holds something). */
  empty: ReactNode;
}

/** What a list shows in place of its items: that it is loading, why it could not be loaded (with Try again), or that it is empty. */
export function ListStatus({ noun, loading, error, reload, empty }: Props) {
  if (loading) {
    return (
      <p className="muted loading" role="status">
        {`Loading ${noun}…`}
      </p>
    );
  }
  if (error) {
    return (
      <div className="form-error" role="alert">
        <p>{`The ${noun} could not be loaded: ${error.message}`}</p>
        <button type="button" className="button button-small" onClick={() => void reload()}>
          Try again
        </button>
      </div>
    );
  }
  return <>{empty}</>;
}
