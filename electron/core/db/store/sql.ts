// The register's storage, whichever database holds it (issue 22): the embedded SQLite file (the
// default) or a team's PostgreSQL server. Services and repositories speak to one of these and never
// to a driver, so the same service code runs on both. Everything is async because a server is
// across a network; on SQLite the promises are already settled when they are returned.
//
// SQL is written once, in the subset both databases share, with `?` or `@name` parameters (the
// PostgreSQL store numbers them). Where the two really differ a repository asks `dialect`.

export type Dialect = 'sqlite' | 'postgres';

/** Positional (`?`) values, or named (`@name`) ones. */
export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** A statement that changes rows; how many it changed. */
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  /** Several statements without parameters (DDL, a migration's script). */
  exec(script: string): Promise<void>;
}

/** A transaction's connection: everything runs inside it. */
export interface Tx extends Sql {
  /**
   * Runs `work` in a savepoint: if it throws, only its own changes are undone and the error goes on
   * (the outer transaction decides about the rest).
   */
  nested<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Serialises this transaction with every other one that takes the same key until it ends (a
   * review's sign-off steps, the audit trail's append). On SQLite the write lock already serialises
   * every writer, so it does nothing there.
   */
  lockKey(key: string): Promise<void>;
}

export interface Store extends Sql {
  /** Where the register is, for messages (a file path, or the server URL without its password). */
  readonly location: string;
  /**
   * One write transaction. SQLite: BEGIN IMMEDIATE, waiting for another process's lock within the
   * write budget (then 'busy'). PostgreSQL: READ COMMITTED; rows a transaction changes are locked
   * until it ends, and writers of different rows never wait for each other.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** One consistent snapshot that refuses to write. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
