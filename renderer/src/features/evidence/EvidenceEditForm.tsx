import { useId, useRef, useState, type FormEvent } from 'react';
import type { EvidenceView } from '../../../../shared/api';
import { api } from '../../api/client';
import { EvidenceFields } from './EvidenceFields';
import { apiFieldErrors, draftErrors, draftOf, patchOf, type DraftErrors, type DraftKey, type EvidenceDraft } from './evidenceDraft';
import { FormError } from '../../components/FormError';

interface Props {
  item: EvidenceView;
  onCancel(): void;
  onSaved(): void;
}

/** Edits what is said about a stored file (never the file: a new version is new evidence). */
export function EvidenceEditForm({ item, onCancel, onSaved }: Props) {
  const uid = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<EvidenceDraft>(() => draftOf(item));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (key: DraftKey, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const showErrors = (found: DraftErrors) => {
    setErrors(found);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = draftErrors(draft);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setBusy(true);
    const { notes: _locked, ...withoutNotes } = patchOf(draft);
    // Locked notes are not on screen: sending the empty box would wipe the sealed text.
    const patch = item.locked ? withoutNotes : patchOf(draft);
    const result = await api['evidence.update']({ id: item.id, patch });
    setBusy(false);
    if (result.ok) {
      onSaved();
      return;
    }
    setFormError(`The changes were not saved: ${result.error.message}`);
    showErrors(apiFieldErrors(result.error));
  };

  return (
    <form
      ref={form}
      className="evidence-edit"
      aria-label={`Edit ${item.title || item.fileName}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <FormError message={formError} />
      <EvidenceFields
        idPrefix={uid}
        draft={draft}
        errors={errors}
        onChange={change}
        autoFocus
        {...(item.locked ? { notesLocked: 'Confidential — locked: the notes are kept as they are.' } : {})}
      />
      <div className="button-row">
        <button type="submit" className="button button-small button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
