// What needs attention now (attention.get), read again whenever the register reloads.
import { useEffect, useRef, useState } from 'react';
import type { Attention } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';

export interface AttentionState {
  attention: Attention | null;
  error: ApiError | null;
  reload(): void;
}

/** `version`: anything that changes when the register was read again (the vendor list). */
export function useAttention(version: unknown): AttentionState {
  const [attention, setAttention] = useState<Attention | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [retries, setRetries] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    void api['attention.get']({}).then((result) => {
      if (request !== latest.current) return; // an older answer arriving late
      if (result.ok) {
        setAttention(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [version, retries]);

  return { attention, error, reload: () => setRetries((n) => n + 1) };
}
