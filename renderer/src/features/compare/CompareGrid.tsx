// The comparison as an ARIA grid: one tab stop (a roving tabindex), arrow keys move between cells,
// Home/End and Ctrl+Home/End to the edges, Page Up/Down by a screenful, Enter or Space opens and
// closes a section. Rows are virtualised (TanStack Virtual, measured heights) so only the rows in
// view are in the DOM; the row with the keyboard focus is always kept rendered. The header row is
// sticky, and the question column is pinned (TanStack column pinning gives its offset).
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import type { ReactTable } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { markAfterPaint, PAINT_MARKS } from '../register/markAfterPaint';
import { ActiveCell } from './gridFocus';
import { markOf, type CompareRow, type CompareTableColumn, type Features } from './tableSetup';

const HEADER_ROW = 'header';
const SECTION_ESTIMATE = 64;
const QUESTION_ESTIMATE = 84;

/** The cell that holds the grid's tab stop. `index` 0 is the header row, n is body row n − 1. */
interface Position {
  rowId: string;
  index: number;
  col: number;
}

function pinnedStyle(column: CompareTableColumn): CSSProperties | undefined {
  const pinned = column.getIsPinned();
  if (pinned !== 'start') return undefined;
  return { position: 'sticky', insetInlineStart: column.getStart('start'), zIndex: 1 };
}

interface Props {
  table: ReactTable<Features, CompareRow>;
  label: string;
}

export function CompareGrid({ table, label }: Props) {
  const rows = table.getRowModel().rows;
  // For bench/renderer.ts: when new rows (a comparison that arrived, sections opened) are on screen.
  useEffect(() => markAfterPaint(PAINT_MARKS.compare), [rows]);
  const headers = [...table.getStartHeaderGroups()[0]!.headers, ...table.getCenterHeaderGroups()[0]!.headers];
  const colCount = headers.length;
  // Pinned columns keep their size; the providers share what is left (never below their size).
  const gridTemplateColumns = headers
    .map((h) => (h.column.getIsPinned() ? `${h.getSize()}px` : `minmax(${h.getSize()}px, 1fr)`))
    .join(' ');
  const pinnedWidth = table.getStartTotalSize();

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(120);
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const update = () => setHeadHeight(head.offsetHeight);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  // The active cell follows its row when rows come and go (filtering, expanding); when its row
  // is gone, the cell at the same place (or the last row) takes over.
  const [active, setActive] = useState<Position>({ rowId: HEADER_ROW, index: 0, col: 0 });
  const found = active.rowId === HEADER_ROW ? 0 : rows.findIndex((r) => r.id === active.rowId) + 1;
  const activeIndex = found > 0 || active.rowId === HEADER_ROW ? found : Math.min(active.index, rows.length);
  const activeRowId = activeIndex === 0 ? HEADER_ROW : rows[activeIndex - 1]!.id;
  const activeCol = Math.min(active.col, colCount - 1);
  const pendingFocus = useRef(false);

  const activeBodyIndex = activeIndex - 1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeBodyIndex >= 0 && activeBodyIndex < range.count && !indexes.includes(activeBodyIndex)) {
        indexes.push(activeBodyIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeBodyIndex],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.original.kind === 'section' ? SECTION_ESTIMATE : QUESTION_ESTIMATE),
    getItemKey: (index) => rows[index]!.id,
    overscan: 6,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor,
  });

  const cellElement = (rowId: string, col: number): HTMLElement | null =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(rowId)}"] [data-col="${col}"]`) ?? null;

  // After a keyboard move: bring the cell into view (beside the pinned column, under the sticky
  // header) and focus it, or the widget it holds.
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    const cell = cellElement(activeRowId, activeCol);
    const scroller = scrollRef.current;
    if (!cell || !scroller) return;
    if (activeIndex > 0) virtualizer.scrollToIndex(activeIndex - 1, { align: 'auto' });
    if (activeCol > 0) {
      // The pinned column is always in view; another cell may be hidden under it or off the end.
      const box = scroller.getBoundingClientRect();
      const rect = cell.getBoundingClientRect();
      const left = box.left + pinnedWidth;
      const right = box.left + scroller.clientWidth;
      if (rect.left < left) scroller.scrollLeft -= left - rect.left;
      else if (rect.right > right) scroller.scrollLeft += Math.min(rect.right - right, rect.left - left);
    }
    (cell.querySelector<HTMLElement>('[data-cell-focus]') ?? cell).focus({ preventScroll: true });
  });

  const moveTo = (index: number, col: number) => {
    const clamped = Math.max(0, Math.min(index, rows.length));
    pendingFocus.current = true;
    setActive({ rowId: clamped === 0 ? HEADER_ROW : rows[clamped - 1]!.id, index: clamped, col: Math.max(0, Math.min(col, colCount - 1)) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey) return;
    const ctrl = event.ctrlKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / QUESTION_ESTIMATE) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1, activeCol);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1, activeCol);
        break;
      case 'ArrowRight':
        moveTo(activeIndex, activeCol + 1);
        break;
      case 'ArrowLeft':
        moveTo(activeIndex, activeCol - 1);
        break;
      case 'Home':
        moveTo(ctrl ? 0 : activeIndex, 0);
        break;
      case 'End':
        moveTo(ctrl ? rows.length : activeIndex, colCount - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + page, activeCol);
        break;
      case 'PageUp':
        moveTo(activeIndex - page, activeCol);
        break;
      case 'Enter':
      case ' ': {
        // The section toggle is a button: the browser activates it itself.
        if ((event.target as HTMLElement).closest('button')) return;
        if (activeIndex === 0) {
          if (event.key !== 'Enter') return;
          cellElement(HEADER_ROW, activeCol)?.querySelector<HTMLAnchorElement>('a[href]')?.click();
          break;
        }
        const row = rows[activeIndex - 1]!;
        if (row.original.kind !== 'section' || !row.getCanExpand()) return;
        row.toggleExpanded();
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  // A click (or any focus) inside the grid makes that cell the active one.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[data-row-key]');
    if (!cell || !row) return;
    const rowId = row.dataset.rowKey!;
    const col = Number(cell.dataset.col);
    if (rowId === activeRowId && col === activeCol) return;
    const index = rowId === HEADER_ROW ? 0 : rows.findIndex((r) => r.id === rowId) + 1;
    setActive({ rowId, index, col });
  };

  const items = virtualizer.getVirtualItems();

  return (
    <ActiveCell.Provider value={{ rowId: activeRowId, col: activeCol }}>
      <div
        className="cmp-scroll"
        ref={scrollRef}
        data-testid="compare-scroll"
      >
        <div
          role="grid"
          className="cmp-grid"
          aria-label={label}
          aria-rowcount={rows.length + 1}
          aria-colcount={colCount}
          style={{ minWidth: table.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <div role="rowgroup" className="cmp-head" ref={headRef}>
            <div role="row" aria-rowindex={1} className="cmp-row cmp-head-row" data-row-key={HEADER_ROW} style={{ gridTemplateColumns }}>
              {headers.map((header, col) => (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-colindex={col + 1}
                  className={header.column.getIsPinned() ? 'cmp-cell cmp-head-cell cmp-pinned' : 'cmp-cell cmp-head-cell'}
                  data-col={col}
                  tabIndex={activeIndex === 0 && activeCol === col ? 0 : -1}
                  style={pinnedStyle(header.column)}
                >
                  <table.FlexRender header={header} />
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="cmp-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              const data = row.original;
              const section = data.kind === 'section';
              const open = section && row.getIsExpanded() && row.getCanExpand();
              const cells = [...row.getStartVisibleCells(), ...row.getCenterVisibleCells()];
              return (
                <div
                  key={row.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`cmp-row cmp-body-row ${section ? 'cmp-section-row' : 'cmp-question-row'}${open ? ' open' : ''}`}
                  data-row-key={row.id}
                  data-kind={data.kind}
                  data-question-id={data.kind === 'question' ? data.question.questionId : undefined}
                  data-differs={data.kind === 'question' ? String(data.question.differs) : undefined}
                  style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`, gridTemplateColumns }}
                >
                  {cells.map((cell, col) => {
                    const isActive = item.index + 1 === activeIndex && col === activeCol;
                    // The section title cell holds a button, which takes the tab stop instead.
                    const holdsWidget = col === 0 && section && row.getCanExpand();
                    const provider = cell.column.columnDef.meta?.provider;
                    const mark = provider ? markOf(data, provider.id) : null;
                    return (
                      <div
                        key={cell.id}
                        role={col === 0 ? 'rowheader' : 'gridcell'}
                        aria-colindex={col + 1}
                        className={`cmp-cell${cell.column.getIsPinned() ? ' cmp-pinned' : ''}${mark ? ` cmp-${mark}` : ''}`}
                        data-col={col}
                        tabIndex={isActive && !holdsWidget ? 0 : -1}
                        style={pinnedStyle(cell.column)}
                      >
                        <table.FlexRender cell={cell} />
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </ActiveCell.Provider>
  );
}
