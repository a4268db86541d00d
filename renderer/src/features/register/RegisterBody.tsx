// The register's rows: TanStack Virtual keeps only the rows in view (and a few either side) in the
// DOM. It lives in its own component so a scroll step re-renders the body alone, never the header,
// the summary or the table's row models; each row is memoised (RegisterRow.tsx). It is not memoised
// itself: whatever renders the table again (selection, sorting, filters, columns) renders it too.
import { useCallback, type RefObject } from 'react';
import type { Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VendorSummary } from '../../../../shared/api';
import { RegisterRow, ROW_HEIGHT } from './RegisterRow';
import type { Features } from './tableSetup';

/**
 * Rows rendered beyond each edge of the view: enough that Tab from the last link in view finds the
 * next row already there (the browser then scrolls it in), few enough that a scroll step lays out
 * little more than the rows in view.
 */
const OVERSCAN = 5;

const estimateSize = () => ROW_HEIGHT;

interface Props {
  rows: Row<Features, VendorSummary>[];
  scrollRef: RefObject<HTMLDivElement | null>;
  shown: ReadonlySet<string>;
}

export function RegisterBody({ rows, scrollRef, shown }: Props) {
  // Stable while the rows are: a new function would make the virtualiser recompute the offsets of
  // all 5,000 rows on every render (its measurements are memoised on getItemKey).
  const getItemKey = useCallback((index: number) => rows[index]!.id, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
  });
  return (
    <tbody className="register-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]!;
        return (
          <RegisterRow
            key={row.id}
            row={row}
            vendor={row.original}
            index={item.index}
            start={item.start}
            selected={row.getIsSelected()}
            shown={shown}
          />
        );
      })}
    </tbody>
  );
}
