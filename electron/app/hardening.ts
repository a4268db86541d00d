// The shell's security settings and guards, in one place. Only TYPES come from 'electron' (they are
// erased at build time), so this module loads in plain Node and test/unit/electron-shell.test.ts
// drives it with fake web contents and sessions. docs/security.md maps each item to its test.
import type { Session, WebContents, WebPreferences } from 'electron';
import { externalUrlToOpen, isAppUrl } from './trusted-url';

export type OpenExternal = (url: string) => Promise<unknown> | unknown;

/** The window's web preferences: isolated, sandboxed, no Node, no webview. */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
    spellcheck: true,
  };
}

const hardened = new WeakSet<object>();

/**
 * Denies, for one web contents: navigation and redirects away from app://vetted (top frame and
 * subframes), every window.open / target=_blank (allowed https:/mailto: links go to the OS browser
 * or mail program instead), and <webview>. Idempotent: main.ts applies it to every web contents
 * ever created, window.ts to the main window.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const open = (url: string): void => {
    const target = externalUrlToOpen(url);
    if (target) void Promise.resolve().then(() => openExternal(target)).catch(() => {});
  };

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain <a href="https://…"> in the page: open it where it belongs rather than do nothing.
    if (event.isMainFrame) open(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    open(url);
    return { action: 'deny' };
  });
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> &
  Partial<Pick<Session, 'setDevicePermissionHandler'>>;

/** Every permission (camera, notifications, clipboard-read, geolocation, HID, USB, …) is refused. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

/** The network schemes no page of ours may reach: the app is offline and loads only app://. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** Cancels every request to the network, from any page, as a second wall behind the CSP. */
export function blockRemoteRequests(session: { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> }): void {
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}
