// One provider's row of the calendar grid: its name (critical path marked with a symbol and words,
// never colour alone) and its bars, each a link to the provider's Maintenance tab whose accessible
// name says it all. A bar's colour gives the impact, a dashed edge "tentative", ⚠ plus another
// colour an overlap with another provider. In the week view a narrow bar has its time and title
// beside it. Memoised: moving the keyboard focus re-renders two rows, not all of them.
import { Fragment, memo } from 'react';
import { hrefs } from '../../app/router';
import type { BarDescription } from './barText';
import type { Bar, CalendarRow } from './calendarModel';

/** A bar this wide (percent of the span) holds its title; a narrower one has it beside it (week view). */
const TEXT_INSIDE = 8;
/** Room (percent) a label beside a bar needs to say anything, and to say it all ("10:00–12:00 Patching"). */
const LABEL_ROOM = 4;
const LABEL_FULL = 13;

/** Where a narrow bar's label goes: after it when there is room, else on the roomier side; null: nowhere. */
function labelSide(bar: Bar): 'after' | 'before' | null {
  if (bar.room >= LABEL_FULL || (bar.room >= bar.roomBefore && bar.room >= LABEL_ROOM)) return 'after';
  return bar.roomBefore >= LABEL_ROOM ? 'before' : null;
}

export interface RowProps {
  row: CalendarRow;
  rowIndex: number;
  top: number;
  /** The bar of this row holding the grid's tab stop, if any. */
  tabKey: string | null;
  describe(bar: Bar): BarDescription;
  emptyText: string;
  /** Narrow bars get their time and title beside them (the week view has the room; a month has not). */
  labelsBeside: boolean;
}

export const RowView = memo(function RowView({ row, rowIndex, top, tabKey, describe, emptyText, labelsBeside }: RowProps) {
  const href = hrefs.maintenance(row.vendorId);
  return (
    <div role="row" aria-rowindex={rowIndex + 2} className="cal-row cal-body-row" data-vendor-id={row.vendorId} style={{ transform: `translateY(${top}px)` }}>
      <div role="rowheader" className="cal-name-cell">
        <span className="cal-name" title={row.vendorName}>
          {row.vendorName}
        </span>
        {row.criticalPath && (
          <span className="cal-critical">
            <span aria-hidden="true">◆ </span>Critical path
          </span>
        )}
      </div>
      <div role="gridcell" className="cal-track">
        {row.bars.length === 0 && <span className="cal-track-empty">{emptyText}</span>}
        {row.bars.map((bar) => {
          const d = describe(bar);
          const inside = bar.width >= TEXT_INSIDE;
          const classes = [
            'cal-bar',
            `cal-impact-${bar.window.impact}`,
            bar.window.status === 'tentative' ? 'cal-tentative' : '',
            bar.overlaps ? 'cal-overlap' : '',
            bar.clippedStart ? 'cal-clip-start' : '',
            bar.clippedEnd ? 'cal-clip-end' : '',
          ];
          return (
            <Fragment key={bar.key}>
              <a
                href={href}
                className={classes.filter(Boolean).join(' ')}
                style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                tabIndex={bar.key === tabKey ? 0 : -1}
                aria-label={d.label}
                data-bar-key={bar.key}
                data-overlap={bar.overlaps ? 'true' : undefined}
              >
                {bar.overlaps && (
                  <span className="cal-bar-mark" aria-hidden="true">
                    ⚠
                  </span>
                )}
                {inside && (
                  <span className="cal-bar-text" aria-hidden="true">
                    {d.clock} {bar.window.title}
                  </span>
                )}
              </a>
              {!inside && labelsBeside && <BarLabel bar={bar} text={`${d.clock} ${bar.window.title}`} />}
            </Fragment>
          );
        })}
      </div>
    </div>
  );
});

/**
 * A narrow bar's time and title beside it, up to the next bar: after it (a bar is drawn at least
 * 14px wide, so the label starts after that), or before it, right-aligned, when that side has more room.
 */
function BarLabel({ bar, text }: { bar: Bar; text: string }) {
  const side = labelSide(bar);
  if (side === null) return null;
  const style =
    side === 'after'
      ? { left: `calc(${bar.left}% + max(${bar.width}%, 14px) + 5px)`, maxWidth: `calc(${bar.room}% - 10px)` }
      : { right: `calc(${100 - bar.left}% + 5px)`, maxWidth: `calc(${bar.roomBefore}% - 10px)` };
  return (
    <span className={`cal-bar-label cal-bar-label-${side}`} aria-hidden="true" style={style}>
      {text}
    </span>
  );
}
