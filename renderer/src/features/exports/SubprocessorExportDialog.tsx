import { useEffect, useId, useState, type FormEvent } from 'react';
import { CheckField } from '../../components/CheckField';
import { Field } from '../../components/Field';
import { fieldMessage } from '../../components/FieldError';
import { errorText } from '../../lib/errorText';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { ModalDialog } from '../workflow/ModalDialog';
import { today } from '../workflow/formatWhen';
import { asOfDateProblem } from './exportText';
import { FormError } from '../../components/FormError';

const DATE_LABEL = 'List as of';

/**
 * The subprocessor list's options: as of which day, whether proposed providers are added (marked),
 * whether the internal risk tiers are printed. Both are off by default: the list is published.
 */
export function SubprocessorExportDialog() {
  const open = useVetted((s) => s.exportDialog === 'subprocessors');
  const close = useVetted((s) => s.closeExportDialog);
  const exportList = useVetted((s) => s.exportSubprocessorList);
  const reportError = useVetted((s) => s.reportError);
  const busy = useVetted((s) => isExporting(s, 'subprocessors'));
  const [date, setDate] = useState('');
  const [includeProposed, setIncludeProposed] = useState(false);
  const [includeTiers, setIncludeTiers] = useState(false);
  const [dateError, setDateError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();
  const dateId = `${id}-date`;
  const latest = today();

  // Leaving the page closes it: the open dialog is kept in the store (the Export menu opens it).
  useEffect(() => close, [close]);

  // Each opening starts from the defaults: today, nothing extra.
  useEffect(() => {
    if (!open) return;
    setDate(today());
    setIncludeProposed(false);
    setIncludeTiers(false);
    setDateError(undefined);
    setFormError(null);
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const problem = asOfDateProblem(date, today());
    if (problem) {
      setDateError(problem);
      document.getElementById(dateId)?.focus();
      return;
    }
    const result = await exportList({ date, includeProposed, includeTiers });
    if (result.ok) {
      close();
      return;
    }
    // Closed while it ran: the error still reaches the user.
    if (useVetted.getState().exportDialog !== 'subprocessors') {
      reportError(result.error);
      return;
    }
    const onDate = result.error.details?.find((d) => d.path === 'date');
    if (onDate) {
      setDateError(fieldMessage(DATE_LABEL, onDate.message));
      document.getElementById(dateId)?.focus();
    } else {
      setFormError(`The list was not exported: ${errorText(result.error)}`);
    }
  };

  return (
    <ModalDialog
      open={open}
      title="Export the subprocessor list"
      lead="A PDF annex for your privacy statement: the active providers approved by the day below that process personal data. Vetted then tells you which providers it left out, and why."
      onClose={close}
      onSubmit={submit}
    >
      <FormError message={formError} />
      <Field id={dateId} label={DATE_LABEL} error={dateError} hint="The list shows the providers as they stood on this day. Today, or an earlier day.">
        {(p) => (
          <input
            {...p}
            className="input input-date"
            type="date"
            max={latest}
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setDateError(undefined);
            }}
            data-autofocus
          />
        )}
      </Field>
      <CheckField
        id={`${id}-proposed`}
        label="Include proposed providers (marked)"
        checked={includeProposed}
        onChange={setIncludeProposed}
        hint="Adds the providers not yet approved or in use that would process personal data, each marked as proposed."
      />
      <CheckField
        id={`${id}-tiers`}
        label="Show internal risk tiers"
        checked={includeTiers}
        onChange={setIncludeTiers}
        hint="Prints each provider’s risk tier. Leave it off for the list you publish."
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Exporting…' : 'Export PDF'}
        </button>
      </div>
    </ModalDialog>
  );
}
