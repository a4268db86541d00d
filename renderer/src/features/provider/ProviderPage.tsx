import { useEffect } from 'react';
import type { ProviderTab } from '../../app/router';
import { IncidentsTab } from '../incidents/IncidentsTab';
import { MaintenanceTab } from '../maintenance/MaintenanceTab';
import { UpstreamsTab } from '../upstreams/UpstreamsTab';
import { BackLink } from '../../components/BackLink';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useVetted } from '../../store';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { AnswerFindingDialog } from '../findings/AnswerFindingDialog';
import { FindingsPage } from '../findings/FindingsPage';
import { HistoryPage } from '../history/HistoryPage';
import { ProfileForm } from '../profile/ProfileForm';
import { Questionnaire } from '../questionnaire/Questionnaire';
import { ProviderHeader } from './ProviderHeader';

export function ProviderPage({ id, tab }: { id: string; tab: ProviderTab }) {
  const openProvider = useVetted((s) => s.openProvider);
  const flushAll = useVetted((s) => s.flushAllAnswers);
  const status = useVetted((s) => (s.vendorId === id ? s.providerStatus : 'loading'));
  const error = useVetted((s) => s.providerError);
  const vendor = useVetted((s) => s.vendor);
  const reviewId = useVetted((s) => s.review?.id ?? null);
  const loadFindings = useVetted((s) => s.loadFindings);
  // Keyed on the status too: the heading only exists once the provider is loaded.
  const heading = useFocusHeading<HTMLHeadingElement>(`${id}/${tab}/${status}`);

  useEffect(() => {
    void openProvider(id);
    return () => flushAll();
  }, [id, openProvider, flushAll]);

  // The questionnaire shows each question's finding, so findings load with the provider.
  useEffect(() => {
    void loadFindings(id);
  }, [id, loadFindings]);

  useEffect(() => {
    if (vendor) document.title = `${vendor.name} — Vetted`;
  }, [vendor]);

  // Unsent answers on unload: useUnsavedAnswersGuard (mounted by the app on every page).

  if (status === 'error') {
    const missing = error?.code === 'not_found';
    return (
      <div className="page page-narrow">
        <BackLink />
        <h1 ref={heading} tabIndex={-1}>
          {missing ? 'Provider not found' : 'This provider could not be opened'}
        </h1>
        <p className="muted">{missing ? 'It may have been deleted from the register.' : error?.message}</p>
        {!missing && (
          <button type="button" className="button" onClick={() => void openProvider(id)}>
            Try again
          </button>
        )}
      </div>
    );
  }

  if (status !== 'ready' || !vendor) {
    return (
      <div className="page">
        <BackLink />
        <p className="muted loading" role="status">
          Loading provider…
        </p>
      </div>
    );
  }

  return (
    <div className="page provider-page">
      <ProviderHeader vendor={vendor} tab={tab} headingRef={heading} />
      {tab === 'questionnaire' && <Questionnaire />}
      {tab === 'questionnaire' && <AnswerFindingDialog />}
      {tab === 'profile' && <ProfileForm key={vendor.id} />}
      {tab === 'findings' && <FindingsPage vendor={vendor} />}
      {tab === 'evidence' && <EvidencePanel vendorId={vendor.id} reviewId={reviewId} />}
      {tab === 'maintenance' && <MaintenanceTab vendor={vendor} />}
      {tab === 'incidents' && <IncidentsTab vendor={vendor} />}
      {tab === 'upstreams' && <UpstreamsTab vendor={vendor} />}
      {tab === 'history' && <HistoryPage vendor={vendor} />}
    </div>
  );
}
