import type { ReactNode } from 'react';
import type { Header } from '@tanstack/react-table';
import type { VendorSummary } from '../../../../shared/api';
import type { Features } from './tableSetup';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header: a button that sorts when the column can be sorted, with aria-sort on the sorted one. */
export function SortHeader({ header, children }: { header: Header<Features, VendorSummary, unknown>; children: ReactNode }) {
  const column = header.column;
  const sorted = column.getIsSorted();
  const className = `cell cell-${column.id} head-cell`;
  if (!column.getCanSort()) {
    return (
      <th role="columnheader" className={className} scope="col">
        {children}
      </th>
    );
  }
  return (
    <th role="columnheader" className={className} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        {children}
        <SortIcon direction={sorted} />
      </button>
    </th>
  );
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <svg className={`sort-icon sort-${direction || 'none'}`} viewBox="0 0 10 14" aria-hidden="true" focusable="false">
      <path className="sort-up" d="M5 1 9 5.5H1Z" />
      <path className="sort-down" d="M5 13 1 8.5h8Z" />
    </svg>
  );
}
