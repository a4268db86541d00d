// What a command works with: the typed API over an opened register, and helpers that turn
// API failures into one-line CLI errors.
import fs from 'node:fs';
import type { VendorSummary, VettedApi } from '../../shared/api';
import { makeClient } from '../../shared/client';
import type { Result } from '../../shared/result';
import { VettedError } from '../../shared/result';
import { keySourceFromEnv } from '../core/crypto/key-sources';
import { resolveRegister } from '../core/paths';
import { isServerLocation } from '../core/db/store/open-store';
import { withoutPassword } from '../core/db/store/pg-store';
import { openVetted, type Vetted } from '../core/vetted';
import { applyWriteWaitFromEnv, busyEndsCommand, busyExitFor } from './busy';
import { inputError, CliError, EXIT } from './cli-error';
import type { RegisterUse } from './command-access';

export interface Session {
  api: VettedApi;
  dbPath: string;
  vetted: Vetted;
}

/** How the running command uses the register (command-access.ts); set once by main(). */
let use: RegisterUse = 'creates';

export function setRegisterUse(value: RegisterUse): void {
  use = value;
}

export async function openSession(dbFlag: string | undefined): Promise<Session> {
  const location = resolveRegister(dbFlag);
  const server = isServerLocation(location);
  // Messages name a team register by its URL without the password.
  const dbPath = server ? withoutPassword(location) : location;
  if (!server && use !== 'creates' && !fs.existsSync(dbPath)) {
    throw inputError(
      `there is no register at ${dbPath} (check --db${dbFlag ? '' : ' or VETTED_DB'}); nothing was created. ` +
        'Commands that add data create it: vetted demo, vetted vendor add, vetted import, vetted serve',
    );
  }
  applyWriteWaitFromEnv();
  try {
    const vetted = await openVetted(location, {
          // Confidential data: $VETTED_KEY_FILE, else $VETTED_PASSPHRASE, else a key file in the user's Vetted folder.
          keySource: keySourceFromEnv(undefined),
          logError: (op, e) => process.stderr.write(`vetted: internal error in ${op}: ${String(e)}\n`),
        });
    return { api: makeClient(busyEndsCommand(vetted.dispatch)), dbPath, vetted };
  } catch (error) {
    const busy = busyExitFor(error);
    if (busy) throw busy;
    if (error instanceof VettedError) throw inputError(error.message);
    throw new CliError(EXIT.input, `cannot open ${dbPath}: ${(error as Error).message}`);
  }
}

/** Unwraps a Result, or throws a CLI error carrying the API's one-line message. */
export function must<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw inputError(result.error.message);
}

/**
 * Like must, with the API's field names in the message turned into the flags that gave them
 * ("date: is after today" → "--date: is after today"): the user typed a flag, not a field.
 */
/** The flags of the commands that make documents as of a date. */
export const DATE_FLAGS: Readonly<Record<string, string>> = { date: '--date', draft: '--draft' };

export function mustNaming<T>(result: Result<T>, flags: Readonly<Record<string, string>>): T {
  if (result.ok) return result.value;
  const message = result.error.message.replace(/^([A-Za-z][\w.]*):/, (whole, field: string) => (flags[field] ? `${flags[field]}:` : whole));
  throw inputError(message);
}

/** Finds a provider by id, or by name regardless of case. */
export async function findVendor(api: VettedApi, ref: string): Promise<VendorSummary> {
  const [found] = await findVendors(api, [ref]);
  return found!;
}

/** Finds several providers with one look at the register (the list scores every provider). */
export async function findVendors(api: VettedApi, refs: readonly string[]): Promise<VendorSummary[]> {
  const vendors = must(await api['vendor.list']({}));
  return refs.map((ref) => {
    const found = vendors.find((v) => v.id === ref) ?? vendors.find((v) => v.name.toLowerCase() === ref.toLowerCase());
    if (!found) throw inputError(`no provider named or with id "${ref}" (see: vetted list)`);
    return found;
  });
}
