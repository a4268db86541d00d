// The exposure table: each fourth party by exposure, its regions under it, how many providers
// depend on each, how many of those are on the critical path and the share of the critical path
// it holds. A row above the Settings threshold says so in words, not by colour alone.
import type { ConcentrationView } from '../../../../shared/api';
import { regionKey } from '../../../../shared/domain/upstream';
import type { ExposureRow } from '../../../../shared/upstream/concentration';
import type { ProviderRef } from '../../../../shared/upstream/register-index';
import { hrefs } from '../../app/router';
import { UPSTREAM_KIND_LABELS } from '../upstreams/labels';
import { percent } from './words';

interface Props {
  view: ConcentrationView;
}

function Providers({ providers, label }: { providers: readonly ProviderRef[]; label: string }) {
  return (
    <ul className="exposure-providers" aria-label={label}>
      {providers.map((p) => (
        <li key={p.vendorId} className={p.criticalPath ? 'is-critical' : undefined}>
          <a href={hrefs.upstreams(p.vendorId)}>{p.name}</a>
          {p.criticalPath && <span className="visually-hidden"> (critical path)</span>}
        </li>
      ))}
    </ul>
  );
}

function Counts({ row, alert }: { row: ExposureRow; alert: boolean }) {
  return (
    <>
      <td className="num" data-testid="exposure-providers">
        {row.providers.length}
      </td>
      <td className="num" data-testid="exposure-critical">
        {row.criticalProviders}
      </td>
      <td className="num exposure-share" data-testid="exposure-share">
        {percent(row.criticalShare)}
        {alert && (
          <span className="exposure-alert">
            <span aria-hidden="true">⚠ </span>above the threshold
          </span>
        )}
      </td>
    </>
  );
}

export function ExposureTable({ view }: Props) {
  const { concentration, alerts } = view;
  const alerted = new Set(alerts.map((a) => `${a.partyKey}|${a.region ? a.region.key : ''}`));
  return (
    <table className="exposure-table" data-testid="exposure-table">
      <caption className="visually-hidden">Fourth parties by exposure, each with its regions</caption>
      <thead>
        <tr>
          <th scope="col">Fourth party · region</th>
          <th scope="col" className="num">
            Providers
          </th>
          <th scope="col" className="num">
            On the critical path
          </th>
          <th scope="col" className="num">
            Share of the critical path
          </th>
          <th scope="col">Which providers (critical path in bold)</th>
        </tr>
      </thead>
      {concentration.parties.map((p) => (
        <tbody key={p.partyKey} className="exposure-party" data-testid="exposure-party" data-party={p.party}>
          <tr className={alerted.has(`${p.partyKey}|`) ? 'party-row is-alert' : 'party-row'}>
            <th scope="row">
              <span className="exposure-party-name">{p.party}</span>
              <span className="muted exposure-kinds"> {p.kinds.map((k) => UPSTREAM_KIND_LABELS[k]).join(', ')}</span>
            </th>
            <Counts row={p} alert={alerted.has(`${p.partyKey}|`)} />
            <td>
              <Providers providers={p.providers} label={`Providers on ${p.party}`} />
            </td>
          </tr>
          {p.regions.map((r) => {
            const alert = alerted.has(`${p.partyKey}|${regionKey(r.region.key)}`);
            return (
              <tr key={r.region.key} className={alert ? 'region-row is-alert' : 'region-row'} data-testid="exposure-region" data-region={r.region.code}>
                <th scope="row">
                  <span className="region-code">{r.region.code}</span>
                  {r.region.name && <span className="muted"> {r.region.name}</span>}
                </th>
                <Counts row={r} alert={alert} />
                <td>
                  <Providers providers={r.providers} label={`Providers in ${p.party} ${r.region.code}`} />
                </td>
              </tr>
            );
          })}
          {p.regionsNotRecorded.length > 0 && (
            <tr className="region-row region-unrecorded">
              <th scope="row" className="muted">
                Regions not recorded
              </th>
              <td className="num">{p.regionsNotRecorded.length}</td>
              <td className="num">{p.regionsNotRecorded.filter((x) => x.criticalPath).length}</td>
              <td className="num muted">—</td>
              <td>
                <Providers providers={p.regionsNotRecorded} label={`Providers on ${p.party} with no region recorded`} />
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}
