// Settings' "Blackout periods": the company's own times when no provider should be in
// maintenance. Each is saved on its own (not with the Save settings button): added, edited and
// deleted (after a question) in dialogs.
import { useId } from 'react';
import type { BlackoutPeriod } from '../../../../shared/domain/maintenance';
import { periodWords } from '../maintenance/periodWords';
import { api } from '../../api/client';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { ListStatus } from '../../components/ListStatus';
import { useListEditing } from '../../components/useListEditing';
import { ConfirmDialog } from '../findings/ConfirmDialog';
import { BlackoutDialog } from './BlackoutDialog';
import { useBlackouts } from './useBlackouts';

export function BlackoutSection() {
  const headingId = useId();
  const { items, loading, error, reload } = useBlackouts();
  const { heading, done, deleting, edit, askDelete, dialog, confirm } = useListEditing<BlackoutPeriod>({
    nameOf: (b) => b.name,
    remove: (b) => api['blackout.delete']({ id: b.id }),
    reload,
  });

  return (
    <section className="form-section blackout-section" aria-labelledby={headingId}>
      <div className="blackout-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Blackout periods
        </h2>
        <button type="button" className="button" onClick={() => edit('new')}>
          Add blackout period
        </button>
      </div>
      <p className="muted section-hint">
        Times when no provider should be in maintenance: a release freeze, your peak hours, a sales event. A provider’s
        window that falls inside one is listed under Needs attention. Each period is saved on its own.
      </p>
      <p className="save-note save-saved" role="status">
        {done}
      </p>
      <ListStatus
        noun="blackout periods"
        loading={loading}
        error={error}
        reload={reload}
        empty={items.length === 0 && <p className="blackout-empty">No blackout periods yet.</p>}
      />
      {items.length > 0 && (
        <ul className="blackout-list" aria-label="Blackout periods">
          {items.map((b) => (
            <BlackoutItem key={b.id} item={b} onEdit={edit} onDelete={askDelete} />
          ))}
        </ul>
      )}
      <BlackoutDialog {...dialog} />
      <ConfirmDialog
        {...confirm}
        title="Delete this blackout period?"
        message={deleting ? `“${deleting.name}” (${periodWords(deleting.schedule)}) is removed. Maintenance inside it is no longer flagged.` : ''}
        confirmLabel="Delete period"
      />
    </section>
  );
}

function BlackoutItem({ item, onEdit, onDelete }: { item: BlackoutPeriod; onEdit(b: BlackoutPeriod): void; onDelete(b: BlackoutPeriod): void }) {
  const nameId = useId();
  return (
    <li className="blackout-item" aria-labelledby={nameId} data-testid="blackout-item">
      <div className="blackout-text">
        <h3 id={nameId} className="blackout-name">
          {item.name}
        </h3>
        <p className="blackout-words">{periodWords(item.schedule)}</p>
        {item.notes && <p className="muted blackout-notes">{item.notes}</p>}
      </div>
      <div className="button-row">
        <EditDeleteButtons item={item} describedBy={nameId} onEdit={onEdit} onDelete={onDelete} />
      </div>
    </li>
  );
}
