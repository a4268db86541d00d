// The one application window: sandboxed, isolated, loading app://vetted/index.html, its size and
// place remembered in userData/window-state.json (the logic lives in window-state.ts).
import path from 'node:path';
import { BrowserWindow, screen, shell } from 'electron';
import { PRODUCT_NAME } from '../core/paths';
import { hardenWebContents, secureWebPreferences } from './hardening';
import { APP_ENTRY_URL } from './trusted-url';
import {
  fitToDisplays,
  MIN_HEIGHT,
  MIN_WIDTH,
  readWindowState,
  stateFromBounds,
  WINDOW_STATE_FILE,
  writeWindowState,
} from './window-state';

export interface MainWindowOptions {
  /** dist/electron/preload.cjs */
  preload: string;
  userData: string;
  /** Developer tools (never in a packaged app). */
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(options.userData, WINDOW_STATE_FILE);
  const state = fitToDisplays(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );

  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preload, options.devTools),
  });

  hardenWebContents(window.webContents, (url) => shell.openExternal(url));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // If the page cannot load (renderer not built, say), show the window anyway rather than nothing.
  window.webContents.once('did-fail-load', () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });

  window.on('close', () => {
    writeWindowState(stateFile, stateFromBounds(window.getNormalBounds(), window.isMaximized()));
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Brings the window to the front (a second launch of Vetted lands here). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
