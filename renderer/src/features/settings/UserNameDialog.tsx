import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../components/Field';
import { fieldMessage } from '../../components/FieldError';
import { useVetted } from '../../store';
import { ModalDialog } from '../workflow/ModalDialog';
import { FormError } from '../../components/FormError';

/** The most the register stores (settings.userName). */
const NAME_MAX = 200;
const LABEL = 'Your name';

interface Props {
  open: boolean;
  title: string;
  /** Why the name is asked for now. */
  lead: ReactNode;
  /** The button that saves it: says what happens next ("Save and submit for review"). */
  submitLabel: string;
  cancelLabel?: string;
  /** Called with the stored name once it is saved in Settings. */
  onSaved(name: string): void;
  onClose(): void;
}

/** What is wrong with a name before it is sent, in words; null when it can be saved. */
export function userNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter your name: every sign-off step records who made it.';
  if (trimmed.length > NAME_MAX) return `${LABEL} can be at most ${NAME_MAX} characters.`;
  return null;
}

/**
 * Asks for the user's name and stores it in Settings (where it can be changed later). Sign-off
 * steps record it, so the app asks before the first one, and on a fresh register.
 */
export function UserNameDialog({ open, title, lead, submitLabel, cancelLabel = 'Cancel', onSaved, onClose }: Props) {
  const saveSettings = useVetted((s) => s.saveSettings);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `${useId()}-name`;

  // Each opening starts clean.
  useEffect(() => {
    if (!open) return;
    setName('');
    setError(undefined);
    setFormError(null);
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const problem = userNameProblem(name);
    if (problem) {
      setError(problem);
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    const result = await saveSettings({ userName: name.trim() });
    setBusy(false);
    if (result.ok) {
      onSaved(result.value.userName);
      return;
    }
    const detail = result.error.details?.find((d) => d.path === 'userName');
    if (detail) {
      setError(fieldMessage(LABEL, detail.message));
      document.getElementById(id)?.focus();
    } else {
      setFormError(`Your name was not saved: ${result.error.message}`);
    }
  };

  return (
    <ModalDialog open={open} title={title} lead={lead} onClose={onClose} onSubmit={submit}>
      <FormError message={formError} />
      <Field id={id} label={LABEL} error={error} hint="Kept in Settings, where you can change it. Recorded on every sign-off step and in the audit trail.">
        {(p) => (
          <input
            {...p}
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(undefined);
            }}
            autoComplete="name"
            maxLength={NAME_MAX}
            data-autofocus
          />
        )}
      </Field>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
