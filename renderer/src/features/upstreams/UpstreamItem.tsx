// One fourth party on the provider's Upstreams tab: the party and its kind, each region with the
// catalogue's name for it and what depends on it, the purpose and location as stated, the source.
import { useId } from 'react';
import type { UpstreamView } from '../../../../shared/api';
import { regionName } from '../../../../shared/upstream/catalogue';
import { unknownRegions } from '../../../../shared/upstream/region-check';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { UPSTREAM_KIND_LABELS, UPSTREAM_SOURCE_LABELS } from './labels';

interface Props {
  item: UpstreamView;
  onEdit(item: UpstreamView): void;
  onDelete(item: UpstreamView): void;
}

export function UpstreamItem({ item, onEdit, onDelete }: Props) {
  const titleId = useId();
  const unknown = new Map(unknownRegions(item.catalogueId, item.regions).map((u) => [u.code, u.suggestion]));
  return (
    <li className="upstream-item" aria-labelledby={titleId} data-testid="upstream-item">
      <div className="evidence-head">
        <div className="evidence-name">
          <span className="evidence-kind">{UPSTREAM_KIND_LABELS[item.kind]}</span>
          <h3 id={titleId} className="evidence-title">
            {item.party}
          </h3>
        </div>
        {item.catalogueId === null && <span className="window-badge badge-tentative">Not in the catalogue</span>}
      </div>
      {item.regions.length === 0 ? (
        <p className="muted upstream-no-regions">Regions not recorded</p>
      ) : (
        <ul className="upstream-region-list" aria-label={`Regions of ${item.party}`}>
          {item.regions.map((r) => {
            const name = regionName(item.catalogueId, r.code);
            return (
              <li key={r.code}>
                <span className="region-code">{r.code}</span>
                {name && <span className="muted"> {name}</span>}
                {unknown.has(r.code) && (
                  <span className="window-badge badge-tentative">
                    Not a region of {item.party} in the catalogue{unknown.get(r.code) ? ` (did you mean ${unknown.get(r.code)}?)` : ''}
                  </span>
                )}
                {r.uses && <span className="upstream-uses"> — {r.uses}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <dl className="window-facts">
        {item.purpose && (
          <div>
            <dt>Purpose</dt>
            <dd>{item.purpose}</dd>
          </div>
        )}
        {item.location && (
          <div>
            <dt>Location</dt>
            <dd>{item.location}</dd>
          </div>
        )}
        <div>
          <dt>Source</dt>
          <dd>{UPSTREAM_SOURCE_LABELS[item.source]}</dd>
        </div>
      </dl>
      {item.note && <p className="evidence-notes">{item.note}</p>}
      <div className="evidence-actions">
        <EditDeleteButtons item={item} describedBy={titleId} onEdit={onEdit} onDelete={onDelete} />
      </div>
    </li>
  );
}
