// One provider's row of the register. Memoised: while the register scrolls, the rows already on
// screen keep their props (the same row, its place, its selection, the same columns) and React
// skips them, so a scroll step renders only the rows coming into view. A provider's row renders
// again when its data does: vendor.list replaces every VendorSummary, so `vendor` is a new object
// after an answer is saved (the "register-scroll" e2e test checks a score changes on screen).
import { memo } from 'react';
import { flexRender, type Row } from '@tanstack/react-table';
import type { VendorSummary } from '../../../../shared/api';
import type { Features } from './tableSetup';

/** The rows' fixed height in pixels (the virtualiser places them by it; bench/renderer.ts scrolls by it). */
export const ROW_HEIGHT = 52;

interface Props {
  row: Row<Features, VendorSummary>;
  /** row.original, passed so a new summary of the provider renders the row again. */
  vendor: VendorSummary;
  /** The row's place in the filtered, sorted list (0 is the first provider). */
  index: number;
  /** Its offset from the top of the body, in pixels. */
  start: number;
  selected: boolean;
  /** The ids of the columns shown (stable between renders while the columns stay the same). */
  shown: ReadonlySet<string>;
}

function RegisterRowView({ row, index, start, selected, shown }: Props) {
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      className={selected ? 'register-row register-body-row selected' : 'register-row register-body-row'}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      {row.getAllCells().map((cell) =>
        shown.has(cell.column.id) ? (
          <td key={cell.id} role="cell" className={`cell cell-${cell.column.id}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ) : null,
      )}
    </tr>
  );
}

export const RegisterRow = memo(RegisterRowView);
