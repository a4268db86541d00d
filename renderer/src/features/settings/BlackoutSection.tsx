// Settings' "Blackout periods": the company's own times when no provider should be in
// maintenance. Each is saved on its own (not with the Save settings button): added, edited and
// deleted (after a question) in dialogs.
import { useId, useRef, useState } from 'react';
import type { BlackoutPeriod } from '../../../../shared/domain/maintenance';
import { periodWords } from '../maintenance/periodWords';
import { api } from '../../api/client';
import { ConfirmDialog } from '../findings/ConfirmDialog';
import { BlackoutDialog } from './BlackoutDialog';
import { useBlackouts } from './useBlackouts';

export function BlackoutSection() {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { items, loading, error, reload } = useBlackouts();
  const [editing, setEditing] = useState<BlackoutPeriod | 'new' | null>(null);
  const [deleting, setDeleting] = useState<BlackoutPeriod | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const justDeleted = useRef(false);

  const remove = async (): Promise<string | null> => {
    if (!deleting) return null;
    const result = await api['blackout.delete']({ id: deleting.id });
    if (!result.ok) return `“${deleting.name}” was not deleted: ${result.error.message}`;
    setDone(`Deleted “${deleting.name}”.`);
    justDeleted.current = true;
    await reload();
    return null;
  };

  return (
    <section className="form-section blackout-section" aria-labelledby={headingId}>
      <div className="blackout-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Blackout periods
        </h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
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
      {loading && (
        <p className="muted loading" role="status">
          Loading blackout periods…
        </p>
      )}
      {!loading && error && (
        <div className="form-error" role="alert">
          <p>The blackout periods could not be loaded: {error.message}</p>
          <button type="button" className="button button-small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {!loading && !error && items.length === 0 && <p className="blackout-empty">No blackout periods yet.</p>}
      {items.length > 0 && (
        <ul className="blackout-list" aria-label="Blackout periods">
          {items.map((b) => (
            <BlackoutItem key={b.id} item={b} onEdit={setEditing} onDelete={setDeleting} />
          ))}
        </ul>
      )}
      <BlackoutDialog
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, added) => {
          setEditing(null);
          setDone(added ? `Added “${saved.name}”.` : `Saved “${saved.name}”.`);
          void reload();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this blackout period?"
        message={deleting ? `“${deleting.name}” (${periodWords(deleting.schedule)}) is removed. Maintenance inside it is no longer flagged.` : ''}
        confirmLabel="Delete period"
        busyLabel="Deleting…"
        onConfirm={remove}
        onClose={() => {
          setDeleting(null);
          // The period's buttons went with it: the heading takes the focus once the dialog is closed.
          if (justDeleted.current) requestAnimationFrame(() => heading.current?.focus());
          justDeleted.current = false;
        }}
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
        <button type="button" className="button button-small" aria-describedby={nameId} onClick={() => onEdit(item)}>
          Edit
        </button>
        <button type="button" className="button button-small" aria-describedby={nameId} onClick={() => onDelete(item)}>
          Delete
        </button>
      </div>
    </li>
  );
}
