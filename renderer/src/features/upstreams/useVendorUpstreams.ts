// One provider's fourth parties, read when the tab opens and again after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UpstreamView } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

export function useVendorUpstreams(vendorId: string) {
  const [upstreams, setUpstreams] = useState<UpstreamView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setError(null);
    const result = await api['upstream.list']({ vendorId });
    // An earlier, slower answer must not overwrite a newer one.
    if (request !== latest.current) return;
    if (result.ok) {
      setUpstreams(result.value);
      setLoaded(true);
    } else setError(result.error);
  }, [vendorId]);

  useEffect(() => {
    setLoaded(false);
    void reload();
  }, [reload]);

  return { upstreams, loading: !loaded && error === null, error, reload };
}
