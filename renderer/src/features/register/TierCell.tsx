import type { VendorSummary } from '../../../../shared/api';
import { TierBadge } from '../../components/TierBadge';
import { TIER_LABELS } from '../../lib/labels';
import { shownTierOf } from './tableSetup';

/**
 * The tier column: a decided tier as a plain badge; a tier from a review not decided yet says so
 * underneath; a provider never reviewed shows its inherent risk in an outlined badge marked
 * "Inherent risk", so new providers can be triaged without mistaking it for a review's outcome.
 */
export function TierCell({ vendor }: { vendor: VendorSummary }) {
  const shown = shownTierOf(vendor);
  if (shown.basis === 'inherent' && shown.tier) {
    return (
      <span
        className="two-line-cell"
        data-tier-basis="inherent"
        title={`Inherent risk from the profile (${TIER_LABELS[shown.tier].toLowerCase()}): no review of this provider has been decided yet.`}
      >
        <span className={`tier-badge tier-${shown.tier} tier-badge-small tier-badge-inherent`}>
          {TIER_LABELS[shown.tier]}
        </span>
        <span className="cell-note">
          Inherent risk<span className="visually-hidden">, not reviewed yet</span>
        </span>
      </span>
    );
  }
  if (shown.basis === 'not_decided' && shown.tier) {
    return (
      <span className="two-line-cell" data-tier-basis="not_decided" title="From the answers so far: the review is not decided yet.">
        <TierBadge tier={shown.tier} />
        <span className="cell-note">{vendor.state === 'incomplete' ? 'Incomplete' : 'Not decided'}</span>
      </span>
    );
  }
  return (
    <TierBadge
      tier={shown.tier}
      state={shown.basis === 'decided' || vendor.state === 'scored' ? 'scored' : vendor.state}
      basis={shown.basis ?? 'none'}
    />
  );
}
