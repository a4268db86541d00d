/**
 * Counts in the register's cells ("1,204 open"), in the user's locale. One formatter for every row:
 * toLocaleString() on each render would build (or look up) a formatter per cell.
 */
export const formatCount: (n: number) => string = new Intl.NumberFormat().format;
