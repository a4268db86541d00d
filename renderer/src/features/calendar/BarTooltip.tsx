// The details of the bar under the pointer or with the keyboard focus: the provider's own time and
// zone, UTC, the user's time, the impact and what it collides with. One tooltip for the whole grid
// (not one per bar), placed by the bar's box under it (above it near the window's bottom edge),
// and kept beside the bar while the page or the grid scrolls. The bar's accessible name already
// says all of this, so the tooltip is for the eye only.
import { useLayoutEffect, useRef } from 'react';
import type { BarDescription } from './barText';

interface Props {
  description: BarDescription;
  anchor(): HTMLElement | null;
  userZone: string;
}

const GAP = 6;

export function BarTooltip({ description, anchor, userZone }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const place = () => {
      const tip = ref.current;
      const bar = anchor();
      if (!tip) return;
      if (!bar) {
        tip.hidden = true;
        return;
      }
      tip.hidden = false;
      const box = bar.getBoundingClientRect();
      const width = tip.offsetWidth;
      const height = tip.offsetHeight;
      const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
      const below = box.bottom + GAP + height <= window.innerHeight - 8;
      tip.style.left = `${left}px`;
      tip.style.top = `${below ? box.bottom + GAP : box.top - GAP - height}px`;
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  });

  return (
    <div ref={ref} className="cal-tooltip" aria-hidden="true" data-testid="calendar-tooltip">
      <p className="cal-tooltip-heading">{description.heading}</p>
      <p>{description.providerTime}</p>
      {description.yourTime && (
        <p className="cal-tooltip-yours">
          Your time: {description.yourTime} {userZone}
        </p>
      )}
      <p className="cal-tooltip-notes">{description.notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1)).join(' · ')}</p>
      <p className="cal-tooltip-hint">Enter or click: open the provider’s Maintenance tab</p>
    </div>
  );
}
