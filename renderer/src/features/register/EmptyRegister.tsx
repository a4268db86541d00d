import { useState } from 'react';
import { useVetted } from '../../store';

/** A register with no providers: add the first one, or look around with the demo data. */
export function EmptyRegister() {
  const openAddDialog = useVetted((s) => s.openAddDialog);
  const loadDemo = useVetted((s) => s.loadDemo);
  const [loading, setLoading] = useState(false);

  return (
    <div className="empty-state" data-testid="empty-register">
      <h2>The register is empty</h2>
      <p className="muted">
        Add the services you build on — a hosted database, a message queue, a log service — and review each one
        with the questionnaire. Or load a few fictional providers to see how a finished register looks.
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={openAddDialog} data-testid="empty-add-provider">
          Add provider
        </button>
        <button
          type="button"
          className="button"
          disabled={loading}
          onClick={async () => {
            setLoading(true);
            await loadDemo();
            setLoading(false);
          }}
        >
          {loading ? 'Loading demo data…' : 'Load demo data'}
        </button>
      </div>
    </div>
  );
}
