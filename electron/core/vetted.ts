// Opens a register and everything that works on it: what the CLI, the HTTP bridge,
// the Electron IPC handler and the tests all start from.
import type { VettedApi } from '../../shared/api';
import { makeClient } from '../../shared/client';
import { createContext, type Context, type ContextOptions } from './context';
import { openRegister } from './db/open';
import { isServerLocation, openStore, type StoreOptions } from './db/store/open-store';
import type { Store } from './db/store/sql';
import { SqliteStore } from './db/store/sqlite-store';
import { createDispatcher, type Dispatch, type DispatcherOptions } from './dispatcher';
import { createHandlers, type HandlerOptions } from './handlers';
import { installBuiltInTemplates } from './services/templates';

export interface Vetted {
  ctx: Context;
  dispatch: Dispatch;
  /** The typed API over the dispatcher, in process. */
  api: VettedApi;
  close(): void;
}

export type VettedOptions = StoreOptions & ContextOptions & DispatcherOptions & HandlerOptions;

/**
 * Opens the register at `location`: a file (created when missing), or with a postgres:// URL a team
 * register on a server (issue 22; created by its owner's first open). Either way migrated.
 */
export async function openVetted(location: string, options: VettedOptions = {}): Promise<Vetted> {
  let store: Store;
  let close: () => void;
  if (isServerLocation(location)) {
    const server = await openStore(location, options);
    store = server;
    close = () => void server.close();
  } else {
    const register = openRegister(location, options);
    store = new SqliteStore(register.db, register.path);
    close = register.close;
  }
  const ctx = createContext(store, options);
  try {
    await installBuiltInTemplates(ctx);
  } catch (error) {
    close();
    throw error;
  }
  const dispatch = createDispatcher(createHandlers(ctx, options), options);
  return { ctx, dispatch, api: makeClient(dispatch), close };
}
