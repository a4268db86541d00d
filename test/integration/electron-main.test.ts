// Boots the real bundled main process (dist/electron/main.cjs, built here into a temp folder)
// against a fake 'electron' module, in plain Node. It proves the wiring that has no other test
// without an Electron binary: userData and the single-instance lock, the sandbox switch, the
// permission and network handlers, the app:// handler, the IPC handler over a real register,
// the window's secure preferences and URL, the menu, and the error boxes for a missing driver
// and a register from a newer Vetted. test/e2e/electron-smoke.test.ts covers the real thing.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { buildElectron, MAIN_EXTERNALS } from '../../scripts/build-electron.mjs';
import { RENDERER_CSP } from '../../electron/serve/static-files';
import { IPC_CHANNEL } from '../../shared/operations';
import type { Result } from '../../shared/result';
import { tempDir } from '../helpers/tmp';
import { demoTeamRegister } from '../helpers/postgres';

const require = createRequire(import.meta.url);
// The packages scripts/build-electron.mjs leaves out of main.cjs (native, or reading files beside them).
const EXTERNALS = new Map(MAIN_EXTERNALS.map((name) => [name, require.resolve(name)]));
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

type Listener = (...args: unknown[]) => unknown;

class FakeContents extends EventEmitter {
  openHandler: Listener | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: Listener) {
    this.openHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

interface Fake {
  calls: string[];
  errors: { title: string; message: string }[];
  exitCode: number | null;
  app: EventEmitter;
  windows: { options: Record<string, unknown>; url: string | null; contents: FakeContents }[];
  ipc: Map<string, Listener>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  menu: unknown;
  ready: () => void;
}

function fakeElectron(appPath: string, appData: string): { module: unknown; fake: Fake } {
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const paths: Record<string, string> = { appData };
  const fake: Fake = {
    calls: [],
    errors: [],
    exitCode: null,
    app: new EventEmitter(),
    windows: [],
    ipc: new Map(),
    protocolHandlers: new Map(),
    menu: null,
    ready: () => ready(),
  };
  const record = (call: string) => fake.calls.push(call);
  const app = Object.assign(fake.app, {
    isPackaged: false,
    setName: (name: string) => record(`setName ${name}`),
    getPath: (name: string) => paths[name] ?? path.join(appData, name),
    setPath: (name: string, value: string) => {
      paths[name] = value;
      record(`setPath ${name}`);
    },
    getAppPath: () => appPath,
    enableSandbox: () => record('enableSandbox'),
    requestSingleInstanceLock: () => (record('requestSingleInstanceLock'), true),
    whenReady: () => whenReady,
    quit: () => record('quit'),
    exit: (code: number) => {
      fake.exitCode = code;
      record(`exit ${code}`);
    },
  });

  class BrowserWindow extends EventEmitter {
    static getFocusedWindow = () => null;
    static getAllWindows = () => fake.windows;
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      super();
      fake.windows.push({ options, url: null, contents: this.webContents });
    }
    loadURL(url: string) {
      fake.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    maximize() {}
    show() {}
    isDestroyed = () => false;
    isVisible = () => true;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 10, width: 1200, height: 800 });
  }

  const electron = {
    app,
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: async () => {} },
    dialog: { showErrorBox: (title: string, message: string) => fake.errors.push({ title, message }) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.ipc.set(channel, listener),
      removeHandler: (channel: string) => fake.ipc.delete(channel),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (fake.menu = menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        record(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => record('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => record('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => record('setDevicePermissionHandler'),
        webRequest: { onBeforeRequest: () => record('onBeforeRequest') },
      },
    },
  };
  return { module: electron, fake };
}

let mainBundle = '';
const bundleDir = tempDir('vetted-bundle-');

/** Loads main.cjs afresh with 'electron' replaced by the fake, then makes the app ready. */
async function boot(options: { appPath: string; env?: Record<string, string> }): Promise<Fake> {
  const appData = tempDir('vetted-appdata-');
  const { module: electron, fake } = fakeElectron(options.appPath, appData);
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  const saved = Object.entries(options.env ?? {}).map(([key, value]) => {
    const previous = process.env[key];
    process.env[key] = value;
    return () => (previous === undefined ? delete process.env[key] : (process.env[key] = previous));
  });
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return electron;
    // The bundle lives in a temp folder; its external packages (and files inside them, such as
    // pdfmake/js/ElementWriter.js, which the bidi line hook patches) come from this project.
    if (EXTERNALS.has(request)) return original.call(this, EXTERNALS.get(request)!, parent, isMain);
    if (MAIN_EXTERNALS.some((name) => request.startsWith(`${name}/`))) return original.call(this, require.resolve(request), parent, isMain);
    return original.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[mainBundle];
    require(mainBundle);
  } finally {
    loader._load = original;
  }
  // main.ts also writes fatal errors to stderr; keep them out of the test output.
  const consoleError = console.error;
  console.error = () => {};
  try {
    fake.ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    console.error = consoleError;
    for (const restore of saved) restore();
  }
  return fake;
}

/** A project folder as main.cjs sees it in development: .native/electron-<abi>/ next to it. */
function devProject(withBinding: boolean): string {
  const root = tempDir('vetted-app-');
  if (withBinding) {
    const target = path.join(root, '.native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(nodeBuild, target);
  }
  return root;
}

describe('the bundled main process, on a fake Electron', () => {
  before(async () => {
    const out = bundleDir;
    ({ main: mainBundle } = await buildElectron({ outDir: path.join(out, 'electron'), quiet: true }));
    fs.mkdirSync(path.join(out, 'renderer'));
    fs.writeFileSync(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>Vetted</title>');
  });

  it('sets up a hardened app, serves app://, answers IPC from the window over a real register', async () => {
    const db = path.join(tempDir(), 'register.db');
    const fake = await boot({ appPath: devProject(true), env: { VETTED_DB: db } });
    assert.deepEqual(fake.errors, []);
    assert.equal(fake.exitCode, null);

    const order = (call: string) => fake.calls.indexOf(call);
    assert.ok(order('setPath userData') !== -1 && order('setPath userData') < order('requestSingleInstanceLock'), 'userData before the lock');
    for (const call of ['setName Vetted', 'registerSchemesAsPrivileged app', 'enableSandbox', 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest']) {
      assert.ok(fake.calls.includes(call), call);
    }
    for (const event of ['second-instance', 'web-contents-created', 'window-all-closed', 'will-quit']) {
      assert.equal(fake.app.listenerCount(event), 1, event);
    }

    // Every web contents gets the guards.
    const other = new FakeContents();
    fake.app.emit('web-contents-created', {}, other);
    assert.deepEqual(other.openHandler!({ url: 'https://example.com/' }), { action: 'deny' });

    // app:// serves the renderer with the CSP.
    const response = await fake.protocolHandlers.get('app')!(new Request('app://vetted/index.html'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), RENDERER_CSP);
    assert.equal((await fake.protocolHandlers.get('app')!(new Request('app://vetted/../../etc/passwd'))).status, 404);

    // One window: secure, loading the app.
    assert.equal(fake.windows.length, 1);
    const [window] = fake.windows;
    const prefs = window!.options.webPreferences as Record<string, unknown>;
    assert.equal(window!.url, 'app://vetted/index.html');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(path.basename(String(prefs.preload)), 'preload.cjs');
    assert.ok(window!.contents.openHandler, 'window guarded');
    assert.ok(Array.isArray(fake.menu), 'menu installed');

    // IPC: the window is answered from the register at VETTED_DB; anyone else is refused.
    const handler = fake.ipc.get(IPC_CHANNEL)!;
    const fromApp = { senderFrame: { url: 'app://vetted/index.html' } };
    const created = (await handler(fromApp, 'vendor.create', { name: 'Burrow MQ', category: 'message-queue' })) as Result<unknown>;
    assert.equal(created.ok, true, JSON.stringify(created));
    const listed = (await handler(fromApp, 'vendor.list', {})) as Result<{ name: string }[]>;
    assert.deepEqual(listed.ok && listed.value.map((v) => v.name), ['Burrow MQ']);
    const foreign = (await handler({ senderFrame: { url: 'https://evil.example/' } }, 'vendor.list', {})) as Result<unknown>;
    assert.equal(!foreign.ok && foreign.error.code, 'unauthorized');

    // The register's lock (electron/core/app-lock.ts): held while the app runs, so restore sees it.
    const lock = JSON.parse(fs.readFileSync(`${db}.lock`, 'utf8')) as { pid: number; kind: string };
    assert.deepEqual([lock.pid, lock.kind], [process.pid, 'Vetted app'], 'the app holds the register lock');

    fake.app.emit('will-quit');
    assert.equal(fs.existsSync(`${db}.lock`), false, 'quitting gives the lock back');
    const check = new Database(db, { readonly: true });
    assert.equal((check.prepare('SELECT count(*) AS n FROM vendors').get() as { n: number }).n, 1);
    check.close();
  });

  it('opens the register in its data folder, and Settings connects it to a team register and back (issue 22)', async () => {
    const team = await demoTeamRegister('vetted_main', 'gus');
    const userData = tempDir('vetted-userdata-');
    const fake = await boot({ appPath: devProject(true), env: { VETTED_USER_DATA: userData } });
    assert.deepEqual(fake.errors, []);
    const handler = fake.ipc.get(IPC_CHANNEL)!;
    const fromApp = { senderFrame: { url: 'app://vetted/index.html' } };
    const call = async <T>(operation: string, input: unknown) => (await handler(fromApp, operation, input)) as Result<T>;
    type Where = { open: { kind: string; location: string; server: string | null }; switchable: boolean };

    const where = await call<Where>('register.where', {});
    assert.ok(where.ok);
    assert.deepEqual([where.value.open.kind, where.value.open.location, where.value.switchable], ['file', path.join(userData, 'vetted.db'), true]);
    assert.ok((await call('vendor.create', { name: 'Laptop only', category: 'other' })).ok);

    const connected = await call<Where>('register.connect', { url: team.url, password: team.password, remember: false });
    assert.ok(connected.ok, JSON.stringify(connected));
    assert.equal(connected.value.open.server, team.server);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(userData, 'team-register.json'), 'utf8')), { url: team.url });
    const listed = await call<{ name: string }[]>('vendor.list', {});
    assert.ok(listed.ok && listed.value.some((v) => v.name === 'Tidewater Postgres'), 'IPC now answers from the team register');
    assert.equal(fs.existsSync(path.join(userData, 'vetted.db.lock')), false, 'the file is not held while the team register is open');

    const back = await call<Where>('register.disconnect', {});
    assert.ok(back.ok);
    const local = await call<{ name: string }[]>('vendor.list', {});
    assert.deepEqual(local.ok && local.value.map((v) => v.name), ['Laptop only']);
    assert.equal(fs.existsSync(path.join(userData, 'team-register.json')), false);
    fake.app.emit('will-quit');
  });

  it('shows an error box saying to run npm start when the Electron build of the driver is missing', async () => {
    const fake = await boot({ appPath: devProject(false), env: { VETTED_DB: path.join(tempDir(), 'r.db') } });
    assert.equal(fake.exitCode, 1);
    assert.equal(fake.errors.length, 1);
    assert.match(fake.errors[0]!.message, /not been built for this Electron.*Run "npm start"/);
    assert.equal(fake.windows.length, 0);
  });

  it('shows the refusal when the register was written by a newer Vetted, leaving it untouched', async () => {
    const db = path.join(tempDir(), 'newer.db');
    const newer = new Database(db);
    newer.pragma('user_version = 999');
    newer.close();
    const before = fs.readFileSync(db);
    const fake = await boot({ appPath: devProject(true), env: { VETTED_DB: db } });
    assert.equal(fake.exitCode, 1);
    assert.match(fake.errors[0]?.message ?? '', /written by a newer Vetted/);
    assert.deepEqual(fs.readFileSync(db), before);
  });
});
