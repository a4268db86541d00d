// The Store over the embedded register file (better-sqlite3, synchronous). One connection serves the
// whole process, so its transactions take turns (AsyncLock): a transaction awaits between its
// statements, and nothing from another caller may run on the connection meanwhile.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { busyError, isBusyError } from '../busy';
import { pastDeadlineError, writeDeadline } from '../deadline';
import { backoffMs, writeWaitBudget } from '../transactions';
import { AsyncLock } from './lock';
import { checkValue } from './placeholders';
import type { Params, Sql, Store, Tx } from './sql';
import { registerTurns } from './turns';

const STATEMENT_CACHE = 500;

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly lock = new AsyncLock();
  private readonly statements = new Map<string, Statement>();
  /** Which transaction the running code belongs to: a statement outside it while it holds the lock would wait forever. */
  private readonly owner = new AsyncLocalStorage<object>();
  private holder: object | null = null;
  private savepoints = 0;

  constructor(
    readonly db: Database,
    readonly location: string,
  ) {
    registerTurns(db, () => this.holder !== null && this.owner.getStore() !== this.holder);
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.outside(() => this.direct.all<T>(sql, params));
  }
  get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return this.outside(() => this.direct.get<T>(sql, params));
  }
  run(sql: string, params?: Params): Promise<{ changes: number }> {
    return this.outside(() => this.direct.run(sql, params));
  }
  exec(script: string): Promise<void> {
    return this.outside(() => this.direct.exec(script));
  }

  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(work, 'write');
  }

  async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(work, 'read');
  }

  async close(): Promise<void> {
    await this.lock.run(() => this.db.close());
  }

  /** Statements straight on the connection (inside a transaction that holds the lock). */
  private readonly direct: Sql = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params?: Params) => this.prepare(sql).all(...bind(params)) as T[],
    get: async <T>(sql: string, params?: Params) => this.prepare(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, params?: Params) => ({ changes: this.prepare(sql).run(...bind(params)).changes }),
    exec: async (script: string) => {
      this.db.exec(script);
    },
  };

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private outside<T>(work: () => Promise<T>): Promise<T> {
    this.refuseInsideOwnTransaction();
    return this.lock.run(work);
  }

  /** A statement on the store itself from inside one of its transactions is a bug: say so rather than hang. */
  private refuseInsideOwnTransaction(): void {
    const mine = this.owner.getStore();
    if (mine !== undefined && mine === this.holder) {
      throw new Error('the register was used outside the transaction this code runs in (use the transaction it was given)');
    }
  }

  private async transaction<T>(work: (tx: Tx) => Promise<T>, kind: 'read' | 'write'): Promise<T> {
    this.refuseInsideOwnTransaction();
    return this.lock.run(async () => {
      const token = {};
      this.holder = token;
      try {
        if (kind === 'write') await this.beginImmediate();
        else {
          this.db.pragma('query_only = ON');
          this.db.exec('BEGIN DEFERRED');
        }
        try {
          const result = await this.owner.run(token, () => work(this.tx()));
          this.db.exec('COMMIT');
          return result;
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw error;
        } finally {
          if (kind === 'read') this.db.pragma('query_only = OFF');
        }
      } finally {
        this.holder = null;
      }
    });
  }

  private tx(): Tx {
    const tx: Tx = {
      ...this.direct,
      nested: async <T>(work: (inner: Tx) => Promise<T>) => {
        const name = `vetted_sp_${++this.savepoints}`;
        this.db.exec(`SAVEPOINT ${name}`);
        try {
          const result = await work(tx);
          this.db.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw error;
        }
      },
      lockKey: async () => undefined,
    };
    return tx;
  }

  /**
   * BEGIN IMMEDIATE, asked again with jittered pauses while another process holds the write lock,
   * within the same budget and request deadline as the synchronous writeTransaction (transactions.ts):
   * a BEGIN that failed took no lock and ran nothing, so asking again is safe. The pauses are awaited,
   * so this process goes on serving what does not need the register.
   */
  private async beginImmediate(): Promise<void> {
    const deadline = writeDeadline();
    const startedAt = Date.now();
    if (deadline !== undefined && deadline <= startedAt) throw pastDeadlineError();
    const budgetMs = deadline === undefined ? writeWaitBudget() : Math.min(writeWaitBudget(), deadline - startedAt);
    // No busy_timeout for this BEGIN: SQLite's own wait would block the whole process, where these
    // awaited pauses let it serve everything else meanwhile.
    const usual = this.db.pragma('busy_timeout', { simple: true }) as number;
    for (let attempt = 0; ; attempt++) {
      try {
        this.db.pragma('busy_timeout = 0');
        try {
          this.db.exec('BEGIN IMMEDIATE');
        } finally {
          this.db.pragma(`busy_timeout = ${usual}`);
        }
        return;
      } catch (error) {
        if (!isBusyError(error)) throw error;
        const waitedMs = Date.now() - startedAt;
        if (waitedMs >= budgetMs) throw busyError(waitedMs);
        await new Promise((r) => setTimeout(r, Math.min(backoffMs(attempt), budgetMs - waitedMs)));
      }
    }
  }
}

/** better-sqlite3 takes a list spread out, or one object of named values. */
function bind(params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params.map(checkValue);
  for (const value of Object.values(params)) checkValue(value);
  return [params];
}
