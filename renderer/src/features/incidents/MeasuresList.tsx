// The incident measures over the chosen period in plain words, each with the number of incidents
// it rests on, and "not measured" (with why) where the record holds nothing to measure.
import type { ReactNode } from 'react';
import type { TransparencyMeasures } from '../../../../shared/domain/incidents';
import { POSTMORTEM_GRACE_DAYS } from '../../../../shared/domain/incidents';
import { IMPACT_ORDER, IMPACT_SYMBOLS, impactLabel } from './impact';
import { availabilityText, countOf, impactCounts, minutesText, monthText, over, shareText } from './measureWords';

/** "— Not measured: …" (the dash and the words, so an empty measure is never just blank). */
function NotMeasured({ why }: { why: string }) {
  return (
    <span className="measure-none">
      <span aria-hidden="true">— </span>Not measured: {why}
    </span>
  );
}

function Measure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="measure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const rate = (n: number) => (n === 0 ? '0' : n >= 10 ? n.toFixed(0) : n >= 0.1 ? n.toFixed(1) : n.toFixed(2));

export function MeasuresList({ measures: m, periodWords }: { measures: TransparencyMeasures; periodWords: string }) {
  const none = m.total === 0;
  const noIncidents = `no incident on record in ${periodWords}.`;
  return (
    <dl className="measures" data-testid="measures">
      <Measure label="Incidents" testId="measure-incidents">
        {none ? (
          <>None on record in {periodWords}.</>
        ) : (
          <>
            <strong>{countOf(m.total, 'incident')}</strong> started in {periodWords}: {impactCounts(m.byImpact, m.impactUnknown)}.
            {(m.open > 0 || m.notOnStatusPage > 0 || m.impactUnknown > 0) && (
              <span className="measure-note">
                {m.open > 0 && `${m.open} still open. `}
                {m.notOnStatusPage > 0 && `${countOf(m.notOnStatusPage, 'incident')} never shown on their status page. `}
                {m.impactUnknown > 0 && 'A history feed gives no impact: its incidents count in the total only, in nothing the impact decides.'}
              </span>
            )}
          </>
        )}
      </Measure>
      <Measure label="Time to first public update" testId="measure-first-update">
        {m.firstUpdate.median === null ? (
          <NotMeasured
            why={
              none
                ? noIncidents
                : m.firstUpdate.notMeasured > 0 && m.firstUpdate.withoutUpdate === 0
                  ? 'the incidents come from a feed or an Instatus page, which give no start apart from the first post.'
                  : 'no incident in the period has a first public update on record.'
            }
          />
        ) : (
          <>
            Median <strong>{minutesText(m.firstUpdate.median)}</strong>
            {m.firstUpdate.p90 !== null && (
              <>
                , 90th percentile <strong>{minutesText(m.firstUpdate.p90)}</strong>
              </>
            )}{' '}
            <span className="measure-over">{over(m.firstUpdate.measured)}</span>
            {(m.firstUpdate.withoutUpdate > 0 || m.firstUpdate.notMeasured > 0) && (
              <span className="measure-note">
                {m.firstUpdate.withoutUpdate > 0 && `${countOf(m.firstUpdate.withoutUpdate, 'incident')} had no public update. `}
                {m.firstUpdate.notMeasured > 0 &&
                  `${countOf(m.firstUpdate.notMeasured, 'incident')} from a feed or an Instatus page, which give no start apart from the first post: not measured.`}
              </span>
            )}
          </>
        )}
      </Measure>
      <Measure label="Median time to resolve" testId="measure-resolve">
        {none ? (
          <NotMeasured why={noIncidents} />
        ) : (
          <ul className="measure-impacts">
            {IMPACT_ORDER.map((impact) => {
              const r = m.timeToResolve[impact];
              return (
                <li key={impact}>
                  <span className={`impact-symbol impact-${impact}`} aria-hidden="true">
                    {IMPACT_SYMBOLS[impact]}
                  </span>{' '}
                  {impactLabel(impact)}:{' '}
                  {r.median === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      <strong>{minutesText(r.median)}</strong> <span className="measure-over">{over(r.measured)}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Measure>
      <Measure label="Postmortems" testId="measure-postmortems">
        {m.postmortems.due === 0 || m.postmortems.share === null ? (
          <NotMeasured why={`no major or critical incident was resolved at least ${POSTMORTEM_GRACE_DAYS} days before the end of the period.`} />
        ) : (
          <>
            <strong>{shareText(m.postmortems.share)}</strong>: {m.postmortems.published} of {countOf(m.postmortems.due, 'major or critical incident', 'major or critical incidents')} have one
            {m.postmortems.medianDaysToPublish !== null ? (
              <>
                , published a median <strong>{countOf(Math.round(m.postmortems.medianDaysToPublish), 'day')}</strong> after it ended.
              </>
            ) : (
              '.'
            )}
          </>
        )}
      </Measure>
      <Measure label="Updates while open" testId="measure-updates">
        {m.updatesPerIncidentHour === null ? (
          <NotMeasured why={none ? noIncidents : 'no incident was open long enough to count.'} />
        ) : (
          <>
            <strong>{rate(m.updatesPerIncidentHour)}</strong> public updates per hour an incident was open <span className="measure-over">{over(m.total)}</span>
          </>
        )}
      </Measure>
      <Measure label="Longest silence" testId="measure-silence">
        {m.longestSilence === null ? (
          <NotMeasured why={none ? noIncidents : 'no incident has updates on record to measure between.'} />
        ) : (
          <>
            <strong>{minutesText(m.longestSilence.minutes)}</strong> without a public update, during “{m.longestSilence.title}”
          </>
        )}
      </Measure>
      <Measure label="Estimated availability" testId="measure-availability">
        {m.availability === null ? (
          <NotMeasured why={none ? noIncidents : 'no incident in the period has an impact given (a history feed gives none).'} />
        ) : (
          <>
            <strong>{availabilityText(m.availability.percent)}</strong> over the period
            {m.availability.worstMonth && (
              <>
                ; worst month <strong>{monthText(m.availability.worstMonth.month)}</strong> at {availabilityText(m.availability.worstMonth.percent)}
              </>
            )}
            .
            <span className="measure-note">
              Major and critical incidents count as down for as long as they lasted
              {m.availability.componentsUsed.length > 0 ? `, on the components you use (${m.availability.componentsUsed.join(', ')}).` : ', on any component.'}
            </span>
          </>
        )}
      </Measure>
    </dl>
  );
}
