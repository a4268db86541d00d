// An audit row in words: what changed (entity and action), on what, and each field old → new.
import { providerSourceWords } from '../../../../shared/audit/provider-source';
import { changedFields, type AuditEntry, type FieldChange } from '../../../../shared/domain/audit';
import { AUDIT_ENTITY_LABELS, labelOf, REVIEW_STATUS_LABELS, FINDING_STATUS_LABELS, TIER_LABELS } from '../../../../shared/domain/labels';
import type { Question } from '../../../../shared/domain/template';

/** How long a value may be on screen before it is cut (the CSV export has it whole). */
export const VALUE_CHARS = 80;

const ACTION_WORDS = { create: 'added', update: 'changed', delete: 'deleted' } as const;

/** Column names (snake_case, as stored) that read better in other words. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  na: 'not applicable',
  question_id: 'question',
  review_id: 'review',
  finding_id: 'finding',
  due_override: 'next review date',
  completed_at: 'decided at',
  critical_path: 'critical path',
  template_version: 'template version',
  template_id: 'template',
  expires_on: 'expires on',
  revoked_at: 'revoked at',
  accepted_by: 'accepted by',
  due_date: 'due date',
  issued_on: 'issued on',
  file_name: 'file name',
  media_type: 'media type',
  sha256: 'SHA-256',
  provider_comment: 'provider’s comment',
  received_at: 'answers received',
  received_sha256: 'answers file SHA-256',
};

/** Columns stored as 0/1 that mean yes/no. */
const FLAGS = new Set(['na', 'critical_path']);

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replaceAll('_', ' ');
}

export function truncate(text: string, max = VALUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The question an answer row is about: its id is "<review>/<question>". */
function questionIdOf(entry: AuditEntry): string | null {
  const id = entry.new?.question_id ?? entry.old?.question_id;
  if (typeof id === 'string') return id;
  const slash = entry.entityId.indexOf('/');
  return slash >= 0 ? entry.entityId.slice(slash + 1) : null;
}

/** A value in a few words: option ids as their labels, statuses and tiers as the app names them. */
export function valueText(entry: AuditEntry, field: string, value: unknown, question: Question | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (FLAGS.has(field) && (value === 0 || value === 1 || typeof value === 'boolean')) return value ? 'yes' : 'no';
  if (field === 'value' && question?.options) {
    const label = (id: unknown) => question.options!.find((o) => o.id === id)?.label ?? String(id);
    if (Array.isArray(value)) return truncate(value.map(label).join(', ') || '—');
    if (typeof value === 'string') return truncate(label(value));
  }
  if (field === 'status' && typeof value === 'string') {
    return entry.entity === 'review' ? labelOf(REVIEW_STATUS_LABELS, value) : labelOf(FINDING_STATUS_LABELS, value);
  }
  if (field === 'severity' && typeof value === 'string') return labelOf(TIER_LABELS, value);
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return truncate(value.join(', ') || '—');
  return truncate(JSON.stringify(value));
}

export interface AuditLine {
  /** "Answer changed", "Finding added"… */
  what: string;
  /** The thing changed, in words: the question, the finding's title, the provider's name. */
  subject: string | null;
  changes: { field: string; old: string; new: string }[];
}

/** Fields that only repeat the subject or the head line (a question id beside the question's text). */
const SUBJECT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  answer: ['question_id', 'answered_by'],
  request: ['contact', 'due_on', 'template_hash', 'sent_at', 'sent_by', 'received_at'],
};

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A questionnaire sent, or its answers received, in one line. */
function requestWhat(entry: AuditEntry): string {
  const row = entry.new ?? entry.old ?? {};
  const requestId = entry.entityId;
  if (entry.action === 'create') {
    const contact = nonEmpty(row.contact);
    const due = nonEmpty(row.due_on);
    return `Questionnaire sent${contact ? ` to ${contact}` : ''} (request ${requestId}${due ? `, due ${due}` : ''})`;
  }
  if (entry.action === 'update' && nonEmpty(entry.new?.received_at) && entry.new?.received_at !== entry.old?.received_at) {
    return `Answers received (request ${requestId})`;
  }
  return `Questionnaire ${ACTION_WORDS[entry.action] ?? entry.action} (request ${requestId})`;
}

export function describeEntry(entry: AuditEntry, questions: ReadonlyMap<string, Question>): AuditLine {
  const source = providerSourceWords(entry);
  const what =
    entry.entity === 'request'
      ? requestWhat(entry)
      : `${labelOf(AUDIT_ENTITY_LABELS, entry.entity)} ${ACTION_WORDS[entry.action] ?? entry.action}${source ? `: ${source}` : ''}`;
  const row = entry.new ?? entry.old ?? {};
  let subject: string | null = null;
  let question: Question | undefined;
  if (entry.entity === 'answer') {
    const id = questionIdOf(entry);
    question = id ? questions.get(id) : undefined;
    subject = question ? question.text : id;
  } else if (typeof row.title === 'string' && row.title !== '') {
    subject = row.title;
  } else if (typeof row.name === 'string') {
    subject = row.name;
  } else if (typeof row.file_name === 'string') {
    subject = row.file_name;
  }
  const skip = SUBJECT_FIELDS[entry.entity] ?? [];
  const fields: FieldChange[] = changedFields(entry).filter(
    (c) =>
      !skip.includes(c.field) &&
      // A new (or deleted) row's "no" flags say nothing: only the ones set are worth a line.
      !(entry.action !== 'update' && FLAGS.has(c.field) && !(entry.action === 'create' ? c.new : c.old)),
  );
  return {
    what,
    subject: subject === null ? null : truncate(subject, 120),
    changes: fields
      .map((c) => ({
        field: fieldWords(c.field),
        old: valueText(entry, c.field, c.old, question),
        new: valueText(entry, c.field, c.new, question),
      }))
      // An empty text stored where there was none (or the reverse) changes nothing a reader sees.
      .filter((c) => c.old !== c.new),
  };
}
