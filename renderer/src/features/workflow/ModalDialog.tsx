import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  /** A sentence under the title: what the action does. */
  lead?: ReactNode;
  onClose(): void;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** The form's fields and its actions. */
  children: ReactNode;
  wide?: boolean;
}

/**
 * A modal <dialog> holding one form, opened and closed by `open`: Escape and Cancel close it, the
 * browser keeps the focus inside while it is open and gives it back when it closes. The control
 * marked data-autofocus gets the focus first.
 */
export function ModalDialog({ open, title, lead, onClose, onSubmit, children, wide }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // The field to start with (showModal alone picks the first focusable one).
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={`${id}-title`}
      aria-modal="true"
      onClose={onClose}
    >
      {open && (
        <form className="dialog-form" onSubmit={onSubmit} noValidate>
          <h2 id={`${id}-title`} className="dialog-title">
            {title}
          </h2>
          {lead && <p className="muted dialog-lead">{lead}</p>}
          {children}
        </form>
      )}
    </dialog>
  );
}
