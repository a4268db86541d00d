import { useVetted } from '../../store';
import { ExportOutcomePanel } from './ExportOutcomePanel';

/** After this provider's review report was exported: which review it shows, and its warnings. */
export function ReportOutcomePanel({ vendorId }: { vendorId: string }) {
  const outcome = useVetted((s) => (s.reportOutcome?.vendorId === vendorId ? s.reportOutcome : null));
  const dismiss = useVetted((s) => s.dismissExportOutcome);
  if (!outcome) return null;
  return (
    <ExportOutcomePanel
      title="Review report exported"
      fileName={outcome.fileName}
      warnings={outcome.warnings}
      onDismiss={() => dismiss('report')}
      testId="report-outcome"
    >
      <p>
        {outcome.draft
          ? 'It shows the review in progress, marked DRAFT on every page.'
          : 'It shows the latest decided review, as it was signed off.'}
        {outcome.includeConfidential ? ' Confidential comments are included: share it inside the team only.' : ''}
      </p>
    </ExportOutcomePanel>
  );
}
