import { useEffect } from 'react';
import { inElectron } from '../api/client';
import { useVetted } from '../store';
import { hasUnsavedAnswers } from '../store/providerSlice';

/**
 * Answers not saved yet — typed text waiting for its pause, saves on their way, failed saves, of
 * the open provider or of one left behind — are sent when the page goes away (the HTTP bridge
 * sends them with keepalive, so they outlive the page), and a browser asks before closing.
 * Mounted by the app on every page: a provider left for the register may still be saving.
 */
export function useUnsavedAnswersGuard(): void {
  const flushAll = useVetted((s) => s.flushAllAnswers);
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedAnswers()) return;
      flushAll();
      // In Electron a cancelled unload would silently keep the window open; only browsers ask.
      if (!inElectron) event.preventDefault();
    };
    const onHide = () => flushAll();
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onHide);
    };
  }, [flushAll]);
}
