// Opens a register and everything that works on it: what the CLI, the HTTP bridge,
// the Electron IPC handler and the tests all start from.
import type { VettedApi } from '../../shared/api';
import { makeClient } from '../../shared/client';
import { createContext, type Context, type ContextOptions } from './context';
import { openRegister, type OpenOptions } from './db/open';
import { createDispatcher, type Dispatch, type DispatcherOptions } from './dispatcher';
import { createHandlers } from './handlers';
import { installBuiltInTemplates } from './services/templates';

export interface Vetted {
  ctx: Context;
  dispatch: Dispatch;
  /** The typed API over the dispatcher, in process. */
  api: VettedApi;
  close(): void;
}

export type VettedOptions = OpenOptions & ContextOptions & DispatcherOptions;

export async function openVetted(dbPath: string, options: VettedOptions = {}): Promise<Vetted> {
  const register = openRegister(dbPath, options);
  const ctx = createContext(register.db, register.path, options);
  await installBuiltInTemplates(ctx);
  const dispatch = createDispatcher(createHandlers(ctx), options);
  return { ctx, dispatch, api: makeClient(dispatch), close: register.close };
}
