// The frame of a dialog built with useScheduleDialog: the wide modal (the recurrence builder needs
// the room), the form's message on top, the dialog's own fields, then Cancel and a submit button
// that says "Saving…" while the register is asked.
import type { FormEvent, ReactNode } from 'react';
import { FormError } from '../../components/FormError';
import { ModalDialog } from '../workflow/ModalDialog';

interface Props {
  /** What useScheduleDialog returns (its open, busy, formError and submit). */
  dialog: { open: boolean; busy: boolean; formError: string | null; submit(event: FormEvent): Promise<void> };
  title: string;
  lead?: string;
  /** The submit button's words when not busy ("Add window", "Save changes"). */
  submitLabel: string;
  onClose(): void;
  children: ReactNode;
}

export function ScheduleDialog({ dialog, title, lead, submitLabel, onClose, children }: Props) {
  const { open, busy, formError, submit } = dialog;
  return (
    <ModalDialog open={open} wide title={title} lead={lead} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <FormError message={formError} />
      {children}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
