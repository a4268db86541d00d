// The provider's "Maintenance" tab: its standing windows and scheduled maintenances (cancelled
// ones apart), added and edited with the recurrence builder or imported from its own feed, and
// the review's maintenance answers held against them.
import { useEffect, useId, useMemo, useState } from 'react';
import type { WindowView } from '../../../../shared/api';
import type { Vendor } from '../../../../shared/domain/vendor';
import { api } from '../../api/client';
import { ListStatus } from '../../components/ListStatus';
import { useListEditing } from '../../components/useListEditing';
import { useVetted } from '../../store';
import { answerOf } from '../../store/providerSlice';
import { ConfirmDialog } from '../findings/ConfirmDialog';
import { ClaimChecks } from './ClaimChecks';
import { ImportWindows } from './ImportWindows';
import { ProviderClashes } from './ProviderClashes';
import { useVendorWindows } from './useVendorWindows';
import { WindowDialog } from './WindowDialog';
import { WindowItem } from './WindowItem';

export function MaintenanceTab({ vendor }: { vendor: Vendor }) {
  const headingId = useId();
  // A new read on every visit of the tab (the questionnaire shares it afterwards).
  const [visit] = useState(() => ({}));
  const { windows, loading, error, reload } = useVendorWindows(vendor.id, vendor, visit);
  const { heading, done, setDone, deleting, edit, askDelete, dialog, confirm } = useListEditing<WindowView>({
    nameOf: (w) => w.title,
    remove: (w) => api['window.delete']({ id: w.id }),
    reload,
  });
  const promised = useVetted((s) => answerOf(s.answers, 'mnt_notice_hours'));
  const minimumHours = useVetted((s) => s.settings?.minimumNoticeHours ?? null);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const promisedHours = !promised.na && typeof promised.value === 'number' ? promised.value : null;

  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);

  const [active, cancelled] = useMemo(() => [windows.filter((w) => w.status !== 'cancelled'), windows.filter((w) => w.status === 'cancelled')], [windows]);

  const item = (w: WindowView) => (
    <WindowItem key={w.id} item={w} promisedHours={promisedHours} minimumHours={minimumHours} onEdit={edit} onDelete={askDelete} />
  );

  return (
    <section className="evidence-panel" aria-labelledby={headingId}>
      <div className="maintenance-main">
        <div className="maintenance-head">
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            Maintenance windows
          </h2>
          <button type="button" className="button button-primary" onClick={() => edit('new')}>
            Add window
          </button>
        </div>
        <p className="save-note save-saved maintenance-done" role="status">
          {done}
        </p>
        <ListStatus
          noun="maintenance windows"
          loading={loading}
          error={error}
          reload={reload}
          empty={
            windows.length === 0 && (
              <div className="evidence-empty">
                <p>No maintenance windows on record.</p>
                <p className="muted">
                  Add the provider’s standing window (“every Sunday 02:00–04:00”) or the maintenances it announced, or import
                  its iCalendar or Statuspage feed. Overlaps with other providers, windows in your blackout periods and short
                  notice then show up under Needs attention.
                </p>
              </div>
            )
          }
        />
        {active.length > 0 && (
          <ul className="evidence-list" aria-label="Maintenance windows">
            {active.map(item)}
          </ul>
        )}
        {cancelled.length > 0 && (
          <>
            <h3 className="window-list-heading">Cancelled</h3>
            <p className="muted window-list-note">Kept on record because they were announced; they never count as maintenance.</p>
            <ul className="evidence-list window-list-cancelled" aria-label="Cancelled maintenance windows">
              {cancelled.map(item)}
            </ul>
          </>
        )}
      </div>
      <aside className="maintenance-side" aria-label="Checks and import">
        <ProviderClashes vendorId={vendor.id} version={windows} />
        <ClaimChecks vendorId={vendor.id} windows={windows} />
        <ImportWindows
          vendorId={vendor.id}
          vendorName={vendor.name}
          onImported={() => {
            setDone(null);
            void reload();
          }}
        />
      </aside>
      <WindowDialog vendorId={vendor.id} {...dialog} />
      <ConfirmDialog
        {...confirm}
        title="Delete this maintenance window?"
        message={deleting ? `“${deleting.title}” (${deleting.words}) is removed from ${vendor.name}’s record. This cannot be undone.` : ''}
        confirmLabel="Delete window"
      />
    </section>
  );
}
