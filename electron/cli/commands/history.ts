// `vetted history VENDOR [--audit] [--limit N]`: a provider's reviews with their sign-off steps and
// frozen scores, and (with --audit) the audit trail: who changed what, old → new.
import { providerSourceWords } from '../../../shared/audit/provider-source';
import type { ReviewHistoryEntry } from '../../../shared/api';
import { changedFields, type AuditEntry } from '../../../shared/domain/audit';
import { AUDIT_ENTITY_LABELS, REVIEW_STATUS_LABELS, labelOf } from '../../../shared/domain/labels';
import { parse, shortId, wholeNumberFlag } from '../args';
import { usageError } from '../cli-error';
import { percent, score } from '../format';
import { findVendor, must, openSession } from '../session';

export const HISTORY_USAGE = 'usage: vetted history VENDOR [--audit] [--limit N] [--json]';

/** "2026-11-20 10:00 UTC" from a stored ISO instant. */
export const when = (iso: string) => iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2 UTC');

/** A stored value as one short line: strings quoted (so an empty one shows), nothing as "(none)". */
export function valueText(value: unknown, max = 70): string {
  if (value === null || value === undefined) return '(none)';
  const text = (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value)).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const status = (s: string) => labelOf(REVIEW_STATUS_LABELS, s);

function reviewLines(entry: ReviewHistoryEntry): string[] {
  const { review } = entry;
  const scored = `score ${score(entry.score)}, tier ${entry.tier ?? '-'}, ${percent(entry.completion)} answered${entry.frozen ? ' (frozen at the decision)' : ''}`;
  const out = [
    `Review ${shortId(review.id)} started ${review.startedAt.slice(0, 10)} (${review.templateId} v${review.templateVersion}): ${status(review.status)}; ${scored}`,
  ];
  if (entry.dueOverride) out.push(`  Next review set by hand: ${entry.dueOverride}`);
  if (entry.steps.length === 0) out.push('  No workflow step yet.');
  for (const step of entry.steps) {
    out.push(`  ${when(step.at)}  ${status(step.from)} → ${status(step.to)}  by ${step.by || '(nobody named)'}${step.note ? `: ${step.note.replace(/\s+/g, ' ')}` : ''}`);
  }
  return out;
}

const SUBJECT_FIELDS = ['question_id', 'title', 'file_name', 'name'];

/** What a row is about, in words: the question of an answer, the title of a finding, … */
function subject(entry: AuditEntry): { field: string | null; text: string } {
  const record = entry.new ?? entry.old ?? {};
  for (const field of SUBJECT_FIELDS) {
    if (typeof record[field] === 'string' && record[field] !== '') return { field, text: record[field] as string };
  }
  return { field: null, text: shortId(entry.entityId) };
}

export function auditLines(entry: AuditEntry): string[] {
  const about = subject(entry);
  const source = providerSourceWords(entry);
  const head = `${when(entry.at)}  ${entry.actor || '(no user name set)'}  ${labelOf(AUDIT_ENTITY_LABELS, entry.entity)} ${about.text} ${entry.action}d${source ? `: ${source}` : ''}`;
  if (entry.action === 'delete') return [head];
  // A creation lists what was set (the subject is in the head line already); an update, what changed.
  // Who answered is said in the head line, not as the JSON it is stored as.
  const changes = changedFields(entry).filter(
    (c) => (entry.action !== 'create' || (c.field !== about.field && c.new !== null && c.new !== '')) && !(source && c.field === 'answered_by'),
  );
  return [head, ...changes.map((c) => (entry.action === 'create' ? `    ${c.field}: ${valueText(c.new)}` : `    ${c.field}: ${valueText(c.old)} → ${valueText(c.new)}`))];
}

export async function historyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { audit: { type: 'boolean' }, limit: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(HISTORY_USAGE);
  const limit = wholeNumberFlag('limit', values.limit, 1, 1000);
  if (limit !== undefined && !values.audit) throw usageError(`--limit counts audit rows: give --audit too (${HISTORY_USAGE})`);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const reviews = must(await api['review.history']({ vendorId: vendor.id }));
  const audit = values.audit ? must(await api['audit.list']({ vendorId: vendor.id, limit: limit ?? 50 })) : undefined;
  if (values.json) {
    process.stdout.write(JSON.stringify({ vendor: { id: vendor.id, name: vendor.name }, reviews, ...(audit ? { audit } : {}) }, null, 2) + '\n');
    return;
  }
  const out = [`${vendor.name}: ${reviews.length} review${reviews.length === 1 ? '' : 's'}, newest first`];
  if (reviews.length === 0) out.push('No review started yet (answer a question with `vetted answer`).');
  for (const entry of reviews) out.push('', ...reviewLines(entry));
  if (audit) {
    out.push('', `Audit trail, newest first (${audit.length} row${audit.length === 1 ? '' : 's'}${audit.length === (limit ?? 50) ? `; --limit ${limit ?? 50} reached` : ''}):`);
    for (const entry of audit) out.push(...auditLines(entry));
  }
  process.stdout.write(out.join('\n') + '\n');
}
