// One incident on the provider's Incidents tab: its impact (symbol and words), when it started,
// when the provider first said something and when it was resolved, where it comes from, the
// components, the postmortem; every public update on demand. The provider's words are shown as
// plain text, never as markup.
import { useId, useState } from 'react';
import type { IncidentView } from '../../../../shared/api';
import { INCIDENT_SOURCE_LABELS, labelOf } from '../../../../shared/domain/labels';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { IMPACT_SYMBOLS, impactLabel, laneOf } from './impact';
import { instantText } from './instants';
import { minutesBetween, minutesText } from './measureWords';

interface Props {
  item: IncidentView;
  onEdit(item: IncidentView): void;
  onDelete(item: IncidentView): void;
}

const isWebLink = (s: string | null): s is string => s !== null && /^https?:\/\//i.test(s);

export function IncidentItem({ item, onEdit, onDelete }: Props) {
  const titleId = useId();
  const updatesId = useId();
  const [open, setOpen] = useState(false);
  const firstAfter = minutesBetween(item.startedAt, item.firstUpdateAt);
  // A feed or an Instatus page gives no start apart from the first post: the wait is not known.
  const waitKnown = item.source !== 'feed' && item.source !== 'instatus';
  const lasted = minutesBetween(item.startedAt, item.resolvedAt);
  const isOpen = item.resolvedAt === null;
  const pm = item.postmortem;
  const lane = laneOf(item);
  return (
    <li
      className={`incident-item impact-${lane}${isOpen ? ' is-open' : ''}`}
      aria-labelledby={titleId}
      data-testid="incident-item"
      data-impact={lane}
    >
      <div className="evidence-head">
        <div className="evidence-name">
          <span className="evidence-kind">{labelOf(INCIDENT_SOURCE_LABELS, item.source)}</span>
          <h4 id={titleId} className="evidence-title">
            {item.title}
          </h4>
        </div>
        <div className="window-badges">
          {!item.onStatusPage && (
            <span className="window-badge badge-not-on-page" data-testid="not-on-status-page">
              <span aria-hidden="true">!</span>Not on their status page
            </span>
          )}
          {isOpen && <span className="window-badge badge-open">Open</span>}
          <span
            className={`window-badge incident-impact-badge impact-${lane}`}
            title={lane === 'unknown' ? 'Their history feed does not say how bad it was.' : undefined}
          >
            <span className="impact-symbol" aria-hidden="true">
              {IMPACT_SYMBOLS[lane]}
            </span>
            {impactLabel(lane)}
          </span>
        </div>
      </div>
      <dl className="window-facts incident-facts">
        <div>
          <dt>Started</dt>
          <dd>{instantText(item.startedAt)}</dd>
        </div>
        <div>
          <dt>First public update</dt>
          <dd data-testid="incident-first-update">
            {item.firstUpdateAt === null ? (
              <span className="muted">None on record</span>
            ) : (
              <>
                {instantText(item.firstUpdateAt)}{' '}
                {waitKnown ? <span className="incident-after">(+{minutesText(Math.max(0, firstAfter ?? 0))})</span> : <span className="incident-after">(the start as the source gives it)</span>}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Resolved</dt>
          <dd>
            {isOpen ? (
              <strong className="incident-open-text">Open</strong>
            ) : (
              <>
                {instantText(item.resolvedAt)} <span className="incident-after">(after {minutesText(lasted ?? 0)})</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Components</dt>
          <dd>{item.components.length === 0 ? <span className="muted">Not named</span> : item.components.join(', ')}</dd>
        </div>
        <div className="window-fact-wide">
          <dt>Postmortem</dt>
          <dd>
            {pm === null ? (
              <span className="muted">None on record</span>
            ) : (
              <>
                {isWebLink(pm.link) ? (
                  <a href={pm.link} target="_blank" rel="noreferrer noopener">
                    Read the postmortem<span className="visually-hidden"> of {item.title}</span>
                  </a>
                ) : (
                  'On record'
                )}
                {pm.publishedAt && <span className="incident-after"> (published {instantText(pm.publishedAt, { zone: false })})</span>}
              </>
            )}
          </dd>
        </div>
      </dl>
      {pm !== null && pm.text !== '' && <p className="evidence-notes incident-postmortem-text">{pm.text}</p>}
      {item.notes && <p className="evidence-notes">{item.notes}</p>}
      {item.updates.length > 0 && (
        <div className="incident-updates">
          <button type="button" className="link-button" aria-expanded={open} aria-controls={updatesId} onClick={() => setOpen(!open)}>
            {open ? 'Hide the updates' : item.updates.length === 1 ? 'Show the 1 public update' : `Show all ${item.updates.length} public updates`}
          </button>
          <ol id={updatesId} className="incident-update-list" hidden={!open} aria-label={`Public updates of ${item.title}`}>
            {open &&
              item.updates.map((u, i) => (
                <li key={i} className="incident-update">
                  <span className="incident-update-when">{instantText(u.at)}</span>
                  {u.status && <span className="incident-update-status">{u.status}</span>}
                  <p className="incident-update-text">{u.text}</p>
                </li>
              ))}
          </ol>
        </div>
      )}
      <div className="evidence-actions">
        {isWebLink(item.link) && (
          <a className="button button-small" href={item.link} target="_blank" rel="noreferrer noopener" aria-describedby={titleId}>
            Open on their page
          </a>
        )}
        <EditDeleteButtons item={item} describedBy={titleId} onEdit={onEdit} onDelete={onDelete} />
      </div>
    </li>
  );
}
