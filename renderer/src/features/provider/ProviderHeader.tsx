import type { Ref } from 'react';
import type { Vendor } from '../../../../shared/domain/vendor';
import { hrefs, type ProviderTab } from '../../app/router';
import { BackLink } from '../../components/BackLink';
import { ExportButton } from '../../components/ExportButton';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { CompareWithButton } from '../compare/CompareWithDialog';
import { ReportExportDialog } from '../exports/ReportExportDialog';
import { ReportOutcomePanel } from '../exports/ReportOutcomePanel';

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
      <ReportOutcomePanel vendorId={vendor.id} />
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
  { tab: 'maintenance', label: 'Maintenance' },
  { tab: 'incidents', label: 'Incidents' },
  { tab: 'upstreams', label: 'Upstreams' },
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

/** Export PDF…: opens the review report's options (which review, confidential comments). */
function ReportExport({ vendor }: { vendor: Vendor }) {
  const hasReview = useVetted((s) => s.review !== null);
  const busy = useVetted((s) => isExporting(s, `vendor:${vendor.id}`));
  const openExportDialog = useVetted((s) => s.openExportDialog);
  return (
    <>
      <ExportButton
        label="Export PDF…"
        busy={busy}
        onExport={() => openExportDialog('report')}
        unavailable={hasReview ? undefined : 'No review yet: answer a question to start one, then export its report.'}
        description="The review report as a PDF: the decided review, or the one in progress marked DRAFT."
        busyAnnouncement={`Exporting the review report of ${vendor.name}…`}
        testId="export-pdf"
      />
      {hasReview && <ReportExportDialog vendor={vendor} />}
    </>
  );
}
