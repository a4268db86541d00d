import { useEffect, useId, useState, type FormEvent } from 'react';
import { isOpenStatus } from '../../../../shared/domain/workflow';
import type { Vendor } from '../../../../shared/domain/vendor';
import { CheckField } from '../../components/CheckField';
import { errorText } from '../../lib/errorText';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { ModalDialog } from '../workflow/ModalDialog';
import { ReportChoice, type WhichReview } from './ReportChoice';
import { useLatestDecision } from './useLatestDecision';
import { FormError } from '../../components/FormError';

/**
 * The review report's options: which review (the decided one, or the open one marked DRAFT, when
 * the provider has an open review) and whether confidential comments are printed.
 */
export function ReportExportDialog({ vendor }: { vendor: Vendor }) {
  const open = useVetted((s) => s.exportDialog === 'report');
  const close = useVetted((s) => s.closeExportDialog);
  const exportReport = useVetted((s) => s.exportVendorReport);
  const reportError = useVetted((s) => s.reportError);
  const review = useVetted((s) => s.review);
  const busy = useVetted((s) => isExporting(s, `vendor:${vendor.id}`));
  const openReview = review !== null && isOpenStatus(review.status) ? review : null;
  const latestDecision = useLatestDecision(vendor.id, open && openReview !== null);
  const [which, setWhich] = useState<WhichReview>('decided');
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();

  // Leaving the page closes it: the open dialog is kept in the store (the Export menu opens it).
  useEffect(() => close, [close]);

  useEffect(() => {
    if (!open) return;
    setWhich('decided');
    setIncludeConfidential(false);
    setFormError(null);
  }, [open]);

  // Nothing decided yet: the draft is the only review there is to report.
  const draft = openReview !== null && (which === 'draft' || latestDecision === 'none');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const result = await exportReport(vendor.id, { includeConfidential, draft });
    if (result.ok) {
      close();
      return;
    }
    if (useVetted.getState().exportDialog !== 'report') reportError(result.error);
    else setFormError(`The report was not exported: ${errorText(result.error)}`);
  };

  return (
    <ModalDialog
      open={open}
      title="Export the review report"
      lead={`${vendor.name} as a PDF: the answers, score and risk tier, the sign-off, findings, accepted risks and evidence.`}
      onClose={close}
      onSubmit={submit}
    >
      <FormError message={formError} />
      {openReview && (
        <ReportChoice idPrefix={id} vendorName={vendor.name} openReview={openReview} latestDecision={latestDecision} value={draft ? 'draft' : 'decided'} onChange={setWhich} />
      )}
      <CheckField
        id={`${id}-confidential`}
        label="Include confidential comments"
        checked={includeConfidential}
        onChange={setIncludeConfidential}
        hint="Left out unless ticked: a report is often shared outside the team."
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined} data-autofocus>
          {busy ? 'Exporting…' : 'Export PDF'}
        </button>
      </div>
    </ModalDialog>
  );
}
