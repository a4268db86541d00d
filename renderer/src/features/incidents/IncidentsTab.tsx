// The provider's "Incidents" tab: its incident record as a timeline and a list (newest first),
// the transparency measured from it over a chosen period, the review's incident answers held
// against it, and the ways in: typed in, a saved status page file, or the one refresh that goes
// online. Built like the Maintenance tab (the record in the main column, checks and import beside).
import { useId, useState } from 'react';
import type { IncidentView } from '../../../../shared/api';
import type { Vendor } from '../../../../shared/domain/vendor';
import { api } from '../../api/client';
import { ListStatus } from '../../components/ListStatus';
import { useListEditing } from '../../components/useListEditing';
import { ConfirmDialog } from '../findings/ConfirmDialog';
import { ComponentsChooser } from './ComponentsChooser';
import { ImportStatusFile } from './ImportStatusFile';
import { IncidentClaims } from './IncidentClaims';
import { IncidentDialog } from './IncidentDialog';
import { IncidentItem } from './IncidentItem';
import { IncidentTimeline } from './IncidentTimeline';
import { MeasuresList } from './MeasuresList';
import { DEFAULT_PERIOD, PERIODS, periodWords, type PeriodKey } from './periods';
import { RefreshStatus } from './RefreshStatus';
import { usePeriodTransparency } from './usePeriodTransparency';
import { refreshTransparency, useTransparency } from './useTransparency';
import { useVendorIncidents } from './useVendorIncidents';

/** The period chosen stays while the app runs (a glance at 24 months, then back to the provider list). */
let rememberedPeriod: PeriodKey = DEFAULT_PERIOD;

export function IncidentsTab({ vendor }: { vendor: Vendor }) {
  const headingId = useId();
  const measuresId = useId();
  const listHeadingId = useId();
  const periodName = useId();
  // A new read on every visit of the tab (the questionnaire shares the 12 months afterwards).
  const [visit] = useState(() => ({}));
  const [period, setPeriodState] = useState<PeriodKey>(rememberedPeriod);
  const [version, setVersion] = useState(0);
  const { incidents, loading, error, reload } = useVendorIncidents(vendor.id);
  const shared = useTransparency(vendor.id, vendor, visit);
  const other = usePeriodTransparency(vendor.id, period, version);
  const shown = period === DEFAULT_PERIOD ? shared.transparency : other.transparency;
  const shownError = period === DEFAULT_PERIOD ? shared.error : other.error;
  const [now, setNow] = useState(() => Date.now());

  /** Everything read again after a change to the record or its settings. */
  const changed = async () => {
    setVersion((v) => v + 1);
    setNow(Date.now());
    refreshTransparency(vendor.id);
    await reload();
  };

  const { heading, done, setDone, deleting, edit, askDelete, dialog, confirm } = useListEditing<IncidentView>({
    nameOf: (i) => i.title,
    remove: (i) => api['incident.delete']({ id: i.id }),
    reload: changed,
  });

  const setPeriod = (p: PeriodKey) => {
    rememberedPeriod = p;
    setPeriodState(p);
  };

  const words = periodWords(period);

  return (
    <section className="evidence-panel incidents-tab" aria-labelledby={headingId}>
      <div className="maintenance-main incidents-main">
        <div className="maintenance-head">
          <h2 id={headingId}>Incident record</h2>
          <button type="button" className="button button-primary" onClick={() => edit('new')}>
            Add incident
          </button>
        </div>
        <p className="save-note save-saved maintenance-done" role="status">
          {done}
        </p>

        <section className="incident-overview" aria-labelledby={measuresId}>
          <div className="incident-overview-head">
            <h3 id={measuresId}>Measured from the record</h3>
            <fieldset className="period-choice">
              <legend className="visually-hidden">Period</legend>
              <span className="period-label" aria-hidden="true">
                Period
              </span>
              {PERIODS.map((p) => (
                <label key={p.key} className={period === p.key ? 'period-option is-chosen' : 'period-option'}>
                  <input type="radio" name={periodName} value={p.key} checked={period === p.key} onChange={() => setPeriod(p.key)} />
                  {p.label}
                </label>
              ))}
            </fieldset>
          </div>
          {shown ? (
            <>
              <IncidentTimeline incidents={incidents} period={shown.measures.period} now={now} />
              <MeasuresList measures={shown.measures} periodWords={words} />
            </>
          ) : shownError ? (
            <p className="form-error" role="alert">
              The measures could not be read: {shownError.message}
            </p>
          ) : (
            <p className="muted loading" role="status">
              Measuring {words}…
            </p>
          )}
        </section>

        <h3 id={listHeadingId} ref={heading} tabIndex={-1} className="incident-list-heading">
          Incidents{incidents.length > 0 ? ` (${incidents.length})` : ''}
        </h3>
        <ListStatus
          noun="incidents"
          loading={loading}
          error={error}
          reload={reload}
          empty={
            incidents.length === 0 && (
              <div className="evidence-empty">
                <p>No incidents on record.</p>
                <p className="muted">
                  Import a file saved from the provider’s status page, refresh from it, or add an incident by hand — including one your
                  team lived through that the status page never showed. The review’s answers on incident transparency are then held
                  against the record.
                </p>
              </div>
            )
          }
        />
        {incidents.length > 0 && (
          <ul className="evidence-list incident-list" aria-labelledby={listHeadingId}>
            {incidents.map((i) => (
              <IncidentItem key={i.id} item={i} onEdit={edit} onDelete={askDelete} />
            ))}
          </ul>
        )}
      </div>
      <aside className="maintenance-side" aria-label="Checks and import">
        <IncidentClaims vendorId={vendor.id} transparency={shown} loading={shown === null && shownError === null} periodWords={words} />
        <ComponentsChooser vendorId={vendor.id} transparency={shared.transparency} onSaved={() => void changed()} />
        <RefreshStatus
          vendor={vendor}
          transparency={shared.transparency}
          onRefreshed={() => {
            setDone(null);
            void changed();
          }}
        />
        <ImportStatusFile
          vendorId={vendor.id}
          vendorName={vendor.name}
          onImported={() => {
            setDone(null);
            void changed();
          }}
        />
      </aside>
      <IncidentDialog vendorId={vendor.id} {...dialog} />
      <ConfirmDialog
        {...confirm}
        title="Delete this incident?"
        message={
          deleting
            ? deleting.source === 'entered'
              ? `“${deleting.title}” is removed from ${vendor.name}’s incident record. This cannot be undone.`
              : `“${deleting.title}” is removed from ${vendor.name}’s incident record. It came from their status page; a later import or refresh leaves it out.`
            : ''
        }
        confirmLabel="Delete incident"
      />
    </section>
  );
}
