// Whether the register goes on beyond the left or right edge of its scroll box (the shade that
// says the table scrolls sideways). Scrolling never reads layout for it: an IntersectionObserver
// watches the first and last header cells instead, so a vertical scroll step costs nothing here
// (reading scrollLeft in a scroll handler forced a layout of the new rows on every step).
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

export interface SideScrollCues {
  /** Columns lie beyond the right edge. */
  moreRight: boolean;
  /** Columns lie beyond the left edge. */
  moreLeft: boolean;
}

const NONE: SideScrollCues = { moreRight: false, moreLeft: false };
/** A pixel of slack: zoomed layouts round scroll positions. */
const SLACK_PX = 1;

const same = (a: SideScrollCues, b: SideScrollCues) => a.moreRight === b.moreRight && a.moreLeft === b.moreLeft;

/** The header row's first and last cells, whose visibility tells whether columns lie beyond an edge. */
function edgeCells(scroller: HTMLElement): [Element, Element] | null {
  const cells = scroller.querySelector('thead tr')?.children;
  return cells && cells.length > 0 ? [cells[0]!, cells[cells.length - 1]!] : null;
}

/**
 * `columnsKey` names the columns shown: when they change, the cues are measured again before
 * paint and the observer follows the new edge cells.
 */
export function useSideScrollCues(ref: RefObject<HTMLElement | null>, columnsKey: string): SideScrollCues {
  const [cues, setCues] = useState<SideScrollCues>(NONE);
  const update = (next: SideScrollCues) => setCues((current) => (same(current, next) ? current : next));

  // When the columns change (not while scrolling): read once, before paint, so the frame that shows
  // the new columns already has the right shade.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    update({
      moreRight: element.scrollLeft + element.clientWidth < element.scrollWidth - SLACK_PX,
      moreLeft: element.scrollLeft > SLACK_PX,
    });
  }, [ref, columnsKey]);

  // Sideways scrolling and resizing: a header cell at an edge is cut (more than the slack) exactly
  // when there are columns beyond that edge. The header row is sticky, so it is always in view
  // vertically.
  useEffect(() => {
    const scroller = ref.current;
    const edges = scroller && edgeCells(scroller);
    if (!scroller || !edges) return;
    const [first, last] = edges;
    const cut = new Map<Element, boolean>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) cut.set(entry.target, entry.intersectionRatio < 1);
        update({ moreLeft: cut.get(first) ?? false, moreRight: cut.get(last) ?? false });
      },
      // The root grown by the slack sideways: a cell cut by less than a pixel counts as whole.
      { root: scroller, rootMargin: `0px ${SLACK_PX}px`, threshold: 1 },
    );
    observer.observe(first);
    if (last !== first) observer.observe(last);
    return () => observer.disconnect();
  }, [ref, columnsKey]);

  return cues;
}
