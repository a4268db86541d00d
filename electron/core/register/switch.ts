// What the handlers of register.where / register.connect / register.disconnect ask: the process's
// register host (host.ts) when the app runs, or, for the CLI and tests, the one register given.
import type { ParsedInputOf } from '../../../shared/api';
import type { RegisterConnection, RegisterPlace } from '../../../shared/domain/register-place';
import { VettedError } from '../../../shared/result';
import { isServerLocation } from '../db/store/open-store';
import { withoutPassword } from '../db/store/pg-store';

export interface RegisterSwitch {
  where(): RegisterConnection;
  connect(input: ParsedInputOf<'register.connect'>): Promise<RegisterConnection>;
  disconnect(): Promise<RegisterConnection>;
}

export const GIVEN_AT_START =
  'Vetted was started on this register (--db or VETTED_DB): start it without them to choose the register in Settings.';

/**
 * The address as node-postgres will read it (a WHATWG URL): no password in it, by any spelling the
 * driver reads, and no server named in a parameter other than the one it shows. shared/'s check
 * reads it by hand first; this one is the parser's own reading, so the two cannot disagree unseen.
 */
export function assertSafeAddress(url: string): void {
  const refuse = (message: string) => new VettedError('validation', `url: ${message}`, [{ path: 'url', message }]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('This is not an address Vetted can read: postgres://USER@HOST:PORT/DATABASE.');
  }
  const names = [...parsed.searchParams.keys()].map((name) => name.toLowerCase());
  if (parsed.password !== '' || names.includes('password')) {
    throw refuse('Leave the password out of the address and type it under Password: the address is kept on this computer as written.');
  }
  if (names.some((name) => name === 'host' || name === 'hostaddr' || name === 'port')) {
    throw refuse('Name the server before the database (postgres://USER@HOST:PORT/DATABASE), not in a host, hostaddr or port parameter.');
  }
}

/** "host:port/database" of a team register's URL, as the app names it (no user, no password). */
export function serverAndDatabase(url: string): string {
  const parsed = new URL(withoutPassword(url));
  return `${parsed.host}${parsed.pathname}`;
}

/** Where a location is, as the app shows it: never with a password. */
export function placeOf(location: string): RegisterPlace {
  if (isServerLocation(location)) return { kind: 'team', location: withoutPassword(location), server: serverAndDatabase(location) };
  return { kind: 'file', location, server: null };
}

/** The register a process was given, which Settings cannot change (the CLI, `vetted serve --db`, tests). */
export function fixedRegister(location: string, because = GIVEN_AT_START): RegisterSwitch {
  const where = (): RegisterConnection => ({
    open: placeOf(location),
    switchable: false,
    fixedBecause: because,
    localFile: null,
    savedTeam: null,
    passwordStore: null,
    teamProblem: null,
  });
  const refuse = () => Promise.reject(new VettedError('unavailable', because));
  return { where, connect: refuse, disconnect: refuse };
}
