// The Electron shell's security-relevant logic, run in plain Node with fake Electron objects: the
// modules under test take Electron's objects as arguments and import only its TYPES, so nothing
// here needs the Electron binary. docs/security.md maps each checklist item to these tests.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { blockRemoteRequests, denyAllPermissions, hardenWebContents, REMOTE_URL_PATTERNS, secureWebPreferences } from '../../electron/app/hardening';
import { createIpcHandler, registerIpc } from '../../electron/app/ipc';
import { menuTemplate } from '../../electron/app/menu';
import { createBridge, type RendererIpc } from '../../electron/app/preload-api';
import { APP_SCHEME_PRIVILEGES, appResponse, handleAppProtocol, registerAppScheme } from '../../electron/app/protocol';
import { RENDERER_CSP } from '../../electron/serve/static-files';
import { IPC_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, OPERATION_NAMES, type MenuCommand } from '../../shared/operations';
import type { Result } from '../../shared/result';
import { tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

/** A stand-in for WebContents: an EventEmitter that records the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event; true when a listener prevented it. */
  attempt(event: string, url: string, isMainFrame = true): boolean {
    let prevented = false;
    this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function hardened(): { contents: FakeContents; opened: string[] } {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, (url) => {
    opened.push(url);
  });
  return { contents, opened };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('window web preferences', () => {
  it('isolate, sandbox and keep Node and webview out', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs', false);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.devTools, false);
    assert.equal(prefs.preload, '/app/dist/electron/preload.cjs');
  });
});

describe('web contents guards', () => {
  it('let navigation within app://vetted through', () => {
    const { contents } = hardened();
    assert.equal(contents.attempt('will-navigate', 'app://vetted/index.html#/providers'), false);
    assert.equal(contents.attempt('will-redirect', 'app://vetted/index.html'), false);
    assert.equal(contents.attempt('will-frame-navigate', 'app://vetted/index.html', false), false);
  });

  it('deny navigation and redirects anywhere else', () => {
    const { contents, opened } = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://vetted.evil/', 'javascript:alert(1)', 'data:text/html,x']) {
      assert.equal(contents.attempt('will-navigate', url), true, url);
      assert.equal(contents.attempt('will-redirect', url), true, url);
      assert.equal(contents.attempt('will-frame-navigate', url, false), true, url);
    }
    return settle().then(() => {
      // A clicked https link is handed to the OS browser; the rest go nowhere.
      assert.deepEqual(opened, ['https://evil.example/']);
    });
  });

  it('deny every window.open, opening only allowed links externally', async () => {
    const { contents, opened } = hardened();
    assert.ok(contents.openHandler);
    for (const url of ['https://example.com/docs', 'mailto:sec@example.com', 'http://example.com/', 'file:///etc/passwd', 'app://vetted/index.html', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      assert.deepEqual(contents.openHandler({ url }), { action: 'deny' }, url);
    }
    await settle();
    assert.deepEqual(opened, ['https://example.com/docs', 'mailto:sec@example.com']);
  });

  it('deny every <webview>', () => {
    const { contents } = hardened();
    assert.equal(contents.attempt('will-attach-webview', 'app://vetted/index.html'), true);
  });

  it('are applied once per web contents, and survive a failing openExternal', async () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents, () => Promise.reject(new Error('no browser')));
    hardenWebContents(contents as unknown as WebContents, () => assert.fail('second registration must be ignored'));
    assert.equal(contents.listenerCount('will-navigate'), 1);
    contents.openHandler!({ url: 'https://example.com/' });
    await settle();
  });
});

describe('permissions and network', () => {
  it('deny every permission request and check', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let device: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'unknown']) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g));
      assert.equal(granted, false, permission);
      assert.equal(check!(null, permission, 'app://vetted', {}), false, permission);
    }
    assert.equal(device!({}), false);
  });

  it('cancel every request to the network', () => {
    let filter: { urls: string[] } | undefined;
    let listener: ((details: unknown, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    blockRemoteRequests({ webRequest: { onBeforeRequest: (f: typeof filter, l: typeof listener) => ((filter = f), (listener = l)) } } as never);
    assert.deepEqual(filter, { urls: REMOTE_URL_PATTERNS });
    let response: { cancel: boolean } | undefined;
    listener!({ url: 'https://example.com/' }, (r) => (response = r));
    assert.deepEqual(response, { cancel: true });
  });
});

describe('IPC', async () => {
  const vetted = await freshVetted();
  const handler = createIpcHandler(vetted.dispatch);
  const from = (url: string | null) => ({ senderFrame: url === null ? null : ({ url } as never) });

  it('answers the app window through the shared dispatcher', async () => {
    const result = await handler(from('app://vetted/index.html'), 'vendor.list', {});
    assert.deepEqual(unwrap(result as Result<unknown[]>), []);
    const invalid = await handler(from('app://vetted/index.html'), 'vendor.get', { id: '' });
    assert.equal(invalid.ok, false);
    assert.equal(!invalid.ok && invalid.error.code, 'validation');
  });

  it('refuses senders that are not app://vetted, before touching the register', async () => {
    let called = false;
    const guarded = createIpcHandler(async () => {
      called = true;
      return { ok: true, value: null };
    });
    for (const url of [null, 'https://evil.example/', 'app://vetted.evil/', 'app://vetted@evil/', 'file:///x/index.html', 'about:blank', '']) {
      const result = await guarded(from(url), 'vendor.list', {});
      assert.deepEqual(result, { ok: false, error: { code: 'unauthorized', message: 'This call did not come from the Vetted window.' } }, String(url));
    }
    const destroyed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    assert.equal((await guarded(destroyed, 'vendor.list', {})).ok, false);
    assert.equal(called, false);
  });

  it('never returns a stack trace', async () => {
    const throwing = createIpcHandler(() => {
      throw new Error('secret path /home/me at line 3');
    });
    const result = await throwing(from('app://vetted/'), 'vendor.list', {});
    assert.equal(result.ok, false);
    assert.doesNotMatch(JSON.stringify(result), /secret|at line|\/home/);
    assert.equal(!result.ok && result.error.code, 'internal');
  });

  it('registers one handler on the one channel', () => {
    const handled: string[] = [];
    const removed: string[] = [];
    const unregister = registerIpc({ handle: (channel: string) => handled.push(channel), removeHandler: (channel: string) => removed.push(channel) } as never, vetted.dispatch);
    unregister();
    assert.deepEqual(handled, [IPC_CHANNEL]);
    assert.deepEqual(removed, [IPC_CHANNEL]);
  });
});

describe('the app:// protocol', () => {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Vetted</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  const get = (url: string, method = 'GET') => appResponse(rendererDir, { url, method });

  it('is registered as a privileged standard scheme and handled', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes) } as never);
    assert.deepEqual(registered, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    assert.deepEqual(APP_SCHEME_PRIVILEGES, { standard: true, secure: true, supportFetchAPI: true });
    const handled: string[] = [];
    handleAppProtocol({ handle: (scheme: string) => handled.push(scheme) } as never, rendererDir);
    assert.deepEqual(handled, ['app']);
  });

  it('serves the built renderer with its content type and the CSP', async () => {
    const index = await get('app://vetted/index.html');
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(index.headers.get('content-security-policy'), RENDERER_CSP);
    assert.match(await index.text(), /<title>Vetted<\/title>/);
    const root = await get('app://vetted/');
    assert.equal(root.status, 200);
    const script = await get('app://vetted/assets/app.js');
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const head = await get('app://vetted/index.html', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('answers 404 (with the CSP) for traversal, other hosts and missing files', async () => {
    for (const url of [
      'app://vetted/../secret.txt',
      'app://vetted/%2e%2e/secret.txt',
      'app://vetted/..%2fsecret.txt',
      'app://vetted/assets/..%2f..%2fsecret.txt',
      'app://vetted/%00index.html',
      'app://vetted/..%5csecret.txt',
      'app://vetted/missing.js',
      'app://vetted/assets',
      'app://evil/index.html',
      'app://vetted.evil/index.html',
      'app://vetted:8080/index.html',
      'app://user@vetted/index.html',
      'https://vetted/index.html',
    ]) {
      const response = await get(url);
      assert.equal(response.status, 404, url);
      assert.equal(response.headers.get('content-security-policy'), RENDERER_CSP, url);
      assert.doesNotMatch(await response.text(), /secret/, url);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    assert.equal((await get('app://vetted/index.html', 'POST')).status, 405);
  });
});

describe('the preload bridge', () => {
  function fakeIpc() {
    const emitter = new EventEmitter();
    const calls: unknown[][] = [];
    const ipc: RendererIpc = {
      invoke: async (...args) => {
        calls.push(args);
        return { ok: true, value: args };
      },
      on: (channel, listener) => emitter.on(channel, listener),
      removeListener: (channel, listener) => emitter.removeListener(channel, listener),
    };
    return { ipc, emitter, calls };
  }

  it('offers exactly one function per operation, plus onMenuCommand, and nothing of ipcRenderer', () => {
    const bridge = createBridge(fakeIpc().ipc);
    assert.deepEqual(Object.keys(bridge).sort(), [...OPERATION_NAMES, 'onMenuCommand'].sort());
    for (const key of Object.keys(bridge)) assert.equal(typeof (bridge as Record<string, unknown>)[key], 'function', key);
    for (const forbidden of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']) assert.equal(forbidden in bridge, false, forbidden);
    assert.ok(Object.isFrozen(bridge));
  });

  it('sends (operation, input) on the one channel', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createBridge(ipc);
    await bridge['vendor.get']({ id: 'v1' });
    await bridge['vendor.list']();
    assert.deepEqual(calls, [
      [IPC_CHANNEL, 'vendor.get', { id: 'v1' }],
      [IPC_CHANNEL, 'vendor.list', {}],
    ]);
  });

  it('passes only known menu command strings, never the IPC event, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    const event = { sender: { secret: true }, ports: [] };
    emitter.emit(MENU_CHANNEL, event, 'new-vendor');
    emitter.emit(MENU_CHANNEL, event, 'rm -rf');
    emitter.emit(MENU_CHANNEL, event, { command: 'find' });
    emitter.emit(MENU_CHANNEL, event, 'find');
    assert.deepEqual(received, [['new-vendor'], ['find']]);
    unsubscribe();
    unsubscribe();
    emitter.emit(MENU_CHANNEL, event, 'export');
    assert.equal(received.length, 2);
    assert.equal(emitter.listenerCount(MENU_CHANNEL), 0);
    assert.throws(() => bridge.onMenuCommand('nope' as never), TypeError);
  });
});

describe('the menu', () => {
  type Item = MenuItemConstructorOptions;
  const flatten = (items: Item[]): Item[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

  function build(isMac: boolean, isPackaged: boolean) {
    const sent: MenuCommand[] = [];
    let restores = 0;
    const items = flatten(menuTemplate({ appName: 'Vetted', isMac, isPackaged, send: (c) => sent.push(c), restore: () => restores++ }));
    return { items, sent, restores: () => restores };
  }

  it('offers "Restore from backup…" in the File menu, handled in the main process (nothing is sent)', () => {
    for (const isMac of [false, true]) {
      const sent: MenuCommand[] = [];
      let restores = 0;
      const menu = menuTemplate({ appName: 'Vetted', isMac, isPackaged: true, send: (c) => sent.push(c), restore: () => restores++ });
      const file = menu.find((m) => m.label === '&File');
      const item = (file?.submenu as Item[]).find((i) => i.label === 'Restore from backup…');
      assert.ok(item, `mac: ${isMac}`);
      (item.click as () => void)();
      assert.equal(restores, 1);
      assert.deepEqual(sent, []);
    }
  });

  it('sends each command from its shortcut', () => {
    for (const isMac of [false, true]) {
      const { items, sent } = build(isMac, true);
      const byAccelerator = new Map(items.filter((i) => i.accelerator).map((i) => [i.accelerator, i]));
      for (const [accelerator, command] of [
        ['CmdOrCtrl+N', 'new-vendor'],
        ['CmdOrCtrl+E', 'export'],
        ['CmdOrCtrl+F', 'find'],
        ['CmdOrCtrl+,', 'preferences'],
      ] as const) {
        const item = byAccelerator.get(accelerator);
        assert.ok(item, `${accelerator} (mac: ${isMac})`);
        (item.click as () => void)();
        assert.equal(sent.at(-1), command);
      }
      assert.deepEqual([...new Set(sent)].sort(), [...MENU_COMMANDS].sort());
      assert.ok(items.some((i) => i.role === 'quit'), 'quit');
      assert.ok(items.some((i) => i.role === 'copy') && items.some((i) => i.role === 'paste'), 'edit roles');
      assert.equal(items.some((i) => i.role === 'about'), isMac, 'app menu on macOS only');
    }
  });

  it('has reload and developer tools only when not packaged', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools'];
    assert.equal(build(false, true).items.some((i) => devRoles.includes(i.role ?? '')), false);
    assert.equal(build(true, true).items.some((i) => devRoles.includes(i.role ?? '')), false);
    for (const role of devRoles) assert.ok(build(false, false).items.some((i) => i.role === role), role);
    assert.ok(build(false, true).items.some((i) => i.role === 'zoomIn'), 'zoom stays');
  });
});
