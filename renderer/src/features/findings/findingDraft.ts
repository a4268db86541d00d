// The finding form's fields as typed, and what they mean for the API (a new finding or a patch).
import type { FindingView } from '../../../../shared/api';
import type { FindingInput, FindingPatch, FindingSeverity, FindingStatus } from '../../../../shared/domain/findings';

export interface FindingDraft {
  title: string;
  severity: FindingSeverity;
  /** "accepted" only shows what is stored; it is set through a risk acceptance. */
  status: FindingStatus;
  owner: string;
  dueDate: string;
  description: string;
  remediation: string;
}

export const FIELD_LABELS: Readonly<Record<keyof FindingDraft, string>> = {
  title: 'Title',
  severity: 'Severity',
  status: 'Status',
  owner: 'Owner',
  dueDate: 'Due date',
  description: 'Description',
  remediation: 'Remediation',
};

export const EMPTY_DRAFT: FindingDraft = {
  title: '',
  severity: 'medium',
  status: 'open',
  owner: '',
  dueDate: '',
  description: '',
  remediation: '',
};

export function draftOf(finding: FindingView): FindingDraft {
  return {
    title: finding.title,
    severity: finding.severity,
    status: finding.status,
    owner: finding.owner,
    dueDate: finding.dueDate ?? '',
    description: finding.description,
    remediation: finding.remediation,
  };
}

/** A new finding by hand (status open). */
export function inputOf(vendorId: string, draft: FindingDraft): FindingInput {
  return {
    vendorId,
    title: draft.title,
    severity: draft.severity,
    owner: draft.owner,
    description: draft.description,
    remediation: draft.remediation,
    dueDate: draft.dueDate === '' ? null : draft.dueDate,
  };
}

/** Only the fields changed from what is stored, so the audit trail shows what was really edited. */
export function patchOf(before: FindingDraft, draft: FindingDraft): FindingPatch {
  const patch: FindingPatch = {};
  if (draft.title !== before.title) patch.title = draft.title;
  if (draft.severity !== before.severity) patch.severity = draft.severity;
  if (draft.status !== before.status && draft.status !== 'accepted') patch.status = draft.status;
  if (draft.owner !== before.owner) patch.owner = draft.owner;
  if (draft.dueDate !== before.dueDate) patch.dueDate = draft.dueDate === '' ? null : draft.dueDate;
  if (draft.description !== before.description) patch.description = draft.description;
  if (draft.remediation !== before.remediation) patch.remediation = draft.remediation;
  return patch;
}
