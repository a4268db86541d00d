// What every service needs: the register's repositories, a clock and an id source (both injectable for tests).
//
// A context is bound to where its statements go: the store itself, or one transaction of it.
// `ctx.write(async (ctx) => …)` runs its work with a context whose repositories speak to that
// transaction, so a service called inside simply passes on the context it was given. Inside a
// transaction, `write` is a savepoint and `read` the same transaction.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Sql, Store, Tx } from './db/store/sql';
import { SqliteStore } from './db/store/sqlite-store';
import { KeyRing, KeySession } from './crypto/keyring';
import { notOnTeamRegister } from './db/store/team-only';
import type { KeySource } from './crypto/key-sources';
import { AuditRepository } from './repositories/audit';
import { EvidenceRepository } from './repositories/evidence';
import { FindingRepository } from './repositories/findings';
import { IncidentRepository } from './repositories/incidents';
import { MaintenanceRepository } from './repositories/maintenance';
import { QuestionnaireRequestRepository } from './repositories/questionnaire-requests';
import { ReviewStepRepository } from './repositories/review-steps';
import { ReviewRepository } from './repositories/reviews';
import { ScoreInputRepository } from './repositories/score-inputs';
import { SettingsRepository } from './repositories/settings';
import { TemplateRepository, type StoredTemplate } from './repositories/templates';
import { UpstreamRepository } from './repositories/upstreams';
import { VendorRepository } from './repositories/vendors';
import { ScoreCache } from './services/score-cache';

export interface Context {
  /**
   * The register file's connection, for what still speaks to better-sqlite3 directly (issue 22
   * moves it all to `sql`). Inside a `write` it is the same connection, in the same transaction.
   */
  db: Database;
  dbPath: string;
  /** The register, whichever database holds it. */
  store: Store;
  /** Where this context's statements go: the store, or the transaction it is bound to. */
  sql: Sql;
  /** One write transaction (a savepoint inside one), its work given a context bound to it. */
  write<T>(work: (ctx: Context) => Promise<T>): Promise<T>;
  /** One consistent read-only snapshot (inside a transaction: that transaction). */
  read<T>(work: (ctx: Context) => Promise<T>): Promise<T>;
  vendors: VendorRepository;
  templates: TemplateRepository;
  reviews: ReviewRepository;
  steps: ReviewStepRepository;
  scoreInputs: ScoreInputRepository;
  /** The register's scores, kept while their inputs' stamps hold (services/score-cache.ts). */
  scoreCache: ScoreCache;
  findings: FindingRepository;
  evidence: EvidenceRepository;
  maintenance: MaintenanceRepository;
  incidents: IncidentRepository;
  /** Fourth parties: what each provider itself runs on (issue 21). */
  upstreams: UpstreamRepository;
  requests: QuestionnaireRequestRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  /** The data key of confidential fields for this session (never stored in the register). */
  keys: KeyRing;
  now: () => Date;
  newId: () => string;
}

export interface ContextOptions {
  /** Where the data key of confidential fields comes from; without one, confidential data stays locked. */
  keySource?: KeySource | null;
  now?: () => Date;
  newId?: () => string;
}

/** A context over a register: a file's SqliteStore, or a team register's PgStore. */
export function createContext(store: Store, options: ContextOptions = {}): Context {
  const shared: Shared = {
    db: store instanceof SqliteStore ? store.db : connectionOfNoFile(),
    dbPath: store.location,
    store,
    scoreCache: new ScoreCache(),
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    templateCache: new Map(),
    keySession: new KeySession(options.keySource ?? null),
  };
  return {
    ...shared,
    ...repositoriesOn(shared, store),
    sql: store,
    write: (work) => store.write((tx) => work(contextIn(shared, tx))),
    read: (work) => store.read((tx) => work(contextIn(shared, tx))),
  };
}

/** What every context of one register shares, whichever transaction it is bound to. */
type Shared = Pick<Context, 'db' | 'dbPath' | 'store' | 'scoreCache' | 'now' | 'newId'> & {
  templateCache: Map<string, StoredTemplate>;
  keySession: KeySession;
};

/**
 * A team register has no file connection: what still needs one (the backup, the score cache kept
 * in the file) says so in words instead of reaching for it.
 */
function connectionOfNoFile(): Database {
  return new Proxy({} as Database, {
    get() {
      throw notOnTeamRegister('this');
    },
  });
}

function contextIn(shared: Shared, tx: Tx): Context {
  const ctx: Context = {
    ...shared,
    ...repositoriesOn(shared, tx),
    sql: tx,
    write: (work) => tx.nested((inner) => work(inner === tx ? ctx : contextIn(shared, inner))),
    read: (work) => work(ctx),
  };
  return ctx;
}

function repositoriesOn({ db, templateCache, keySession }: Shared, sql: Sql) {
  return {
    keys: new KeyRing(sql, keySession),
    vendors: new VendorRepository(sql),
    templates: new TemplateRepository(sql, templateCache),
    reviews: new ReviewRepository(sql),
    steps: new ReviewStepRepository(sql),
    scoreInputs: new ScoreInputRepository(sql),
    findings: new FindingRepository(sql),
    evidence: new EvidenceRepository(sql),
    maintenance: new MaintenanceRepository(sql),
    incidents: new IncidentRepository(sql),
    upstreams: new UpstreamRepository(sql),
    requests: new QuestionnaireRequestRepository(sql),
    audit: new AuditRepository(sql, sql.dialect === 'sqlite' ? db : null),
    settings: new SettingsRepository(sql),
  };
}
