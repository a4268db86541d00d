// The note above the comparison grid naming the fourth parties (and regions) the compared
// providers share: when it fails, they fail together, whatever their answers say.
import type { CompareColumn } from '../../../../shared/compare';
import type { SharedUpstream } from '../../../../shared/upstream/shared-upstreams';
import { hrefs } from '../../app/router';

interface Props {
  shared: readonly SharedUpstream[];
  columns: readonly CompareColumn[];
}

export function SharedUpstreamsNote({ shared, columns }: Props) {
  if (shared.length === 0) return null;
  const names = new Map(columns.map((c) => [c.id, c.name]));
  const who = (ids: readonly string[]) => (ids.length === columns.length ? (columns.length === 2 ? 'both' : `all ${columns.length}`) : ids.map((id) => names.get(id) ?? id).join(', '));
  return (
    <section className="cmp-shared-upstreams" aria-label="Shared fourth parties" data-testid="compare-shared-upstreams">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>Shared fourth parties
        </strong>{' '}
        — when one fails, these providers fail together (<a href={hrefs.concentration}>Concentration</a>):
      </p>
      <ul>
        {shared.map((s) => (
          <li key={s.partyKey}>
            <strong>{s.party}</strong>: {who(s.vendorIds)}
            {s.regions.length > 0 && <>; in the same region: {s.regions.map((r) => `${r.region.code} (${who(r.vendorIds)})`).join(', ')}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
