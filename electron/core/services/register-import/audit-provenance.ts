// What a register import may add to the audit trail (#17 review). A file's trail is the exporting
// register's word, not this register's record: before anything is written its entries are checked
// against the chain head the file states (a mismatch refuses the import), and those that speak of
// this register's own records the file does not bring are left out (a crafted file could
// otherwise file a backdated "submitted by" under a local review). Every entry that comes in is
// marked with the export it came from (imported_from, hashed into the chain), and the import
// itself is an entry of its own.
import type { ExportedAuditEntry } from '../../../../shared/register/lifecycle-format';
import type { ImportReport } from '../../../../shared/register/format';
import { VettedError } from '../../../../shared/result';
import { IMPORT_ORIGIN } from '../../../../shared/register/lifecycle-format';
import { AUDIT_GENESIS, auditRowHash } from '../../db/audit-chain';
import type { ImportState } from './state';

/** The chain the exporting register computed, recomputed from the file's entries as they are. */
function chainOf(trail: readonly ExportedAuditEntry[]): string | null {
  let previous = AUDIT_GENESIS;
  for (const e of trail) {
    previous = auditRowHash(previous, {
      at: e.at,
      actor: e.actor,
      entity: e.entity,
      entity_id: e.entityId,
      vendor_id: e.vendorId,
      action: e.action,
      old_value: e.old === null ? null : JSON.stringify(e.old),
      new_value: e.new === null ? null : JSON.stringify(e.new),
      imported_from: e.importedFrom,
      db_user: e.dbUser ?? null,
    });
  }
  return trail.length === 0 ? null : previous;
}

/**
 * Whether the file's trail is the one its exporter had: the head it states must be what its
 * entries chain to. 'not-stated': the file names no head (older files, or a trail with a row the
 * exporter wrote without the app), so nothing could be checked. A mismatch refuses the import.
 */
function checkHead(s: ImportState): ImportReport['auditTrailHead'] {
  const trail = s.data.auditTrail;
  const stated = s.data.auditChainHead;
  if (stated === null || stated.hash === null) return trail.length === 0 ? 'matches' : 'not-stated';
  if (stated.entries !== trail.length || chainOf(trail) !== stated.hash) {
    throw new VettedError(
      'validation',
      `The file's audit trail does not end at the chain head the file states (${stated.entries} entries, head ${stated.hash.slice(0, 12)}…): ` +
        `entries were changed, added or removed after the export. Nothing was imported.`,
      [{ path: '$.auditChainHead', message: `the ${trail.length} entries in auditTrail chain to another head` }],
    );
  }
  return 'matches';
}

/** Ids of the records the file brings, by audit entity (answers are named by their review). */
function broughtIds(s: ImportState): Map<string, Set<string>> {
  const d = s.data;
  return new Map([
    ['vendor', new Set(d.vendors.map((v) => v.id))],
    ['review', new Set(d.reviews.map((r) => r.id))],
    ['finding', new Set(d.findings.map((f) => f.id))],
    ['acceptance', new Set(d.acceptances.map((a) => a.id))],
    ['evidence', new Set(d.evidence.map((e) => e.id))],
    ['upstream', new Set(d.upstreams.map((u) => u.id))],
  ]);
}

/**
 * The file's entries about records this register holds that the file does not bring: they would
 * add to a local record's history (a crafted file could file a backdated "submitted by" under a
 * local review), so they are left out and reported. Judged before the import writes anything.
 * Entries about records neither here nor in the file (the exporter deleted them) are the
 * exporter's history and come in, marked as imported.
 */
async function aboutLocalRecords(s: ImportState): Promise<Map<number, string>> {
  const { ctx } = s;
  const brought = broughtIds(s);
  const isLocal: Record<string, (id: string) => Promise<boolean>> = {
    vendor: async (id) => (await ctx.vendors.get(id)) !== undefined,
    review: async (id) => (await ctx.reviews.get(id)) !== undefined,
    finding: async (id) => (await ctx.findings.get(id)) !== undefined,
    acceptance: async (id) => (await ctx.findings.acceptance(id)) !== undefined,
    evidence: async (id) => (await ctx.evidence.get(id)) !== undefined,
    upstream: async (id) => (await ctx.upstreams.get(id)) !== undefined,
  };
  const foreignLocal = async (entity: string, id: string) => !brought.get(entity)!.has(id) && (await isLocal[entity]!(id));
  const leftOut = new Map<number, string>();
  for (const [i, e] of s.data.auditTrail.entries()) {
    const subject = e.entity === 'answer' ? { entity: 'review', id: e.entityId.split('/')[0]! } : { entity: e.entity, id: e.entityId };
    if (e.vendorId !== null && (await foreignLocal('vendor', e.vendorId))) {
      leftOut.set(i, `it is about provider ${e.vendorId}, which this register holds and the file does not bring`);
    } else if (brought.has(subject.entity) && (await foreignLocal(subject.entity, subject.id))) {
      leftOut.set(i, `it is about ${subject.entity} ${subject.id}, which this register holds and the file does not bring`);
    }
  }
  return leftOut;
}

export interface TrailCheck {
  head: ImportReport['auditTrailHead'];
  /** File entry index → why it stays out of this register's trail. */
  leftOut: Map<number, string>;
}

/** Both checks, before the import writes anything (a head that does not match refuses the import). */
export async function checkFileTrail(s: ImportState): Promise<TrailCheck> {
  return { head: checkHead(s), leftOut: await aboutLocalRecords(s) };
}

/** This import's mark: the export the entries came from (the register id where the file names a key). */
export function importedFromLabel(s: ImportState): string {
  const register = s.data.confidential?.registerId;
  return `export of ${s.data.exportedAt}${register ? ` from register ${register}` : ''}`;
}

/**
 * The mark an entry gets: always this import's, so a file cannot make an entry look local or
 * name any origin it likes; an entry the exporter had itself imported adds the first origin it
 * claims ("(first: …)", the format's grammar, checked by the schema), as that file's word.
 */
export function entryMark(source: string, claimed: string | null): string {
  if (claimed === null) return source;
  const origins = claimed.match(new RegExp(IMPORT_ORIGIN.source, 'g')) ?? [];
  return `${source} (first: ${origins.at(-1) ?? 'unknown'})`;
}

/** Whether the import wrote anything: a file imported again changes nothing and records nothing. */
function wroteAnything(report: ImportReport): boolean {
  return Object.values(report).some((v) => typeof v === 'object' && v !== null && 'added' in v && (v.added > 0 || v.updated > 0));
}

/** The import's own entry, after the trail it brought: what came in and whether it matched its head. */
export async function recordImport(s: ImportState): Promise<void> {
  const { report } = s;
  if (!wroteAnything(report)) return;
  await s.ctx.audit.append({
        at: s.stamp,
        actor: s.actor,
        entity: 'import',
        entityId: s.data.exportedAt,
        vendorId: null,
        action: 'create',
        old: null,
        new: {
          source: importedFromLabel(s),
          trail_entries: s.data.auditTrail.length,
          trail_added: report.auditTrail.added,
          trail_head: report.auditTrailHead,
          stated_head: s.data.auditChainHead?.hash ?? null,
          providers_added: report.vendors.added,
          providers_updated: report.vendors.updated,
          settings_updated: report.settings.updated,
          conflicts: report.conflicts.length,
        },
        importedFrom: null,
      });
}
