// Runs in the sandboxed renderer before the page: exposes `window.vetted` and nothing else
// (never ipcRenderer itself). scripts/build-electron.mjs bundles it into ONE CommonJS file,
// dist/electron/preload.cjs, whose only require() is 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, createBridge } from './preload-api';

contextBridge.exposeInMainWorld(BRIDGE_NAME, createBridge(ipcRenderer));
