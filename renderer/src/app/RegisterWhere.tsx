import { useEffect, useState } from 'react';
import { fetchRegisterWhere } from '../features/settings/useRegisterConnection';

/**
 * The header's note on where the register is: on this computer (a file), or on a team's server
 * (issue 22); when a chosen team register could not be opened at start, that the file is open
 * instead. Until the app knows, it claims neither.
 */
export function RegisterWhere() {
  const [where, setWhere] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetchRegisterWhere().then((result) => {
      if (!live || !result.ok) return;
      const { open, teamProblem } = result.value;
      if (open.kind === 'team') setWhere(`team register on ${open.server}`);
      else setWhere(teamProblem ? 'stored on this computer (the team register could not be opened: see Settings)' : 'stored on this computer');
    });
    return () => {
      live = false;
    };
  }, []);
  return <span className="app-header-note">Infrastructure provider reviews{where ? ` · ${where}` : ''}</span>;
}
