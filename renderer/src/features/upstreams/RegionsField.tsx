// The regions a provider runs in at this fourth party: ticked from the catalogue's regions of the
// party (filterable: a cloud has dozens), or typed when not listed, each with the "uses" note —
// which of your uses of the provider depend on that region.
import { useId, useState } from 'react';
import type { UpstreamRegion } from '../../../../shared/domain/upstream';
import { regionKey } from '../../../../shared/domain/upstream';
import type { CatalogueParty } from '../../../../shared/upstream/catalogue';
import { FieldError } from '../../components/FieldError';
import { hasRegion } from './upstreamDraft';

interface Props {
  /** The id of the free-text region field, where a region problem is shown and focused. */
  id: string;
  regions: UpstreamRegion[];
  error: string | undefined;
  picked: CatalogueParty | null;
  onChange(regions: UpstreamRegion[]): void;
}

export function RegionsField({ id, regions, error, picked, onChange }: Props) {
  const uid = useId();
  const [filter, setFilter] = useState('');
  const [typed, setTyped] = useState('');
  const catalogueRegions = picked?.regions ?? [];
  const wanted = filter.trim().toLowerCase();
  const shown = wanted === '' ? catalogueRegions : catalogueRegions.filter((r) => `${r.code} ${r.name}`.toLowerCase().includes(wanted));
  const listed = (code: string) => catalogueRegions.find((r) => regionKey(r.code) === regionKey(code)) ?? null;
  const nameOf = (code: string) => listed(code)?.name ?? null;

  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...regions, { code, uses: '' }] : regions.filter((r) => regionKey(r.code) !== regionKey(code)));

  const addTyped = () => {
    const code = typed.trim();
    if (code === '') return;
    // A listed region typed in another case is stored as the catalogue writes it.
    if (!hasRegion(regions, code)) onChange([...regions, { code: listed(code)?.code ?? code, uses: '' }]);
    setTyped('');
  };

  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="field upstream-regions">
      <legend>Regions</legend>
      {catalogueRegions.length > 0 && (
        <>
          <div className="upstream-region-filter">
            <label htmlFor={`${uid}-filter`}>Find a region of {picked!.name}</label>
            <input id={`${uid}-filter`} className="input" type="search" value={filter} placeholder="us-east-1, Frankfurt…" onChange={(e) => setFilter(e.target.value)} />
          </div>
          <ul className="upstream-region-choices" aria-label={`Regions of ${picked!.name}`}>
            {shown.map((r) => (
              <li key={r.code}>
                <input id={`${uid}-r-${r.code}`} type="checkbox" checked={hasRegion(regions, r.code)} onChange={(e) => toggle(r.code, e.target.checked)} />
                <label htmlFor={`${uid}-r-${r.code}`}>
                  <span className="region-code">{r.code}</span> <span className="muted">{r.name}</span>
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="muted">No region of {picked!.name} matches “{filter}”.</li>}
          </ul>
        </>
      )}
      <div className="upstream-region-typed">
        <label htmlFor={id}>{catalogueRegions.length > 0 ? 'A region not listed' : 'Region code or place'}</label>
        <div className="inline-row">
          <input
            id={id}
            className="input"
            value={typed}
            maxLength={60}
            placeholder="eu-west-1, Frankfurt"
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the region rather than submitting the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                addTyped();
              }
            }}
          />
          <button type="button" className="button button-small" onClick={addTyped} disabled={typed.trim() === ''}>
            Add region
          </button>
        </div>
        <FieldError id={`${id}-error`} message={error} />
      </div>
      {regions.length === 0 ? (
        <p className="hint">No region recorded: the provider then counts toward the party as a whole, never toward one of its regions.</p>
      ) : (
        <ul className="upstream-region-picked" aria-label="Regions recorded">
          {regions.map((r, i) => (
            <li key={regionKey(r.code)}>
              <span className="upstream-region-name">
                <span className="region-code">{r.code}</span>
                {nameOf(r.code) && <span className="muted"> {nameOf(r.code)}</span>}
              </span>
              <input
                className="input"
                aria-label={`Uses that depend on ${r.code}`}
                placeholder="Which of your uses depend on it (optional)"
                value={r.uses}
                maxLength={200}
                onChange={(e) => onChange(regions.map((x, j) => (j === i ? { ...x, uses: e.target.value } : x)))}
              />
              <button type="button" className="button button-small" aria-label={`Remove ${r.code}`} onClick={() => toggle(r.code, false)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
