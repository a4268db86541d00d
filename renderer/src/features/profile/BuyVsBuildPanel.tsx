import { useEffect } from 'react';
import { buyVsBuild, type Money } from '../../../../shared/domain/cost';
import type { Vendor } from '../../../../shared/domain/vendor';
import { formatAmount } from '../../../../shared/format';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';

const yearly = (m: Money | null) => (m === null ? '—' : `${formatAmount(m.amount)} ${m.currency} a year`);

/**
 * The yearly fee against building and running it yourself (the profile's engineer-days × the day
 * rate in Settings), from the saved profile: the same sentence the review report prints.
 */
export function BuyVsBuildPanel({ vendor, unsaved }: { vendor: Vendor; unsaved: boolean }) {
  const settings = useVetted((s) => s.settings);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  const result = settings ? buyVsBuild(vendor, settings.dayRate) : null;
  return (
    <aside className="risk-preview buy-build" aria-labelledby="buy-build-title">
      <h2 id="buy-build-title" className="panel-title">
        Buy or build
      </h2>
      {result ? (
        <>
          <ul className="risk-preview-list">
            <li>
              <span>Buy</span>
              <span className="risk-preview-points">{yearly(result.yearlyFee)}</span>
            </li>
            <li>
              <span>Build and run</span>
              <span className="risk-preview-points">{yearly(result.yearlyBuild)}</span>
            </li>
          </ul>
          <p data-testid="buy-vs-build">{result.sentence}</p>
        </>
      ) : (
        <p className="muted" role="status">
          {settingsStatus === 'error' ? 'The day rate could not be loaded from Settings.' : 'Loading the day rate…'}
        </p>
      )}
      <p className="hint">
        From the saved profile{unsaved ? ' (save to include your changes)' : ''} and the day rate in{' '}
        <a href={hrefs.settings}>Settings</a>.
      </p>
    </aside>
  );
}
