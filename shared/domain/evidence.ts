// Evidence: documents that back a review (SOC 2 report, ISO certificate, …), stored inside the
// register with their SHA-256, and flagged as they near their expiry.
import { z } from 'zod';
import { IsoDate } from './dates';
import { dateState } from './reassessment';

export const EVIDENCE_KINDS = ['soc2', 'iso27001', 'pentest', 'dpa', 'sla', 'insurance', 'other'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Files above this are refused: the register is one file that gets backed up and mailed around. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4;

const FileName = z
  .string()
  .trim()
  .min(1, 'the file needs a name')
  .max(255)
  // A name only: no folder part, no control characters (the name is offered back when saving).
  .refine((n) => ![...n].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 32) && n !== '.' && n !== '..', 'a file name, not a path');

const editable = {
  kind: EvidenceKind,
  title: z.string().trim().max(200),
  issuedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  notes: z.string().trim().max(5000),
};

export const EvidencePatch = z.object(editable).partial().strict();
export type EvidencePatch = z.input<typeof EvidencePatch>;

export const EvidenceInput = z
  .object({
    vendorId: z.string().min(1).max(100),
    /** The review and question it backs; both or neither. */
    reviewId: z.string().min(1).max(100).optional(),
    questionId: z.string().min(1).max(120).optional(),
    kind: editable.kind,
    title: editable.title.optional(),
    issuedOn: editable.issuedOn.optional(),
    expiresOn: editable.expiresOn.optional(),
    notes: editable.notes.optional(),
    /** Stored encrypted (the file and its notes); locked without the key. Fixed when attached. */
    confidential: z.boolean().optional(),
    fileName: FileName,
    mediaType: z.string().trim().max(100).optional(),
    /** The file's bytes, base64: every transport carries it alike. */
    base64: z
      .string()
      .max(MAX_BASE64_CHARS, `the file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  })
  .strict()
  .refine((e) => e.questionId === undefined || e.reviewId !== undefined, { message: 'a question needs its review', path: ['reviewId'] })
  .refine((e) => !e.issuedOn || !e.expiresOn || e.issuedOn <= e.expiresOn, { message: 'expires before it was issued', path: ['expiresOn'] });
export type EvidenceInput = z.input<typeof EvidenceInput>;

export interface Evidence {
  id: string;
  vendorId: string;
  reviewId: string | null;
  questionId: string | null;
  kind: EvidenceKind;
  title: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  issuedOn: string | null;
  expiresOn: string | null;
  notes: string;
  addedBy: string;
  addedAt: string;
  updatedAt: string;
  /** The file and its notes are stored encrypted. */
  confidential: boolean;
  /** Confidential and the key is not available: `notes` is empty, the file cannot be read. */
  locked?: boolean;
}

export type EvidenceState = 'valid' | 'expiring_soon' | 'expired' | 'no_expiry';

export function evidenceState(expiresOn: string | null, today: string): EvidenceState {
  if (expiresOn === null) return 'no_expiry';
  const state = dateState(expiresOn, today);
  return state === 'past' ? 'expired' : state === 'soon' ? 'expiring_soon' : 'valid';
}
