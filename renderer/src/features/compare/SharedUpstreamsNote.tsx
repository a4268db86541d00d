// The note above the comparison grid naming the fourth parties (and regions) the compared
// providers share, as compare.get states them for the comparison's date (the PDF and CSV carry
// the same): when one fails, they fail together, whatever their answers say.
import { SHARED_UPSTREAMS_LABEL, upstreamsNote, type CompareColumn, type CompareUpstreams } from '../../../../shared/compare';
import { hrefs } from '../../app/router';

interface Props {
  upstreams: CompareUpstreams;
  columns: readonly CompareColumn[];
}

export function SharedUpstreamsNote({ upstreams, columns }: Props) {
  const { shared } = upstreams;
  if (shared.length === 0) return null;
  const names = new Map(columns.map((c) => [c.id, c.name]));
  const who = (ids: readonly string[]) =>
    ids.length === columns.length ? (columns.length === 2 ? 'both' : `all ${columns.length}`) : ids.map((id) => names.get(id) ?? id).join(', ');
  const note = upstreamsNote(upstreams);
  return (
    <section className="cmp-shared-upstreams" aria-label={SHARED_UPSTREAMS_LABEL} data-testid="compare-shared-upstreams">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {SHARED_UPSTREAMS_LABEL}
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
      {note && <p className="muted">{note}.</p>}
    </section>
  );
}
