import { useEffect, useRef } from 'react';
import type { Table } from '@tanstack/react-table';
import type { VendorSummary } from '../../../../shared/api';
import { useVetted } from '../../store';
import type { Features } from './tableSetup';

/** Selects or clears every provider the filters currently show. */
export function SelectAllCheckbox({ table }: { table: Table<Features, VendorSummary> }) {
  const ref = useRef<HTMLInputElement>(null);
  const shown = table.getRowModel().rows;
  const selected = useVetted((s) => s.rowSelection);
  const count = shown.filter((row) => selected[row.id]).length;
  const all = shown.length > 0 && count === shown.length;
  const some = count > 0 && !all;

  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);

  const toggle = () => {
    table.setRowSelection((previous) => {
      const next = { ...previous };
      for (const row of shown) {
        if (all) delete next[row.id];
        else next[row.id] = true;
      }
      return next;
    });
  };

  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      aria-label="Select all shown providers"
      checked={all}
      onChange={toggle}
      disabled={shown.length === 0}
    />
  );
}
