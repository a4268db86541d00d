import { useColumnMode } from './columnLayout';

/**
 * Says what the window leaves out: the columns hidden to fit, with a way to show them all, or,
 * with every column shown, that the table scrolls sideways (and a way back). Nothing when all fit.
 * `hidden`: headers of the columns that do not fit the window, in table order.
 */
export function ColumnsNote({ hidden }: { hidden: readonly string[] }) {
  const showAll = useColumnMode((s) => s.showAll);
  const setShowAll = useColumnMode((s) => s.setShowAll);
  if (hidden.length === 0) return null;
  if (showAll) {
    return (
      <p className="columns-note" data-testid="columns-note">
        <span>
          All columns shown: the table scrolls sideways <span aria-hidden="true">→</span>
        </span>
        <button type="button" className="link-button" onClick={() => setShowAll(false)}>
          Fit columns to the window
        </button>
      </p>
    );
  }
  return (
    <p className="columns-note" data-testid="columns-note">
      <span>
        Hidden to fit the window: <strong>{hidden.join(', ')}</strong>.
      </span>
      <button type="button" className="link-button" onClick={() => setShowAll(true)}>
        Show all columns
      </button>
    </p>
  );
}
