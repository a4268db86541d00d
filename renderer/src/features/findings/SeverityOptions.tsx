import { FINDING_SEVERITIES } from '../../../../shared/domain/findings';
import { TIER_LABELS } from '../../lib/labels';

/** A finding's severities as a select's options, in the one order both finding dialogs use. */
export function SeverityOptions() {
  return (
    <>
      {FINDING_SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {TIER_LABELS[s]}
        </option>
      ))}
    </>
  );
}
