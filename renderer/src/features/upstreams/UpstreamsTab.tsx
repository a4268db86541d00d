// The provider's "Upstreams" tab: its fourth parties (what it itself runs on), added from the
// catalogue or typed, edited, removed, or read from its published subprocessor list. The
// Concentration page puts them together across the register.
import { useId } from 'react';
import type { UpstreamView } from '../../../../shared/api';
import type { Vendor } from '../../../../shared/domain/vendor';
import { api } from '../../api/client';
import { hrefs } from '../../app/router';
import { ListStatus } from '../../components/ListStatus';
import { useListEditing } from '../../components/useListEditing';
import { ConfirmDialog } from '../findings/ConfirmDialog';
import { FromStatusComponents } from './FromStatusComponents';
import { ImportSubprocessors } from './ImportSubprocessors';
import { UpstreamDialog } from './UpstreamDialog';
import { UpstreamItem } from './UpstreamItem';
import { useVendorUpstreams } from './useVendorUpstreams';

export function UpstreamsTab({ vendor }: { vendor: Vendor }) {
  const headingId = useId();
  const { upstreams, loading, error, reload } = useVendorUpstreams(vendor.id);
  const { heading, done, setDone, deleting, edit, askDelete, dialog, confirm } = useListEditing<UpstreamView>({
    nameOf: (u) => u.party,
    remove: (u) => api['upstream.delete']({ id: u.id }),
    reload,
  });

  return (
    <section className="evidence-panel" aria-labelledby={headingId}>
      <div className="maintenance-main">
        <div className="maintenance-head">
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            Fourth parties
          </h2>
          <button type="button" className="button button-primary" onClick={() => edit('new')}>
            Add fourth party
          </button>
        </div>
        <p className="muted upstreams-intro">
          What {vendor.name} itself runs on. When several providers share one cloud region, they fail together: the{' '}
          <a href={hrefs.concentration}>Concentration</a> page shows it across the register.
        </p>
        <p className="save-note save-saved maintenance-done" role="status">
          {done}
        </p>
        <ListStatus
          noun="fourth parties"
          loading={loading}
          error={error}
          reload={reload}
          empty={
            upstreams.length === 0 && (
              <div className="evidence-empty">
                <p>No fourth parties on record.</p>
                <p className="muted">
                  Add its hosting cloud and regions, CDN, DNS, e-mail, payment and identity providers — pick them from the catalogue
                  or type a name — or import the subprocessor list it publishes.
                </p>
              </div>
            )
          }
        />
        {upstreams.length > 0 && (
          <ul className="evidence-list" aria-label="Fourth parties">
            {upstreams.map((u) => (
              <UpstreamItem key={u.id} item={u} onEdit={edit} onDelete={askDelete} />
            ))}
          </ul>
        )}
      </div>
      <aside className="maintenance-side" aria-label="Import">
        <ImportSubprocessors
          vendorId={vendor.id}
          vendorName={vendor.name}
          onImported={() => {
            setDone(null);
            void reload();
          }}
        />
        <FromStatusComponents
          vendorId={vendor.id}
          vendorName={vendor.name}
          onImported={() => {
            setDone(null);
            void reload();
          }}
        />
      </aside>
      <UpstreamDialog vendorId={vendor.id} vendorName={vendor.name} {...dialog} />
      <ConfirmDialog
        {...confirm}
        title="Remove this fourth party?"
        message={deleting ? `“${deleting.party}” is removed from ${vendor.name}’s fourth parties. This cannot be undone.` : ''}
        confirmLabel="Remove"
      />
    </section>
  );
}
