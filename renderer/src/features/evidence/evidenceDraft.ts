// What the attach and edit forms hold while the user types, and how it becomes an API payload.
import type { EvidenceView } from '../../../../shared/api';
import type { EvidenceKind, EvidencePatch } from '../../../../shared/domain/evidence';
import type { ApiError } from '../../../../shared/result';
import { fieldMessage } from '../../components/FieldError';

export interface EvidenceDraft {
  kind: EvidenceKind;
  title: string;
  /** YYYY-MM-DD from a date input, or '' for none. */
  issuedOn: string;
  expiresOn: string;
  notes: string;
}

export type DraftKey = keyof EvidenceDraft;
export type DraftErrors = Partial<Record<DraftKey | 'file' | 'questionId', string>>;

export const FIELD_LABELS: Record<DraftKey | 'file' | 'questionId', string> = {
  kind: 'Kind',
  title: 'Title',
  issuedOn: 'Issued on',
  expiresOn: 'Expires on',
  notes: 'Notes',
  file: 'File',
  questionId: 'Question',
};

export const EMPTY_DRAFT: EvidenceDraft = { kind: 'soc2', title: '', issuedOn: '', expiresOn: '', notes: '' };

export function draftOf(item: EvidenceView): EvidenceDraft {
  return {
    kind: item.kind,
    title: item.title,
    issuedOn: item.issuedOn ?? '',
    expiresOn: item.expiresOn ?? '',
    notes: item.notes,
  };
}

/** Problems the form can see before asking the API. */
export function draftErrors(draft: EvidenceDraft): DraftErrors {
  if (draft.issuedOn && draft.expiresOn && draft.expiresOn < draft.issuedOn) {
    return { expiresOn: 'The expiry date is before the issue date.' };
  }
  return {};
}

/** The fields as evidence.update takes them (empty dates become null: "no date"). */
export function patchOf(draft: EvidenceDraft): Required<EvidencePatch> {
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    issuedOn: draft.issuedOn || null,
    expiresOn: draft.expiresOn || null,
    notes: draft.notes.trim(),
  };
}

/** Which form field an API path names ("patch.expiresOn" from evidence.update, "base64" from evidence.add). */
const FIELD_OF_PATH: Record<string, keyof DraftErrors> = {
  kind: 'kind',
  title: 'title',
  issuedOn: 'issuedOn',
  expiresOn: 'expiresOn',
  notes: 'notes',
  base64: 'file',
  fileName: 'file',
  mediaType: 'file',
  questionId: 'questionId',
  reviewId: 'questionId',
};

/** The API's validation details, one message per form field they name. */
export function apiFieldErrors(error: ApiError): DraftErrors {
  const found: DraftErrors = {};
  for (const detail of error.details ?? []) {
    const key = detail.path
      .split('.')
      .map((part) => FIELD_OF_PATH[part])
      .find((k) => k !== undefined);
    if (key) found[key] ??= fieldMessage(FIELD_LABELS[key], detail.message);
  }
  return found;
}
