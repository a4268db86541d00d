// Which cell of the comparison grid holds its one tab stop, for widgets rendered inside cells.
import { createContext, useContext } from 'react';

export const ActiveCell = createContext<{ rowId: string; col: number } | null>(null);

/** For a widget inside a cell (the section toggle): tabbable only while its cell is the active one. */
export function useCellTabIndex(rowId: string, col: number): 0 | -1 {
  const active = useContext(ActiveCell);
  return active !== null && active.rowId === rowId && active.col === col ? 0 : -1;
}
