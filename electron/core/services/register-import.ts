// Imports a register export (docs/formats.md) into the open register: all or nothing, in one
// transaction, never overwriting newer data. A dry run performs exactly the same work and rolls
// it back, so its report is what the real import would do. The steps live in register-import/.
import { parseRegisterExport, type ImportReport, type RegisterExport } from '../../../shared/register/format';
import { VettedError } from '../../../shared/result';
import { summarizeProblems } from '../../../shared/validation';
import type { Context } from '../context';
import { writeOrRehearse } from './dry-run';
import { checkFileTrail, recordImport } from './register-import/audit-provenance';
import { importAuditTrail, isEmptyRegister } from './register-import/audit-trail';
import { importAnswers, importReviews, importTemplates, importVendors } from './register-import/catalogue';
import { importEvidence } from './register-import/evidence';
import { importDeletedIncidents, importIncidents, importStatusSettings } from './register-import/incidents';
import { importAcceptances, importFindings, importSteps } from './register-import/lifecycle';
import { importBlackouts, importWindows } from './register-import/maintenance';
import { importQuestionnaireRequests, importSettings } from './register-import/requests-settings';
import { SealedTransfer } from './register-import/sealed';
import { importUpstreams } from './register-import/upstreams';
import { ImportState } from './register-import/state';

export interface ImportInput {
  text: string;
  dryRun?: boolean;
}

const MAX_DETAILS = 100;

export async function importRegister(ctx: Context, input: ImportInput): Promise<ImportReport> {
  const parsed = parseRegisterExport(input.text);
  if (!parsed.ok) {
    // The message counts them all; the list stays short enough to show (a broken file can have thousands).
    throw new VettedError('validation', summarizeProblems(parsed.problems), parsed.problems.slice(0, MAX_DETAILS));
  }
  const dryRun = input.dryRun ?? false;
  try {
    return await writeOrRehearse(ctx, dryRun, (ctx) => mergeInto(ctx, parsed.data, dryRun));
  } finally {
    // A key adopted (or loaded) inside a transaction that rolled back must not outlive it.
    ctx.keys.forget();
  }
}

/**
 * The whole merge, inside the caller's write transaction. The file's trail is checked first (its
 * head; entries about local records it does not bring). Into an empty register the data goes in
 * with the audit triggers muted and the file's own trail follows, each entry marked as imported;
 * into one with data of its own the import is audited like any change and the file's trail merged
 * after it.
 */
async function mergeInto(ctx: Context, data: RegisterExport, dryRun: boolean): Promise<ImportReport> {
  const s = new ImportState(ctx, data, dryRun);
  s.actor = (await ctx.settings.get()).userName;
  const empty = await isEmptyRegister(ctx);
  const trail = await checkFileTrail(s);
  s.report.auditTrailHead = trail.head;
  const work = async () => {
    const sealed = new SealedTransfer(s);
    await sealed.begin();
    await importTemplates(s);
    await importVendors(s);
    await importReviews(s, sealed);
    await importAnswers(s, sealed);
    await importSteps(s);
    await importFindings(s);
    await importAcceptances(s);
    await importEvidence(s, sealed);
    await importWindows(s);
    await importBlackouts(s);
    await importIncidents(s);
    await importDeletedIncidents(s);
    await importStatusSettings(s);
    await importQuestionnaireRequests(s);
    await importUpstreams(s);
  };
  if (empty) await ctx.audit.withTriggersMuted(work);
  else await work();
  await importAuditTrail(s, empty, trail);
  // Never muted, and after the file's trail: a setting the file brings (a user name where none
  // was set) is this register's own change, and every later entry is signed with it.
  await importSettings(s);
  await recordImport(s);
  return s.report;
}
