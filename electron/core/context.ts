// What every service needs: the register's repositories, a clock and an id source (both injectable for tests).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { KeyRing } from './crypto/keyring';
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
import { TemplateRepository } from './repositories/templates';
import { UpstreamRepository } from './repositories/upstreams';
import { VendorRepository } from './repositories/vendors';
import { ScoreCache } from './services/score-cache';

export interface Context {
  db: Database;
  dbPath: string;
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

export function createContext(db: Database, dbPath: string, options: ContextOptions = {}): Context {
  return {
    db,
    dbPath,
    vendors: new VendorRepository(db),
    templates: new TemplateRepository(db),
    reviews: new ReviewRepository(db),
    steps: new ReviewStepRepository(db),
    scoreInputs: new ScoreInputRepository(db),
    scoreCache: new ScoreCache(),
    findings: new FindingRepository(db),
    evidence: new EvidenceRepository(db),
    maintenance: new MaintenanceRepository(db),
    incidents: new IncidentRepository(db),
    upstreams: new UpstreamRepository(db),
    requests: new QuestionnaireRequestRepository(db),
    audit: new AuditRepository(db),
    settings: new SettingsRepository(db),
    keys: new KeyRing(db, options.keySource ?? null),
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
}
