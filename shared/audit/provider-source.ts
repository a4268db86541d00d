// Whose an answer's change in the audit trail is, when the provider is its source: the same words
// in the app's trail and `vetted history --audit`.
import type { AuditEntry } from '../domain/audit';
import { canonicalJson } from '../exchange/digest';

interface AnsweredByLike {
  contact?: unknown;
  respondent?: unknown;
  receivedAt?: unknown;
}

/** The answered_by column of an audit row (stored as JSON; the trigger may give it as text). */
function answeredBy(row: Record<string, unknown> | null): AnsweredByLike | null {
  let by: unknown = row?.answered_by ?? null;
  if (typeof by === 'string') {
    try {
      by = JSON.parse(by) as unknown;
    } catch {
      return null;
    }
  }
  return by !== null && typeof by === 'object' ? (by as AnsweredByLike) : null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** "Jane Doe <jane@…>", "Jane Doe <jane@…>; filled in by John Smith", or null when neither is known. */
export function providerWho(by: { contact?: unknown; respondent?: unknown }): string | null {
  const contact = text(by.contact);
  const respondent = text(by.respondent);
  // The respondent is named too when someone else filled it in (not when it repeats the contact's name).
  if (contact && respondent && !contact.toLowerCase().includes(respondent.toLowerCase())) return `${contact}; filled in by ${respondent}`;
  return contact ?? respondent;
}

/** An answers file is taken in one transaction: an entry this close to the receipt is that taking. */
const TAKEN_WITHIN_MS = 60_000;

/**
 * "answered by the provider (Jane Doe <jane@…>), accepted by Rita" for the change that took the
 * provider's answer; "carried over: answered by the provider (…), received 2026-12-03" when an
 * answer the provider gave earlier was copied into a new review (a reassessment, a template move).
 * Null when the provider is not what changed (a reviewer's comment on a provider's answer, say).
 */
export function providerSourceWords(entry: Pick<AuditEntry, 'entity' | 'action' | 'at' | 'actor' | 'old' | 'new'>): string | null {
  if (entry.entity !== 'answer' || entry.action === 'delete') return null;
  const now = answeredBy(entry.new);
  if (!now) return null;
  const before = answeredBy(entry.old);
  if (before && canonicalJson(before) === canonicalJson(now)) return null;
  const who = providerWho(now);
  const provider = `answered by the provider${who ? ` (${who})` : ''}`;
  const received = text(now.receivedAt);
  const gap = received ? Math.abs(Date.parse(entry.at) - Date.parse(received)) : NaN;
  if (Number.isFinite(gap) && gap > TAKEN_WITHIN_MS) return `carried over: ${provider}, received ${received!.slice(0, 10)}`;
  return `${provider}, accepted by ${entry.actor || '(no user name set)'}`;
}
