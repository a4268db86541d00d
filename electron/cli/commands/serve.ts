import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preloadDeferredHandlers } from '../../core/handlers';
import { makeClient } from '../../../shared/client';
import { startBridge } from '../../serve/http-bridge';
import { openInBrowser } from '../browser-opener';
import { inputError, usageError } from '../cli-error';
import { writeLaunchPage, type LaunchPage } from '../launch-page';
import { startAppRegister } from '../app-register';

/**
 * dist/renderer of the project this code runs from: three folders up from the source
 * (electron/cli/commands), two from the bundle (dist/cli).
 */
function rendererDist(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // The bundle (dist/cli) first: three folders up from it is outside the project, where another
  // checkout's build must never be picked up.
  const fromBundle = path.basename(here) === 'cli' && path.basename(path.dirname(here)) === 'dist';
  return path.resolve(here, fromBundle ? '../../dist/renderer' : '../../../dist/renderer');
}

export interface ServeFlags {
  db?: string;
  port?: string;
  open?: boolean;
  demo?: boolean;
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError('--port takes a number from 0 to 65535');
  const rendererRoot = rendererDist();
  if (!fs.existsSync(path.join(rendererRoot, 'index.html'))) {
    throw inputError('the app is not built yet: run `npm run build:renderer` first (npm start and npm run serve do it for you)');
  }
  // The register is locked while served, so `vetted restore` sees it is open. A second `vetted serve`
  // (or the desktop app) on the same file is refused: the lock names one process, and its clean exit
  // removes it. CLI commands that only add or read data do not take it and work alongside. A team
  // register is on its server: there is no file of it to lock here.
  const host = await startAppRegister(flags.db, 'vetted serve');
  process.once('exit', () => host.close());
  if (flags.demo) {
    const api = makeClient(host.dispatch);
    const info = await api['app.info']({});
    if (info.ok && info.value.vendors === 0) await api['demo.load']({});
  }
  let bridge;
  try {
    bridge = await startBridge({ dispatch: host.dispatch, staticRoot: rendererRoot, port });
  } catch (error) {
    host.close();
    throw inputError(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  }
  process.stdout.write(`Vetted is running at ${bridge.url}\n`);
  // The heavy services load in the background a moment after listening (loading them blocks the
  // server for about half a second, which the page's own files should not wait behind): then a
  // rebuild cannot take them from a running server. A call that needs them earlier loads them itself.
  setTimeout(preloadDeferredHandlers, 1500).unref();
  const where = host.where();
  if (where.teamProblem) process.stdout.write(`${where.teamProblem}\n`);
  process.stdout.write(`Register: ${where.open.location}\nPress Ctrl+C to stop.\n`);
  // Not the printed address: a command line is visible to every local user (ps), so the browser
  // gets the path of a private page holding a one-time launch code (launch-page.ts), and neither
  // the token nor the code is on argv.
  let launchPage: LaunchPage | null = null;
  if (flags.open) {
    try {
      launchPage = writeLaunchPage(bridge.launchUrl());
      process.once('exit', launchPage.remove);
      openInBrowser(launchPage.file);
    } catch {
      process.stdout.write('Could not open a browser; open the address above yourself.\n');
    }
  }

  await new Promise<void>((resolve) => {
    const stop = () => {
      launchPage?.remove();
      void bridge.close().then(() => {
        host.close();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
