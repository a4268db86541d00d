// The register: TanStack Table v9 for sorting, filtering and selection; TanStack Virtual so only
// the rows in view are in the DOM (5,000 providers scroll smoothly; RegisterBody.tsx). Table
// semantics are given explicitly with roles because rows are laid out with CSS grid and absolute
// positioning.
import { useDeferredValue, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { functionalUpdate, useTable, type ColumnFiltersState } from '@tanstack/react-table';
import type { VendorSummary } from '../../../../shared/api';
import { useVetted } from '../../store';
import type { RegisterFilters, TierFilter } from '../../store/types';
import { columns } from './columns';
import { fittingColumns, gridOf, useColumnMode } from './columnLayout';
import { ColumnsNote } from './ColumnsNote';
import { RegisterBody } from './RegisterBody';
import { useDueFilter, type DueFilter } from './dueFilter';
import { RegisterSummary } from './RegisterSummary';
import { SortHeader } from './SortHeader';
import { markAfterPaint, PAINT_MARKS } from './markAfterPaint';
import { features, textFilter } from './tableSetup';
import { useScrollerWidth } from './useScrollerWidth';
import { useSideScrollCues } from './useSideScrollCues';

export function RegisterTable({ vendors }: { vendors: VendorSummary[] }) {
  const filters = useVetted((s) => s.filters);
  const sorting = useVetted((s) => s.sorting);
  const rowSelection = useVetted((s) => s.rowSelection);
  const setSorting = useVetted((s) => s.setSorting);
  const setRowSelection = useVetted((s) => s.setRowSelection);
  const setFilters = useVetted((s) => s.setFilters);
  const clearStoreFilters = useVetted((s) => s.clearFilters);
  const due = useDueFilter((s) => s.due);
  const setDue = useDueFilter((s) => s.setDue);
  const clearFilters = () => {
    clearStoreFilters();
    setDue('');
  };

  // Typing stays responsive: the table re-filters with the deferred text.
  const text = useDeferredValue(filters.text);
  const globalFilter = text.trim() === '' ? undefined : text;
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const list: ColumnFiltersState = [];
    if (filters.category) list.push({ id: 'category', value: filters.category });
    if (filters.tier) list.push({ id: 'tier', value: filters.tier });
    if (due) list.push({ id: 'nextReview', value: due });
    return list;
  }, [filters.category, filters.tier, due]);

  // Every slice the table uses is owned by the store (it survives leaving the page).
  const table = useTable({
    features,
    columns,
    data: vendors,
    getRowId: (row) => row.id,
    state: { sorting, rowSelection, globalFilter, columnFilters },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    onGlobalFilterChange: (updater) => setFilters({ text: String(functionalUpdate(updater, globalFilter) ?? '') }),
    onColumnFiltersChange: (updater) => {
      const next = functionalUpdate(updater, columnFilters);
      const pick = (id: string) => String(next.find((f) => f.id === id)?.value ?? '');
      setFilters({ category: pick('category') as RegisterFilters['category'], tier: pick('tier') as TierFilter });
      setDue(pick('nextReview') as DueFilter);
    },
    globalFilterFn: textFilter,
    getColumnCanGlobalFilter: (column) => column.id === 'name',
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerGroup = table.getHeaderGroups()[0]!;
  // For bench/renderer.ts: when a new provider list is on screen.
  useEffect(() => markAfterPaint(PAINT_MARKS.register), [vendors]);

  // The columns that fit the box (the least important hidden first, and said so), or all of them.
  const showAll = useColumnMode((s) => s.showAll);
  const allIds = headerGroup.headers.map((h) => h.column.id);
  const width = useScrollerWidth(scrollRef);
  const fitted = new Set(fittingColumns(allIds, width, sorting[0]?.id));
  const shownIds = showAll ? allIds : allIds.filter((id) => fitted.has(id));
  // One set per set of columns, so the memoised rows see the same one while the columns stay.
  const shownKey = shownIds.join(' ');
  const shown = useMemo(() => new Set(shownKey.split(' ')), [shownKey]);
  const cues = useSideScrollCues(scrollRef, shownKey);
  const hidden = headerGroup.headers
    .filter((h) => !fitted.has(h.column.id))
    .map((h) => (typeof h.column.columnDef.header === 'string' ? h.column.columnDef.header : h.column.id));
  const grid = gridOf(shownIds);
  const tableStyle = { '--register-columns': grid.template, minWidth: grid.minWidth } as CSSProperties;

  return (
    <>
      <RegisterSummary shown={rows.length} total={vendors.length} />
      <ColumnsNote hidden={hidden} />
      <div
        className={`register-frame${cues.moreRight ? ' more-right' : ''}${cues.moreLeft ? ' more-left' : ''}`}
        data-testid="register-frame"
      >
        <div className="register-scroll" ref={scrollRef} data-testid="register-scroll">
          <table className="register-table" role="table" aria-label="Providers" aria-rowcount={rows.length + 1} style={tableStyle}>
            <thead className="register-head" role="rowgroup">
              <tr className="register-row register-head-row" role="row" aria-rowindex={1}>
                {headerGroup.headers.filter((header) => shown.has(header.column.id)).map((header) => (
                  <SortHeader key={header.id} header={header}>
                    <table.FlexRender header={header} />
                  </SortHeader>
                ))}
              </tr>
            </thead>
            <RegisterBody rows={rows} scrollRef={scrollRef} shown={shown} />
          </table>
          {rows.length === 0 && (
            <div className="register-no-match">
              <p>No providers match these filters.</p>
              <button type="button" className="button" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
