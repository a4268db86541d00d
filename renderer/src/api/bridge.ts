// What the Electron preload exposes as window.vetted: the API methods plus menu commands.
import type { VettedApi } from '../../../shared/api';
import type { MenuCommand } from '../../../shared/operations';

export type VettedBridge = VettedApi & {
  /** Main-process menu commands; returns an unsubscribe function. */
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
};

declare global {
  interface Window {
    vetted?: VettedBridge;
  }
}

export function electronBridge(): VettedBridge | null {
  const candidate = typeof window === 'undefined' ? undefined : window.vetted;
  return candidate && typeof candidate === 'object' ? candidate : null;
}
