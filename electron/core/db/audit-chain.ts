// The audit trail's hash chain (#17, item 6). Each audit_log row carries
//   hash = SHA-256, lower-case hex, of the UTF-8 bytes of
//          JSON.stringify([previousHash, at, actor, entity, entity_id, vendor_id, action, old_value, new_value])
// where previousHash is the hash of the row before it in id order (AUDIT_GENESIS for the first
// row) and every other element is the column exactly as stored, except old_value/new_value: their
// JSON text is hashed as JSON.stringify(JSON.parse(text)) prints it (text that is not JSON as it
// is). SQLite's json_object writes a real 380 as "380.0", JavaScript as "380"; hashing the value,
// not its spelling, lets a trail copied by a register import keep its hashes and its head, so the
// receiving register's head can be checked against the sender's (vendor_id, old_value and
// new_value may be null). A JSON array leaves no
// doubt where one field ends and the next begins, and keeps null apart from "" and "null". The id
// is not hashed: the chain itself fixes the order.
//
// Since migration 009 a row copied in by a register import says where it came from (imported_from,
// text); such a row's array has that text as a tenth element. A row of the register's own
// (imported_from NULL) is hashed exactly as before, so chains written before 009 still verify.
//
// Since migration 14 a row may also name the database role that wrote it (db_user: on a team
// register on PostgreSQL, set by the database from the session, never by the client; always null
// in a register file's own rows). Such a row's array has imported_from (or null) as its tenth and
// db_user as its eleventh element; a row without db_user is hashed exactly as before.
//
// This is a file format: changing it makes every existing chain fail verification, so a change
// needs a new migration that re-chains (and says so in docs/security.md).
//
// The database computes the hash itself (migration 008's trigger calls vetted_audit_hash), so every
// writer of the trail, the audited tables' triggers and AuditRepository.append alike, is chained
// without repeating the rule in each trigger. The price, on purpose: a connection that has not
// registered these functions (the sqlite3 shell, a script) cannot write an audited table at all.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The "previous hash" of the first row. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** The hashed columns of an audit_log row, as stored. */
export interface ChainedContent {
  at: unknown;
  actor: unknown;
  entity: unknown;
  entity_id: unknown;
  vendor_id: unknown;
  action: unknown;
  old_value: unknown;
  new_value: unknown;
  /** Where an imported row came from (migration 009); null or missing for the register's own rows. */
  imported_from?: unknown;
  /** The database role that wrote the row (migration 014, a team register); null or missing in a file's own rows. */
  db_user?: unknown;
}

export function auditRowHash(previousHash: string, row: ChainedContent): string {
  const fields: unknown[] = [
    previousHash,
    row.at,
    row.actor,
    row.entity,
    row.entity_id,
    row.vendor_id ?? null,
    row.action,
    jsonValue(row.old_value),
    jsonValue(row.new_value),
  ];
  const importedFrom = row.imported_from ?? null;
  const dbUser = row.db_user ?? null;
  if (dbUser !== null) fields.push(importedFrom, dbUser);
  else if (importedFrom !== null) fields.push(importedFrom);
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Stored JSON text in one spelling (see the rule above); null stays null, text that is not JSON stays as it is. */
function jsonValue(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored ?? null;
  try {
    return JSON.stringify(JSON.parse(stored));
  } catch {
    return stored;
  }
}

interface ConnectionState {
  muted: boolean;
}

// Per connection, so muting one connection's triggers (an import) never mutes another's.
const states = new WeakMap<Database, ConnectionState>();

/**
 * Registers vetted_audit_hash(...) and vetted_audit_muted() on a connection. openRegister does it
 * for every register it opens; anything else that writes a register's audited tables (a test's
 * raw connection) must call it first.
 */
export function registerAuditFunctions(db: Database): void {
  if (states.has(db)) return;
  const state: ConnectionState = { muted: false };
  states.set(db, state);
  // Nine arguments (migration 008's trigger), ten with imported_from (009's), eleven with db_user (014's).
  db.function('vetted_audit_hash', { deterministic: true, varargs: true }, (...args: unknown[]) => {
    const [previousHash, at, actor, entity, entityId, vendorId, action, oldValue, newValue, importedFrom, dbUser] = args;
    return auditRowHash(String(previousHash), {
      at,
      actor,
      entity,
      entity_id: entityId,
      vendor_id: vendorId,
      action,
      old_value: oldValue,
      new_value: newValue,
      imported_from: importedFrom,
      db_user: dbUser,
    });
  });
  db.function('vetted_audit_muted', { deterministic: false }, () => (state.muted ? 1 : 0));
}

/** Whether the audited tables' triggers write nothing on this connection; returns the previous value. */
export function setAuditMuted(db: Database, muted: boolean): boolean {
  const state = states.get(db);
  if (!state) throw new Error('the audit functions are not registered on this connection (registerAuditFunctions)');
  const was = state.muted;
  state.muted = muted;
  return was;
}
