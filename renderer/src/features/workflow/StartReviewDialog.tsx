import { useEffect, useId, useState, type FormEvent } from 'react';
import { categoryTemplateId } from '../../../../shared/domain/settings';
import { errorText } from '../../lib/errorText';
import { useVetted } from '../../store';
import { categoryDefaultText } from '../choose-template/categoryDefaultText';
import { TemplateSelect } from '../choose-template/TemplateSelect';
import { useTemplateOptions } from '../choose-template/useTemplateOptions';
import { ModalDialog } from './ModalDialog';
import { FormError } from '../../components/FormError';

interface Props {
  open: boolean;
  onClose(): void;
}

/**
 * "Start a review": which questionnaire the provider's next review starts on. Preselected: the
 * template on screen when no review exists yet (the category's default), else the category's
 * default from Settings. After a decision, the same template carries the decided answers over.
 */
export function StartReviewDialog({ open, onClose }: Props) {
  const vendor = useVetted((s) => s.vendor);
  const review = useVetted((s) => s.review);
  const shown = useVetted((s) => s.template);
  const settings = useVetted((s) => s.settings);
  const settingsStatus = useVetted((s) => s.settingsStatus);
  const loadSettings = useVetted((s) => s.loadSettings);
  const busy = useVetted((s) => s.workflowBusy);
  const startNewReview = useVetted((s) => s.startNewReview);
  const templates = useTemplateOptions(open);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    if (open && settingsStatus === 'idle') void loadSettings();
  }, [open, settingsStatus, loadSettings]);

  useEffect(() => {
    if (!open) {
      setPicked(null);
      setError(null);
    }
  }, [open]);

  if (!vendor) return null;
  const preselected = review === null && shown ? shown.id : settings ? categoryTemplateId(settings, vendor.category) : (shown?.id ?? '');
  const templateId = picked ?? preselected;
  const carries = review !== null && review.templateId === templateId;
  const hint =
    templates.status === 'error'
      ? `The stored templates could not be read: ${templates.error.message}`
      : review === null
        ? templateId === preselected
          ? `Preselected. ${categoryDefaultText(settings, vendor.category)} The newest version is used.`
          : 'The review starts on this questionnaire (its newest version).'
        : carries
          ? 'The same questionnaire: the new review starts from the decided review’s answers.'
          : 'Another questionnaire: the new review starts empty; the decided review keeps its answers.';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await startNewReview(templateId);
    if (result.ok) onClose();
    else setError(errorText(result.error));
  };

  return (
    <ModalDialog
      open={open}
      title={review === null ? `Start a review of ${vendor.name}` : `Start a new review of ${vendor.name}`}
      lead="Choose the questionnaire the review is filled in against. It stays with the review; a newer version of it can be adopted later."
      onClose={onClose}
      onSubmit={submit}
    >
      <FormError message={error} />
      <TemplateSelect
        id={`${id}-template`}
        value={templateId}
        options={templates.options}
        onChange={setPicked}
        hint={hint}
        autoFocus
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || templateId === ''} aria-busy={busy || undefined}>
          {busy ? 'Starting…' : 'Start review'}
        </button>
      </div>
    </ModalDialog>
  );
}
