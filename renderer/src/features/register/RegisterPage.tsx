import { useEffect } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { AttentionPanel } from '../attention/AttentionPanel';
import { SubprocessorExportDialog } from '../exports/SubprocessorExportDialog';
import { SubprocessorOutcomePanel } from '../exports/SubprocessorOutcomePanel';
import { FirstLaunchNamePrompt } from '../settings/FirstLaunchNamePrompt';
import { EmptyRegister } from './EmptyRegister';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';

export function RegisterPage() {
  const vendors = useVetted((s) => s.vendors);
  const loaded = useVetted((s) => s.registerLoaded);
  const loading = useVetted((s) => s.registerLoading);
  const error = useVetted((s) => s.registerError);
  const loadVendors = useVetted((s) => s.loadVendors);
  const openAddDialog = useVetted((s) => s.openAddDialog);
  const openExportDialog = useVetted((s) => s.openExportDialog);
  const exporting = useVetted((s) => isExporting(s, 'subprocessors'));
  const heading = useFocusHeading<HTMLHeadingElement>('register');

  useEffect(() => {
    void loadVendors();
  }, [loadVendors]);

  return (
    <div className="page register-page">
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Providers
          </h1>
          <p className="page-subtitle muted">The infrastructure services you build on, with their review scores and risk tiers.</p>
        </div>
        <div className="page-actions">
          {loaded && vendors.length > 0 && (
            <ExportButton
              label="Export subprocessor list…"
              busy={exporting}
              onExport={() => openExportDialog('subprocessors')}
              description="A PDF appendix for your privacy statement: the active, approved providers that process personal data, and who was left out."
              busyAnnouncement="Exporting the subprocessor list…"
              testId="export-subprocessors"
            />
          )}
          <button type="button" className="button button-primary" onClick={openAddDialog} data-testid="add-provider">
            Add provider
          </button>
        </div>
      </div>

      {!loaded && loading && <p className="muted loading">Loading providers…</p>}
      {!loaded && !loading && error && (
        <div className="empty-state">
          <h2>The register could not be loaded</h2>
          <p className="muted">{error.message}</p>
          <button type="button" className="button" onClick={() => void loadVendors()}>
            Try again
          </button>
        </div>
      )}
      {loaded && vendors.length === 0 && (
        <>
          <EmptyRegister />
          <FirstLaunchNamePrompt />
        </>
      )}
      {loaded && vendors.length > 0 && (
        <>
          <SubprocessorOutcomePanel />
          <SubprocessorExportDialog />
          <AttentionPanel version={vendors} />
          <RegisterFilters />
          <RegisterTable vendors={vendors} />
        </>
      )}
    </div>
  );
}
