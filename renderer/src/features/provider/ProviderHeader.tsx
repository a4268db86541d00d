import type { Ref } from 'react';
import type { Vendor } from '../../../../shared/domain/vendor';
import { hrefs, type ProviderTab } from '../../app/router';
import { BackLink } from '../../components/BackLink';
import { ExportButton } from '../../components/ExportButton';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { CompareWithButton } from '../compare/CompareWithDialog';

interface Props {
  vendor: Vendor;
  tab: ProviderTab;
  headingRef: Ref<HTMLHeadingElement>;
}

export function ProviderHeader({ vendor, tab, headingRef }: Props) {
  return (
    <div className="provider-header">
      <BackLink />
      <div className="provider-title-row">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {vendor.name}
          </h1>
          <p className="provider-meta muted">
            <span>{CATEGORY_LABELS[vendor.category]}</span>
            {vendor.service && <span>{vendor.service}</span>}
            <span>{STATUS_LABELS[vendor.status]}</span>
            {vendor.criticalPath && (
              <span>
                <span className="critical-flag">Critical path</span>
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          <CompareWithButton vendor={vendor} />
          <ReportExport vendor={vendor} />
        </div>
      </div>
      <nav className="tabs" aria-label="Provider views">
        <a className="tab" href={hrefs.provider(vendor.id)} aria-current={tab === 'questionnaire' ? 'page' : undefined}>
          Questionnaire
        </a>
        <a className="tab" href={hrefs.profile(vendor.id)} aria-current={tab === 'profile' ? 'page' : undefined}>
          Profile
        </a>
      </nav>
    </div>
  );
}

/** Export PDF: the review report of the provider's latest review. */
function ReportExport({ vendor }: { vendor: Vendor }) {
  const hasReview = useVetted((s) => s.review !== null);
  const busy = useVetted((s) => isExporting(s, `vendor:${vendor.id}`));
  const exportReport = useVetted((s) => s.exportVendorReport);
  return (
    <ExportButton
      label="Export PDF"
      busy={busy}
      onExport={() => void exportReport(vendor.id)}
      unavailable={hasReview ? undefined : 'No review yet: answer a question to start one, then export its report.'}
      description="The latest review as a PDF report, with its score and risk tier."
      busyAnnouncement={`Exporting the review report of ${vendor.name}…`}
      testId="export-pdf"
    />
  );
}
