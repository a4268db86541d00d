// The width the register's rows can use: the scroll box's inner width (without a vertical
// scrollbar), for the column layout (columnLayout.ts). Read when the box is mounted and when it
// changes size, never while it scrolls.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** Infinity until measured. */
export function useScrollerWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(Infinity);

  // Measured before paint, so the first frame already has the columns that fit.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    // Its callback runs after layout: reading clientWidth there costs no extra layout.
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  return width;
}
