// The team data key as Settings shows it (security.teamKey): null on a register file. Read again
// when `refresh` changes (after sharing).
import { useEffect, useState } from 'react';
import type { TeamKeyView } from '../../../../shared/domain/confidential';
import { api } from '../../api/client';

export type TeamKeyState = { status: 'loading' } | { status: 'ready'; view: TeamKeyView | null } | { status: 'error'; message: string };

export function useTeamKey(refresh = 0): TeamKeyState {
  const [state, setState] = useState<TeamKeyState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api['security.teamKey']({}).then((result) => {
      if (live) setState(result.ok ? { status: 'ready', view: result.value } : { status: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [refresh]);
  return state;
}
