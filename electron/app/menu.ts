// The native menu: the usual roles and shortcuts, plus app commands sent to the renderer on
// MENU_CHANNEL (the preload passes them to window.vetted.onMenuCommand listeners). Only TYPES come
// from 'electron': main.ts passes Electron's Menu, and the template is unit-tested in plain Node.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/operations';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Packaged builds get no reload and no developer tools. */
  isPackaged: boolean;
  send: (command: MenuCommand) => void;
  /** File → "Restore from backup…": handled in the main process, nothing goes to the renderer. */
  restore: () => void;
}

export function menuTemplate({ appName, isMac, isPackaged, send, restore }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(name),
  });
  const preferences = command(isMac ? 'Settings…' : 'Preferences…', 'CmdOrCtrl+,', 'preferences');

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            preferences,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New provider', 'CmdOrCtrl+N', 'new-vendor'),
      command('Export…', 'CmdOrCtrl+E', 'export'),
      { type: 'separator' },
      { label: 'Restore from backup…', click: () => restore() },
      ...(isMac ? [{ type: 'separator' as const }, { role: 'close' as const }] : [
        { type: 'separator' as const },
        preferences,
        { type: 'separator' as const },
        { role: 'quit' as const },
      ]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'CmdOrCtrl+F', 'find'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isPackaged
        ? []
        : [
            { role: 'reload' as const },
            { role: 'forceReload' as const },
            { role: 'toggleDevTools' as const },
            { type: 'separator' as const },
          ]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const window: MenuItemConstructorOptions = isMac
    ? { role: 'windowMenu' }
    : { label: '&Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };

  return [...appMenu, file, edit, view, window];
}

export function installMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(menuTemplate(options)));
}
