// "Refresh from status page": the one action in Vetted that goes online. It says so, and to which
// address (the status page in the provider's profile), before it is pressed; without an address it
// is disabled and says where to add one. The result is shown as it came: the addresses read, what
// was imported and what did not carry over, or the reason nothing was.
import { useId, useState } from 'react';
import type { StatusImport, Transparency } from '../../../../shared/api';
import type { Vendor } from '../../../../shared/domain/vendor';
import { api } from '../../api/client';
import { hrefs } from '../../app/router';
import { errorText } from '../../lib/errorText';
import { instantText } from './instants';
import { StatusImportCounts } from './StatusImportPreview';

interface Props {
  vendor: Vendor;
  transparency: Transparency | null;
  onRefreshed(): void;
}

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`);

export function RefreshStatus({ vendor, transparency, onRefreshed }: Props) {
  const headingId = useId();
  const noteId = useId();
  const address = vendor.links.statusPage?.trim() ?? '';
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; result: StatusImport } | { ok: false; message: string } | null>(null);
  const settings = transparency?.settings ?? null;

  const refresh = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await api['status.refresh']({ vendorId: vendor.id });
    setBusy(false);
    if (!result.ok) {
      setOutcome({ ok: false, message: `Nothing was imported: ${errorText(result.error)}` });
      return;
    }
    setOutcome({ ok: true, result: result.value });
    onRefreshed();
  };

  return (
    <section className="side-panel status-refresh" aria-labelledby={headingId} data-testid="status-refresh">
      <h2 id={headingId}>Refresh from status page</h2>
      <p id={noteId} className="online-note">
        <span className="online-mark" aria-hidden="true">
          ⇅
        </span>
        {address ? (
          <span>
            The one action in Vetted that goes online: it reads <span className="online-address">{address}</span> and imports what it
            serves, as a saved file would be imported. Nothing else is sent.
          </span>
        ) : (
          <span>
            The one action in Vetted that goes online. {vendor.name}’s profile has no status page address: add it under{' '}
            <a href={hrefs.profile(vendor.id)}>Profile → Links</a> first, or import a saved file below.
          </span>
        )}
      </p>
      {settings?.refreshedAt && (
        <p className="muted refresh-last">
          Last refreshed {instantText(settings.refreshedAt)}
          {settings.refreshedFrom ? ` from ${settings.refreshedFrom}` : ''}.
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={!address || busy}
          aria-busy={busy || undefined}
          aria-describedby={noteId}
          onClick={() => void refresh()}
        >
          {busy ? 'Reading the status page…' : 'Refresh from status page'}
        </button>
      </div>
      <div role="status" className="refresh-outcome" data-testid="refresh-outcome">
        {outcome?.ok === true && (
          <div className="import-preview">
            <p className="import-preview-lead">
              Read{' '}
              {outcome.result.fetched.map((f, i) => (
                <span key={f.url}>
                  {i > 0 && ' and '}
                  <span className="online-address">{f.url}</span> ({kb(f.bytes)})
                </span>
              ))}
              :
            </p>
            <StatusImportCounts result={outcome.result} />
          </div>
        )}
      </div>
      {outcome?.ok === false && (
        <p className="field-error" role="alert">
          {outcome.message}
        </p>
      )}
    </section>
  );
}
