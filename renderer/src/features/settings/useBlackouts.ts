// The company's blackout periods, held by the Settings section that lists them (no store slice:
// nothing else on screen shows them; Needs attention reads its warnings from attention.get).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BlackoutPeriod } from '../../../../shared/domain/maintenance';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

export function useBlackouts() {
  const [items, setItems] = useState<BlackoutPeriod[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    const result = await api['blackout.list']({});
    if (request !== latest.current) return;
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  return { items, loading, error, reload };
}
