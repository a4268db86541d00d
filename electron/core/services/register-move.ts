// `vetted migrate-register` (issue 22): copies a whole register from a file to a PostgreSQL server
// or back, losslessly, and proves it. Everything is read in one snapshot of the source and written
// in one transaction of the target, which must be a register with nothing in it yet: a copy that
// fails part-way leaves the target as it was.
//
// The audit trail is not copied as text but written again row by row, with its ids, into the
// target's trail, whose own trigger hashes each row on the one before (the same rule on both
// backends). Every hash must come out equal to the source's: a trail that does not verify is not
// moved (the copy would quietly give a tampered trail a valid chain), and the first row that differs
// is named. While the other tables are copied the target's audit triggers are muted, so the copy
// itself adds nothing to the trail.
//
// Not copied, because each register derives them itself: score stamps (written anew by the
// target's triggers as the rows arrive) and the listed-score cache.
import { INSERTION_ORDERED } from '../db/migrations/015-insertion-order';
import { createHash } from 'node:crypto';
import { VettedError } from '../../../shared/result';
import { withAuditMuted } from '../db/audit-mute';
import type { Sql, Store, Tx } from '../db/store/sql';
import { SqliteStore } from '../db/store/sqlite-store';

/** Every table a register holds, parents before children, with the order that makes a digest stable. */
export const COPIED_TABLES: readonly { table: string; orderBy: string }[] = [
  { table: 'settings', orderBy: 'key' },
  { table: 'templates', orderBy: 'id, version' },
  { table: 'crypto_keys', orderBy: 'id' },
  { table: 'vendors', orderBy: 'id' },
  { table: 'reviews', orderBy: 'id' },
  { table: 'answers', orderBy: 'review_id, question_id' },
  { table: 'review_steps', orderBy: 'id' },
  { table: 'findings', orderBy: 'id' },
  { table: 'acceptances', orderBy: 'id' },
  { table: 'evidence', orderBy: 'id' },
  { table: 'evidence_files', orderBy: 'evidence_id' },
  { table: 'maintenance_windows', orderBy: 'id' },
  { table: 'blackout_periods', orderBy: 'id' },
  { table: 'incidents', orderBy: 'id' },
  { table: 'incident_tombstones', orderBy: 'vendor_id, source, source_uid' },
  { table: 'status_settings', orderBy: 'vendor_id' },
  { table: 'questionnaire_requests', orderBy: 'id' },
  { table: 'upstreams', orderBy: 'id' },
];
export const NOT_COPIED = ['score_stamps', 'listed_scores'] as const;

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'entity', 'entity_id', 'vendor_id', 'action', 'old_value', 'new_value', 'imported_from', 'db_user'];

export interface TableCheck {
  table: string;
  rows: number;
  /** SHA-256 of the rows as values (the same on both backends for the same content). */
  digest: string;
}

export interface MoveReport {
  from: string;
  to: string;
  tables: TableCheck[];
  auditRows: number;
  /** The hash of the trail's last row, equal on both sides (or null for an empty trail). */
  auditHead: string | null;
  notCopied: readonly string[];
}

type Row = Record<string, unknown>;

export async function moveRegister(from: Store, to: Store): Promise<MoveReport> {
  const snapshot = await from.read(async (tx) => {
    await refuseRenewedKey(tx, from.location);
    const tables = new Map<string, Row[]>();
    for (const { table, orderBy } of COPIED_TABLES) tables.set(table, await tx.all<Row>(selectAll(tx, table, orderBy)));
    const audit = await tx.all<Row & { id: number; hash: string | null }>(`SELECT ${AUDIT_COLUMNS.join(', ')}, hash FROM audit_log ORDER BY id`);
    return { tables, audit };
  });

  const tables: TableCheck[] = [];
  await to.write(async (tx) => {
    await refuseUnlessEmpty(tx, to.location);
    await withAuditMuted(tx, to instanceof SqliteStore ? to.db : null, true, async () => {
      for (const { table } of COPIED_TABLES) {
        for (const row of snapshot.tables.get(table)!) await insert(tx, table, row);
      }
    });
    if (to.dialect === 'postgres') {
      // review_steps numbers its rows itself: go on after the highest id copied.
      await tx.exec("SELECT setval(pg_get_serial_sequence('review_steps', 'id'), coalesce((SELECT max(id) FROM review_steps), 0) + 1, false)");
      // And the order rows were added goes on after the highest copied.
      for (const table of INSERTION_ORDERED) {
        await tx.exec(`SELECT setval(pg_get_serial_sequence('${table}', 'rowid'), coalesce((SELECT max(rowid) FROM ${table}), 0) + 1, false)`);
      }
    }
    // Each row keeps the database role that wrote it (only the owner moving a register may say so).
    if (to.dialect === 'postgres') await tx.exec("SET LOCAL vetted.audit_copy = 'on'");
    for (const row of snapshot.audit) {
      const { hash: _sourceHash, ...content } = row;
      await insert(tx, 'audit_log', content);
    }
    if (to.dialect === 'postgres') await tx.exec("SET LOCAL vetted.audit_copy = 'off'");
    const written = await tx.all<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id');
    for (let i = 0; i < snapshot.audit.length; i++) {
      const source = snapshot.audit[i]!;
      if (written[i]?.id !== source.id || written[i]?.hash !== source.hash) {
        throw new VettedError(
          'conflict',
          `The audit trail of ${from.location} does not verify at row ${source.id}: it was not moved (nothing was written to ${to.location}). Check it with \`vetted audit verify\`.`,
        );
      }
    }
    // Read back before committing: every table holds the snapshot's rows, value for value, or
    // nothing is kept (the source is not read again: what was copied is the snapshot).
    for (const { table, orderBy } of COPIED_TABLES) {
      const source = digestOf(table, snapshot.tables.get(table)!);
      const target = await tableCheck(tx, table, orderBy);
      if (source.rows !== target.rows || source.digest !== target.digest) {
        throw new VettedError('conflict', `The copy of ${table} would differ from the source (${source.rows} rows → ${target.rows}, or a value the target stores differently); nothing was written to ${to.location}.`);
      }
      tables.push(target);
    }
  });

  return {
    from: from.location,
    to: to.location,
    tables,
    auditRows: snapshot.audit.length,
    auditHead: snapshot.audit.at(-1)?.hash ?? null,
    notCopied: NOT_COPIED,
  };
}

/** A table's row count and a digest of its values, read from one register. */
export async function tableCheck(sql: Sql, table: string, orderBy: string): Promise<TableCheck> {
  return digestOf(table, await sql.all<Row>(selectAll(sql, table, orderBy)));
}

/**
 * Every row of a table with every column, the order rows were added included where queries read
 * it (migration 015): a file's rowid is not among SELECT *'s columns, a team register's is.
 */
function selectAll(sql: Sql, table: string, orderBy: string): string {
  const rowid = sql.dialect === 'sqlite' && (INSERTION_ORDERED as readonly string[]).includes(table) ? 'rowid AS rowid, ' : '';
  return `SELECT ${rowid}* FROM ${table} ORDER BY ${orderBy}`;
}

function digestOf(table: string, rows: readonly Row[]): TableCheck {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(Object.keys(row).sort().map((k) => [k, comparable(row[k])])) + '\n');
  return { table, rows: rows.length, digest: hash.digest('hex') };
}

/**
 * A value as both drivers can give it, typed so that no two different values read the same: bytes
 * as hex (a Buffer from either), numbers spelled out (JSON would print NaN and Infinity as null and
 * -0 as 0), text as text.
 */
function comparable(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
  if (typeof value === 'bigint') return { number: value.toString() };
  if (typeof value === 'number') return { number: Object.is(value, -0) ? '-0' : String(value) };
  return value;
}

async function insert(tx: Tx, table: string, row: Row): Promise<void> {
  const columns = Object.keys(row);
  // review_steps numbers its rows on a team register (GENERATED ALWAYS): a moved register keeps its own.
  const overriding = tx.dialect === 'postgres' && table === 'review_steps' ? ' OVERRIDING SYSTEM VALUE' : '';
  try {
    await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')})${overriding} VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => row[c] ?? null),
    );
  } catch (error) {
    if (error instanceof VettedError) throw error;
    // Named by table and the row's key, not the driver's words alone.
    const key = row.id ?? row.key ?? row.review_id ?? row.evidence_id ?? row.vendor_id;
    throw new VettedError('conflict', `A row of ${table}${key === undefined ? '' : ` (${String(key)})`} could not be copied: ${(error as Error).message}. Nothing was written.`);
  }
}

/** A target that already holds anything (a provider, a template, a trail) is refused. */
/**
 * A team register whose data key was renewed (a member removed, migration 017) has values sealed
 * with keys only its members' wraps hold; a file keeps one key, the first. Moved, those values
 * would open for nobody: refused rather than copied into a register that cannot read them.
 */
async function refuseRenewedKey(tx: Sql, location: string): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  const renewed = await tx.get<{ g: number | null }>('SELECT MAX(generation) AS g FROM team_key_generations');
  if (renewed?.g) {
    throw new VettedError(
      'conflict',
      `${location}: the team's data key was renewed (generation ${renewed.g}); what was sealed since opens only with its members' keys, which a register file cannot hold. Moving it to a file is not possible yet.`,
    );
  }
}

async function refuseUnlessEmpty(tx: Tx, location: string): Promise<void> {
  for (const table of [...COPIED_TABLES.map((t) => t.table), 'audit_log']) {
    const row = await tx.get<{ one: number }>(`SELECT 1 AS one FROM ${table} LIMIT 1`);
    if (row) {
      throw new VettedError('conflict', `${location} already holds a register (its ${table} is not empty); a register is only moved into an empty one.`);
    }
  }
}
