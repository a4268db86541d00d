import { useVetted } from '../../store';
import { CompareSelectedButton } from '../compare/CompareSelectedButton';

/** "8 providers" / "Showing 3 of 8 providers", the selection count with Clear selection, and Compare. */
export function RegisterSummary({ shown, total }: { shown: number; total: number }) {
  const selected = useVetted((s) => Object.keys(s.rowSelection).length);
  const clear = useVetted((s) => s.setRowSelection);
  return (
    <div className="register-summary">
      <p className="muted" data-testid="register-count">
        {shown === total
          ? `${total.toLocaleString()} ${total === 1 ? 'provider' : 'providers'}`
          : `Showing ${shown.toLocaleString()} of ${total.toLocaleString()} providers`}
      </p>
      <div className="register-summary-end">
        <p className="selection-count" aria-live="polite">
          {selected > 0 && (
            <>
              <span data-testid="selection-count">{selected.toLocaleString()} selected</span>
              <button type="button" className="link-button" onClick={() => clear({})}>
                Clear selection
              </button>
            </>
          )}
        </p>
        <CompareSelectedButton />
      </div>
    </div>
  );
}
