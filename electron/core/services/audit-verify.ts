// Checks the audit trail's hash chain (#17, item 6): walks every row in id order, recomputes each
// hash from the previous one and the row as stored, and names the first row that does not verify.
// What this can and cannot prove is in docs/security.md ("The audit trail").
import type { AuditBreakKind, AuditChainCheck } from '../../../shared/domain/audit';
import type { Context } from '../context';
import { AUDIT_GENESIS, auditRowHash } from '../db/audit-chain';
import type { ChainedAuditRow } from '../repositories/audit';

const REASONS: Record<AuditBreakKind, string> = {
  unchained: 'it has no chain hash: it was written past the app, with its audit triggers removed',
  edited: 'it no longer matches its hash: its content was changed after it was written, or an entry just before it was removed',
  inserted: 'it was inserted after the fact: the entry after it chains to the entry before it',
  broken: 'it does not match its hash: it was changed or added after the fact',
};

interface Suspect {
  row: ChainedAuditRow;
  /** The stored hash of the row before it (what it should chain to). */
  previous: string;
}

/** How a row that does not match its hash broke, told by the row after it (if any). */
function classify(suspect: Suspect, next: ChainedAuditRow | undefined): AuditBreakKind {
  if (next === undefined || next.hash === null) return 'broken';
  if (suspect.row.hash !== null && next.hash === auditRowHash(suspect.row.hash, next)) return 'edited';
  if (next.hash === auditRowHash(suspect.previous, next)) return 'inserted';
  return 'broken';
}

/**
 * `through` (YYYY-MM-DD): the trail a document dated that day states: every entry up to, and
 * including, the last one (in chain order) dated on or before the end of the day (UTC). Entries after
 * it are left out, so writing more later changes nothing; an entry before it is checked whatever its
 * date says (a row re-dated to after the day still breaks the chain). `datedLater` counts the
 * entries inside that part dated after the day (an import's entries keep the dates they were first
 * written). Without `through`, all of it.
 */
export async function verifyAuditChain(ctx: Context, through?: string): Promise<AuditChainCheck> {
  return await ctx.read(async (ctx) => {
    const last = through === undefined ? Number.POSITIVE_INFINITY : (await ctx.audit.lastIdDatedBy(through) ?? 0);
    let datedLater = 0;
    let rows = 0;
    let imported = 0;
    let previous = AUDIT_GENESIS;
    let head: AuditChainCheck['head'] = null;
    let suspect: Suspect | undefined;
    let broken: { row: ChainedAuditRow; kind: AuditBreakKind } | undefined;
    for (const row of await ctx.audit.chained()) {
      if (row.id > last) {
        // The first entry after the part a dated document states; it still tells how a row just
        // before it broke.
        if (suspect && !broken) broken = { row: suspect.row, kind: classify(suspect, row) };
        break;
      }
      rows++;
      if (through !== undefined && row.at.slice(0, 10) > through) datedLater++;
      if (row.imported_from !== null) imported++;
      if (broken) continue; // only counting from here on
      if (suspect) {
        broken = { row: suspect.row, kind: classify(suspect, row) };
        continue;
      }
      if (row.hash === null) {
        broken = { row, kind: 'unchained' };
        continue;
      }
      if (row.hash !== auditRowHash(previous, row)) {
        suspect = { row, previous };
        continue;
      }
      previous = row.hash;
      head = { id: row.id, hash: row.hash };
    }
    if (suspect && !broken) broken = { row: suspect.row, kind: classify(suspect, undefined) };
    const dated = through === undefined ? {} : { datedLater };
    if (!broken) return { rows, imported, head, ok: true, ...dated };
    return {
      rows,
      imported,
      head,
      ...dated,
      ok: false,
      firstBroken: { id: broken.row.id, at: broken.row.at, kind: broken.kind, reason: REASONS[broken.kind] },
    };
  });
}
