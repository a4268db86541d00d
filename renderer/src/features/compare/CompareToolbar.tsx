import type { ReactTable } from '@tanstack/react-table';
import { SECTION_COMPARABLE_SHARE } from '../../../../shared/compare';
import { Mark } from './columns';
import type { CompareRow, Features } from './tableSetup';

interface Props {
  table: ReactTable<Features, CompareRow>;
  text: string;
  differencesOnly: boolean;
  shown: number;
  total: number;
  onText(text: string): void;
  onDifferencesOnly(on: boolean): void;
}

/** The share of a section, and of the whole review, a section score needs to be marked. */
const SHARE = Math.round(SECTION_COMPARABLE_SHARE * 100);

/** The filter box, "Differences only", Expand all / Collapse all, the count and the legend. */
export function CompareToolbar({ table, text, differencesOnly, shown, total, onText, onDifferencesOnly }: Props) {
  const allOpen = table.getIsAllRowsExpanded();
  const canOpen = table.getCanSomeRowsExpand();
  return (
    <div className="cmp-toolbar">
      <div className="cmp-filters" role="search">
        <div className="filter-box">
          <svg className="filter-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="4.5" />
            <path d="m10.5 10.5 3.5 3.5" />
          </svg>
          <input
            type="text"
            className="input"
            placeholder="Filter by question text or id"
            aria-label="Filter questions"
            value={text}
            maxLength={200}
            onChange={(e) => onText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text) {
                e.preventDefault();
                onText('');
              }
            }}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <label className="check cmp-diff-toggle">
          <input type="checkbox" checked={differencesOnly} onChange={(e) => onDifferencesOnly(e.target.checked)} />
          Differences only
        </label>
        <button
          type="button"
          className="button button-small"
          onClick={() => table.toggleAllRowsExpanded(!allOpen)}
          disabled={!canOpen}
        >
          {allOpen ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      <div className="cmp-toolbar-end">
        <p className="cmp-count" aria-live="polite" data-testid="compare-count">
          {shown === total
            ? `${total.toLocaleString()} ${total === 1 ? 'question' : 'questions'}`
            : `Showing ${shown.toLocaleString()} of ${total.toLocaleString()} questions`}
        </p>
        <p
          className="cmp-legend"
          title={`A section score is marked only when at least ${SHARE}% of the section and ${SHARE}% of the provider's whole review are answered (the bar a review needs for a tier); otherwise it reads "Too little answered".`}
        >
          <Mark kind="best" />
          <span>highest score in the row</span>
          <Mark kind="worst" />
          <span>lowest</span>
        </p>
      </div>
    </div>
  );
}
