// One maintenance window on the provider's Maintenance tab: its schedule in words, impact,
// source and status, and for a scheduled maintenance when it was announced and the notice that gave.
import { useId } from 'react';
import type { WindowView } from '../../../../shared/api';
import { labelOf, WINDOW_IMPACT_LABELS, WINDOW_SOURCE_LABELS, WINDOW_STATUS_LABELS } from '../../../../shared/domain/labels';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { hoursText, instantIn, noticeOf } from './windowNotice';

interface Props {
  item: WindowView;
  promisedHours: number | null;
  minimumHours: number | null;
  onEdit(item: WindowView): void;
  onDelete(item: WindowView): void;
}

export function WindowItem({ item, promisedHours, minimumHours, onEdit, onDelete }: Props) {
  const titleId = useId();
  const cancelled = item.status === 'cancelled';
  const ended = item.schedule.kind === 'once' && Date.parse(item.schedule.end) < Date.now();
  const notice = noticeOf(item, promisedHours, minimumHours);
  return (
    <li
      className={`window-item impact-${item.impact}${cancelled ? ' is-cancelled' : ''}`}
      aria-labelledby={titleId}
      data-testid="window-item"
      data-status={item.status}
    >
      <div className="evidence-head">
        <div className="evidence-name">
          <span className="evidence-kind">{item.schedule.kind === 'once' ? 'Scheduled maintenance' : 'Standing window'}</span>
          <h3 id={titleId} className="evidence-title">
            {item.title}
          </h3>
        </div>
        <div className="window-badges">
          {cancelled && <span className="window-badge badge-cancelled">Cancelled</span>}
          {item.status === 'tentative' && <span className="window-badge badge-tentative">Tentative</span>}
          {ended && !cancelled && <span className="window-badge badge-ended">Past</span>}
          <span className={`window-badge badge-impact-${item.impact}`}>{labelOf(WINDOW_IMPACT_LABELS, item.impact)}</span>
        </div>
      </div>
      {/* Struck through when cancelled, and the badge says so in words. */}
      <p className="window-words" data-testid="window-words">
        {cancelled ? <s>{item.words}</s> : item.words}
      </p>
      <dl className="window-facts">
        <div>
          <dt>Source</dt>
          <dd>{labelOf(WINDOW_SOURCE_LABELS, item.source)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{labelOf(WINDOW_STATUS_LABELS, item.status)}</dd>
        </div>
        {item.announcedAt && (
          <div className="window-fact-wide">
            <dt>Announced</dt>
            <dd>{instantIn(item.schedule.timeZone, item.announcedAt)}</dd>
          </div>
        )}
        {notice && (
          <div className="window-fact-wide">
            <dt>Notice given</dt>
            <dd data-testid="window-notice">
              {notice.hours < 0 ? `none: announced ${hoursText(notice.hours)} after it began` : hoursText(notice.hours)}
              {notice.shortOf && (
                <span className="notice-short">
                  <span aria-hidden="true">⚠ </span>
                  less than the {notice.shortOf.hours} hours {notice.shortOf.whose === 'promised' ? 'the provider promised' : 'required in Settings'}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {item.notes && <p className="evidence-notes">{item.notes}</p>}
      <div className="evidence-actions">
        <EditDeleteButtons item={item} describedBy={titleId} onEdit={onEdit} onDelete={onDelete} />
      </div>
    </li>
  );
}
