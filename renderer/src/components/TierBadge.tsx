import type { Tier } from '../../../shared/domain/tier';
import { TIER_LABELS } from '../lib/labels';

export type BadgeState = 'scored' | 'incomplete' | 'not_started';

interface Props {
  tier: Tier | null;
  /** Incomplete and not-started reviews show that instead of a tier. */
  state?: BadgeState;
  size?: 'small' | 'large';
  testId?: string;
  /**
   * For an incomplete review whose knock-outs already force a tier: show that tier, marked
   * incomplete ("Critical · incomplete"), instead of plain "Incomplete".
   */
  showForcedTier?: boolean;
  /** Where the register's tier comes from (TierCell), as data-tier-basis. */
  basis?: string;
}

/** A risk tier in colour and in words (colour alone never carries the meaning). */
export function TierBadge({ tier, state = 'scored', size = 'small', testId, showForcedTier = false, basis }: Props) {
  let key: string;
  let text: string;
  if (state === 'not_started') {
    key = 'none';
    text = 'Not started';
  } else if (state === 'incomplete' && showForcedTier && tier !== null) {
    key = tier;
    text = `${TIER_LABELS[tier]} · incomplete`;
  } else if (state === 'incomplete') {
    key = 'incomplete';
    text = 'Incomplete';
  } else if (tier === null) {
    key = 'none';
    text = 'No tier';
  } else {
    key = tier;
    text = TIER_LABELS[tier];
  }
  return (
    // The coloured dot is the badge's ::before (components.css).
    <span className={`tier-badge tier-${key} tier-badge-${size}`} data-testid={testId} data-tier-basis={basis}>
      {text}
    </span>
  );
}
