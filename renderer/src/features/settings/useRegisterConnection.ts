// Which register the app has open (register.where), for Settings → Register and the header. Read
// once per screen (screens mounting together share one request); after the register changes the
// app reloads, so nothing stale is kept.
import { useCallback, useEffect, useState } from 'react';
import type { RegisterConnection } from '../../../../shared/domain/register-place';
import type { Result } from '../../../../shared/result';
import { api } from '../../api/client';

let inFlight: Promise<Result<RegisterConnection>> | null = null;

/** register.where, one request for every caller asking while it is on its way. */
export function fetchRegisterWhere(): Promise<Result<RegisterConnection>> {
  inFlight ??= api['register.where']({}).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export type RegisterConnectionState =
  | { status: 'loading' }
  | { status: 'ready'; connection: RegisterConnection }
  | { status: 'error'; message: string };

export function useRegisterConnection(): { state: RegisterConnectionState; reload(): void } {
  const [state, setState] = useState<RegisterConnectionState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void fetchRegisterWhere().then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', connection: result.value } : { status: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}

/** Shows the register now open: the whole app starts afresh on it (every list, every screen). */
export function openTheNewRegister(): void {
  window.location.hash = '#/';
  window.location.reload();
}
