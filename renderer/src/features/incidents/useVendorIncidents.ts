// The provider's incident log, newest start first, read on each visit of the Incidents tab and
// again after every change (an add, edit, delete, import or refresh).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentView } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

const EMPTY: readonly IncidentView[] = [];

export interface VendorIncidents {
  incidents: readonly IncidentView[];
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
}

export function useVendorIncidents(vendorId: string): VendorIncidents {
  const [state, setState] = useState<{ vendorId: string; incidents: readonly IncidentView[]; loaded: boolean; error: ApiError | null }>({
    vendorId,
    incidents: EMPTY,
    loaded: false,
    error: null,
  });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setState((s) => (s.vendorId === vendorId ? { ...s, error: null } : { vendorId, incidents: EMPTY, loaded: false, error: null }));
    const result = await api['incident.list']({ vendorId });
    if (request !== latest.current) return;
    setState((s) =>
      result.ok ? { vendorId, incidents: result.value, loaded: true, error: null } : { ...s, vendorId, error: result.error },
    );
  }, [vendorId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const mine = state.vendorId === vendorId ? state : null;
  return {
    incidents: mine?.incidents ?? EMPTY,
    loading: mine === null || (!mine.loaded && mine.error === null),
    error: mine?.error ?? null,
    reload,
  };
}
