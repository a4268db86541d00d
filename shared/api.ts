// The contract: every operation a user can perform, its input schema and its result type.
// The preload bridge, the HTTP bridge, the CLI and the tests are transports over this object.
import { z } from 'zod';
import { MAX_COMPARE_PROVIDERS, MIN_COMPARE_PROVIDERS } from './compare/limits';
import type { Comparison } from './compare/model';
import { IsoDate } from './domain/dates';
import { AcceptanceInput, type Acceptance, type AcceptanceState } from './domain/acceptances';
import type { AuditChainCheck, AuditEntry } from './domain/audit';
import type { KeyStatus, TeamKeyShare, TeamKeyView } from './domain/confidential';
import { EvidenceInput, EvidencePatch, type Evidence, type EvidenceState } from './domain/evidence';
import { FindingFromAnswer, FindingInput, FindingPatch, type Finding, type FindingStatus } from './domain/findings';
import type { Reassessment } from './domain/reassessment';
import type { Answer, Review, ReviewStatus, SavedAnswer } from './domain/review';
import type { ReviewStep } from './domain/workflow';
import { SettingsPatch, type Settings } from './domain/settings';
import { RegisterConnect, type RegisterConnection } from './domain/register-place';
import { AnswerValue } from './domain/review';
import type { Template } from './domain/template';
import type { Tier } from './domain/tier';
import {
  BlackoutInput,
  BlackoutPatch,
  DateRange,
  WindowInput,
  WindowPatch,
  type BlackoutPeriod,
  type MaintenanceWindow,
} from './domain/maintenance';
import type { MaintenanceWarnings } from './maintenance/overlaps';
import {
  IncidentInput,
  IncidentPatch,
  StatusSettingsPatch,
  type Incident,
  type IncidentClaimCheck,
  type StatusSettings,
  type TransparencyMeasures,
} from './domain/incidents';
import { INCIDENT_CLAIM_QUESTIONS } from './domain/incidents';
import { MAX_ANSWERS_FILE_CHARS, type QuestionnaireReceipt, type QuestionnaireRequestView } from './domain/vendor-exchange';
import type { Vendor, VendorCategory, VendorStatus, DataCategory } from './domain/vendor';
import { VendorPatch, withVendorDefaults, type VendorFields } from './domain/vendor';
import { UpstreamInput, UpstreamPatch, type Upstream } from './domain/upstream';
import type { CatalogueParty } from './upstream/catalogue';
import type { BlastRadius } from './upstream/blast-radius';
import type { Concentration, ConcentrationAlert } from './upstream/concentration';
import type { IncidentSignals, MaintenanceSignals } from './upstream/signals';
import { MAX_SUBPROCESSOR_FILE_CHARS } from './upstream/limits';
import type { SubprocessorFileFormat, SubprocessorMapping } from './upstream/subprocessor-file';
import type { SubprocessorPlanRow } from './upstream/subprocessor-plan';
import type { StatusComponentPlanRow } from './upstream/status-components';
import { OPERATION_NAMES, type OperationNameList } from './operations';
import { MAX_TEMPLATE_EXTENSIONS, MAX_TEMPLATE_IMPORT_CHARS } from './templates/format';
import type { ImportReport } from './register/format';
import { MAX_REGISTER_IMPORT_CHARS } from './register/limits';
export type { ImportConflict, ImportCounts, ImportReport } from './register/format';
export type { RegisterConnection, RegisterPlace } from './domain/register-place';
import type { Result } from './result';
import type { ScoreResult } from './scoring/types';

/** An operation: a zod input schema plus the (type-only) value it returns. */
export interface Operation<I extends z.ZodType, O> {
  /** Built the first time it is read (see op below), then the same schema every time. */
  readonly input: I;
  /** Never set at run time; carries the result type. */
  readonly output?: O;
}
/**
 * An operation whose input schema is built on first use: building the seventy-odd schemas costs more
 * than a short `vetted` run spends on its own work, and a run (or a request) reads one or two.
 */
const op = <I extends z.ZodType>(build: () => I) => ({
  returns: <O>(): Operation<I, O> => {
    let input: I | undefined;
    return {
      get input() {
        return (input ??= build());
      },
    };
  },
});

const EntityId = z.string().min(1).max(100);
/** An iCalendar or Statuspage file larger than this is not a provider's maintenance feed. */
export const MAX_WINDOW_IMPORT_CHARS = 5 * 1024 * 1024;
const Note = z.string().trim().max(5000);
const none = z.object({}).strict();
const CompareIds = z
  .array(EntityId)
  .min(MIN_COMPARE_PROVIDERS, `choose at least ${MIN_COMPARE_PROVIDERS} providers`)
  .max(MAX_COMPARE_PROVIDERS, `choose at most ${MAX_COMPARE_PROVIDERS} providers`)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a provider twice');

export interface VendorSummary {
  id: string;
  name: string;
  service: string;
  category: VendorCategory;
  status: VendorStatus;
  criticalPath: boolean;
  dataCategories: DataCategory[];
  score: number | null;
  /** The newest review's tier (frozen when decided); shared/register/tier-basis.ts says what the register shows. */
  tier: Tier | null;
  state: ScoreResult['state'] | 'not_started';
  /** The newest review's status; null when no review has started. */
  reviewStatus: ReviewStatus | null;
  /** The tier of the provider's profile alone, known before any review. */
  inherentTier: Tier;
  completion: number;
  knockouts: number;
  /** When a review of this provider was last decided (approved, with conditions, or rejected); null until one is. */
  lastReviewed: string | null;
  /** When the next review is due (from the latest approval). */
  reassessment: Reassessment;
  /** Findings open or in progress (an acceptance that expired counts as open). */
  openFindings: number;
  overdueFindings: number;
  /** Incidents on record that started in the last 90 days (to today), and how many of all are still open. */
  incidents90d: number;
  openIncidents: number;
}

export interface TemplateSummary {
  id: string;
  version: number;
  name: string;
  sections: number;
  questions: number;
  builtIn: boolean;
}

/**
 * What `template.import` did. `added` is false when the content was already stored (as the
 * latest version, or as the version the file names): `template` is then that stored version.
 */
export interface TemplateImport {
  template: TemplateSummary;
  added: boolean;
  /** What did not carry over exactly (VSAQ uploads, shortened texts…). */
  warnings: string[];
  /**
   * Added over an earlier version: what changed from the latest one stored before (questions and
   * risk flags added, removed, changed). Null for a new id, and when nothing was added.
   */
  changes: import('./templates/diff').TemplateChanges | null;
}

const TemplateText = z
  .string()
  .max(MAX_TEMPLATE_IMPORT_CHARS, `the file is larger than ${MAX_TEMPLATE_IMPORT_CHARS / 1024 / 1024} MB`);

/**
 * vendor.create: the provider's fields (everything but the name has a default) and, optionally, the
 * template its first review starts on (the newest version), in the same transaction.
 */
const VendorCreate = VendorPatch.extend({ templateId: EntityId.optional() })
  .required({ name: true })
  .strict()
  .transform(({ templateId, ...given }): VendorFields & { templateId?: string } => ({
    ...withVendorDefaults(given),
    ...(templateId === undefined ? {} : { templateId }),
  }));

/** Why a new review uses its template (see review.templateFor). */
export type NewReviewTemplateSource = 'chosen' | 'previous' | 'category' | 'built-in';

/** The template (newest version) a review started now would use, and why. */
export interface NewReviewTemplate {
  template: Template;
  /**
   * chosen: the templateId given; previous: the provider's latest review's (a reassessment);
   * category: the default for the provider's category in Settings; built-in: none of these.
   */
  source: NewReviewTemplateSource;
}

/** A review with everything needed to show and score it. */
export interface ReviewDetail {
  review: Review;
  answers: Answer[];
  template: Template;
  /** The newest stored version of the review's template; above review.templateVersion, the review can move to it (review.migrate). */
  latestVersion: number;
  /** The workflow steps of this review, oldest first. */
  steps: ReviewStep[];
  /** The score its decision froze (with the scoring model of that day); null while the review is open. */
  frozenScore: ScoreResult | null;
  /** The stored version of each answer, by question id (answer.save's basedOn). */
  versions: Record<string, number>;
}

/** One review of a provider's history: its sign-off and the score it had (frozen once decided). */
export interface ReviewHistoryEntry {
  review: Review;
  steps: ReviewStep[];
  /** From the snapshot taken at the decision; live for an open review. */
  score: number | null;
  tier: Tier | null;
  completion: number;
  /** True when score, tier and answers come from the snapshot frozen at the decision. */
  frozen: boolean;
  /** A next-review date set by hand on this (approved) review. */
  dueOverride: string | null;
}

/** A finding with what the lists show beside it. */
export interface FindingView extends Finding {
  vendorName: string;
  /** An accepted finding whose acceptance expired or was revoked is open again. */
  effectiveStatus: FindingStatus;
  overdue: boolean;
  /** The finding's current acceptance (the newest one), if any. */
  acceptance: AcceptanceView | null;
  /** The question's text, when the finding came from an answer. */
  questionText: string | null;
}

export interface AcceptanceView extends Acceptance {
  vendorName: string;
  state: AcceptanceState;
  /** What is accepted, in words: the finding's title or "Review started 2026-01-05". */
  subject: string;
}

export interface EvidenceView extends Evidence {
  vendorName: string;
  state: EvidenceState;
}

/** One provider's place in the reassessment schedule. */
export interface DueEntry extends Reassessment {
  vendorId: string;
  vendorName: string;
  vendorStatus: VendorStatus;
}

/** What needs attention now: the app's home and `vetted due` read this. */
export interface Attention {
  today: string;
  /** Active providers whose next review is overdue or due within 30 days, soonest first. */
  reviews: DueEntry[];
  /** Findings past their due date, and accepted findings whose acceptance expired. */
  findings: FindingView[];
  /** Evidence expired or expiring within 30 days. */
  evidence: EvidenceView[];
  /** Review-level acceptances that expired. */
  acceptances: AcceptanceView[];
  /**
   * Maintenance over the next 90 days: overlaps between providers, windows in blackouts, short
   * notice; at most ATTENTION_MAINTENANCE_LIMIT of each (critical first), `totals` counts them all.
   */
  maintenance: MaintenanceWarnings;
  /**
   * Incidents: still open on a critical-path provider (newest first), and major or critical ones
   * resolved more than POSTMORTEM_GRACE_DAYS days ago with no postmortem on record (oldest first).
   * Retired providers are left out.
   */
  incidents: { openCritical: IncidentView[]; missingPostmortems: IncidentView[] };
  /**
   * Fourth parties (and their regions) carrying more of the critical path than the Settings
   * threshold allows, highest share first, each with its sentence.
   */
  concentration: ConcentrationAttention[];
}

/** A concentration alert as Needs attention shows it. */
export interface ConcentrationAttention extends ConcentrationAlert {
  /** "Amazon Web Services us-east-1 carries 3 of your 4 critical-path providers (75 %)". */
  words: string;
}

/** The concentration view: exposure across the register today, and what exceeds the threshold. */
export interface ConcentrationView {
  concentration: Concentration;
  /** Parties and regions whose critical share is more than `threshold`. */
  alerts: ConcentrationAlert[];
  /** The Settings threshold (a fraction 0–1). */
  threshold: number;
  /** Today (UTC), the day the view speaks for. */
  asOf: string;
}

/** A blast radius, with a note when the region asked for is recorded by no provider of the party. */
export interface BlastRadiusView extends BlastRadius {
  /** Null, or e.g. "No provider records eu-north-1 of Amazon Web Services: nobody is hit." */
  note: string | null;
}

/** Signals that connect the evidence: incidents in the same hours, maintenance on a shared fourth party. */
export interface ConcentrationSignals {
  incidents: IncidentSignals;
  /** Over the attention list's maintenance horizon (today and the next ATTENTION_MAINTENANCE_DAYS − 1 days). */
  maintenance: MaintenanceSignals;
}

/** A maintenance window with what lists show beside it. */
export interface WindowView extends MaintenanceWindow {
  vendorName: string;
  criticalPath: boolean;
  /** The schedule in words: "Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)". */
  words: string;
}

/** An incident with what lists show beside it. */
export interface IncidentView extends Incident {
  vendorName: string;
  criticalPath: boolean;
}

/** A status page file's format, detected from its content. */
export type StatusFileFormat = 'statuspage' | 'atom' | 'rss' | 'instatus';

/** A status file larger than this is not one page's history (about 2,000 incidents fit in 5 MB). */
export const MAX_STATUS_IMPORT_CHARS = 20 * 1024 * 1024;

/** What `status.import` and `status.refresh` did (or, on a dry run, would do): all of it or none. */
export interface StatusImport {
  format: StatusFileFormat;
  dryRun: boolean;
  /** The page the file says it came from. */
  page: { name: string | null; url: string | null };
  incidents: {
    added: number;
    /** Replaced by a later version from the source (a later updated_at). */
    updated: number;
    unchanged: number;
    /** Not newer than the stored version (the same or an older file): kept as stored. */
    older: number;
    /** Imported before and deleted here: not brought back. */
    deletedHere: number;
  };
  /** The file's scheduled maintenances, stored as maintenance windows (as `window.import` would). */
  maintenances: { added: number; updated: number; unchanged: number; older: number };
  /** What did not carry over exactly. */
  warnings: string[];
  /** `status.refresh` only: the addresses read, with their sizes. */
  fetched: { url: string; bytes: number }[];
}

/** The measures over a period and the incident-transparency answers they test. */
export interface Transparency {
  vendorId: string;
  measures: TransparencyMeasures;
  /**
   * The review whose answers were checked: today, the latest (a draft included); for a past date,
   * the one decided on or before it (its frozen answers). Null when there is none.
   */
  reviewId: string | null;
  claims: IncidentClaimCheck[];
  /** Every component name in the provider's record, for choosing those you use. */
  components: string[];
  settings: StatusSettings;
}

/** The maintenance file formats `window.import` reads (detected from the content). */
export type WindowFileFormat = 'ical' | 'statuspage';

/** What `window.import` did (or, on a dry run, would do): all of the file or none of it. */
export interface WindowImport {
  format: WindowFileFormat;
  dryRun: boolean;
  added: number;
  /** Replaced by a newer version (higher SEQUENCE or a later Statuspage update). */
  updated: number;
  /** Of those added or updated: now cancelled. */
  cancelled: number;
  /** Already stored as they are. */
  unchanged: number;
  /** Not newer than the version stored (an older SEQUENCE, or the same one edited here since): kept as stored. */
  older: number;
  /** The windows the file touched (added, updated or unchanged), by start. */
  windows: WindowView[];
  /** What did not carry over exactly (an unknown impact read as outage, …). */
  warnings: string[];
}

/** A provider's fourth party, with what lists show beside it. */
export interface UpstreamView extends Upstream {
  vendorName: string;
  criticalPath: boolean;
}

/**
 * What `upstream.import` did (or, on a dry run, would do) with a provider's subprocessor list: the
 * mapping it used, every row with what became of it, and the provider's upstreams afterwards.
 */
export interface UpstreamImport {
  vendorId: string;
  vendorName: string;
  format: SubprocessorFileFormat;
  dryRun: boolean;
  /** The file's columns, and which of them gave the name, purpose and location. */
  headers: string[];
  mapping: SubprocessorMapping;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Every row of the file, in file order. */
  rows: SubprocessorPlanRow[];
  /** The provider's upstreams after the import (on a dry run: as they would be). */
  upstreams: UpstreamView[];
}

/**
 * What `upstream.fromStatus` did (or, on a dry run, would do): the status page components the
 * register holds for the provider, one row per catalogued party they name, and those naming none.
 */
export interface UpstreamFromStatus {
  vendorId: string;
  vendorName: string;
  dryRun: boolean;
  /** Every component name read (its incidents' components and the components you use); empty: none known. */
  components: string[];
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rows: StatusComponentPlanRow[];
  /** Components that name no catalogued party: left out, never guessed. */
  unmatched: string[];
  /** The provider's upstreams after it (on a dry run: as they would be). */
  upstreams: UpstreamView[];
}

/** What `review.migrate` did. */
export interface ReviewMigration {
  /** The new draft review on the newer version. */
  review: ReviewDetail;
  /** Question ids whose answers (value, comment, na) moved. */
  carried: string[];
  /** Answers left behind: the question is gone, or the value no longer fits it. */
  unmatched: { questionId: string; reason: string }[];
}

/** A generated file, carried as base64 so every transport (IPC, HTTP, CLI) handles it alike. */
export interface GeneratedFile {
  fileName: string;
  mediaType: string;
  base64: string;
  bytes: number;
  /** E.g. characters no installed font can show; the UI and CLI show these. */
  warnings: string[];
}

/** Why a provider that could belong in the subprocessor list is not in it. */
export type SubprocessorOmissionReason = 'not_approved' | 'not_active' | 'retired' | 'no_personal_data' | 'added_after';

export interface SubprocessorOmission {
  vendorId: string;
  name: string;
  reason: SubprocessorOmissionReason;
  /** The reason in words, as the app and the CLI print it ("not approved as of 2026-12-04"). */
  words: string;
}

/** The subprocessor list, with every provider it leaves out and why (warnings carry disagreements). */
/** What questionnaire.send made: the page (an HTML file) and the request it carries. */
export interface QuestionnaireSent extends GeneratedFile {
  request: QuestionnaireRequestView;
}

export interface SubprocessorExport extends GeneratedFile {
  /** How many providers the list names. */
  listed: number;
  leftOut: SubprocessorOmission[];
}

export interface AppInfo {
  /** The register file, or a team register's URL without its password. */
  dbPath: string;
  /** A team register's server and database ("db.internal:5432/vetted"); null for a file on this computer. */
  teamRegister: string | null;
  schemaVersion: number;
  vendors: number;
  version: string;
}

export const contract = {
  'app.info': op(() => none).returns<AppInfo>(),
  /** Which register is open (a file here, or a team register) and whether Settings may change it. */
  'register.where': op(() => none).returns<RegisterConnection>(),
  /**
   * Opens the team register at `url` (migrated, checked to be a Vetted register or empty) and
   * works on it from now on, remembered on this computer; the register open before is left as it
   * was. Refused, with nothing changed, when it cannot be reached or signed in to, or when Vetted
   * was started on one register (--db, VETTED_DB).
   */
  'register.connect': op(() => RegisterConnect).returns<RegisterConnection>(),
  /** Goes back to the register file on this computer, and forgets the team register and any kept password. */
  'register.disconnect': op(() => none).returns<RegisterConnection>(),
  'vendor.list': op(() => none).returns<VendorSummary[]>(),
  'vendor.get': op(() => z.object({ id: EntityId }).strict()).returns<Vendor>(),
  /**
   * Adds a provider. With templateId, its first review starts at once on the newest version of that
   * template (an unknown id is a validation error naming templateId, and nothing is created).
   */
  'vendor.create': op(() => VendorCreate).returns<Vendor>(),
  'vendor.update': op(() => z.object({ id: EntityId, patch: VendorPatch }).strict()).returns<Vendor>(),
  'vendor.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  'template.list': op(() => none).returns<TemplateSummary[]>(),
  'template.get': op(() => 
    z.object({ id: EntityId, version: z.number().int().min(1).optional() }).strict(),
  ).returns<Template>(),
  /**
   * Adds a template from a file: Vetted's own JSON (docs/template.schema.json) or a VSAQ
   * questionnaire with its extensions. Content already stored (as the latest version, or as the
   * version the file names) changes nothing (added: false). Otherwise it is stored as `version`
   * when given (above the latest stored, else a validation error naming `version`), as the file's
   * own version when that is above the latest, else as the next version (latest + 1); `changes`
   * says what differs from the latest. Reviews keep their version until migrated (review.migrate).
   */
  'template.import': op(() => 
    z
      .object({
        text: TemplateText,
        format: z.enum(['auto', 'vetted', 'vsaq']).optional(),
        /** The template id (required for VSAQ; for a Vetted file it replaces the file's id). */
        id: z.string().min(1).max(120).optional(),
        /** VSAQ extension texts, applied in order. */
        extensions: z.array(TemplateText).max(MAX_TEMPLATE_EXTENSIONS).optional(),
        /** The version to store it as (above the latest stored); by default the next one when the content changed. */
        version: z.number().int().min(1).max(1_000_000).optional(),
      })
      .strict(),
  ).returns<TemplateImport>(),
  /** A stored template (latest version unless given) as a Vetted template file (JSON). */
  'template.export': op(() => 
    z.object({ id: EntityId, version: z.number().int().min(1).optional() }).strict(),
  ).returns<GeneratedFile>(),
  /**
   * Starts a review on the newest version of a template: the one named, else (a reassessment) the
   * latest review's, else the provider's category default in Settings, else the built-in one. When
   * the provider's latest review is still open it is returned as it is (the same template or none
   * named) or the call is a conflict (another template named). A reassessment on the same template
   * begins from the decided review's answers. An unknown templateId is a validation error.
   */
  'review.start': op(() => 
    z
      .object({
        vendorId: EntityId,
        templateId: EntityId.optional(),
        reviewer: z.string().trim().max(200).optional(),
      })
      .strict(),
  ).returns<ReviewDetail>(),
  /** The template review.start would use for this provider now (the same rule), without starting anything. */
  'review.templateFor': op(() => z.object({ vendorId: EntityId, templateId: EntityId.optional() }).strict()).returns<NewReviewTemplate>(),
  /** The provider's latest review, or null when none was started. */
  'review.current': op(() => z.object({ vendorId: EntityId }).strict()).returns<ReviewDetail | null>(),
  /**
   * Moves an open review (draft, in review) to a newer version of its template (the newest unless
   * given), in one transaction: a new draft review gets the answers that still fit; the old review
   * is kept unchanged. A closed review is a conflict; a version not above the review's is a
   * validation error; an unknown version is not_found.
   */
  'review.migrate': op(() => 
    z.object({ reviewId: EntityId, toVersion: z.number().int().min(1).optional() }).strict(),
  ).returns<ReviewMigration>(),
  /**
   * The provider answers it: one self-contained HTML page (no network, a strict CSP) carrying the
   * template of the provider's open review (else the one review.start would use), who asks, the
   * contact and due date, a request id and the template's hash; with `prefill`, the answers held
   * (never a reviewer's comment). The request is kept (and audited) so the answers can come back.
   */
  'questionnaire.send': op(() => 
    z
      .object({
        vendorId: EntityId,
        /** The provider's contact, e.g. "Jane Doe <jane@example.com>". */
        contact: z.string().trim().max(200).regex(/^[^\r\n]*$/, 'must be one line').optional(),
        /** Answer by (YYYY-MM-DD, not before today). */
        due: IsoDate.optional(),
        /** Send the answers already held, marked as such. */
        prefill: z.boolean().optional(),
      })
      .strict(),
  ).returns<QuestionnaireSent>(),
  /** The questionnaires sent (to one provider or all), newest first. */
  'questionnaire.requests': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<QuestionnaireRequestView[]>(),
  /**
   * An answers file back: the page's (vetted.answers/1, its request id, template hash and digest
   * checked) or VSAQ's flat answers map (vendorId required). Shows the diff against the open review
   * and takes what `accept` names (default none) in one transaction, as answered by the provider;
   * starts a review when none is open. A file for another request, provider or template version
   * is refused (an older version: moveToCurrent carries the answers that still fit); values that
   * do not fit are listed and left out. dryRun takes nothing.
   */
  'questionnaire.receive': op(() => 
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        text: z.string().max(MAX_ANSWERS_FILE_CHARS, `the answers file is larger than ${MAX_ANSWERS_FILE_CHARS / 1024 / 1024} MB`),
        vendorId: EntityId.optional(),
        accept: z.union([z.enum(['all', 'none']), z.array(z.string().min(1).max(120)).min(1).max(2000)]).optional(),
        moveToCurrent: z.boolean().optional(),
        /** The digest the provider quoted (in their e-mail): a file whose digest differs is refused. */
        expectSha256: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'expected a SHA-256 digest (64 hex digits)').optional(),
        dryRun: z.boolean().optional(),
      })
      .strict(),
  ).returns<QuestionnaireReceipt>(),
  'answer.save': op(() => 
    z
      .object({
        reviewId: EntityId,
        questionId: z.string().min(1).max(120),
        /** Omitted fields keep what is stored, so saving a comment never resets the value. */
        value: AnswerValue.optional(),
        comment: z.string().max(20000).optional(),
        na: z.boolean().optional(),
        /** The comment is confidential: stored encrypted, locked without the key, left out of reports unless asked. */
        confidential: z.boolean().optional(),
        /**
         * The version of the answer this change was made on (ReviewDetail.versions; 0: there was no
         * answer yet). When someone else saved the answer since, the save is refused as a conflict
         * naming who and when (ApiError.version: the version stored now; send it as basedOn to save
         * over theirs), unless it stores exactly what is already there. Omitted: no check (the CLI).
         */
        basedOn: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      })
      .strict()
      .refine((a) => a.value !== undefined || a.comment !== undefined || a.na !== undefined || a.confidential !== undefined, {
        message: 'give a value, a comment, na or confidential',
      }),
  ).returns<SavedAnswer>(),
  /**
   * Moves a review along the workflow (domain/workflow.ts TRANSITIONS). `by` defaults to the user
   * name in settings and must not end up empty; approving with conditions and rejecting need a
   * note. Approving needs a review that gets a tier (docs/scoring.md, section 6: enough answered and covered, must-haves answered, no profile conflicts). A decision freezes a snapshot of the
   * answers and score; after it, review.start begins a new review from the last answers.
   */
  'review.transition': op(() => 
    z
      .object({
        reviewId: EntityId,
        to: z.enum(['draft', 'in_review', 'approved', 'approved_with_conditions', 'rejected']),
        by: z.string().trim().max(200).optional(),
        note: Note.optional(),
        /**
         * Approving (with or without conditions) makes a proposed provider active unless this is
         * false; other steps ignore it. The status change is in the audit trail.
         */
        activateProvider: z.boolean().optional(),
      })
      .strict(),
  ).returns<ReviewDetail>(),
  /** Every review of a provider, newest first, with its steps and (frozen) score. */
  'review.history': op(() => z.object({ vendorId: EntityId }).strict()).returns<ReviewHistoryEntry[]>(),
  /** Sets (or, with null, clears) the next-review date of an approved review by hand. */
  'review.setDue': op(() => z.object({ reviewId: EntityId, due: IsoDate.nullable() }).strict()).returns<ReviewHistoryEntry>(),
  /** Findings, newest first: of one provider or all; `open` keeps open and in-progress ones, `overdue` those past due. */
  'finding.list': op(() => 
    z
      .object({
        vendorId: EntityId.optional(),
        open: z.boolean().optional(),
        overdue: z.boolean().optional(),
      })
      .strict(),
  ).returns<FindingView[]>(),
  'finding.create': op(() => FindingInput).returns<FindingView>(),
  /**
   * From a question whose answer lost points or hit a knock-out: a finding with its description
   * taken from the answer and the score's reason, and its title (by default the reason's first
   * sentence), severity (by default from the loss), owner and due date as given. An answer that
   * lost nothing is a validation error; a finding already open for that answer is returned as is.
   */
  'finding.fromAnswer': op(() => FindingFromAnswer).returns<FindingView>(),
  'finding.update': op(() => z.object({ id: EntityId, patch: FindingPatch }).strict()).returns<FindingView>(),
  'finding.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  /** Risk acceptances of one provider or all, newest first. */
  'acceptance.list': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<AcceptanceView[]>(),
  /** Accepts a finding (its status becomes accepted) or a whole review, until expiresOn (after today). */
  'acceptance.create': op(() => AcceptanceInput).returns<AcceptanceView>(),
  /** Withdraws an acceptance; an accepted finding becomes open again. */
  'acceptance.revoke': op(() => z.object({ id: EntityId }).strict()).returns<AcceptanceView>(),
  /** Evidence of one provider or all (without the files' bytes), by provider then newest first. */
  'evidence.list': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<EvidenceView[]>(),
  /** Stores a file inside the register with its SHA-256. */
  'evidence.add': op(() => EvidenceInput).returns<EvidenceView>(),
  'evidence.update': op(() => z.object({ id: EntityId, patch: EvidencePatch }).strict()).returns<EvidenceView>(),
  'evidence.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  /** The stored file, checked against its SHA-256 (a mismatch is an error, never a silent copy). */
  'evidence.file': op(() => z.object({ id: EntityId }).strict()).returns<GeneratedFile>(),
  /** Every provider's next review date, soonest first; `withinDays` keeps those due by then (overdue included). */
  'reassessment.list': op(() => z.object({ withinDays: z.number().int().min(0).max(3660).optional() }).strict()).returns<DueEntry[]>(),
  /** Overdue reviews, findings past due, expiring evidence, expired acceptances. */
  'attention.get': op(() => none).returns<Attention>(),
  /** The audit trail, newest first: one provider's or all, `limit` rows before the row id `before`. */
  'audit.list': op(() => 
    z
      .object({
        vendorId: EntityId.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        before: z.number().int().min(1).optional(),
      })
      .strict(),
  ).returns<AuditEntry[]>(),
  /** The audit trail (one provider's or all) as an RFC 4180 CSV, oldest first. */
  'audit.export': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<GeneratedFile>(),
  /** Recomputes the audit trail's hash chain: entries, chain head, and the first entry that does not verify. */
  'audit.verify': op(() => none).returns<AuditChainCheck>(),
  /** The latest review's score, or null when no review was started. */
  'score.get': op(() => z.object({ vendorId: EntityId }).strict()).returns<ScoreResult | null>(),
  'settings.get': op(() => none).returns<Settings>(),
  'settings.update': op(() => SettingsPatch).returns<Settings>(),
  /**
   * The review report as of `date` (today when omitted; a later date is refused): the latest
   * review decided on or before that date, with a line on any review opened after it. `draft`
   * reports the open review instead, marked DRAFT on every page. Same data + same date = same bytes.
   */
  'report.vendor': op(() => 
    z
      .object({
        vendorId: EntityId,
        includeConfidential: z.boolean().optional(),
        date: IsoDate.optional(),
        draft: z.boolean().optional(),
      })
      .strict(),
  ).returns<GeneratedFile>(),
  /**
   * The privacy-statement annex as of `date`: active providers approved by then that process
   * personal data. `includeProposed` adds the others that process personal data (not retired),
   * marked; `includeTiers` prints the internal risk tier. Every provider left out is named with why.
   */
  'report.subprocessors': op(() => 
    z
      .object({
        date: IsoDate.optional(),
        includeProposed: z.boolean().optional(),
        includeTiers: z.boolean().optional(),
      })
      .strict(),
  ).returns<SubprocessorExport>(),
  /**
   * The register-wide concentration PDF for the risk committee as of `date` (today when omitted):
   * exposure, the blast radius of the top exposures, signals, and what was left out.
   */
  'report.concentration': op(() => z.object({ date: IsoDate.optional() }).strict()).returns<GeneratedFile>(),
  /** 2–6 providers side by side, question by question, aligned across template versions. */
  'compare.get': op(() => z.object({ vendorIds: CompareIds }).strict()).returns<Comparison>(),
  /** The comparison as a landscape PDF or an RFC 4180 CSV (UTF-8 with BOM). */
  'compare.export': op(() => 
    z
      .object({
        vendorIds: CompareIds,
        format: z.enum(['pdf', 'csv']),
        differencesOnly: z.boolean().optional(),
        /** Keep only questions whose text or id contains this. */
        text: z.string().max(200).optional(),
        date: IsoDate.optional(),
        /** Compare the open reviews (marked DRAFT) instead of each provider's decided review as of the date. */
        draft: z.boolean().optional(),
      })
      .strict(),
  ).returns<GeneratedFile>(),
  /** Maintenance windows and scheduled maintenances of one provider or all, by provider then start. */
  'window.list': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<WindowView[]>(),
  /** Adds a window typed in (source "entered"). */
  'window.add': op(() => WindowInput).returns<WindowView>(),
  'window.update': op(() => z.object({ id: EntityId, patch: WindowPatch }).strict()).returns<WindowView>(),
  'window.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  /**
   * Reads an iCalendar file or a Statuspage scheduled-maintenances.json into one provider's windows,
   * all or nothing: an event already stored (same UID) is replaced only by a higher SEQUENCE (a
   * later update; so edits made here survive a re-import of the same file), STATUS:CANCELLED cancels it. A bad file is a validation error naming the line or
   * property, and stores nothing. dryRun reports the same and writes nothing.
   */
  'window.import': op(() => 
    z
      .object({
        vendorId: EntityId,
        fileName: z.string().trim().min(1).max(255),
        text: z.string().max(MAX_WINDOW_IMPORT_CHARS, `the file is larger than ${MAX_WINDOW_IMPORT_CHARS / 1024 / 1024} MB`),
        dryRun: z.boolean().optional(),
      })
      .strict(),
  ).returns<WindowImport>(),
  /** Fourth parties (what providers themselves run on) of one provider or all, by provider then when recorded. */
  'upstream.list': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<UpstreamView[]>(),
  /**
   * Records one fourth party of a provider. A catalogueId must be the built-in catalogue's; without
   * one, a name the catalogue knows (an alias too) is stored with its id. A party the provider
   * already has, or more than MAX_UPSTREAMS_PER_PROVIDER, is a validation error naming the field.
   */
  'upstream.add': op(() => UpstreamInput).returns<UpstreamView>(),
  /** Changes the fields named; a new party name without a catalogueId is looked up in the catalogue again. */
  'upstream.update': op(() => z.object({ id: EntityId, patch: UpstreamPatch }).strict()).returns<UpstreamView>(),
  'upstream.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  /**
   * Reads a provider's published subprocessor list (a CSV with a header row, or a JSON array of
   * objects) into its upstreams (source "subprocessor_list"), all or nothing: a party it already has
   * gets the list's purpose and location, rows without a name, repeated or past the limit are
   * skipped with the reason. The mapping names the columns (guessed from the headers when not
   * given; null: no such column). dryRun is the preview: the same report, nothing written.
   */
  'upstream.import': op(() =>
    z
      .object({
        vendorId: EntityId,
        content: z.string().max(MAX_SUBPROCESSOR_FILE_CHARS, `the file is larger than ${MAX_SUBPROCESSOR_FILE_CHARS / 1024 / 1024} MB`),
        format: z.enum(['csv', 'json']).optional(),
        mapping: z
          .object({
            name: z.string().trim().min(1).max(200).optional(),
            purpose: z.string().trim().min(1).max(200).nullable().optional(),
            location: z.string().trim().min(1).max(200).nullable().optional(),
          })
          .strict()
          .optional(),
        dryRun: z.boolean().optional(),
      })
      .strict(),
  ).returns<UpstreamImport>(),
  /**
   * Reads a provider's fourth parties from the status page component names the register holds for it
   * (its incidents' components and the components you use): the catalogued parties they name, with
   * that party's region codes found in them, one upstream per party (source "status_components");
   * a party it already has gets the regions it lacks. All or nothing; dryRun is the preview. A
   * provider with no known component gets an empty plan (components: []), not an error.
   */
  'upstream.fromStatus': op(() => z.object({ vendorId: EntityId, dryRun: z.boolean().optional() }).strict()).returns<UpstreamFromStatus>(),
  /** The built-in catalogue of common fourth parties (clouds with their regions, CDNs, DNS, …), for picking. */
  'upstream.catalogue': op(() => none).returns<readonly CatalogueParty[]>(),
  /**
   * Exposure across the register today: per fourth party and region, the providers that depend on
   * it, how many are on the critical path and their share of it, by exposure; with the alerts above
   * the Settings threshold. `criticalOnly` counts only critical-path dependants.
   */
  'concentration.get': op(() => z.object({ criticalOnly: z.boolean().optional() }).strict()).returns<ConcentrationView>(),
  /**
   * "AWS us-east-1 down": every provider hit, critical path first, whether it survives, goes down or
   * cannot be told, from its upstreams and the tenancy answers of its review decided by today (an
   * open review's answers never decide). A party no provider records is not_found naming `party`.
   */
  'concentration.blastRadius': op(() =>
    z.object({ party: z.string().trim().min(1, 'name a fourth party').max(200), region: z.string().trim().min(1).max(60).nullable().optional() }).strict(),
  ).returns<BlastRadiusView>(),
  /**
   * Incidents of several providers open in the same hours (started on or after `since`), and
   * overlapping maintenance windows on a shared fourth party; at most `limit` of each (50 when left out), with totals.
   */
  'concentration.signals': op(() =>
    z.object({ since: IsoDate.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  ).returns<ConcentrationSignals>(),
  /** The company's blackout periods (release freeze, peak hours), by name. */
  'blackout.list': op(() => none).returns<BlackoutPeriod[]>(),
  'blackout.add': op(() => BlackoutInput).returns<BlackoutPeriod>(),
  'blackout.update': op(() => z.object({ id: EntityId, patch: BlackoutPatch }).strict()).returns<BlackoutPeriod>(),
  'blackout.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  /**
   * Over whole UTC days from..to: provider windows that overlap (critical-path pairs first),
   * windows inside blackout periods, scheduled maintenances with less notice than promised (or
   * than the Settings minimum). Computed in UTC from each window's local rule.
   */
  'maintenance.warnings': op(() => 
    z
      .object({
        range: DateRange,
        criticalOnly: z.boolean().optional(),
        /** At most this many of each kind, first ones first (totals count them all); all when left out. */
        limit: z.number().int().min(1).max(100_000).optional(),
        /** Only the warnings about this provider (its overlaps with any other provider, its windows in blackouts, its short notice). */
        vendorId: EntityId.optional(),
      })
      .strict(),
  ).returns<MaintenanceWarnings>(),
  /** Every occurrence in the range as one iCalendar file (deterministic for the same register and range). */
  'maintenance.calendar': op(() => 
    z.object({ range: DateRange, criticalOnly: z.boolean().optional() }).strict(),
  ).returns<GeneratedFile>(),
  /** A provider's incident record (or every provider's), newest start first. */
  'incident.list': op(() => z.object({ vendorId: EntityId.optional() }).strict()).returns<IncidentView[]>(),
  /** Adds an incident typed in (source "entered"); `onStatusPage: false` marks one the status page never showed. */
  'incident.add': op(() => IncidentInput).returns<IncidentView>(),
  'incident.update': op(() => z.object({ id: EntityId, patch: IncidentPatch }).strict()).returns<IncidentView>(),
  'incident.delete': op(() => z.object({ id: EntityId }).strict()).returns<{ id: string }>(),
  /**
   * Reads a status page file the user saved (Statuspage v2 incidents.json / summary.json /
   * scheduled-maintenances.json, an Atom or RSS history feed, Instatus summary.json) into one
   * provider's record, all or nothing: incidents to the incident log (a stored one is replaced
   * only by a later update from its source), scheduled maintenances to the maintenance windows.
   * A bad file is a validation error naming what is wrong, and stores nothing.
   */
  'status.import': op(() => 
    z
      .object({
        vendorId: EntityId,
        fileName: z.string().trim().min(1).max(255),
        text: z.string().max(MAX_STATUS_IMPORT_CHARS, `the file is larger than ${MAX_STATUS_IMPORT_CHARS / 1024 / 1024} MB`),
        dryRun: z.boolean().optional(),
      })
      .strict(),
  ).returns<StatusImport>(),
  /**
   * The one operation that goes online, and only when asked: reads the status page address in the
   * provider's profile (http or https only; a timeout, a size cap, at most 3 redirects, no cookies)
   * and imports what it serves as `status.import` does.
   */
  'status.refresh': op(() => z.object({ vendorId: EntityId, dryRun: z.boolean().optional() }).strict()).returns<StatusImport>(),
  /** Which of the provider's status page components you use (availability is estimated for those). */
  'status.settings': op(() => z.object({ vendorId: EntityId, patch: StatusSettingsPatch.optional() }).strict()).returns<StatusSettings>(),
  /**
   * The incident measures over whole UTC days since `since` (default: the 12 months up to `date`)
   * to `date` (default today, UTC; a later date is refused), and the incident-transparency answers
   * held against them: today the latest review's, for a past date the review decided by then.
   */
  'incident.transparency': op(() => 
    z.object({ vendorId: EntityId, since: IsoDate.optional(), date: IsoDate.optional() }).strict(),
  ).returns<Transparency>(),
  /**
   * One click from a claim the record contradicts (over the period shown: `since`, `date` as in
   * `incident.transparency`): a finding on the checked review's answer, its description the measured words. A claim not contradicted is a validation error; a finding
   * already open for that answer is returned as is.
   */
  'incident.claimFinding': op(() => 
    z
      .object({ vendorId: EntityId, questionId: z.enum(INCIDENT_CLAIM_QUESTIONS), since: IsoDate.optional(), date: IsoDate.optional() })
      .strict(),
  ).returns<FindingView>(),
  /** Whether confidential data can be read and written in this session, and where its key is. */
  'security.status': op(() => none).returns<KeyStatus>(),
  /** On a team register: the data key's generation, your member key and every member's; null on a register file. */
  'security.teamKey': op(() => none).returns<TeamKeyView | null>(),
  /**
   * On a team register: publishes your member key (made in your key source) if you have none, then
   * wraps every generation of the data key you hold for each member who published one and lacks it.
   * replaceMemberKey publishes a new key in place of one this machine cannot open.
   */
  'security.shareTeamKey': op(() => z.object({ replaceMemberKey: z.boolean().optional() }).strict()).returns<TeamKeyShare>(),
  /** Fills an empty register with fictional providers; refuses a register that has any. */
  'demo.load': op(() => none).returns<{ vendors: number }>(),
  /** The whole register in the exchange format (docs/formats.md), as JSON ordered by id. */
  'register.export': op(() => none).returns<GeneratedFile>(),
  /**
   * Merges a register export into this register in one transaction, never overwriting newer data
   * (those rows are listed as conflicts and kept). dryRun reports the same and writes nothing.
   */
  'register.import': op(() => 
    z
      .object({
        text: z.string().max(MAX_REGISTER_IMPORT_CHARS, `the export is larger than ${MAX_REGISTER_IMPORT_CHARS / 1024 / 1024} MB`),
        dryRun: z.boolean().optional(),
      })
      .strict(),
  ).returns<ImportReport>(),
  /** One row per provider (profile, score, tier, completion) as an RFC 4180 CSV (UTF-8 with BOM). */
  'register.exportCsv': op(() => none).returns<GeneratedFile>(),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Exclude<Contract[K]['output'], undefined>;

/** What every transport offers the renderer and the CLI. */
export type VettedApi = {
  [K in OperationName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
};

export { OPERATION_NAMES };

// Compile-time proof that shared/operations.ts lists exactly the contract's operations.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: Same<OperationNameList, OperationName> = true;
void namesMatchContract;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
