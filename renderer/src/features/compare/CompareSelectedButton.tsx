import { useId } from 'react';
import { MAX_COMPARE_PROVIDERS, MIN_COMPARE_PROVIDERS } from '../../../../shared/compare';
import { hrefs, navigate } from '../../app/router';
import { useVetted } from '../../store';

/** Two columns side by side. */
export function CompareIcon() {
  return (
    <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="2" y="2.5" width="5" height="11" rx="1" />
      <rect x="9" y="2.5" width="5" height="11" rx="1" />
    </svg>
  );
}

/** Why Compare is off for this many selected providers, or null when it is on. */
export function compareUnavailable(selected: number): string | null {
  if (selected < MIN_COMPARE_PROVIDERS) {
    return `Select ${MIN_COMPARE_PROVIDERS} to ${MAX_COMPARE_PROVIDERS} providers to compare them${selected === 1 ? ' (1 selected)' : ''}.`;
  }
  if (selected > MAX_COMPARE_PROVIDERS) {
    return `Compare at most ${MAX_COMPARE_PROVIDERS} providers at a time: ${selected} are selected.`;
  }
  return null;
}

/** The register's Compare button: the selected providers side by side, in the order they were picked. */
export function CompareSelectedButton() {
  const rowSelection = useVetted((s) => s.rowSelection);
  const ids = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const reason = compareUnavailable(ids.length);
  const reasonId = `${useId()}-reason`;
  return (
    <span className="compare-selected">
      {reason && (
        <span id={reasonId} className="hint">
          {reason}
        </span>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={reason !== null}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => navigate(hrefs.compare(ids))}
        data-testid="compare-selected"
      >
        <CompareIcon />
        Compare
      </button>
    </span>
  );
}
