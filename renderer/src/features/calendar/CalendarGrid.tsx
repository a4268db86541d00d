// The calendar grid: one row per provider, time running across in the user's zone, each
// occurrence a bar (a link to the provider's Maintenance tab). An ARIA grid with one tab stop (a
// roving tabindex): ←/→ move to the previous/next window in the row, ↑/↓ to the nearest window
// in time of the provider above/below, Home/End to the row's first/last, Ctrl+Home/End to the
// grid's first/last, Page Up/Down by ten providers; Enter follows the link. Rows are virtualised
// (500 providers in a month stay a few dozen rows in the DOM); the row holding the tab stop is
// always rendered. Day lines, weekends and blackout stripes are one layer behind all rows.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Span } from '../../../../shared/domain/maintenance';
import { markAfterPaint } from '../register/markAfterPaint';
import { describeBar, type BarDescription } from './barText';
import { RowView } from './CalendarRow';
import { blackoutsDuring, overlapPartners, type Bar, type CalendarModel, type CalendarRow } from './calendarModel';
import type { VisibleRange } from './calendarRange';
import { BarTooltip } from './BarTooltip';
import { CALENDAR_PAINTED } from './paintMark';
import { TimeHeader, TimeBackdrop } from './TimeScale';

/** Fixed sizes (calendar.css uses the same): rows are positioned without measuring them. */
const ROW_HEIGHT = 36;
const HEAD_HEIGHT = 58;
const PAGE_ROWS = 10;

interface Props {
  model: CalendarModel;
  range: VisibleRange;
  userZone: string;
  now: number;
  label: string;
  hintId: string;
}

interface Located {
  row: number;
  index: number;
  bar: Bar;
}

/** The bar nearest in time to `t` in a row (the one running at `t`, else the closest start). */
function nearest(row: CalendarRow, t: number): number {
  let best = 0;
  let distance = Infinity;
  row.bars.forEach((b, i) => {
    const d = b.start <= t && t < b.end ? -1 : Math.abs(b.start - t);
    if (d < distance) {
      distance = d;
      best = i;
    }
  });
  return best;
}

export function CalendarGrid({ model, range, userZone, now, label, hintId }: Props) {
  const { rows } = model;
  const span: Span = range.span;
  // For bench/calendar-month.ts: when the grid for new data or a new range is on screen.
  useEffect(() => markAfterPaint(CALENDAR_PAINTED), [model]);

  const located = useMemo(() => {
    const map = new Map<string, Located>();
    rows.forEach((row, r) => row.bars.forEach((bar, index) => map.set(bar.key, { row: r, index, bar })));
    return map;
  }, [rows]);

  // Descriptions are built for the bars on screen only, once per model.
  const describe = useMemo(() => {
    const cache = new Map<string, BarDescription>();
    return (bar: Bar): BarDescription => {
      let d = cache.get(bar.key);
      if (!d) {
        d = describeBar(bar, userZone, overlapPartners(model, bar, span), blackoutsDuring(model, bar, span));
        cache.set(bar.key, d);
      }
      return d;
    };
  }, [model, userZone, span]);

  // The tab stop: the bar last focused, or the first bar of the first provider with one.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeLocated = activeKey ? located.get(activeKey) : undefined;
  const fallbackRow = rows.findIndex((r) => r.bars.length > 0);
  const tabStop: Located | null = activeLocated ?? (fallbackRow >= 0 ? { row: fallbackRow, index: 0, bar: rows[fallbackRow]!.bars[0]! } : null);
  const tabRow = tabStop?.row ?? -1;
  const pendingFocus = useRef(false);

  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);

  const rangeExtractor = useCallback(
    (r: Range) => {
      const indexes = defaultRangeExtractor(r);
      if (tabRow >= 0 && tabRow < r.count && !indexes.includes(tabRow)) {
        indexes.push(tabRow);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [tabRow],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.vendorId,
    overscan: 8,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    rangeExtractor,
  });

  const barElement = (key: string) => scrollRef.current?.querySelector<HTMLElement>(`[data-bar-key="${CSS.escape(key)}"]`) ?? null;

  // After a keyboard move: bring the bar's row into view and focus the bar.
  useLayoutEffect(() => {
    if (!pendingFocus.current || !tabStop) return;
    pendingFocus.current = false;
    virtualizer.scrollToIndex(tabStop.row, { align: 'auto' });
    barElement(tabStop.bar.key)?.focus({ preventScroll: true });
  });

  const moveTo = (row: number, index: number) => {
    const target = rows[row]?.bars[index];
    if (!target) return;
    pendingFocus.current = true;
    setDismissed(false);
    setActiveKey(target.key);
  };

  /** The next row from `row` in `step` direction that has a bar, going at least `min` rows; -1 when none. */
  const rowWithBars = (row: number, step: 1 | -1, min = 1): number => {
    for (let r = row + step * min; r >= 0 && r < rows.length; r += step) if (rows[r]!.bars.length > 0) return r;
    // Paging past the end: the last (or first) row with bars.
    if (min > 1) for (let r = step > 0 ? rows.length - 1 : 0; r !== row; r -= step) if (rows[r]!.bars.length > 0) return r;
    return -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey || !tabStop) return;
    const { row, index, bar } = tabStop;
    const bars = rows[row]!.bars;
    const vertical = (step: 1 | -1, min: number) => {
      const r = rowWithBars(row, step, min);
      if (r >= 0) moveTo(r, nearest(rows[r]!, bar.start));
    };
    switch (event.key) {
      case 'ArrowRight':
        moveTo(row, Math.min(index + 1, bars.length - 1));
        break;
      case 'ArrowLeft':
        moveTo(row, Math.max(index - 1, 0));
        break;
      case 'ArrowDown':
        vertical(1, 1);
        break;
      case 'ArrowUp':
        vertical(-1, 1);
        break;
      case 'PageDown':
        vertical(1, PAGE_ROWS);
        break;
      case 'PageUp':
        vertical(-1, PAGE_ROWS);
        break;
      case 'Home':
        if (event.ctrlKey) moveTo(rowWithBars(-1, 1), 0);
        else moveTo(row, 0);
        break;
      case 'End': {
        if (event.ctrlKey) {
          const last = rowWithBars(rows.length, -1);
          moveTo(last, (rows[last]?.bars.length ?? 1) - 1);
        } else moveTo(row, bars.length - 1);
        break;
      }
      case 'Escape':
        if (dismissed) return;
        setDismissed(true);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const keyOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest<HTMLElement>('[data-bar-key]')?.dataset.barKey ?? null) : null);

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const key = keyOf(event.target);
    setFocused(key);
    setDismissed(false);
    const found = key ? located.get(key) : undefined;
    if (found && found.bar.key !== activeKey) setActiveKey(found.bar.key);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
  };
  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => setHovered(keyOf(event.target));
  const onMouseLeave = () => setHovered(null);

  const shownKey = dismissed ? null : (hovered ?? focused);
  const shown = shownKey ? located.get(shownKey) : undefined;
  const items = virtualizer.getVirtualItems();
  const daysLabel = range.view === 'week' ? 'this week' : 'this month';

  return (
    <div className="cal-frame">
      <div className="cal-scroll" ref={scrollRef} data-testid="calendar-scroll">
        <div
          role="grid"
          className={`cal-grid cal-${range.view}`}
          aria-label={label}
          aria-describedby={hintId}
          aria-rowcount={rows.length + 1}
          aria-colcount={2}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
          onMouseOver={onMouseOver}
          onMouseLeave={onMouseLeave}
        >
          <div role="rowgroup" className="cal-head">
            <div role="row" aria-rowindex={1} className="cal-row cal-head-row">
              <div role="columnheader" className="cal-name-cell cal-name-head">
                Provider
              </div>
              <div role="columnheader" className="cal-time-head">
                <span className="visually-hidden">Time in {userZone}</span>
                <TimeHeader range={range} stripes={model.stripes} now={now} zone={userZone} />
              </div>
            </div>
          </div>
          <div role="rowgroup" className="cal-body" style={{ height: virtualizer.getTotalSize() }}>
            <TimeBackdrop range={range} stripes={model.stripes} now={now} zone={userZone} />
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <RowView
                  key={row.vendorId}
                  row={row}
                  rowIndex={item.index}
                  top={item.start - HEAD_HEIGHT}
                  tabKey={tabStop?.row === item.index ? tabStop.bar.key : null}
                  describe={describe}
                  emptyText={`No maintenance ${daysLabel}`}
                  labelsBeside={range.view === 'week'}
                />
              );
            })}
          </div>
        </div>
      </div>
      {shown && <BarTooltip description={describe(shown.bar)} anchor={() => barElement(shown.bar.key)} userZone={userZone} />}
    </div>
  );
}
