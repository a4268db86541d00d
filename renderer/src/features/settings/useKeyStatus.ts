// Where the register's key for confidential data stands (security.status), for the settings page
// and for the words beside a locked comment or file. Read afresh by each screen that shows it (a
// key file put back works without a restart); screens mounting together share one request.
import { useEffect, useState } from 'react';
import type { KeyStatus } from '../../../../shared/domain/confidential';
import type { Result } from '../../../../shared/result';
import { api } from '../../api/client';

let inFlight: Promise<Result<KeyStatus>> | null = null;

function fetchStatus(): Promise<Result<KeyStatus>> {
  inFlight ??= api['security.status']({}).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export type KeyStatusState = { status: 'loading' } | { status: 'ready'; key: KeyStatus } | { status: 'error'; message: string };

/** `refresh`: a number the caller changes to read the status again (after sharing a team key). */
export function useKeyStatus(enabled = true, refresh = 0): KeyStatusState {
  const [state, setState] = useState<KeyStatusState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void fetchStatus().then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', key: result.value } : { status: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [enabled, refresh]);
  return state;
}

/** Why confidential data is locked, in words (the register's own reason when it gave one). */
export function lockedReason(state: KeyStatusState): string {
  if (state.status === 'ready' && state.key.problem) return state.key.problem;
  return 'the key for confidential data is not available in this session.';
}
