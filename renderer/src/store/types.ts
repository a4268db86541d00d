// The shape of the one renderer store, assembled from slices (store/index.ts).
import type { ExpandedState, RowSelectionState, SortingState, Updater } from '@tanstack/react-table';
import type {
  AcceptanceView,
  FindingView,
  GeneratedFile,
  InputOf,
  ReviewDetail,
  ReviewHistoryEntry,
  SubprocessorExport,
  SubprocessorOmission,
  VendorSummary,
} from '../../../shared/api';
import type { AcceptanceInput } from '../../../shared/domain/acceptances';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { FindingFromAnswer, FindingInput, FindingPatch } from '../../../shared/domain/findings';
import type { Reassessment } from '../../../shared/domain/reassessment';
import type { ReviewStep } from '../../../shared/domain/workflow';
import type { CompareFilter, Comparison } from '../../../shared/compare';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { AnswerValue, Review, ReviewStatus } from '../../../shared/domain/review';
import type { AnsweredBy } from '../../../shared/domain/vendor-exchange';
import type { Template } from '../../../shared/domain/template';
import type { Tier } from '../../../shared/domain/tier';
import type { Vendor, VendorCategory, VendorPatch } from '../../../shared/domain/vendor';
import type { ApiError, Result } from '../../../shared/result';
import type { ScoreResult } from '../../../shared/scoring';
import type { StateCreator } from 'zustand';

// ─── register ──────────────────────────────────────────────────────────────────────────────

/** What the Tier filter can pick: a tier, or the two states that have none yet. */
export type TierFilter = '' | Tier | 'incomplete' | 'not_started';

export interface RegisterFilters {
  text: string;
  category: '' | VendorCategory;
  tier: TierFilter;
}

export interface RegisterSlice {
  vendors: VendorSummary[];
  /** True once the first list arrived (the empty state needs to know "empty" from "not loaded"). */
  registerLoaded: boolean;
  registerLoading: boolean;
  registerError: ApiError | null;
  filters: RegisterFilters;
  sorting: SortingState;
  rowSelection: RowSelectionState;
  loadVendors(): Promise<void>;
  setFilters(patch: Partial<RegisterFilters>): void;
  clearFilters(): void;
  setSorting(updater: Updater<SortingState>): void;
  setRowSelection(updater: Updater<RowSelectionState>): void;
  /** With templateId, the provider's first review starts on that template at once. */
  createVendor(input: InputOf<'vendor.create'>): Promise<Result<Vendor>>;
  loadDemo(): Promise<void>;
}

// ─── provider ──────────────────────────────────────────────────────────────────────────────

/** What the reviewer has on screen for one question (what they typed, saved or not). */
export interface LocalAnswer {
  value: AnswerValue;
  comment: string;
  na: boolean;
  /** The comment is confidential: stored encrypted (every comment save says so). */
  confidential?: boolean;
  /** Confidential and the key is not available: `comment` is empty, not the text, and cannot be changed. */
  locked?: boolean;
  /** The provider's own comment from an answers file they sent; shown apart, never edited here. */
  providerComment?: string;
  /** Answered by the provider (an accepted answers file) and not changed here since. */
  answeredBy?: AnsweredBy;
}

/** What the reviewer can change (locked, and what the provider said, are the register's to say). */
export type AnswerPatch = Partial<Omit<LocalAnswer, 'locked' | 'providerComment' | 'answeredBy'>>;

/** pending: changed, waiting for the debounce; saving: sent; saved; failed: kept for retry. */
export type SaveStatus = 'pending' | 'saving' | 'saved' | 'failed';

export interface QuestionSave {
  status: SaveStatus;
  message?: string;
  /** The API's error code of a failed save ('locked': confidential data without its key). */
  code?: ApiError['code'];
}

/** The answers a template migration carried over and those it could not (as readable lines). */
export interface MigrationOutcome {
  toVersion: number;
  carried: number;
  unmatched: string[];
}

export type ProviderStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ProviderSlice {
  vendorId: string | null;
  providerStatus: ProviderStatus;
  providerError: ApiError | null;
  vendor: Vendor | null;
  /** The provider's latest review; null until the first answer starts one. */
  review: Review | null;
  /** The review's workflow steps, oldest first. */
  steps: readonly ReviewStep[];
  /** The review's template, or the built-in template before a review exists. */
  template: Template | null;
  answers: Readonly<Record<string, LocalAnswer>>;
  /**
   * The answers as the register holds them, as far as this window knows: read with the review and
   * updated as each save lands. While a save fails, the score panel scores these (the last saved
   * state), not what was typed.
   */
  storedAnswers: Readonly<Record<string, LocalAnswer>>;
  saves: Readonly<Record<string, QuestionSave>>;
  /** Recomputed with shared scoring after every change. */
  score: ScoreResult | null;
  /** A decided review's score as its decision froze it (its scoring model may be older); shown instead of `score`. */
  frozenScore: ScoreResult | null;
  /** Question ids shown for the current answers. */
  visible: ReadonlySet<string>;
  /** The newest stored version of the review's template (null when unknown or no review). */
  latestVersion: number | null;
  /** What the last move to a newer template version did; shown until dismissed. */
  migration: MigrationOutcome | null;
  migrating: boolean;
  openProvider(id: string): Promise<void>;
  /** Moves the open review to the newest version of its template, then reloads the provider. */
  migrateReview(): Promise<void>;
  dismissMigration(): void;
  /** Changes an answer on screen at once and saves it: now, or after a short pause while typing. */
  editAnswer(questionId: string, patch: AnswerPatch, timing?: 'now' | 'debounced'): void;
  /** Sends a debounced change right away (on blur). */
  flushAnswer(questionId: string): void;
  /** Sends every debounced change now (of providers left with unsaved changes too). */
  flushAllAnswers(): void;
  /** Re-sends failed saves: one question of the open provider, or all of them, in the background too. */
  retrySaves(questionId?: string): void;
  /** A change refused because someone else saved the answer since: theirs is kept and shown, mine dropped. */
  keepTheirAnswer(questionId: string): void;
  updateVendor(patch: VendorPatch): Promise<Result<Vendor>>;
  /** Shows this review (returned by a transition or a new review) as the open provider's review. */
  showReview(detail: ReviewDetail): void;
}

// ─── workflow ──────────────────────────────────────────────────────────────────────────────

export interface TransitionInput {
  by?: string;
  note?: string;
  /** Approving a proposed provider marks it active unless this is false (other steps ignore it). */
  activateProvider?: boolean;
}

export interface WorkflowSlice {
  /** A transition or a new review on its way: the questionnaire is read-only meanwhile. */
  workflowBusy: boolean;
  /** Moves the open review along the workflow, once every typed answer is stored. */
  transitionReview(to: ReviewStatus, input?: TransitionInput): Promise<Result<ReviewDetail>>;
  /**
   * A new draft review, shown at once: after a decision it carries the last answers (on the same
   * template); `templateId` starts it on that template instead (review.start's rule otherwise).
   */
  startNewReview(templateId?: string): Promise<Result<ReviewDetail>>;
}

// ─── findings and risk acceptances ─────────────────────────────────────────────────────────

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the person filled in for a finding from an answer (finding.fromAnswer without its review and question). */
export type AnswerFindingFields = Omit<FindingFromAnswer, 'reviewId' | 'questionId'>;

export interface FindingsSlice {
  /** The provider the lists below belong to. */
  findingsVendorId: string | null;
  findingsStatus: LoadStatus;
  findingsError: ApiError | null;
  findings: readonly FindingView[];
  acceptances: readonly AcceptanceView[];
  /** A finding to bring into view on the Findings tab (a link from a question). */
  highlightedFinding: string | null;
  loadFindings(vendorId: string): Promise<void>;
  createFinding(input: FindingInput): Promise<Result<FindingView>>;
  /** A finding from the open review's answer to this question: the fields given, the rest prefilled from the loss. */
  findingFromAnswer(questionId: string, fields?: AnswerFindingFields): Promise<Result<FindingView>>;
  updateFinding(id: string, patch: FindingPatch): Promise<Result<FindingView>>;
  deleteFinding(id: string): Promise<Result<{ id: string }>>;
  acceptRisk(input: AcceptanceInput): Promise<Result<AcceptanceView>>;
  revokeAcceptance(id: string): Promise<Result<AcceptanceView>>;
  highlightFinding(id: string | null): void;
}

// ─── history and audit trail ───────────────────────────────────────────────────────────────

export interface HistorySlice {
  historyVendorId: string | null;
  historyStatus: LoadStatus;
  historyError: ApiError | null;
  /** The provider's reviews, newest first. */
  history: readonly ReviewHistoryEntry[];
  /** When the provider's next review is due (from its latest approval), null until loaded. */
  reassessment: Reassessment | null;
  auditStatus: LoadStatus;
  auditError: ApiError | null;
  /** The provider's audit trail, newest first, as far back as loaded. */
  audit: readonly AuditEntry[];
  /** False once a page came back shorter than asked (nothing older is left). */
  auditHasMore: boolean;
  loadHistory(vendorId: string): Promise<void>;
  /** Loads the newest page of the audit trail again. */
  loadAudit(vendorId: string): Promise<void>;
  /** Appends the page before the oldest row shown. */
  loadOlderAudit(): Promise<void>;
  /** Sets (null: clears) the next-review date of an approved review by hand. */
  setReviewDue(reviewId: string, due: string | null): Promise<Result<ReviewHistoryEntry>>;
}

// ─── compare ───────────────────────────────────────────────────────────────────────────────

export type CompareStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CompareSlice {
  /** The providers of the comparison on screen (or being loaded), in column order. */
  compareIds: readonly string[];
  compareStatus: CompareStatus;
  comparison: Comparison | null;
  compareError: ApiError | null;
  /** Requested ids that are not in the register (deleted, or a mistyped link); set with an error. */
  compareMissing: readonly string[];
  /** Which section rows are open (TanStack Table's expanded state, keyed by row id). */
  compareExpanded: ExpandedState;
  loadComparison(ids: readonly string[]): Promise<void>;
  setCompareExpanded(updater: Updater<ExpandedState>): void;
}

// ─── exports ───────────────────────────────────────────────────────────────────────────────

/** One running export: a provider's review report, the subprocessor list, or a comparison. */
export type ExportKey = `vendor:${string}` | 'subprocessors' | 'concentration' | `compare:${CompareFormat}` | `audit:${string}`;

export type CompareFormat = 'pdf' | 'csv';

/** Which review a report shows: the latest decided one, or the open one marked DRAFT. */
export interface VendorReportOptions {
  includeConfidential?: boolean;
  draft?: boolean;
}

/** The subprocessor list's options: as of a day (today when omitted), proposed providers, tiers. */
export interface SubprocessorOptions {
  date?: string;
  includeProposed?: boolean;
  includeTiers?: boolean;
}

/** What the last subprocessor export did, shown on the register until dismissed. */
export interface SubprocessorOutcome {
  fileName: string;
  /** The day the list is as of (the one asked for, or today). */
  date: string;
  includeProposed: boolean;
  includeTiers: boolean;
  listed: number;
  leftOut: readonly SubprocessorOmission[];
  warnings: readonly string[];
}

/** What the last review report export did, shown on that provider's page until dismissed. */
export interface ReportOutcome {
  vendorId: string;
  fileName: string;
  draft: boolean;
  includeConfidential: boolean;
  warnings: readonly string[];
}

/** The export dialogs the Export menu command can open. */
export type ExportDialog = 'subprocessors' | 'report';

export interface ExportSlice {
  /** Exports in flight; their buttons show a busy state. */
  runningExports: readonly ExportKey[];
  /** The export dialog open now (opened by its button or the Export menu command). */
  exportDialog: ExportDialog | null;
  subprocessorOutcome: SubprocessorOutcome | null;
  reportOutcome: ReportOutcome | null;
  openExportDialog(dialog: ExportDialog): void;
  closeExportDialog(): void;
  dismissExportOutcome(kind: ExportDialog): void;
  /** Generates a provider's review report and hands the PDF to the browser (or Electron) to save. */
  exportVendorReport(vendorId: string, options?: VendorReportOptions): Promise<Result<GeneratedFile>>;
  /** Generates the privacy-statement appendix, hands the PDF over to save, and keeps what it left out. */
  exportSubprocessorList(options?: SubprocessorOptions): Promise<Result<SubprocessorExport>>;
  /** Exports the comparison of these providers as a PDF or CSV, with the filters on screen (draft: the open reviews). */
  exportComparison(
    ids: readonly string[],
    format: CompareFormat,
    filter: CompareFilter,
    options?: { draft?: boolean },
  ): Promise<Result<GeneratedFile>>;
  /** Exports a provider's audit trail as a CSV. */
  exportAuditTrail(vendorId: string): Promise<Result<GeneratedFile>>;
  /** Exports the register-wide concentration PDF for the risk committee (as of today). */
  exportConcentration(): Promise<Result<GeneratedFile>>;
}

// ─── settings ──────────────────────────────────────────────────────────────────────────────

export interface SettingsSlice {
  settings: Settings | null;
  settingsStatus: 'idle' | 'loading' | 'ready' | 'error';
  settingsError: ApiError | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: SettingsPatch): Promise<Result<Settings>>;
}

// ─── ui ────────────────────────────────────────────────────────────────────────────────────

/** Errors and warnings stay until dismissed; info and success fade. */
export type ToastTone = 'error' | 'warning' | 'info' | 'success';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** Lines listed under the message (e.g. an export's warnings). */
  details?: readonly string[];
  /** How many times the same message came: shown once, with the count. */
  count: number;
  /** The page it was said on (see UiSlice.enterPage): it does not follow the user to another. */
  page: string;
}

export interface UiSlice {
  toasts: Toast[];
  /** The page the user is on ("provider:<id>", "settings"…), as App last said. */
  currentPage: string;
  /** A new page: the toasts said on another page go. */
  enterPage(page: string): void;
  /** A transport problem (unavailable, unauthorized) shown until a later call gets through. */
  connectionProblem: ApiError | null;
  addDialogOpen: boolean;
  /** Bumped to ask the register to focus its filter box. */
  findRequest: number;
  pushToast(tone: ToastTone, message: string, details?: readonly string[]): void;
  dismissToast(id: number): void;
  /** Shows an API error: a toast, unless the connection banner already says it. */
  reportError(error: ApiError): void;
  setConnectionProblem(problem: ApiError | null): void;
  openAddDialog(): void;
  closeAddDialog(): void;
  requestFind(): void;
}

export type VettedState = RegisterSlice &
  ProviderSlice &
  WorkflowSlice &
  FindingsSlice &
  HistorySlice &
  CompareSlice &
  ExportSlice &
  SettingsSlice &
  UiSlice;
export type SliceCreator<T> = StateCreator<VettedState, [], [], T>;
