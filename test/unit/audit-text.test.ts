// The audit trail in words for the vendor questionnaire: an answer taken from the provider's
// answers file names the provider and who accepted it; a questionnaire sent and its answers
// received read as such; an answer typed here reads as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '../../shared/domain/audit';

// Loaded by URL, as incident-screens.test.ts does: test/tsconfig.json does not reference the
// renderer project, so the shape the tests use is spelled out here.
interface AuditLine {
  what: string;
  subject: string | null;
  changes: { field: string; old: string; new: string }[];
}
const { describeEntry } = (await import(new URL('../../renderer/src/features/history/auditText.ts', import.meta.url).href)) as {
  describeEntry(entry: AuditEntry, questions: ReadonlyMap<string, unknown>): AuditLine;
};

const base = { id: 1, at: '2026-12-05T10:00:00.000Z', actor: 'Sam Reviewer', vendorId: 'v1', importedFrom: null } as const;
const answeredBy = { format: 'vetted', requestId: 'r1', contact: 'Jane Doe <jane@acme.example>', respondent: 'John', fileSha256: 'a'.repeat(64), receivedAt: '2026-12-05T10:00:00.000Z' };

test('an answer accepted from an answers file: answered by the provider (contact), accepted by the actor', () => {
  const entry: AuditEntry = {
    ...base, entity: 'answer', entityId: 'rev1/sec_mfa', action: 'update',
    old: { question_id: 'sec_mfa', value: 'no', answered_by: null, provider_comment: '' },
    new: { question_id: 'sec_mfa', value: 'yes', answered_by: answeredBy, provider_comment: 'Enforced since 2024.' },
  };
  const line = describeEntry(entry, new Map());
  assert.equal(line.what, 'Answer changed: answered by the provider (Jane Doe <jane@acme.example>; filled in by John), accepted by Sam Reviewer');
  assert.deepEqual(line.changes.map((c) => c.field).sort(), ['provider’s comment', 'value'], 'the provenance is in the head line, not a JSON field');
  assert.equal(line.changes.find((c) => c.field === 'provider’s comment')?.new, 'Enforced since 2024.');
});

test('without a contact the respondent is named; stored as JSON text it reads the same', () => {
  const entry: AuditEntry = {
    ...base, entity: 'answer', entityId: 'rev1/sec_mfa', action: 'create', old: null,
    new: { question_id: 'sec_mfa', value: 'yes', answered_by: JSON.stringify({ ...answeredBy, contact: null }) },
  };
  assert.equal(describeEntry(entry, new Map()).what, 'Answer added: answered by the provider (John), accepted by Sam Reviewer');
});

test('an answer typed here reads as before', () => {
  const entry: AuditEntry = { ...base, entity: 'answer', entityId: 'rev1/sec_mfa', action: 'update', old: { value: 'no' }, new: { value: 'yes', answered_by: null } };
  assert.equal(describeEntry(entry, new Map()).what, 'Answer changed');
});

test('a questionnaire sent, and its answers received', () => {
  const sent: AuditEntry = {
    ...base, entity: 'request', entityId: 'req-1', action: 'create', old: null,
    new: { contact: 'Jane Doe <jane@acme.example>', due_on: '2027-01-15', template_id: 'infrastructure-provider', received_at: null },
  };
  assert.equal(describeEntry(sent, new Map()).what, 'Questionnaire sent to Jane Doe <jane@acme.example> (request req-1, due 2027-01-15)');
  const noContact: AuditEntry = { ...sent, new: { contact: null, due_on: null } };
  assert.equal(describeEntry(noContact, new Map()).what, 'Questionnaire sent (request req-1)');
  const received: AuditEntry = {
    ...sent, action: 'update', old: sent.new,
    new: { ...sent.new, received_at: '2026-12-06T09:00:00.000Z', received_sha256: 'b'.repeat(64) },
  };
  const line = describeEntry(received, new Map());
  assert.equal(line.what, 'Answers received (request req-1)');
  assert.ok(line.changes.some((c) => c.field === 'answers file SHA-256'), `the file's digest is listed: ${JSON.stringify(line.changes)}`);
});

test("a reviewer's comment on the provider's answer is the reviewer's change, not an acceptance", () => {
  const entry: AuditEntry = {
    ...base, entity: 'answer', entityId: 'rev1/sec_mfa', action: 'update',
    old: { value: 'yes', comment: '', answered_by: answeredBy }, new: { value: 'yes', comment: 'Checked on the call.', answered_by: answeredBy },
  };
  assert.equal(describeEntry(entry, new Map()).what, 'Answer changed');
});

test("the provider's answer carried into a new review says it was carried over, not accepted by whoever started it", () => {
  const entry: AuditEntry = {
    ...base, at: '2027-12-01T09:00:00.000Z', entity: 'answer', entityId: 'rev2/sec_mfa', action: 'create', old: null,
    new: { question_id: 'sec_mfa', value: 'yes', answered_by: answeredBy },
  };
  assert.equal(describeEntry(entry, new Map()).what, 'Answer added: carried over: answered by the provider (Jane Doe <jane@acme.example>; filled in by John), received 2026-12-05');
});
