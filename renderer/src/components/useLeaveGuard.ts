import { useEffect } from 'react';
import { inElectron } from '../api/client';

/**
 * While a form holds changes that are not saved: a browser asks before the page is closed or
 * reloaded (in Electron a cancelled unload would silently keep the window open, so it does not),
 * and following an in-app link (tabs, back link, header) asks first, in `message`.
 * Browser Back and menu commands are not intercepted.
 */
export function useLeaveGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!inElectron) event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
      if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
      if (link.getAttribute('href') === window.location.hash) return; // stays on this page
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onLeave);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}
