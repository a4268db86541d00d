// The Concentration page: where several providers of the register share one fourth party or one
// of its regions (by exposure, with what is left out), the blast radius of one going down, the
// signals that connect incidents and maintenance, and the register-wide PDF for the risk committee.
import { useEffect, useId, useState } from 'react';
import { hrefs } from '../../app/router';
import { ExportButton } from '../../components/ExportButton';
import { ListStatus } from '../../components/ListStatus';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { BlastRadiusPanel } from './BlastRadiusPanel';
import { ExposureTable } from './ExposureTable';
import { LeftOut } from './LeftOut';
import { SignalsPanel } from './SignalsPanel';
import { useConcentration } from './useConcentration';
import { percent } from './words';

export function ConcentrationPage() {
  const uid = useId();
  const [criticalOnly, setCriticalOnly] = useState(false);
  const { view, loading, error, reload } = useConcentration(criticalOnly);
  const heading = useFocusHeading<HTMLHeadingElement>(`concentration/${view !== null}`);
  const busy = useVetted((s) => isExporting(s, 'concentration'));
  const exportConcentration = useVetted((s) => s.exportConcentration);

  useEffect(() => {
    document.title = 'Concentration — Vetted';
  }, []);

  const parties = view?.concentration.parties ?? [];
  return (
    <div className="page concentration-page">
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Concentration
          </h1>
          <p className="page-subtitle muted">
            Fourth parties several of your providers run on: when one fails, they fail together.
            {view && ` As of ${view.asOf}.`}
          </p>
        </div>
        <div className="page-actions">
          <ExportButton
            label="Export PDF…"
            busy={busy}
            onExport={() => void exportConcentration()}
            unavailable={view && parties.length === 0 ? 'No fourth parties recorded yet: add them on each provider’s Upstreams tab.' : undefined}
            description="The register-wide concentration report for the risk committee, as of today."
            busyAnnouncement="Exporting the concentration report…"
            testId="export-concentration"
          />
        </div>
      </div>
      <ListStatus
        noun="concentration view"
        loading={loading}
        error={error}
        reload={reload}
        empty={
          view &&
          parties.length === 0 && (
            <div className="empty-state">
              <h2>No fourth parties on record</h2>
              <p className="muted">
                Record what each provider runs on (its cloud and regions, CDN, DNS…) on its Upstreams tab, or import its subprocessor
                list; this page then shows where they pile up. <a href={hrefs.register}>Go to the providers</a>.
              </p>
            </div>
          )
        }
      />
      {view && parties.length > 0 && (
        <>
          <section className="concentration-section" aria-labelledby={`${uid}-exposure`}>
            <div className="concentration-head">
              <h2 id={`${uid}-exposure`}>Exposure</h2>
              <div className="field field-check concentration-toggle">
                <input id={`${uid}-critical`} type="checkbox" checked={criticalOnly} onChange={(e) => setCriticalOnly(e.target.checked)} />
                <label htmlFor={`${uid}-critical`}>Critical path only</label>
              </div>
            </div>
            <p className="muted concentration-threshold">
              Marked when one fourth party or region carries more than {percent(view.threshold)} of the critical path (
              <a href={hrefs.settings}>Settings</a>).
            </p>
            <LeftOut c={view.concentration} />
            <ExposureTable view={view} />
          </section>
          <BlastRadiusPanel parties={parties} />
          <SignalsPanel />
        </>
      )}
    </div>
  );
}
