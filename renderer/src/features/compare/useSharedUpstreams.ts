// The fourth parties the compared providers share, from their recorded upstreams and the same pure
// rule the concentration signals use (shared/upstream/shared-upstreams.ts): a party, and a region
// of it, named by at least two of them. Read again whenever the compared providers change.
import { useEffect, useState } from 'react';
import type { CompareColumn } from '../../../../shared/compare';
import { indexRegister } from '../../../../shared/upstream/register-index';
import { sharedUpstreams, type SharedUpstream } from '../../../../shared/upstream/shared-upstreams';
import { api } from '../../api/client';

export function useSharedUpstreams(columns: readonly CompareColumn[]): SharedUpstream[] | null {
  const [shared, setShared] = useState<SharedUpstream[] | null>(null);
  const key = columns.map((c) => c.id).join('\n');

  useEffect(() => {
    let live = true;
    void Promise.all(columns.map((c) => api['upstream.list']({ vendorId: c.id }))).then((results) => {
      if (!live) return;
      // A list that could not be read leaves the note out rather than saying nothing is shared.
      if (results.some((r) => !r.ok)) return setShared(null);
      const upstreams = results.flatMap((r) => (r.ok ? r.value : []));
      // Every compared provider counts, whatever its status: the comparison chose them.
      const index = indexRegister(
        columns.map((c) => ({ vendorId: c.id, name: c.name, status: 'active', criticalPath: false })),
        upstreams,
      );
      setShared(sharedUpstreams(index, columns.map((c) => index.position.get(c.id)!)));
    });
    return () => {
      live = false;
    };
  }, [key]);

  return shared;
}
