import { useId, useState, type Ref } from 'react';
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
        {TABS.map(({ tab: t, label }) => (
          <a key={t} className="tab" href={hrefs.providerTab(vendor.id, t)} aria-current={tab === t ? 'page' : undefined}>
            {label}
            {t === 'findings' && <OpenFindingsCount vendorId={vendor.id} />}
          </a>
        ))}
      </nav>
    </div>
  );
}

const TABS: readonly { tab: ProviderTab; label: string }[] = [
  { tab: 'questionnaire', label: 'Questionnaire' },
  { tab: 'profile', label: 'Profile' },
  { tab: 'findings', label: 'Findings' },
  { tab: 'evidence', label: 'Evidence' },
  { tab: 'history', label: 'History' },
];

/** Open findings beside the tab's name (overdue ones in the danger colour). */
function OpenFindingsCount({ vendorId }: { vendorId: string }) {
  const open = useVetted((s) =>
    s.findingsVendorId === vendorId ? s.findings.filter((f) => f.effectiveStatus === 'open' || f.effectiveStatus === 'in_progress').length : 0,
  );
  const overdue = useVetted((s) => (s.findingsVendorId === vendorId ? s.findings.some((f) => f.overdue) : false));
  if (open === 0) return null;
  return (
    <span className={overdue ? 'tab-count is-overdue' : 'tab-count'} data-testid="open-findings-count">
      {open}
      <span className="visually-hidden"> open{overdue ? ', some overdue' : ''}</span>
    </span>
  );
}

/** Export PDF: the review report of the provider's latest review. */
function ReportExport({ vendor }: { vendor: Vendor }) {
  const hasReview = useVetted((s) => s.review !== null);
  const busy = useVetted((s) => isExporting(s, `vendor:${vendor.id}`));
  const exportReport = useVetted((s) => s.exportVendorReport);
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const checkId = useId();
  return (
    <div className="report-export">
      <ExportButton
        label="Export PDF"
        busy={busy}
        onExport={() => void exportReport(vendor.id, { includeConfidential })}
        unavailable={hasReview ? undefined : 'No review yet: answer a question to start one, then export its report.'}
        description={`The latest review as a PDF report, with its score and risk tier${includeConfidential ? ', confidential comments included' : ''}.`}
        busyAnnouncement={`Exporting the review report of ${vendor.name}…`}
        testId="export-pdf"
      />
      {hasReview && (
        <label className="check report-confidential" htmlFor={checkId}>
          <input id={checkId} type="checkbox" checked={includeConfidential} onChange={(e) => setIncludeConfidential(e.target.checked)} />
          Include confidential comments
        </label>
      )}
    </div>
  );
}
