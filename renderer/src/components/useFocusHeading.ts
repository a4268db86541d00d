import { useEffect, useRef } from 'react';

/** Moves focus to a page's heading when `key` changes, so a route change is announced. */
export function useFocusHeading<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    // Not on the very first page load: focus starts at the top of the document there.
    if (!document.body.dataset.navigated) {
      document.body.dataset.navigated = 'yes';
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}
