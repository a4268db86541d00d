// The measures over a period other than the default 12 months (90 days, 24 months), read for the
// Incidents tab alone; the 12 months are the shared read (useTransparency).
import { useEffect, useRef, useState } from 'react';
import type { Transparency } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { DEFAULT_PERIOD, sinceOf, utcToday, type PeriodKey } from './periods';

export interface PeriodTransparency {
  /** Null for the default period (take the shared read), or until the read arrives. */
  transparency: Transparency | null;
  loading: boolean;
  error: ApiError | null;
}

/** `version`: anything that changes when the record did (read again). */
export function usePeriodTransparency(vendorId: string, period: PeriodKey, version: unknown): PeriodTransparency {
  const [state, setState] = useState<{ key: string; value: Transparency | null; error: ApiError | null } | null>(null);
  const latest = useRef(0);
  const key = `${vendorId}\n${period}`;

  useEffect(() => {
    if (period === DEFAULT_PERIOD) return;
    const request = ++latest.current;
    void api['incident.transparency']({ vendorId, since: sinceOf(period, utcToday()) }).then((result) => {
      if (request !== latest.current) return;
      setState((s) => (result.ok ? { key, value: result.value, error: null } : { key, value: s?.key === key ? s.value : null, error: result.error }));
    });
  }, [vendorId, period, key, version]);

  if (period === DEFAULT_PERIOD) return { transparency: null, loading: false, error: null };
  const mine = state?.key === key ? state : null;
  return { transparency: mine?.value ?? null, loading: mine === null, error: mine?.error ?? null };
}
