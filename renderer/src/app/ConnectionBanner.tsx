import { useState } from 'react';
import { api } from '../api/client';
import { useVetted } from '../store';

/** Stays while the API cannot be reached (or refuses this page); a later call that gets through clears it. */
export function ConnectionBanner() {
  const problem = useVetted((s) => s.connectionProblem);
  const retrySaves = useVetted((s) => s.retrySaves);
  const [checking, setChecking] = useState(false);
  if (!problem) return null;

  const check = async () => {
    setChecking(true);
    const result = await api['app.info']({}); // the connection listener clears the banner when it gets through
    setChecking(false);
    if (result.ok) retrySaves(); // answers that failed while the connection was down
  };

  return (
    <div className="banner banner-error" role="alert" data-testid="connection-banner">
      <span className="banner-text">{problem.message}</span>
      {problem.code === 'unavailable' && (
        <button type="button" className="button button-small" onClick={() => void check()} disabled={checking}>
          {checking ? 'Checking…' : 'Try again'}
        </button>
      )}
    </div>
  );
}
