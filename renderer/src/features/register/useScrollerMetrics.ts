// The register's scroll box as the column layout needs it: the width rows can use, and whether
// there is more of the table to the right (the cue that it scrolls sideways).
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface ScrollerMetrics {
  /** The box's inner width (without a vertical scrollbar); Infinity until measured. */
  width: number;
  /** Columns lie beyond the right edge. */
  moreRight: boolean;
  /** Columns lie beyond the left edge. */
  moreLeft: boolean;
}

export function useScrollerMetrics(ref: RefObject<HTMLElement | null>): ScrollerMetrics {
  const [metrics, setMetrics] = useState<ScrollerMetrics>({ width: Infinity, moreRight: false, moreLeft: false });

  // Measured before paint, so the first frame already has the columns that fit.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = {
        width: element.clientWidth,
        // A pixel of slack: zoomed layouts round scroll positions.
        moreRight: element.scrollLeft + element.clientWidth < element.scrollWidth - 1,
        moreLeft: element.scrollLeft > 1,
      };
      setMetrics((m) => (m.width === next.width && m.moreRight === next.moreRight && m.moreLeft === next.moreLeft ? m : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The table inside changes width when columns are shown or hidden.
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [ref]);

  return metrics;
}
