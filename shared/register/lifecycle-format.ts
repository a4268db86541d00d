// The review lifecycle in the register exchange format (docs/formats.md): sign-off steps, the
// snapshot a decision froze, findings, risk acceptances, evidence (with its file, or its digest
// when the file was left behind), the audit trail and the confidential key material (never the
// key). Pure: the schemas and the checks the schemas cannot express. Added after format 1
// shipped, so every list here may be missing from a file (it reads as none).
import { z } from 'zod';
import { AUDIT_ENTITIES } from '../domain/audit';
import { IsoDate } from '../domain/dates';
import { EVIDENCE_KINDS, MAX_EVIDENCE_BYTES } from '../domain/evidence';
import { FINDING_SEVERITIES, FINDING_STATUSES } from '../domain/findings';
import { IsoInstant } from '../domain/maintenance';
import { AnswerValue, ReviewStatus } from '../domain/review';
import type { FieldProblem } from '../validation';

const Id = z.string().min(1).max(100);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 lowercase hex digits)');
/** A sealed value is longer than its text: room for the nonce, the tag and base64. */
const SealedOrText = (plainMax: number) => z.string().max(Math.ceil((plainMax * 4 + 64) / 3) * 4 + 40);

/**
 * An instant that travels as stored, byte for byte (the audit trail and the snapshot are records:
 * they are never rewritten, not even to a normal form).
 */
const AsStored = IsoInstant;

/** One step of the sign-off workflow, in the order the register recorded them. */
export const ExportedStep = z
  .object({
    reviewId: Id,
    from: ReviewStatus,
    to: ReviewStatus,
    by: z.string().max(200),
    at: AsStored,
    note: z.string().max(5000),
  })
  .strict();
export type ExportedStep = z.output<typeof ExportedStep>;

/** An answer as a decision froze it (the answer of shared/domain/review.ts, comment possibly sealed). */
const SnapshotAnswer = z
  .looseObject({
    questionId: z.string().min(1).max(120),
    value: z.union(AnswerValue.options),
    comment: SealedOrText(20000),
    na: z.boolean(),
    updatedAt: AsStored,
    confidential: z.boolean().optional(),
    locked: z.boolean().optional(),
    providerComment: z.string().max(20000).optional(),
    answeredBy: z.looseObject({}).optional(),
  });

/**
 * What a decision froze: the template version, the answers and the score exactly as signed off.
 * The score is the scorer's own record (shared/scoring/types.ts), carried as frozen: never
 * recomputed, so a later change to the scoring cannot move a past decision. Not strict: a
 * register must import its own export, whatever an older Vetted froze.
 */
const SnapshotShape = z
  .looseObject({
    templateId: z.string().min(1).max(120),
    templateVersion: z.number().int().min(1),
    answers: z.array(SnapshotAnswer),
    score: z.looseObject({}),
    frozenAt: AsStored,
  });

/**
 * The snapshot is checked against its shape but kept as written (zod would rebuild it in the
 * schema's key order), so the stored text comes back byte for byte.
 */
export const ExportedSnapshot = z.unknown().superRefine((value, ctx) => {
  const parsed = SnapshotShape.safeParse(value);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
});
export type ReviewSnapshotJson = Record<string, unknown>;

export const ExportedFinding = z
  .object({
    id: Id,
    vendorId: Id,
    reviewId: Id.nullable(),
    questionId: z.string().min(1).max(120).nullable(),
    title: z.string().min(1).max(200),
    severity: z.enum(FINDING_SEVERITIES),
    description: z.string().max(5000),
    owner: z.string().max(200),
    remediation: z.string().max(5000),
    dueDate: IsoDate.nullable(),
    status: z.enum(FINDING_STATUSES),
    createdBy: z.string().max(200),
    createdAt: AsStored,
    updatedAt: AsStored,
  })
  .strict()
  .refine((f) => f.questionId === null || f.reviewId !== null, { message: 'a question needs its review', path: ['reviewId'] });
export type ExportedFinding = z.output<typeof ExportedFinding>;

export const ExportedAcceptance = z
  .object({
    id: Id,
    vendorId: Id,
    findingId: Id.nullable(),
    reviewId: Id.nullable(),
    justification: z.string().min(1).max(5000),
    acceptedBy: z.string().max(200),
    acceptedAt: AsStored,
    expiresOn: IsoDate,
    revokedAt: AsStored.nullable(),
  })
  .strict()
  .refine((a) => (a.findingId === null) !== (a.reviewId === null), { message: 'accepts either a finding or a review', path: ['findingId'] });
export type ExportedAcceptance = z.output<typeof ExportedAcceptance>;

/** The largest evidence file as base64, sealed (nonce and tag) or not. */
const MAX_CONTENT_CHARS = Math.ceil((MAX_EVIDENCE_BYTES + 64) / 3) * 4;

export const ExportedEvidence = z
  .object({
    id: Id,
    vendorId: Id,
    reviewId: Id.nullable(),
    questionId: z.string().min(1).max(120).nullable(),
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string().max(200),
    fileName: z.string().min(1).max(255),
    mediaType: z.string().max(100),
    bytes: z.number().int().min(0).max(MAX_EVIDENCE_BYTES),
    /** Of the file itself (the plain bytes, also of a confidential one). */
    sha256: Sha256,
    issuedOn: IsoDate.nullable(),
    expiresOn: IsoDate.nullable(),
    /** Sealed when the evidence is confidential. */
    notes: SealedOrText(5000),
    addedBy: z.string().max(200),
    addedAt: AsStored,
    updatedAt: AsStored,
    confidential: z.boolean(),
    /**
     * The file as the register stores it, base64 (sealed when confidential). Missing: the file was
     * left behind (the export had no room for it); its digest above still names it.
     */
    content: z.string().max(MAX_CONTENT_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64').optional(),
  })
  .strict()
  .refine((e) => e.questionId === null || e.reviewId !== null, { message: 'a question needs its review', path: ['reviewId'] });
export type ExportedEvidence = z.output<typeof ExportedEvidence>;

/** One origin in an imported entry's mark: "export of <instant>", "… from register <uuid>". */
export const IMPORT_ORIGIN = /export of [0-9T:.+\-Z]{10,40}(?: from register [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?/;
/** A whole mark: the import's own origin, and for an entry imported twice the first one claimed. */
const IMPORT_MARK = new RegExp(`^${IMPORT_ORIGIN.source}(?: \\(first: ${IMPORT_ORIGIN.source}\\))?$`);

/** One entry of the audit trail, as the register wrote it (oldest first in the file). */
export const ExportedAuditEntry = z
  .object({
    at: AsStored,
    actor: z.string().max(1000),
    entity: z.enum(AUDIT_ENTITIES),
    entityId: z.string().min(1).max(400),
    vendorId: z.string().min(1).max(100).nullable(),
    action: z.enum(['create', 'update', 'delete']),
    old: z.record(z.string(), z.unknown()).nullable(),
    new: z.record(z.string(), z.unknown()).nullable(),
    /** Where an entry the exporting register had itself imported came from; null: its own (missing in older files). */
    importedFrom: z.string().max(400).regex(IMPORT_MARK, 'expected "export of <instant>[ from register <id>][ (first: export of …)]"').nullable().default(null),
    /** The database role that wrote it, on a team register (left out when none: a file's own entries). */
    dbUser: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ExportedAuditEntry = z.output<typeof ExportedAuditEntry>;

/**
 * What names the exporting register's data key, so the same key file or passphrase opens its
 * confidential values here: the key's id, the passphrase salt and the key check. Never the key.
 */
export const ExportedKeyMaterial = z
  .object({
    // A UUID, as every register makes its own: the id also names the key file (<id>.key), so
    // anything else (a "../" path) must never reach the key sources.
    registerId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected the register id as a UUID'),
    kdfSalt: z.string().regex(/^[0-9a-f]{2,128}$/, 'expected the salt as lowercase hex'),
    keyCheck: z.string().min(1).max(400).startsWith('vetted-sealed:', 'expected a sealed key check'),
    source: z.enum(['keychain', 'key-file', 'passphrase']),
    createdAt: AsStored,
  })
  .strict();
export type ExportedKeyMaterial = z.output<typeof ExportedKeyMaterial>;

/**
 * The exporting register's audit chain head when the file was made: how many entries its trail
 * held and the last one's hash as stored (null: a row written without the app carries none).
 * Informational, for comparing with that register (`vetted audit verify`) or with a printed
 * report; an import does not take it over: the receiving register chains the entries itself.
 */
export const ExportedChainHead = z
  .object({
    entries: z.number().int().min(0),
    hash: Sha256.nullable(),
  })
  .strict();
export type ExportedChainHead = z.output<typeof ExportedChainHead>;

/** The lifecycle lists of the export (each may be missing in an older file). */
export const LIFECYCLE_FIELDS = {
  reviewSteps: z.array(ExportedStep).default([]),
  findings: z.array(ExportedFinding).default([]),
  acceptances: z.array(ExportedAcceptance).default([]),
  evidence: z.array(ExportedEvidence).default([]),
  auditTrail: z.array(ExportedAuditEntry).default([]),
  auditChainHead: ExportedChainHead.nullable().default(null),
  confidential: ExportedKeyMaterial.nullable().default(null),
};

interface LifecycleData {
  vendors: { id: string }[];
  reviews: { id: string; vendorId: string }[];
  reviewSteps: ExportedStep[];
  findings: ExportedFinding[];
  acceptances: ExportedAcceptance[];
  evidence: ExportedEvidence[];
}

/** References the schemas cannot check: every row's provider, review and finding in the file, ids unique. */
export function crossCheckLifecycle(data: LifecycleData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const vendors = new Set(data.vendors.map((v) => v.id));
  const reviewVendor = new Map(data.reviews.map((r) => [r.id, r.vendorId]));

  data.reviewSteps.forEach((step, i) => {
    if (!reviewVendor.has(step.reviewId)) report(`$.reviewSteps[${i}].reviewId`, `no review with id "${step.reviewId}" in the file`);
  });

  /** A row's provider in the file, and its review (when it has one) of that provider. */
  const owned = (list: string, i: number, row: { vendorId: string; reviewId: string | null }) => {
    if (!vendors.has(row.vendorId)) report(`$.${list}[${i}].vendorId`, `no provider with id "${row.vendorId}" in the file`);
    if (row.reviewId === null) return;
    const of = reviewVendor.get(row.reviewId);
    if (of === undefined) report(`$.${list}[${i}].reviewId`, `no review with id "${row.reviewId}" in the file`);
    else if (of !== row.vendorId) report(`$.${list}[${i}].reviewId`, `the review "${row.reviewId}" is of another provider`);
  };
  const unique = (list: string, rows: { id: string }[]) => {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const first = seen.get(row.id);
      if (first !== undefined) report(`$.${list}[${i}].id`, `the id "${row.id}" is used twice (first at $.${list}[${first}])`);
      else seen.set(row.id, i);
    });
  };

  unique('findings', data.findings);
  data.findings.forEach((f, i) => owned('findings', i, f));
  const findingVendor = new Map(data.findings.map((f) => [f.id, f.vendorId]));

  unique('acceptances', data.acceptances);
  data.acceptances.forEach((a, i) => {
    owned('acceptances', i, a);
    if (a.findingId === null) return;
    const of = findingVendor.get(a.findingId);
    if (of === undefined) report(`$.acceptances[${i}].findingId`, `no finding with id "${a.findingId}" in the file`);
    else if (of !== a.vendorId) report(`$.acceptances[${i}].findingId`, `the finding "${a.findingId}" is of another provider`);
  });

  unique('evidence', data.evidence);
  data.evidence.forEach((e, i) => {
    owned('evidence', i, e);
    if (e.content !== undefined && !e.confidential && base64Bytes(e.content) !== e.bytes) {
      report(`$.evidence[${i}].content`, `holds ${base64Bytes(e.content)} bytes, but the evidence says ${e.bytes}`);
    }
  });
  return problems;
}

/** The length of the bytes a base64 text decodes to. */
export function base64Bytes(text: string): number {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - pad;
}
