import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeIssues } from '../../../../shared/validation';
import { categoryTemplateId } from '../../../../shared/domain/settings';
import { VENDOR_CATEGORIES, VendorInput, type VendorCategory } from '../../../../shared/domain/vendor';
import { DEFAULT_TEMPLATE_ID } from '../../../../shared/templates/ids';
import { FieldError, fieldMessage } from '../../components/FieldError';
import { CATEGORY_LABELS } from '../../lib/labels';
import { hrefs, navigate } from '../../app/router';
import { useVetted } from '../../store';
import { categoryDefaultText } from '../choose-template/categoryDefaultText';
import { TemplateSelect } from '../choose-template/TemplateSelect';
import { useTemplateOptions } from '../choose-template/useTemplateOptions';
import { FormError } from '../../components/FormError';

interface Draft {
  name: string;
  service: string;
  category: VendorCategory;
  criticalPath: boolean;
}

const EMPTY: Draft = { name: '', service: '', category: 'other', criticalPath: false };
const LABELS: Record<string, string> = {
  name: 'Name',
  service: 'Service',
  category: 'Category',
  criticalPath: 'Critical path',
  templateId: 'Questionnaire',
};

/** A modal <dialog>: the few fields a new provider needs; the rest lives on its Profile. */
export function AddProviderDialog() {
  const open = useVetted((s) => s.addDialogOpen);
  const close = useVetted((s) => s.closeAddDialog);
  const createVendor = useVetted((s) => s.createVendor);
  const dialog = useRef<HTMLDialogElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The questionnaire the user picked; null follows the category's default from Settings. */
  const [picked, setPicked] = useState<string | null>(null);
  const settings = useVetted((s) => s.settings);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const templates = useTemplateOptions(open);
  const id = useId();

  // The category defaults live in Settings; read them once when the dialog first opens.
  useEffect(() => {
    if (open && settingsStatus === 'idle') void loadSettings();
  }, [open, settingsStatus, loadSettings]);

  const categoryDefault = settings ? categoryTemplateId(settings, draft.category) : DEFAULT_TEMPLATE_ID;
  const templateId = picked ?? categoryDefault;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setDraft(EMPTY);
      setPicked(null);
      setErrors({});
      setFormError(null);
      element.showModal();
      nameInput.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = VendorInput.safeParse(draft);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const problem of describeIssues(parsed.error.issues)) {
        const field = problem.path.split('.')[0]!;
        found[field] ??= fieldMessage(LABELS[field] ?? field, problem.message);
      }
      setErrors(found);
      dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    // A questionnaire picked here starts the first review on it at once; the category's default
    // needs no review yet (the first answer starts one on it, by the same rule).
    const result = await createVendor(picked === null ? draft : { ...draft, templateId: picked });
    setBusy(false);
    // The user moved to another page meanwhile (which closed the dialog): say what became of the
    // request there, instead of navigating away from where they went or filling a closed form.
    if (!useVetted.getState().addDialogOpen) {
      if (result.ok) useVetted.getState().pushToast('success', `Added ${result.value.name} to the register.`);
      else useVetted.getState().pushToast('error', `${draft.name.trim() || 'The provider'} was not added: ${result.error.message}`);
      return;
    }
    if (!result.ok) {
      const found: Record<string, string> = {};
      for (const d of result.error.details ?? []) {
        const field = d.path.split('.')[0]!;
        if (field in LABELS) found[field] ??= fieldMessage(LABELS[field]!, d.message);
      }
      if (result.error.code === 'conflict' && !found.name) found.name = result.error.message;
      setErrors(found);
      setFormError(result.error.message);
      if (found.name) nameInput.current?.focus();
      return;
    }
    close();
    navigate(hrefs.provider(result.value.id));
  };

  const errorId = (field: string) => `${id}-${field}-error`;
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {});

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-modal="true"
      onClose={close}
      onCancel={() => close()}
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="dialog-title">
          Add provider
        </h2>
        <p className="muted dialog-lead">You can fill in the rest of the profile afterwards.</p>

        <FormError message={formError} />

        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            className="input"
            value={draft.name}
            onChange={(e) => update('name', e.target.value)}
            autoComplete="off"
            required
            {...invalid('name')}
          />
          <FieldError id={errorId('name')} message={errors.name} />
        </div>

        <div className="field">
          <label htmlFor={`${id}-service`}>Service</label>
          <input
            id={`${id}-service`}
            className="input"
            value={draft.service}
            placeholder="e.g. Hosted PostgreSQL for the billing database"
            onChange={(e) => update('service', e.target.value)}
            autoComplete="off"
            {...invalid('service')}
          />
          <FieldError id={errorId('service')} message={errors.service} />
        </div>

        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select
            id={`${id}-category`}
            className="select"
            value={draft.category}
            onChange={(e) => update('category', e.target.value as VendorCategory)}
            {...invalid('category')}
          >
            {VENDOR_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
          <FieldError id={errorId('category')} message={errors.category} />
        </div>

        <TemplateSelect
          id={`${id}-template`}
          value={templateId}
          options={templates.options}
          onChange={(value) => {
            setPicked(value);
            if (errors.templateId) setErrors(({ templateId: _gone, ...rest }) => rest);
          }}
          hint={
            templates.status === 'error'
              ? `The stored templates could not be read: ${templates.error.message}`
              : picked === null
                ? `${categoryDefaultText(settings, draft.category)} It follows the category until you pick one.`
                : 'Your pick: the first review starts on it at once (its newest version).'
          }
          error={errors.templateId}
        />

        <div className="field field-check">
          <input
            id={`${id}-critical`}
            type="checkbox"
            checked={draft.criticalPath}
            onChange={(e) => update('criticalPath', e.target.checked)}
            aria-describedby={`${id}-critical-hint`}
          />
          <label htmlFor={`${id}-critical`}>Critical path</label>
          <p id={`${id}-critical-hint`} className="hint">
            Your product stops working when this provider is down.
          </p>
        </div>

        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
