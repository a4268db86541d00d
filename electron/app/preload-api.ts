// What the preload script exposes as `window.vetted`, built from an ipcRenderer-like object.
// No Electron import (preload.ts passes the real ipcRenderer), so the bridge's shape is unit-tested
// in plain Node. It imports shared/operations.ts only: the preload bundle must stay small and
// cannot load zod (sandboxed preloads get no require() beyond a few Electron modules).
import {
  IPC_CHANNEL,
  MENU_CHANNEL,
  MENU_COMMANDS,
  OPERATION_NAMES,
  type MenuCommand,
  type OperationNameList,
} from '../../shared/operations';

/** The parts of ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** `window.vetted`: one function per operation (each resolves to a Result), plus menu commands. */
export type VettedBridge = {
  readonly [K in OperationNameList]: (input?: unknown) => Promise<unknown>;
} & {
  /** Calls `listener` with each menu command ("new-vendor", "find", …); returns an unsubscribe. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

export const BRIDGE_NAME = 'vetted';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export function createBridge(ipc: RendererIpc): VettedBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    // Only (name, input) cross: the page never chooses the channel.
    bridge[name] = (input?: unknown) => ipc.invoke(IPC_CHANNEL, name, input === undefined ? {} : input);
  }
  bridge.onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
    // The IPC event (which carries sender and ports) never reaches the page: only the command string.
    const relay = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipc.on(MENU_CHANNEL, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(MENU_CHANNEL, relay);
    };
  };
  return Object.freeze(bridge) as VettedBridge;
}
