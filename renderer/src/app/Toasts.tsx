import { useVetted } from '../store';

/** API errors, warnings and short notices. Errors and warnings are alerts and stay until dismissed. */
export function Toasts() {
  const toasts = useVetted((s) => s.toasts);
  const dismiss = useVetted((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          role={toast.tone === 'error' || toast.tone === 'warning' ? 'alert' : 'status'}
          data-testid="toast"
        >
          <div className="toast-text">
            <p>
              {toast.message}
              {toast.count > 1 && <span className="toast-count"> (×{toast.count})</span>}
            </p>
            {toast.details && (
              <ul className="toast-details">
                {toast.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="toast-close" onClick={() => dismiss(toast.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
