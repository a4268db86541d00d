// The register exchange format ("vetted-register", docs/formats.md): the whole register as one
// JSON document, for moving it between machines and merging registers. Pure: the schema, the
// checks the schema cannot express (duplicates, references, answers that fit their question) and
// messages that name the JSON path at fault ("$.vendors[3].monthlyCost: expected a number").
import { z } from 'zod';
import { checkAnswerValue, normalizeAnswerValue } from '../domain/answers';
import {
  INCIDENT_IMPACTS,
  INCIDENT_SOURCES,
  MAX_COMPONENTS,
  MAX_INCIDENT_TITLE,
  MAX_POSTMORTEM_TEXT,
  MAX_UPDATES,
  MAX_UPDATE_TEXT,
} from '../domain/incidents';
import { BlackoutSchedule, IsoInstant, Schedule, WINDOW_IMPACTS, WINDOW_SOURCES, WINDOW_STATUSES } from '../domain/maintenance';
import { AnswerValue, ReviewStatus } from '../domain/review';
import { SettingsPatch } from '../domain/settings';
import { questionIndex, Template } from '../domain/template';
import { CostPeriod, VendorLinks, VendorPatch } from '../domain/vendor';
import { MAX_PROVIDER_COMMENT_CHARS } from '../domain/vendor-exchange';
import { MAX_UPSTREAMS_PER_PROVIDER, UpstreamKind, UpstreamRegion, UpstreamSource } from '../domain/upstream';
import { canonicalPartyKey } from '../upstream/register-index';
import { checkTemplate } from '../templates/check';
import type { FieldProblem } from '../validation';
import { crossCheckLifecycle, ExportedSnapshot, LIFECYCLE_FIELDS, type ReviewSnapshotJson } from './lifecycle-format';

export const REGISTER_FORMAT = 'vetted-register';
export const REGISTER_FORMAT_VERSION = 1;

export { MAX_REGISTER_IMPORT_CHARS } from './limits';

/**
 * An instant as ISO 8601 with a time zone, read as the register writes it: UTC with milliseconds
 * (2026-03-15T10:30:00+01:00 becomes 2026-03-15T09:30:00.000Z), so times stored as text sort right.
 */
const Instant = z.iso
  .datetime({ offset: true, error: 'expected a date and time such as 2026-03-15T09:30:00.000Z' })
  .transform((s, ctx) => {
    const instant = new Date(s);
    if (!Number.isNaN(instant.getTime())) return instant.toISOString();
    ctx.issues.push({ code: 'custom', message: 'expected a real date and time', input: s });
    return z.NEVER;
  });
const Id = z.string().min(1).max(100);

export const ExportedVendor = VendorPatch.required()
  .extend({
    id: Id,
    // Added after format 1 shipped: an older export has neither, and reads as "not recorded", monthly.
    legalName: z.string().trim().max(200).default(''),
    costPeriod: CostPeriod.default('month'),
    links: VendorLinks.strict(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .strict();
export type ExportedVendor = z.output<typeof ExportedVendor>;

export const ExportedReview = z
  .object({
    id: Id,
    vendorId: Id,
    templateId: z.string().min(1).max(120),
    templateVersion: z.number().int().min(1),
    status: ReviewStatus,
    reviewer: z.string().max(200),
    startedAt: Instant,
    updatedAt: Instant,
    completedAt: Instant.nullable(),
    // Added after format 1 shipped (the lifecycle): an older export reads as neither.
    /** What the decision froze (answers, score, template version), as stored; null while open. */
    snapshot: ExportedSnapshot.nullable().default(null).transform((s) => s as ReviewSnapshotJson | null),
    /** A next-review date set by hand on an approved review. */
    dueOverride: z.iso.date({ error: 'expected a date such as 2027-01-15' }).nullable().default(null),
  })
  .strict();
export type ExportedReview = z.output<typeof ExportedReview>;

/** Who answered an answer the provider gave (AnsweredBy in shared/domain/vendor-exchange.ts). */
const ExportedAnsweredBy = z
  .object({
    format: z.enum(['vetted', 'vsaq']),
    requestId: Id.nullable(),
    contact: z.string().max(200).nullable(),
    respondent: z.string().max(200).nullable(),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 lowercase hex digits)'),
    receivedAt: Instant,
  })
  .strict();

export const ExportedAnswer = z
  .object({
    reviewId: Id,
    questionId: z.string().min(1).max(120),
    value: z.union(AnswerValue.options, {
      error: 'expected a text (up to 20000 characters), a list of option ids, a number or null',
    }),
    comment: z.string().max(20000),
    na: z.boolean(),
    updatedAt: Instant,
    /** The comment is confidential and travels sealed (it opens only with this register's key). */
    commentConfidential: z.literal(true).optional(),
    // Added after format 1 shipped (the vendor questionnaire): an older export has neither, and
    // reads as an answer the reviewer gave, with no comment from the provider.
    /** The provider's own comment, kept apart from the reviewer's. */
    providerComment: z.string().min(1).max(MAX_PROVIDER_COMMENT_CHARS).optional(),
    /** The value is the one the provider gave (an accepted answers file) and not changed since. */
    answeredBy: ExportedAnsweredBy.optional(),
  })
  .strict();
export type ExportedAnswer = z.output<typeof ExportedAnswer>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 lowercase hex digits)');
const Contact = z.string().max(200).nullable();

/**
 * A questionnaire sent to a provider (docs/vendor-questionnaire.md): kept so the answers file that
 * comes back can be matched to its provider and template version.
 */
export const ExportedRequest = z
  .object({
    id: Id,
    vendorId: Id,
    templateId: z.string().min(1).max(120),
    templateVersion: z.number().int().min(1),
    templateHash: Sha256,
    contact: Contact,
    due: z.iso.date({ error: 'expected a date such as 2027-01-15' }).nullable(),
    prefilled: z.number().int().min(0),
    sentAt: Instant,
    sentBy: z.string().max(200),
    receivedAt: Instant.nullable(),
    receivedSha256: Sha256.nullable(),
  })
  .strict()
  .refine((r) => (r.receivedAt === null) === (r.receivedSha256 === null), {
    message: 'answers received have both their time and their digest, or neither',
    path: ['receivedSha256'],
  });
export type ExportedRequest = z.output<typeof ExportedRequest>;

/**
 * A provider's maintenance window or scheduled maintenance, as the register stores it. Its times
 * inside the schedule and `announcedAt` travel as written (the schedule keeps the provider's own
 * notation); the record's own times are read like every other instant.
 */
export const ExportedWindow = z
  .object({
    id: Id,
    vendorId: Id,
    title: z.string().max(200),
    schedule: Schedule,
    impact: z.enum(WINDOW_IMPACTS),
    source: z.enum(WINDOW_SOURCES),
    status: z.enum(WINDOW_STATUSES),
    announcedAt: IsoInstant.nullable(),
    sourceUid: z.string().min(1).max(1000).nullable(),
    sequence: z.number().int().nullable(),
    notes: z.string().max(5000),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .strict();
export type ExportedWindow = z.output<typeof ExportedWindow>;

/**
 * One fourth party of a provider (issue 21), every field as the register stores it. A catalogue id
 * travels as written (a newer Vetted's catalogue may know more parties than this one's).
 */
export const ExportedUpstream = z
  .object({
    id: Id,
    vendorId: Id,
    party: z.string().trim().min(1).max(200),
    catalogueId: z.string().min(1).max(60).nullable(),
    kind: UpstreamKind,
    regions: z.array(UpstreamRegion).max(50),
    purpose: z.string().max(500),
    location: z.string().max(200),
    source: UpstreamSource,
    note: z.string().max(5000),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .strict();
export type ExportedUpstream = z.output<typeof ExportedUpstream>;

/** The company's blackout period (release freeze, peak hours), as the register stores it. */
export const ExportedBlackout = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    // A freeze may run a year: the same limit as the register's own (a backup must always restore).
    schedule: BlackoutSchedule,
    notes: z.string().max(5000),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .strict();
export type ExportedBlackout = z.output<typeof ExportedBlackout>;

/** An http(s) link as the incident record holds it (the domain's rule, without trimming: it travels as stored). */
const IncidentLink = z
  .string()
  .max(2000)
  .refine((s) => /^https?:\/\/\S+$/i.test(s), 'must be an http(s) link');

/**
 * The fields of an imported incident that can be edited here (every editable one but
 * onStatusPage): those edited are left as they are by a later import from the source.
 */
export const INCIDENT_EDITABLE_FIELDS = ['title', 'impact', 'components', 'startedAt', 'firstUpdateAt', 'resolvedAt', 'updates', 'postmortem', 'link', 'notes'] as const;

/** The sources an imported incident comes from (all but "entered"). */
const IMPORTED_SOURCES = INCIDENT_SOURCES.filter((s) => s !== 'entered') as [Exclude<(typeof INCIDENT_SOURCES)[number], 'entered'>, ...Exclude<(typeof INCIDENT_SOURCES)[number], 'entered'>[]];

/** A component name of the provider's status page ("API", "eu-west-1 database"). */
const ComponentName = z.string().min(1).max(200);

/**
 * One incident of a provider's record (docs/incidents.md), every field as the register stores it,
 * and which fields of an imported one were edited here. Its times (start, first update,
 * resolution, updates, postmortem) travel as stored (the register writes them in UTC); the
 * record's own createdAt and updatedAt are read like every instant. Nothing is trimmed or
 * reordered, so the same incident comes back byte for byte.
 */
export const ExportedIncident = z
  .object({
    id: Id,
    vendorId: Id,
    title: z.string().min(1).max(MAX_INCIDENT_TITLE),
    impact: z.enum(INCIDENT_IMPACTS),
    components: z.array(ComponentName).max(MAX_COMPONENTS),
    startedAt: IsoInstant,
    firstUpdateAt: IsoInstant.nullable(),
    resolvedAt: IsoInstant.nullable(),
    updates: z
      .array(z.object({ at: IsoInstant, status: z.string().max(60), text: z.string().max(MAX_UPDATE_TEXT) }).strict())
      .max(MAX_UPDATES),
    postmortem: z
      .object({ publishedAt: IsoInstant.nullable(), link: IncidentLink.nullable(), text: z.string().max(MAX_POSTMORTEM_TEXT) })
      .strict()
      .nullable(),
    source: z.enum(INCIDENT_SOURCES),
    onStatusPage: z.boolean(),
    sourceUid: z.string().min(1).max(1000).nullable(),
    sequence: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullable(),
    link: IncidentLink.nullable(),
    notes: z.string().max(5000),
    /** Of an imported incident, the fields edited here: a later import leaves them as they are. */
    editedFields: z.array(z.enum(INCIDENT_EDITABLE_FIELDS)).max(INCIDENT_EDITABLE_FIELDS.length).default([]),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .strict()
  .superRefine((i, ctx) => {
    // The rules the register itself keeps. Times typed in follow the start (the app refuses
    // others); an imported incident's times are the provider's, held as published, so they are
    // not held to it (a register must always import its own export).
    if (i.source === 'entered') {
      const start = Date.parse(i.startedAt);
      const after = (path: (string | number)[], at: string | null) => {
        if (at !== null && Date.parse(at) < start) ctx.addIssue({ code: 'custom', path, message: 'must not be before the incident started (startedAt)' });
      };
      after(['firstUpdateAt'], i.firstUpdateAt);
      after(['resolvedAt'], i.resolvedAt);
      after(['postmortem', 'publishedAt'], i.postmortem?.publishedAt ?? null);
    }
    if (i.source === 'entered' && i.sourceUid !== null) ctx.addIssue({ code: 'custom', path: ['sourceUid'], message: 'an incident typed in ("entered") has no provider id: expected null' });
    if (i.source !== 'entered' && i.sourceUid === null) ctx.addIssue({ code: 'custom', path: ['sourceUid'], message: `an incident imported from a status page (${i.source}) carries the provider's id for it` });
    if (i.source !== 'entered' && !i.onStatusPage) ctx.addIssue({ code: 'custom', path: ['onStatusPage'], message: 'an incident imported from the status page was on it: expected true' });
    if (i.source === 'entered' && i.editedFields.length > 0) ctx.addIssue({ code: 'custom', path: ['editedFields'], message: 'an incident typed in has no imported fields to protect: expected []' });
    const twice = i.editedFields.findIndex((f, k) => i.editedFields.indexOf(f) !== k);
    if (twice >= 0) ctx.addIssue({ code: 'custom', path: ['editedFields', twice], message: `"${i.editedFields[twice]}" is listed twice` });
  });
export type ExportedIncident = z.output<typeof ExportedIncident>;

/**
 * An incident imported from a provider's status page and deleted here: a later import or refresh
 * does not bring it back (known by the provider, the source and the source's id for it).
 */
export const ExportedDeletedIncident = z
  .object({
    vendorId: Id,
    source: z.enum(IMPORTED_SOURCES),
    sourceUid: z.string().min(1).max(1000),
    deletedAt: Instant,
  })
  .strict();
export type ExportedDeletedIncident = z.output<typeof ExportedDeletedIncident>;

/** Per provider: the status page components you use, and the last refresh from its status page. */
export const ExportedStatusSettings = z
  .object({
    vendorId: Id,
    componentsUsed: z.array(ComponentName).max(MAX_COMPONENTS),
    refreshedAt: Instant.nullable(),
    refreshedFrom: z.string().min(1).max(2000).nullable(),
  })
  .strict()
  .refine((s) => (s.refreshedAt === null) === (s.refreshedFrom === null), {
    message: 'a refresh has both its time and its address, or neither',
    path: ['refreshedFrom'],
  });
export type ExportedStatusSettings = z.output<typeof ExportedStatusSettings>;

export const RegisterExport = z
  .object({
    format: z.literal(REGISTER_FORMAT),
    formatVersion: z.literal(REGISTER_FORMAT_VERSION),
    exportedAt: Instant,
    /** Every template version a review in the file uses. */
    templates: z.array(Template),
    vendors: z.array(ExportedVendor),
    reviews: z.array(ExportedReview),
    answers: z.array(ExportedAnswer),
    // Added after format 1 shipped: an older export has neither, and reads as none recorded.
    maintenanceWindows: z.array(ExportedWindow).default([]),
    blackoutPeriods: z.array(ExportedBlackout).default([]),
    // Added after format 1 shipped, like the two above: an older export reads as no incident record.
    incidents: z.array(ExportedIncident).default([]),
    deletedIncidents: z.array(ExportedDeletedIncident).default([]),
    statusSettings: z.array(ExportedStatusSettings).default([]),
    // Added after format 1 shipped (the vendor questionnaire): an older export reads as none sent.
    questionnaireRequests: z.array(ExportedRequest).default([]),
    // Added after format 1 shipped (fourth parties, issue 21): an older export reads as none recorded.
    upstreams: z.array(ExportedUpstream).default([]),
    settings: SettingsPatch,
    // Added after format 1 shipped (lossless exchange, lifecycle-format.ts): an older export reads
    // as no steps, findings, acceptances, evidence, trail or key material.
    ...LIFECYCLE_FIELDS,
  })
  .strict();
export type RegisterExport = z.output<typeof RegisterExport>;
/** A file as written (every list added after format 1 may be missing). */
export type RegisterExportInput = z.input<typeof RegisterExport>;

// ---------------------------------------------------------------------------------------------
// The import report: what an import did (or, on a dry run, would do).

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Left as they are in the register; each one is listed in `conflicts`. */
  conflicts: number;
}

export type ImportConflictKind =
  | 'template'
  | 'vendor'
  | 'review'
  | 'answer'
  | 'window'
  | 'blackout'
  | 'incident'
  | 'deleted-incident'
  | 'status'
  | 'request'
  | 'upstream'
  | 'setting'
  | 'step'
  | 'finding'
  | 'acceptance'
  | 'evidence'
  | 'audit'
  | 'confidential';

export interface ImportConflict {
  kind: ImportConflictKind;
  /**
   * The row's id in the file (answers: reviewId/questionId; templates: id@version; windows,
   * blackouts and incidents: their id; a deleted incident: provider id/source/source id; status
   * page settings: the provider's id; a questionnaire sent: its request id).
   */
  id: string;
  /** What a person recognises: the provider's name, the template's name, the setting. */
  name: string;
  reason: string;
}

export interface ImportReport {
  /** True when nothing was written: the numbers say what the import would do. */
  dryRun: boolean;
  templates: ImportCounts;
  vendors: ImportCounts;
  reviews: ImportCounts;
  answers: ImportCounts;
  /** Maintenance windows and scheduled maintenances. */
  windows: ImportCounts;
  blackouts: ImportCounts;
  incidents: ImportCounts;
  /** Imported incidents deleted in the exporting register, so a later import there or here leaves them out. */
  deletedIncidents: ImportCounts;
  /** Per provider: the components you use and the last status page refresh. */
  statusSettings: ImportCounts;
  /** Questionnaires sent to providers. */
  questionnaireRequests: ImportCounts;
  /** Fourth parties of providers. */
  upstreams: ImportCounts;
  settings: ImportCounts;
  /** Sign-off steps of the reviews. */
  reviewSteps: ImportCounts;
  findings: ImportCounts;
  /** Risk acceptances. */
  acceptances: ImportCounts;
  evidence: ImportCounts;
  /** Evidence in the file without its file (left behind by the export) and not already in the register: not imported. */
  evidenceFilesMissing: number;
  /**
   * Audit trail entries: added = appended (marked as imported), unchanged = already in the trail,
   * conflicts = left out (about a record of this register's that the file does not bring).
   */
  auditTrail: ImportCounts;
  /**
   * Whether the file's trail ends at the chain head the file states ('matches'; a mismatch refuses
   * the import) or the file states none, so it could not be checked ('not-stated').
   */
  auditTrailHead: 'matches' | 'not-stated';
  /** How the file's confidential values fared (each locked or kept out one is also a conflict). */
  confidential: ConfidentialOutcome;
  conflicts: ImportConflict[];
}

/** What became of the file's sealed values: confidential comments (also frozen ones), evidence files and notes. */
export interface ConfidentialOutcome {
  /**
   * How the file's key met this register's: `none` (the file names no key), `adopted` (this
   * register had none and now uses the file's: the same key file or passphrase opens it), `same`
   * (the same key), `other` (another key: values are re-sealed under this register's).
   */
  key: 'none' | 'adopted' | 'same' | 'other';
  /** Sealed values that open with this session's key, as they are. */
  opened: number;
  /** Opened with the file's key and sealed again under this register's key (or for their new provider). */
  resealed: number;
  /** Imported sealed but not openable in this session (the adopted key is not here, a wrong passphrase). */
  locked: number;
  /** Left out: they could not be opened to seal them again for this register. */
  keptOut: number;
}

// ---------------------------------------------------------------------------------------------
// Reading a file.

export type ParsedRegister = { ok: true; data: RegisterExport } | { ok: false; problems: FieldProblem[] };

/** `$.vendors[3].links.dpa`: the JSON path of a zod issue (or any key list). */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  int: 'a whole number',
};

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'nonoptional' || /received undefined/.test(issue.message)) return 'is required';
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'unknown field' : `unknown fields: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union': {
      // A schedule whose kind is neither: said like any other choice ("expected one of: …").
      const kinds = /^Invalid discriminator value\. Expected (.+)$/.exec(issue.message)?.[1];
      if (kinds) return `expected one of: ${kinds.replace(/'/g, '').split(' | ').join(', ')}`;
      if (issue.message !== 'Invalid input') return issue.message;
      // A field that is "a link or empty": the first alternative's complaint says what was wanted.
      const [first] = issue.errors;
      return first?.length === 1 && first[0]!.path.length === 0 ? issueMessage(first[0]!) : 'does not match any allowed form';
    }
    default: {
      const text = issue.message.replace(/^Too (big|small): /, '');
      return text.charAt(0).toLowerCase() + text.slice(1);
    }
  }
}

function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) => {
    // One unknown key: name it in the path, as a reader searches the file for it.
    const path =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path;
    return { path: jsonPath(path), message: issueMessage(issue) };
  });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads an export: JSON, then the format and its version (so a foreign or newer file gets a clear
 * word rather than a list of schema errors), then the schema, then the cross-references.
 */
export function parseRegisterExport(text: string): ParsedRegister {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON (${(error as Error).message})` }] };
  }
  if (!isPlainObject(json)) {
    return { ok: false, problems: [{ path: '$', message: 'expected a JSON object (a Vetted register export)' }] };
  }
  if (json.format !== REGISTER_FORMAT) {
    const what = typeof json.format === 'string' ? `"${json.format.slice(0, 60)}" is not` : 'this is not';
    return {
      ok: false,
      problems: [{ path: '$.format', message: `${what} a Vetted register export (expected "${REGISTER_FORMAT}")` }],
    };
  }
  const version = json.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ path: '$.formatVersion', message: `expected a format version (this Vetted reads ${REGISTER_FORMAT_VERSION})` }] };
  }
  if (version !== REGISTER_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: '$.formatVersion',
          message:
            version > REGISTER_FORMAT_VERSION
              ? `format version ${version} was written by a newer Vetted (this one reads version ${REGISTER_FORMAT_VERSION}): import it with a newer Vetted`
              : `unknown format version ${version} (this Vetted reads version ${REGISTER_FORMAT_VERSION})`,
        },
      ],
    };
  }
  const parsed = RegisterExport.safeParse(json);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error.issues) };
  const problems = [...crossCheck(parsed.data), ...crossCheckLifecycle(parsed.data)];
  if (problems.length > 0) return { ok: false, problems };
  for (const answer of parsed.data.answers) answer.value = normalizeAnswerValue(answer.value);
  return { ok: true, data: parsed.data };
}

/** What the schema cannot say: unique ids, references that resolve, answers that fit their question. */
function crossCheck(data: RegisterExport): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const templates = new Map<string, { template: Template; index: number }>();
  data.templates.forEach((template, i) => {
    const key = `${template.id}@${template.version}`;
    const first = templates.get(key);
    if (first) report(`$.templates[${i}]`, `template ${template.id} v${template.version} is listed twice (first at $.templates[${first.index}])`);
    else templates.set(key, { template, index: i });
    for (const p of checkTemplate(template)) report(`$.templates[${i}].${p.path}`, p.message);
  });

  const vendorIds = new Map<string, number>();
  const vendorNames = new Map<string, number>();
  data.vendors.forEach((vendor, i) => {
    const byId = vendorIds.get(vendor.id);
    if (byId !== undefined) report(`$.vendors[${i}].id`, `the id "${vendor.id}" is used twice (first at $.vendors[${byId}])`);
    else vendorIds.set(vendor.id, i);
    const key = vendor.name.toLowerCase();
    const byName = vendorNames.get(key);
    if (byName !== undefined) report(`$.vendors[${i}].name`, `the name "${vendor.name}" is used twice (first at $.vendors[${byName}])`);
    else vendorNames.set(key, i);
  });

  const reviews = new Map<string, { template: Template | undefined; index: number }>();
  data.reviews.forEach((review, i) => {
    const first = reviews.get(review.id);
    if (first) report(`$.reviews[${i}].id`, `the id "${review.id}" is used twice (first at $.reviews[${first.index}])`);
    if (!vendorIds.has(review.vendorId)) report(`$.reviews[${i}].vendorId`, `no provider with id "${review.vendorId}" in the file`);
    const template = templates.get(`${review.templateId}@${review.templateVersion}`)?.template;
    if (!template) {
      report(`$.reviews[${i}].templateId`, `template ${review.templateId} v${review.templateVersion} is not in the file's templates`);
    }
    if (!first) reviews.set(review.id, { template, index: i });
  });

  const answerKeys = new Map<string, number>();
  data.answers.forEach((answer, i) => {
    const key = JSON.stringify([answer.reviewId, answer.questionId]);
    const first = answerKeys.get(key);
    if (first !== undefined) {
      report(`$.answers[${i}]`, `a second answer to ${answer.questionId} in review "${answer.reviewId}" (first at $.answers[${first}])`);
    } else answerKeys.set(key, i);
    const review = reviews.get(answer.reviewId);
    if (!review) {
      report(`$.answers[${i}].reviewId`, `no review with id "${answer.reviewId}" in the file`);
      return;
    }
    if (!review.template) return; // already reported on the review
    const question = questionIndex(review.template).get(answer.questionId)?.question;
    if (!question) {
      report(`$.answers[${i}].questionId`, `"${answer.questionId}" is not a question of template ${review.template.id} v${review.template.version}`);
      return;
    }
    const problem = checkAnswerValue(question, normalizeAnswerValue(answer.value));
    if (problem) report(`$.answers[${i}].value`, problem);
  });

  const windowIds = new Map<string, number>();
  const windowSources = new Map<string, number>();
  data.maintenanceWindows.forEach((window, i) => {
    const first = windowIds.get(window.id);
    if (first !== undefined) report(`$.maintenanceWindows[${i}].id`, `the id "${window.id}" is used twice (first at $.maintenanceWindows[${first}])`);
    else windowIds.set(window.id, i);
    if (!vendorIds.has(window.vendorId)) report(`$.maintenanceWindows[${i}].vendorId`, `no provider with id "${window.vendorId}" in the file`);
    // One row per provider event (the register's unique index): a second would fail half-way.
    if (window.sourceUid !== null) {
      const key = JSON.stringify([window.vendorId, window.source, window.sourceUid]);
      const same = windowSources.get(key);
      if (same !== undefined) report(`$.maintenanceWindows[${i}].sourceUid`, `the provider's ${window.source} event "${window.sourceUid}" is listed twice (first at $.maintenanceWindows[${same}])`);
      else windowSources.set(key, i);
    }
  });

  const blackoutIds = new Map<string, number>();
  data.blackoutPeriods.forEach((blackout, i) => {
    const first = blackoutIds.get(blackout.id);
    if (first !== undefined) report(`$.blackoutPeriods[${i}].id`, `the id "${blackout.id}" is used twice (first at $.blackoutPeriods[${first}])`);
    else blackoutIds.set(blackout.id, i);
  });

  const incidentIds = new Map<string, number>();
  const incidentSources = new Map<string, number>();
  data.incidents.forEach((incident, i) => {
    const first = incidentIds.get(incident.id);
    if (first !== undefined) report(`$.incidents[${i}].id`, `the id "${incident.id}" is used twice (first at $.incidents[${first}])`);
    else incidentIds.set(incident.id, i);
    if (!vendorIds.has(incident.vendorId)) report(`$.incidents[${i}].vendorId`, `no provider with id "${incident.vendorId}" in the file`);
    // One row per provider incident (the register's unique index): a second would fail half-way.
    if (incident.sourceUid !== null) {
      const key = JSON.stringify([incident.vendorId, incident.source, incident.sourceUid]);
      const same = incidentSources.get(key);
      if (same !== undefined) report(`$.incidents[${i}].sourceUid`, `the provider's ${incident.source} incident "${incident.sourceUid}" is listed twice (first at $.incidents[${same}])`);
      else incidentSources.set(key, i);
    }
  });

  const deletedKeys = new Map<string, number>();
  data.deletedIncidents.forEach((deleted, i) => {
    if (!vendorIds.has(deleted.vendorId)) report(`$.deletedIncidents[${i}].vendorId`, `no provider with id "${deleted.vendorId}" in the file`);
    const key = JSON.stringify([deleted.vendorId, deleted.source, deleted.sourceUid]);
    const first = deletedKeys.get(key);
    if (first !== undefined) report(`$.deletedIncidents[${i}].sourceUid`, `the provider's ${deleted.source} incident "${deleted.sourceUid}" is listed twice (first at $.deletedIncidents[${first}])`);
    else deletedKeys.set(key, i);
  });

  const statusVendors = new Map<string, number>();
  data.statusSettings.forEach((settings, i) => {
    const first = statusVendors.get(settings.vendorId);
    if (first !== undefined) report(`$.statusSettings[${i}].vendorId`, `the provider "${settings.vendorId}" has status page settings twice (first at $.statusSettings[${first}])`);
    else statusVendors.set(settings.vendorId, i);
    if (!vendorIds.has(settings.vendorId)) report(`$.statusSettings[${i}].vendorId`, `no provider with id "${settings.vendorId}" in the file`);
    const names = new Map<string, number>();
    settings.componentsUsed.forEach((name, j) => {
      const same = names.get(name);
      if (same !== undefined) report(`$.statusSettings[${i}].componentsUsed[${j}]`, `"${name}" is listed twice (first at $.statusSettings[${i}].componentsUsed[${same}])`);
      else names.set(name, j);
    });
  });

  const requestIds = new Map<string, number>();
  data.questionnaireRequests.forEach((request, i) => {
    const first = requestIds.get(request.id);
    if (first !== undefined) report(`$.questionnaireRequests[${i}].id`, `the id "${request.id}" is used twice (first at $.questionnaireRequests[${first}])`);
    else requestIds.set(request.id, i);
    if (!vendorIds.has(request.vendorId)) report(`$.questionnaireRequests[${i}].vendorId`, `no provider with id "${request.vendorId}" in the file`);
    if (!templates.has(`${request.templateId}@${request.templateVersion}`)) {
      report(`$.questionnaireRequests[${i}].templateId`, `template ${request.templateId} v${request.templateVersion} is not in the file's templates`);
    }
  });

  const upstreamIds = new Map<string, number>();
  const upstreamParties = new Map<string, number>();
  const upstreamsPerVendor = new Map<string, number>();
  data.upstreams.forEach((upstream, i) => {
    const first = upstreamIds.get(upstream.id);
    if (first !== undefined) report(`$.upstreams[${i}].id`, `the id "${upstream.id}" is used twice (first at $.upstreams[${first}])`);
    else upstreamIds.set(upstream.id, i);
    if (!vendorIds.has(upstream.vendorId)) report(`$.upstreams[${i}].vendorId`, `no provider with id "${upstream.vendorId}" in the file`);
    // A provider records each party once (the register refuses a second), and at most so many.
    const key = JSON.stringify([upstream.vendorId, canonicalPartyKey(upstream)]);
    const same = upstreamParties.get(key);
    if (same !== undefined) report(`$.upstreams[${i}].party`, `the provider records "${upstream.party}" twice (first at $.upstreams[${same}])`);
    else upstreamParties.set(key, i);
    const n = (upstreamsPerVendor.get(upstream.vendorId) ?? 0) + 1;
    upstreamsPerVendor.set(upstream.vendorId, n);
    if (n === MAX_UPSTREAMS_PER_PROVIDER + 1) report(`$.upstreams[${i}].vendorId`, `the provider "${upstream.vendorId}" has more than ${MAX_UPSTREAMS_PER_PROVIDER} fourth parties`);
  });

  return problems;
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
