import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * The header's note on where the register is: on this computer (a file), or on a team's server
 * (issue 22). Until the app knows, it claims neither.
 */
export function RegisterWhere() {
  const [where, setWhere] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api['app.info']({}).then((result) => {
      if (live && result.ok) setWhere(result.value.teamRegister === null ? 'stored on this computer' : `team register on ${result.value.teamRegister}`);
    });
    return () => {
      live = false;
    };
  }, []);
  return <span className="app-header-note">Infrastructure provider reviews{where ? ` · ${where}` : ''}</span>;
}
