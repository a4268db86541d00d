// The Electron main process: a thin adapter. Everything it wires up runs in plain Node and is
// tested there (the register and dispatcher in electron/core, the guards, IPC check, protocol,
// menu and binding choice in this folder). Bundled by scripts/build-electron.mjs into
// dist/electron/main.cjs (package.json "main"), next to dist/renderer/.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/operations';
import { fail, VettedError } from '../../shared/result';
import { DB_FILE_NAME, PRODUCT_NAME } from '../core/paths';
import { restoreRegister } from '../core/services/backup';
import { isServerLocation } from '../core/db/store/open-store';
import { RegisterHost } from '../core/register/host';
import { placeOf } from '../core/register/switch';
import { TEAM_CHOICE_FILE } from '../core/register/team-choice';
import { blockRemoteRequests, denyAllPermissions, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { keychainKeySource } from './keychain-key-source';
import { keychainSecret } from './keychain-secret';
import { installMenu } from './menu';
import { chooseNativeBinding, isBindingLoadError } from './native-binding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { RESTORE_FILTERS, runRestoreFlow } from './restore';
import { createMainWindow, focusWindow } from './window';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const isMac = process.platform === 'darwin';

/** The register open (a file, locked so `vetted restore` refuses while the app runs, or a team register); Settings can change it. */
let host: RegisterHost | null = null;
let mainWindow: BrowserWindow | null = null;

function fatal(message: string): void {
  console.error(`[vetted] ${message}`);
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
  app.exit(1);
}

function openExternal(url: string): Promise<void> {
  return shell.openExternal(url);
}

// Files the app creates (register, keys, window state) are the user's alone, whatever the umask.
process.umask(0o077);

// The same folder the CLI uses (electron/core/paths.ts), whatever package.json's name is. Set
// before anything reads it: the single-instance lock lives there. VETTED_USER_DATA is for tests.
app.setName(PRODUCT_NAME);
app.setPath(
  'userData',
  process.env.VETTED_USER_DATA
    ? path.resolve(process.env.VETTED_USER_DATA)
    : path.join(app.getPath('appData'), PRODUCT_NAME),
);
registerAppScheme(protocol); // must precede 'ready'
app.enableSandbox(); // every renderer, whatever its webPreferences say

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the running Vetted gets 'second-instance' and comes to the front
} else {
  app.on('second-instance', () => {
    if (!mainWindow && host) mainWindow = openWindow(); // macOS: running with no window open
    focusWindow(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  app.on('will-quit', () => {
    host?.close();
    host = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(`${PRODUCT_NAME} failed to start: ${error instanceof Error ? error.message : String(error)}`));
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  blockRemoteRequests(session.defaultSession);
  handleAppProtocol(protocol, RENDERER_DIR);

  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    return fatal(`The app's interface has not been built (${RENDERER_DIR} is empty). Run "npm start", which builds it.`);
  }

  const binding = chooseNativeBinding({
    isPackaged: app.isPackaged,
    repoRoot: app.getAppPath(),
    abi: process.versions.modules,
  });
  if (!binding.ok) return fatal(binding.message);

  // VETTED_DB (a file, or a team register's postgres:// URL with the password in $PGPASSWORD) pins
  // the register; otherwise Settings → Register chooses between the file here and a team register.
  const userData = app.getPath('userData');
  const dbPath = path.join(userData, DB_FILE_NAME);
  const given = process.env.VETTED_DB;
  try {
    host = await RegisterHost.start({
      ...(given ? { pinned: isServerLocation(given) ? given : path.resolve(given) } : {}),
      localFile: given && !isServerLocation(given) ? path.resolve(given) : dbPath,
      choiceFile: path.join(userData, TEAM_CHOICE_FILE),
      password: keychainSecret(safeStorage, path.join(userData, 'keys', 'team-register.password.wrapped')),
      lockName: `${PRODUCT_NAME} app`,
      vetted: {
        nativeBinding: binding.nativeBinding,
        keySource: keychainKeySource(safeStorage, path.join(userData, 'keys')),
      },
    });
  } catch (error) {
    return fatal(describeOpenError(error, given ? placeOf(given).location : dbPath));
  }

  // Through the host, not one register's dispatch: Settings or a restore replaces the register behind the same handler.
  registerIpc(ipcMain, (operation, input) =>
    host ? host.dispatch(operation, input) : Promise.resolve(fail('internal', 'The register is being replaced; try again.')),
  );
  const restore = () => restoreFromBackup(binding.nativeBinding);
  installMenu(Menu, { appName: PRODUCT_NAME, isMac, isPackaged: app.isPackaged, send: sendMenuCommand, restore });
  mainWindow = openWindow();
}

function restoreFromBackup(nativeBinding: string | undefined): void {
  const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const withParent = <T>(show: (w: BrowserWindow) => T, alone: () => T): T => (parent && !parent.isDestroyed() ? show(parent) : alone());
  const open = host?.where().open;
  if (!host || !open) return;
  if (open.kind === 'team') {
    dialog.showErrorBox('Restore is for a register file', 'A team register is backed up and restored on its server (pg_dump, pg_restore: docs/team.md "Backups").');
    return;
  }
  const dbPath = open.location;
  const registers = host;
  runRestoreFlow({
    dbPath,
    chooseFile: async () => {
      const options: OpenDialogOptions = { title: 'Restore from backup', properties: ['openFile'], filters: RESTORE_FILTERS };
      const chosen = await withParent((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    confirm: async (message, detail) => {
      const options: MessageBoxOptions = { type: 'warning', message, detail, buttons: ['Restore', 'Cancel'], defaultId: 1, cancelId: 1 };
      const answer = await withParent((w) => dialog.showMessageBox(w, options), () => dialog.showMessageBox(options));
      return answer.response === 0;
    },
    withRegisterClosed: (swap) => registers.whileClosed(swap),
    restore: (register, file) => restoreRegister(register, file, { nativeBinding }),
    showError: (title, message) => dialog.showErrorBox(title, message),
    reload: () => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
    },
  }).catch((error: unknown) => fatal(describeOpenError(error, dbPath)));
}

function openWindow(): BrowserWindow {
  const window = createMainWindow({ preload: PRELOAD, userData: app.getPath('userData'), devTools: !app.isPackaged });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && !target.isDestroyed()) target.webContents.send(MENU_CHANNEL, command);
}

function describeOpenError(error: unknown, dbPath: string): string {
  // schema_too_new and "not a register": the message already says what and where.
  if (error instanceof VettedError) return error.message;
  if (isBindingLoadError(error)) {
    return app.isPackaged
      ? `This copy of ${PRODUCT_NAME} has a database driver built for a different Electron. Please reinstall ${PRODUCT_NAME}.`
      : `The database driver was not built for this Electron. Run "npm start" in the project folder, which rebuilds it.`;
  }
  return `${PRODUCT_NAME} could not open its register at ${dbPath}: ${error instanceof Error ? error.message : String(error)}`;
}
