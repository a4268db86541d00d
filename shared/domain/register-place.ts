// Which register the app has open, and connecting it to a team register (issue 22, Settings →
// Register). Not a setting of the register: the choice is this computer's, kept beside the app's
// data (electron/core/register-host.ts), since a register cannot say where it is.
import { z } from 'zod';

export interface RegisterPlace {
  /** 'file': a register file on this computer; 'team': a team register on a PostgreSQL server. */
  kind: 'file' | 'team';
  /** The file's path, or the team register's URL without any password. */
  location: string;
  /** "host:port/database" for a team register; null for a file. */
  server: string | null;
}

export interface RegisterConnection {
  open: RegisterPlace;
  /** Whether Settings may change the register; false when Vetted was started on one (--db, VETTED_DB). */
  switchable: boolean;
  /** Why it may not, in words; null when it may. */
  fixedBecause: string | null;
  /** The register file on this computer that "Use the register on this computer" opens; null when not switchable. */
  localFile: string | null;
  /** A team register chosen on this computer; kept while the app falls back to the file because it could not be reached. */
  savedTeam: { location: string; passwordKept: boolean } | null;
  /** Where a kept password is, in words ("the OS keychain …", "a private file …"). */
  passwordStore: string | null;
  /** Set when the saved team register could not be opened at start: the app shows the file instead, and says so. */
  teamProblem: string | null;
}

/** The most a connection address may hold (certificates are named by path, never inlined). */
export const MAX_REGISTER_URL = 2000;

const SCHEME = /^postgres(?:ql)?:\/\//i;

/**
 * Why a team register address cannot be used, in words; null when it can. A password written into
 * the address would be kept in plain text with it, so it is refused: it goes in the password field.
 * Read by hand rather than with URL, which keeps shared/ free of host APIs; the server's driver
 * reads the address itself.
 */
export function teamAddressProblem(url: string): string | null {
  if (!SCHEME.test(url)) return 'Enter the address of a PostgreSQL register, starting with postgres:// (e.g. postgres://alice@db.internal:5432/vetted?sslmode=verify-full).';
  const rest = url.replace(SCHEME, '');
  // Read as a URL parser reads it (the login ends the server part, which ends at the first "/", "?"
  // or "#"), and also as if the login ran to the last "@" (a password may hold "/", "?" or "#"):
  // a password either reading finds is refused.
  const authority = rest.split(/[/?#]/)[0]!;
  const loginAsParsed = authority.includes('@') ? authority.slice(0, authority.lastIndexOf('@')) : '';
  const loginToLastAt = rest.includes('@') ? rest.slice(0, rest.lastIndexOf('@')) : '';
  const afterAuthority = rest.slice(authority.length);
  const query = afterAuthority.includes('?') ? afterAuthority.slice(afterAuthority.indexOf('?') + 1).split('#')[0]! : '';
  const parameters = query === '' ? [] : query.split('&').map((pair) => decodeURIComponentSafe(pair.split('=')[0] ?? '').toLowerCase());
  if (loginAsParsed.includes(':') || loginToLastAt.includes(':') || parameters.some((name) => name === 'password' || name === 'pass')) {
    return 'Leave the password out of the address and type it under Password: the address is kept on this computer as written.';
  }
  // The driver would connect to a server named in a parameter, not the one the address shows.
  if (parameters.some((name) => name === 'host' || name === 'hostaddr' || name === 'port')) {
    return 'Name the server before the database (postgres://USER@HOST:PORT/DATABASE), not in a host, hostaddr or port parameter.';
  }
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const database = afterAuthority.startsWith('/') ? afterAuthority.slice(1).split(/[?#]/)[0]! : '';
  if (host === '' || host.startsWith(':')) return 'The address names no server: postgres://USER@HOST:PORT/DATABASE.';
  if (database === '') return 'The address names no database: add it after the server (…:5432/vetted).';
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const RegisterConnect = z
  .object({
    url: z
      .string()
      .trim()
      .max(MAX_REGISTER_URL)
      .superRefine((url, context) => {
        const problem = teamAddressProblem(url);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    /** Omitted: the password kept on this computer for this address, else $PGPASSWORD, ~/.pgpass or a certificate. */
    password: z.string().max(1024).optional(),
    /** Keep the typed password on this computer (OS keychain in the desktop app, a private file in browser mode). */
    remember: z.boolean().default(false),
  })
  .strict();
export type RegisterConnectInput = z.input<typeof RegisterConnect>;
