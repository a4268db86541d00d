// The concentration view of the register, read when the page opens and when "critical path
// only" changes; a slower answer for the other setting never overwrites the newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConcentrationView } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

export function useConcentration(criticalOnly: boolean) {
  const [view, setView] = useState<ConcentrationView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setError(null);
    const result = await api['concentration.get'](criticalOnly ? { criticalOnly } : {});
    if (request !== latest.current) return;
    if (result.ok) setView(result.value);
    else setError(result.error);
  }, [criticalOnly]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { view, loading: view === null && error === null, error, reload };
}
