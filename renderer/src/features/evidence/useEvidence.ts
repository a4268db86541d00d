// The evidence of one provider, held by the panel that shows it (the store has no evidence slice).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceView } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

export interface EvidenceList {
  items: EvidenceView[];
  /** True until the first list of this provider arrived; later reloads keep the old list on screen. */
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
}

export function useEvidence(vendorId: string): EvidenceList {
  const [items, setItems] = useState<EvidenceView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  // Only the newest request may fill the list (a slow answer for another provider arrives late).
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    const result = await api['evidence.list']({ vendorId });
    if (request !== latest.current) return;
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
    setLoading(false);
  }, [vendorId]);

  useEffect(() => {
    setItems([]);
    setLoading(true);
    void reload();
    return () => {
      latest.current++; // unmounted or another provider: drop what is in flight
    };
  }, [reload]);

  return { items, loading, error, reload };
}
