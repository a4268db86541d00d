// The review lifecycle as the register exchange format carries it (shared/register/lifecycle-format.ts):
// steps in the order recorded, findings, acceptances and evidence by id, the audit trail oldest
// first, the key material (never the key). Evidence files travel inline while the whole export
// stays under what an import reads; any left behind are named, with their digests.
import { mapInOrder } from '../in-order';
import { MAX_REGISTER_IMPORT_CHARS } from '../../../shared/register/format';
import type { ExportedAuditEntry, ExportedChainHead, ExportedEvidence, ExportedKeyMaterial, ExportedStep, ReviewSnapshotJson } from '../../../shared/register/lifecycle-format';
import type { Context } from '../context';

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ExportedLifecycle {
  reviewSteps: ExportedStep[];
  findings: Awaited<ReturnType<Context['findings']['list']>>;
  acceptances: Awaited<ReturnType<Context['findings']['acceptances']>>;
  /** Without their files yet: `withEvidenceFiles` adds those that fit. */
  evidence: ExportedEvidence[];
  auditTrail: ExportedAuditEntry[];
  auditChainHead: ExportedChainHead | null;
  confidential: ExportedKeyMaterial | null;
}

/** Every lifecycle row of the register; call inside a read transaction. */
export async function exportLifecycle(ctx: Context): Promise<ExportedLifecycle> {
  return {
    reviewSteps: await ctx.steps.allSteps(),
    findings: (await ctx.findings.list()).sort((a, b) => compareIds(a.id, b.id)),
    acceptances: (await ctx.findings.acceptances()).sort((a, b) => compareIds(a.id, b.id)),
    evidence: (await ctx.evidence
          .list())
      .sort((a, b) => compareIds(a.id, b.id))
      .map(({ locked: _locked, ...e }) => e),
    auditTrail: [...await ctx.audit.all()].map(({ id: _id, ...entry }) => entry),
    auditChainHead: await chainHead(ctx),
    confidential: await ctx.keys.material(),
  };
}

/** The trail's last row as stored: its count and hash (not verified here: `vetted audit verify` does that). */
async function chainHead(ctx: Context): Promise<ExportedChainHead | null> {
  let entries = 0;
  let hash: string | null = null;
  for (const row of await ctx.audit.chained()) {
    entries += 1;
    hash = row.hash;
  }
  return entries === 0 ? null : { entries, hash };
}

/** What a decision froze, as stored (parsed, never re-read through the scoring model), and the date set by hand. */
export async function decisionsOf(ctx: Context): Promise<(reviewId: string) => { snapshot: ReviewSnapshotJson | null; dueOverride: string | null }> {
  const records = await ctx.steps.decisionRecords();
  return (reviewId) => {
    const record = records.get(reviewId);
    return {
      snapshot: record?.snapshot ? (JSON.parse(record.snapshot) as ReviewSnapshotJson) : null,
      dueOverride: record?.dueOverride ?? null,
    };
  };
}

export interface LeftBehind {
  count: number;
  bytes: number;
  names: string[];
}

/** What one evidence file adds to the pretty-printed JSON, beyond its base64 (key, quotes, comma, indent). */
const CONTENT_OVERHEAD = 32;
/** Room kept for what the estimate of the rest cannot see. */
const MARGIN = 64 * 1024;

/**
 * Puts each evidence file (as stored: sealed when confidential) into its record, by id, while the
 * whole export stays under what an import reads (MAX_REGISTER_IMPORT_CHARS); a file that would
 * pass it is left behind and named. Call inside the read transaction that built `restChars`.
 */
export async function withEvidenceFiles(
  ctx: Context,
  evidence: ExportedEvidence[],
  restChars: number,
  limit = MAX_REGISTER_IMPORT_CHARS,
): Promise<{ evidence: ExportedEvidence[]; leftBehind: LeftBehind }> {
  let room = limit - restChars - MARGIN;
  const leftBehind: LeftBehind = { count: 0, bytes: 0, names: [] };
  const vendorNames = new Map((await ctx.vendors.list()).map((v) => [v.id, v.name]));
  const out = await mapInOrder(evidence, async (e) => {
    const stored = await ctx.evidence.file(e.id);
    const chars = stored ? Math.ceil(stored.length / 3) * 4 + CONTENT_OVERHEAD : 0;
    if (stored && chars <= room) {
      room -= chars;
      return { ...e, content: stored.toString('base64') };
    }
    leftBehind.count += 1;
    leftBehind.bytes += e.bytes;
    leftBehind.names.push(`${vendorNames.get(e.vendorId) ?? e.vendorId}: ${e.fileName}`);
    return e;
  });
  return { evidence: out, leftBehind };
}
