// The Store over a team's PostgreSQL server (node-postgres). A pool of connections: statements
// outside a transaction take any free one; a transaction keeps one until it ends, so two reviewers'
// transactions run side by side and wait for each other only on the rows (or keys) both touch.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { VettedError } from '../../../../shared/result';
import { pastDeadlineError, writeDeadline } from '../deadline';
import { numberParameters, orderValues } from './placeholders';
import type { Params, Store, Tx } from './sql';

/** int8 (bigint, count(*)) as a JavaScript number, as SQLite gives it; refused past 2^53 rather than rounded. */
function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`integer ${text} is too large for the register`);
  return value;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return parseBigint;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PgStoreOptions {
  /** Connections kept open at most (default 4: one reviewer's app or CLI). */
  max?: number;
  /** Sent as application_name, so the server's own views say which program a session is. */
  applicationName?: string;
  /**
   * The login's password, when the app has it (typed in Settings, or kept on this computer);
   * otherwise node-postgres takes $PGPASSWORD or ~/.pgpass. Never part of `location`.
   */
  password?: string;
}

export class PgStore implements Store {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  /**
   * Whether the running code is inside one of this store's transactions: reaching for the store
   * itself there would run beside the transaction, on another connection (and could wait for its
   * own transaction's row locks). A bug, said loudly as the SQLite store does.
   */
  private readonly insideOwn = new AsyncLocalStorage<boolean>();

  private refuseInsideOwnTransaction(): void {
    if (this.insideOwn.getStore() === true) {
      throw new Error('the register was used outside the transaction this code runs in (use the transaction it was given)');
    }
  }
  private readonly pool: pg.Pool;

  constructor(
    /** The connection URL as given (with any password): for opening a second store on the same register. */
    readonly url: string,
    options: PgStoreOptions = {},
  ) {
    this.location = withoutPassword(url);
    this.pool = new pg.Pool({
      connectionString: options.password === undefined ? url : withPassword(url, options.password),
      max: options.max ?? 4,
      types,
      application_name: options.applicationName ?? 'vetted',
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection the server closed (a restart) must not crash the process: the pool drops it.
    this.pool.on('error', () => undefined);
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    this.refuseInsideOwnTransaction();
    return all<T>(this.pool, sql, params);
  }
  get<T>(sql: string, params?: Params): Promise<T | undefined> {
    this.refuseInsideOwnTransaction();
    return all<T>(this.pool, sql, params).then((rows) => rows[0]);
  }
  run(sql: string, params?: Params): Promise<{ changes: number }> {
    this.refuseInsideOwnTransaction();
    return run(this.pool, sql, params);
  }
  async exec(script: string): Promise<void> {
    await this.pool.query(script).catch((error: unknown) => {
      throw translatePgError(error);
    });
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(work, 'BEGIN ISOLATION LEVEL READ COMMITTED');
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // REPEATABLE READ: one snapshot for the whole read, as SQLite's read transaction gives.
    return this.transaction(work, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  private closing: Promise<void> | null = null;

  /** Ends the pool once; closing again (an owner and a cleanup both closing) waits for the same end. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  private async transaction<T>(work: (tx: Tx) => Promise<T>, begin: string): Promise<T> {
    const deadline = writeDeadline();
    if (deadline !== undefined && deadline <= Date.now()) throw pastDeadlineError();
    const client = await this.pool.connect().catch((error: unknown) => {
      throw translatePgError(error);
    });
    let broken = false;
    try {
      await client.query(begin);
      if (deadline !== undefined) {
        // Past the request's deadline its sender has shown it as failed: waiting for a lock longer
        // than that would let a Retry save it twice.
        const ms = Math.max(1, Math.floor(deadline - Date.now()));
        await client.query(`SET LOCAL lock_timeout = ${ms}`);
      }
      try {
        const result = await this.insideOwn.run(true, () => work(clientTx(client)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      }
    } catch (error) {
      throw translatePgError(error);
    } finally {
      client.release(broken);
    }
  }
}

function clientTx(client: pg.PoolClient): Tx {
  let savepoints = 0;
  const tx: Tx = {
    dialect: 'postgres',
    all: (sql, params) => all(client, sql, params),
    get: (sql, params) => all(client, sql, params).then((rows) => rows[0]) as never,
    run: (sql, params) => run(client, sql, params),
    exec: async (script) => {
      await client.query(script).catch((error: unknown) => {
        throw translatePgError(error);
      });
    },
    nested: async (work) => {
      const name = `vetted_sp_${++savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
    lockKey: async (key) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    },
  };
  return tx;
}

type Queryable = pg.Pool | pg.PoolClient;

async function all<T>(on: Queryable, sql: string, params?: Params): Promise<T[]> {
  const numbered = numberParameters(sql);
  try {
    const result = await on.query({ text: numbered.text, values: orderValues(numbered, params) });
    return result.rows as T[];
  } catch (error) {
    throw translatePgError(error);
  }
}

async function run(on: Queryable, sql: string, params?: Params): Promise<{ changes: number }> {
  const numbered = numberParameters(sql);
  try {
    const result = await on.query({ text: numbered.text, values: orderValues(numbered, params) });
    return { changes: result.rowCount ?? 0 };
  } catch (error) {
    throw translatePgError(error);
  }
}

/**
 * The server's errors in the register's words. Constraint errors keep their code for the dispatcher
 * (a unique violation is a 'conflict'); a lock wait past the deadline, a serialisation failure or a
 * deadlock is 'busy' (the transaction was rolled back: trying again is safe); a server that cannot
 * be reached says so without the password.
 */
export function translatePgError(error: unknown): unknown {
  if (error instanceof VettedError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '55P03' || code === '40001' || code === '40P01') {
    return new VettedError('busy', 'Another reviewer was changing the same thing; this change was not saved. Try again.');
  }
  if (code === '23505') {
    return new VettedError('conflict', 'That would duplicate something already in the register.');
  }
  if (code === '23503') {
    return new VettedError('conflict', 'That refers to something no longer in the register (another reviewer may have just removed it).');
  }
  if (code === '42501') {
    // The register's own guards (roles.ts) say what was refused and why, in words.
    const reason = error instanceof Error && /^(only an approver|a decided review|a review keeps its id|an answer stays with its review|separation of duties)/.test(error.message) ? `: ${error.message}` : '';
    return new VettedError('forbidden', `Your database role may not do this on the team register${reason}.`);
  }
  if (code === '28P01' || code === '28000') {
    return new VettedError('unauthorized', 'The team register’s server refused the login: check the user name and the password ($PGPASSWORD, ~/.pgpass) or certificate.');
  }
  if (error instanceof Error && /client password must be a string/.test(error.message)) {
    return new VettedError('unauthorized', 'The team register’s server asks for a password, and none was given (Settings → Register, $PGPASSWORD or ~/.pgpass).');
  }
  if (typeof code === 'string' && (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'))) {
    return new VettedError(
      'unavailable',
      `The team register’s server could not be trusted: its certificate did not verify (${code}). Nothing was read or written; check sslrootcert and the server's address.`,
    );
  }
  if (error instanceof Error && /does not support SSL/i.test(error.message)) {
    return new VettedError('unavailable', 'The team register’s server does not speak TLS, and the connection asked for it (sslmode). Nothing was read or written.');
  }
  if (code === '3D000') {
    return new VettedError('not_found', 'The team register’s server has no database of that name.');
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '57P01' || code === '57P03') {
    return new VettedError('unavailable', 'The team register’s server cannot be reached. Nothing was saved; try again when it is back.');
  }
  return error;
}

/** Node's names for a server certificate that did not verify. */
const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);

/** The URL signing in with `password` (node-postgres lets the URL's own fields win over its options). */
function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** A connection URL as it may be shown: without its password. */
export function withoutPassword(url: string): string {
  // Whatever stands between "user:" and the last "@" before the host is the password, even where
  // it holds characters a URL parser reads otherwise (#, ?, /).
  const masked = url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*:)(.*)@(?=[^@]*$)/i, '$1****@');
  if (masked !== url) url = masked;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    // node-postgres also takes the password as a parameter.
    for (const key of [...parsed.searchParams.keys()]) if (/^pass(word)?$/i.test(key)) parsed.searchParams.set(key, '****');
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
