// The one IPC handler: checks who is calling, then hands (operation, input) to the shared
// dispatcher, which validates and answers with a Result. Only TYPES come from 'electron', so the
// sender check is unit-tested in plain Node (test/unit/electron-shell.test.ts).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/operations';
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../core/dispatcher';
import { isAppUrl } from './trusted-url';

export type IpcSender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

function senderUrl(event: IpcSender): string | null {
  try {
    // Reading a frame that navigated away or was destroyed can throw.
    const url = event.senderFrame?.url;
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}

export function createIpcHandler(
  dispatch: Dispatch,
): (event: IpcSender, operation: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, operation, input) => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url)) {
      return fail('unauthorized', 'This call did not come from the Vetted window.');
    }
    try {
      return await dispatch(operation, input);
    } catch {
      // The dispatcher never throws; if it ever does, the renderer still gets no stack trace.
      return fail('internal', 'Something went wrong in the app. The details were written to the log.');
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  ipcMain.handle(IPC_CHANNEL, createIpcHandler(dispatch));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
