// "Send questionnaire…": the provider's questionnaire as one HTML page, saved here (a download in
// browser mode) for the user to e-mail. Nothing goes online; the page works offline on their side.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { fieldMessage } from '../../components/FieldError';
import { CheckField } from '../../components/CheckField';
import { FormError } from '../../components/FormError';
import { saveGeneratedFile, safeFileName } from '../../lib/saveFile';
import { useVetted } from '../../store';
import { ModalDialog } from '../workflow/ModalDialog';

interface Props {
  open: boolean;
  onClose(): void;
}

const FIELD_LABELS = { contact: 'Contact', due: 'Answer by' } as const;
type FieldName = keyof typeof FIELD_LABELS;

/** The register's refusal: each problem under its field when it has one, the rest above the form. */
function placeProblems(error: ApiError): { fields: Partial<Record<FieldName, string>>; form: string | null } {
  const fields: Partial<Record<FieldName, string>> = {};
  const rest: string[] = [];
  for (const d of error.details ?? []) {
    const field = d.path.split('.')[0] as FieldName;
    if (field in FIELD_LABELS) fields[field] = fieldMessage(FIELD_LABELS[field], d.message);
    else rest.push(`${d.path}: ${d.message}`);
  }
  const form = rest.length > 0 ? rest.join(' ') : Object.keys(fields).length === 0 ? error.message : null;
  return { fields, form };
}

export function SendQuestionnaireDialog({ open, onClose }: Props) {
  const vendor = useVetted((s) => s.vendor);
  const pushToast = useVetted((s) => s.pushToast);
  const [contact, setContact] = useState('');
  const [due, setDue] = useState('');
  const [prefill, setPrefill] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ReturnType<typeof placeProblems>>({ fields: {}, form: null });
  const id = useId();

  useEffect(() => {
    if (!open) {
      setProblems({ fields: {}, form: null });
      setBusy(false);
    }
  }, [open]);

  if (!vendor) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems({ fields: {}, form: null });
    setBusy(true);
    try {
      const result = await api['questionnaire.send']({
        vendorId: vendor.id,
        ...(contact.trim() ? { contact: contact.trim() } : {}),
        ...(due ? { due } : {}),
        ...(prefill ? { prefill: true } : {}),
      });
      if (!result.ok) {
        setProblems(placeProblems(result.error));
        return;
      }
      const fileName = safeFileName(result.value.fileName, `questionnaire-${safeFileName(vendor.name, 'provider')}.html`);
      saveGeneratedFile(result.value, fileName);
      pushToast('success', `Saved “${fileName}” (request ${result.value.request.id}). E-mail it to ${vendor.name}; take their answers file in with “Receive answers…”.`);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      open={open}
      title={`Send the questionnaire to ${vendor.name}`}
      lead="Vetted saves one HTML page for you to e-mail. The provider opens it in a browser, answers offline and saves one answers file to send back. Nothing goes online, and they need no account and nothing to install."
      onClose={onClose}
      onSubmit={submit}
    >
      <FormError message={problems.form} />
      <Field id={`${id}-contact`} label="Contact" hint="Who you send it to, e.g. Jane Doe <jane@example.com>. Shown on the page and kept with the answers." error={problems.fields.contact}>
        {(control) => (
          <input {...control} className="input" type="text" value={contact} maxLength={200} data-autofocus onChange={(e) => setContact(e.target.value)} />
        )}
      </Field>
      <Field id={`${id}-due`} label="Answer by" hint="Optional. Shown to the provider." error={problems.fields.due}>
        {(control) => <input {...control} className="input" type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
      <CheckField
        id={`${id}-prefill`}
        label="Include the answers we hold (marked as such for the provider)"
        hint="The provider sees them as answers already given and can confirm or correct them. Your comments are never included."
        checked={prefill}
        onChange={setPrefill}
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Making the page…' : 'Save questionnaire page'}
        </button>
      </div>
    </ModalDialog>
  );
}
