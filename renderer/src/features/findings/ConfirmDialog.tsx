import { useState, type FormEvent } from 'react';
import { ModalDialog } from '../workflow/ModalDialog';
import { FormError } from '../../components/FormError';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busyLabel: string;
  /** Resolves to an error message, or null when done. */
  onConfirm(): Promise<string | null>;
  onClose(): void;
}

/** "Are you sure?" for what cannot be undone; the error stays in the dialog when it fails. */
export function ConfirmDialog({ open, title, message, confirmLabel, busyLabel, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const problem = await onConfirm();
    setBusy(false);
    if (problem) setError(problem);
    else close();
  };
  return (
    <ModalDialog open={open} title={title} onClose={close} onSubmit={submit}>
      <p>{message}</p>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close} data-autofocus>
          Cancel
        </button>
        <button type="submit" className="button button-danger" disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
