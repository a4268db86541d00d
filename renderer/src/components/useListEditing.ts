// The add, edit and delete wiring of a list whose records are edited in a dialog and deleted after
// a question (a provider's maintenance windows, the company's blackout periods). It tracks which
// record the dialog edits, which one the question is about, and the line that says what was done.
// When a record is deleted its buttons go with it, so the focus goes back to the list's heading.
import { useRef, useState } from 'react';
import type { Result } from '../../../shared/result';

interface Options<T> {
  /** How the messages name a record ("Deleted “Patch window”."). */
  nameOf(item: T): string;
  /** Deletes the record in the register. */
  remove(item: T): Promise<Result<unknown>>;
  /** Reads the list again after a save or a delete. */
  reload(): Promise<void>;
}

export function useListEditing<T>({ nameOf, remove, reload }: Options<T>) {
  /** The list's heading: give it ref and tabIndex={-1} so it can take the focus. */
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const justDeleted = useRef(false);

  /** For the edit dialog: its target, onClose and onSaved. */
  const dialog = {
    target: editing,
    onClose: () => setEditing(null),
    onSaved: (saved: T, added: boolean) => {
      setEditing(null);
      setDone(added ? `Added “${nameOf(saved)}”.` : `Saved “${nameOf(saved)}”.`);
      void reload();
    },
  };

  /** For the ConfirmDialog that asks before a delete: its open, busyLabel, onConfirm and onClose. */
  const confirm = {
    open: deleting !== null,
    busyLabel: 'Deleting…',
    onConfirm: async (): Promise<string | null> => {
      if (!deleting) return null;
      const result = await remove(deleting);
      if (!result.ok) return `“${nameOf(deleting)}” was not deleted: ${result.error.message}`;
      setDone(`Deleted “${nameOf(deleting)}”.`);
      justDeleted.current = true;
      await reload();
      return null;
    },
    onClose: () => {
      setDeleting(null);
      if (justDeleted.current) requestAnimationFrame(() => heading.current?.focus());
      justDeleted.current = false;
    },
  };

  return { heading, done, setDone, deleting, edit: setEditing, askDelete: setDeleting, dialog, confirm };
}
