// What every step of a register import shares: the file, the report it fills, and how the file's
// rows were matched to the register's (a provider matched by name attaches everything of its to
// the register's provider). One state per import, thrown away with its transaction.
import type { ImportConflict, ImportCounts, ImportReport, RegisterExport } from '../../../../shared/register/format';
import type { Context } from '../../context';

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const counts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0, conflicts: 0 });

export type Order = 'local-newer' | 'same-time' | 'file-newer';

/** Compares two instants by time (not as text: "…:00Z" and "…:00.000Z" are the same moment). */
export function order(local: string, file: string): Order {
  const a = Date.parse(local);
  const b = Date.parse(file);
  if (a === b) return 'same-time';
  return a > b ? 'local-newer' : 'file-newer';
}

/** The report's counts each kind of conflict adds to (confidential values count in `confidential`). */
const GROUP = {
  template: 'templates',
  vendor: 'vendors',
  review: 'reviews',
  answer: 'answers',
  window: 'windows',
  blackout: 'blackouts',
  incident: 'incidents',
  'deleted-incident': 'deletedIncidents',
  status: 'statusSettings',
  request: 'questionnaireRequests',
  upstream: 'upstreams',
  setting: 'settings',
  step: 'reviewSteps',
  finding: 'findings',
  acceptance: 'acceptances',
  evidence: 'evidence',
  audit: 'auditTrail',
  confidential: null,
} as const satisfies Record<ImportConflict['kind'], keyof ImportReport | null>;

/** What became of a file's review: its answers, steps and lifecycle rows follow it. */
export type ReviewOutcome = 'added' | 'updated' | 'unchanged' | 'kept';

export class ImportState {
  readonly report: ImportReport;
  private exportedKeyOpened: Buffer | null | undefined;
  /** File template key (id@version) → false when the register holds a different one. */
  readonly templateUsable = new Map<string, boolean>();
  /** File vendor id → the register's vendor id it became (null: not imported). */
  readonly vendorIds = new Map<string, string | null>();
  readonly vendorNames = new Map<string, string>();
  /**
   * File review ids the register holds as the same review (answers and lifecycle rows can merge),
   * and whether the review's own fields came from the file or the register's were kept.
   */
  readonly reviewsImported = new Map<string, ReviewOutcome>();
  /** File review id → its provider's id in the file and in the register (a sealed comment is bound to it). */
  readonly reviewVendors = new Map<string, { fileVendorId: string; vendorId: string }>();
  /** File review id → the name of its provider, for naming answers. */
  readonly reviewVendorNames = new Map<string, string>();
  /** File finding ids the register holds under the same provider (acceptances can attach). */
  readonly findingsPresent = new Set<string>();
  readonly stamp: string;
  /** Who runs the import: the user name before it (an import may set one where none was). */
  /** The user name the import's own entries name (set by open(), which reads it). */
  actor = '';

  /**
   * The exporting register's key, if this session's key source opens it: opened once per import,
   * as each opening runs scrypt (slow on purpose) inside the write lock.
   */
  exportedKey(): Buffer | null {
    if (this.exportedKeyOpened === undefined) this.exportedKeyOpened = this.data.confidential ? this.ctx.keys.openOther(this.data.confidential) : null;
    return this.exportedKeyOpened;
  }

  constructor(
    readonly ctx: Context,
    readonly data: RegisterExport,
    dryRun: boolean,
  ) {
    this.report = {
      dryRun,
      templates: counts(),
      vendors: counts(),
      reviews: counts(),
      answers: counts(),
      windows: counts(),
      blackouts: counts(),
      incidents: counts(),
      deletedIncidents: counts(),
      statusSettings: counts(),
      questionnaireRequests: counts(),
      upstreams: counts(),
      settings: counts(),
      reviewSteps: counts(),
      findings: counts(),
      acceptances: counts(),
      evidence: counts(),
      evidenceFilesMissing: 0,
      auditTrail: counts(),
      auditTrailHead: 'matches',
      confidential: { key: 'none', opened: 0, resealed: 0, locked: 0, keptOut: 0 },
      conflicts: [],
    };
    this.stamp = ctx.now().toISOString();
  }

  conflict(kind: ImportConflict['kind'], id: string, name: string, reason: string): void {
    const group = GROUP[kind];
    if (group !== null) this.report[group].conflicts += 1;
    this.report.conflicts.push({ kind, id, name, reason });
  }

  newerReason(local: string, file: string): string {
    return `the register's copy is newer (changed ${local}; the file's ${file}) and was kept`;
  }

  vendorName(fileVendorId: string): string {
    return this.vendorNames.get(fileVendorId) ?? fileVendorId;
  }
}
