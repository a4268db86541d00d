// Wires every contract operation to the service that performs it.
import type { Context } from './context';
import type { Handlers } from './dispatcher';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createAcceptance, listAcceptances, revokeAcceptance } from './services/acceptances';
import { exportAudit, listAudit } from './services/audit';
import { verifyAuditChain } from './services/audit-verify';
import { keyStatus } from './services/confidential';
import { shareTeamKey, teamKeyView } from './services/team-keys';
import { addBlackout, deleteBlackout, listBlackouts, updateBlackout } from './services/blackouts';
import { addEvidence, deleteEvidence, evidenceFile, listEvidence, updateEvidence } from './services/evidence';
import { createFinding, deleteFinding, findingFromAnswer, listFindings, updateFinding } from './services/findings';
import { addIncident, deleteIncident, listIncidents, updateIncident } from './services/incidents';
import { claimFinding, statusSettings, transparency } from './services/transparency';
import { listReassessments } from './services/reassessment';
import { reviewHistory, setReviewDue, transitionReview } from './services/workflow';
import { currentReview, migrateReview, reviewTemplateFor, saveAnswer, startReview } from './services/reviews';
import { scoreVendor } from './services/scores';
import { getSettings, updateSettings } from './services/settings';
import { getTemplate, listTemplates } from './services/templates';
import { createVendor, deleteVendor, listVendors, updateVendor } from './services/vendors';
import { getVendor } from './services/vendor-lookup';
import { APP_VERSION } from './version';
import { fixedRegister, serverAndDatabase, type RegisterSwitch } from './register/switch';
import { VettedError } from '../../shared/result';

/**
 * The heavy services (handlers-deferred.ts), loaded together on the first call of any of them
 * instead of when a register opens: a run of `vetted list`, or `vetted serve` up to listening,
 * needs none of them.
 */
let deferredLoad: Promise<typeof import('./handlers-deferred')> | undefined;
const deferred = () =>
  (deferredLoad ??= import('./handlers-deferred').catch(() => {
    // Not kept: a failed load is tried again on the next call (a rebuild may have put the file back).
    deferredLoad = undefined;
    // The usual cause: Vetted was rebuilt while it ran, and the build removed the file it would
    // load now. Said in words rather than as "something went wrong".
    throw new VettedError(
      'internal',
      'Part of Vetted could not be loaded: it was probably rebuilt (npm install, npm test) while it ran. Restart it.',
    );
  }));

/**
 * Loads the heavy services now, in the background (`vetted serve` calls this once it listens, so the
 * page's first report or attention panel does not wait for them, and a rebuild later cannot take
 * them away from a running server). A failure is left to the first call that needs them.
 */
export function preloadDeferredHandlers(): void {
  deferred().catch(() => {});
}

export interface HandlerOptions {
  /** The app's register host (register/host.ts); without one, the register given is the only one. */
  registerSwitch?: RegisterSwitch;
}

export function createHandlers(ctx: Context, options: HandlerOptions = {}): Handlers {
  const registers = options.registerSwitch ?? fixedRegister(ctx.dbPath);
  return {
    'app.info': async () => ({
      dbPath: ctx.dbPath,
      teamRegister: ctx.sql.dialect === 'postgres' ? serverAndDatabase(ctx.dbPath) : null,
      schemaVersion: LATEST_SCHEMA_VERSION,
      vendors: await ctx.vendors.count(),
      version: APP_VERSION,
    }),
    'register.where': () => registers.where(),
    'register.connect': (input) => registers.connect(input),
    'register.disconnect': () => registers.disconnect(),
    'vendor.list': () => listVendors(ctx),
    'vendor.get': ({ id }) => getVendor(ctx, id),
    'vendor.create': ({ templateId, ...fields }) => createVendor(ctx, fields, templateId),
    'vendor.update': ({ id, patch }) => updateVendor(ctx, id, patch),
    'vendor.delete': ({ id }) => deleteVendor(ctx, id),
    'template.list': () => listTemplates(ctx),
    'template.get': ({ id, version }) => getTemplate(ctx, id, version),
    'template.import': async (input) => (await deferred()).templateFiles.importTemplate(ctx, input),
    'template.export': async ({ id, version }) => (await deferred()).templateFiles.exportTemplate(ctx, id, version),
    'review.start': (input) => startReview(ctx, input),
    'review.templateFor': (input) => reviewTemplateFor(ctx, input),
    'review.current': ({ vendorId }) => currentReview(ctx, vendorId),
    'review.migrate': (input) => migrateReview(ctx, input),
    'answer.save': (input) => saveAnswer(ctx, input),
    'review.transition': (input) => transitionReview(ctx, input),
    'review.history': ({ vendorId }) => reviewHistory(ctx, vendorId),
    'review.setDue': (input) => setReviewDue(ctx, input),
    'finding.list': (input) => listFindings(ctx, input),
    'finding.create': (input) => createFinding(ctx, input),
    'finding.fromAnswer': (input) => findingFromAnswer(ctx, input),
    'finding.update': ({ id, patch }) => updateFinding(ctx, id, patch),
    'finding.delete': ({ id }) => deleteFinding(ctx, id),
    'acceptance.list': (input) => listAcceptances(ctx, input),
    'acceptance.create': (input) => createAcceptance(ctx, input),
    'acceptance.revoke': ({ id }) => revokeAcceptance(ctx, id),
    'evidence.list': (input) => listEvidence(ctx, input),
    'evidence.add': (input) => addEvidence(ctx, input),
    'evidence.update': ({ id, patch }) => updateEvidence(ctx, id, patch),
    'evidence.delete': ({ id }) => deleteEvidence(ctx, id),
    'evidence.file': ({ id }) => evidenceFile(ctx, id),
    'reassessment.list': (input) => listReassessments(ctx, input),
    'attention.get': async () => (await deferred()).attention.attention(ctx),
    'audit.list': (input) => listAudit(ctx, input),
    'audit.export': (input) => exportAudit(ctx, input),
    'audit.verify': () => verifyAuditChain(ctx),
    'score.get': ({ vendorId }) => scoreVendor(ctx, vendorId),
    'settings.get': () => getSettings(ctx),
    'settings.update': (patch) => updateSettings(ctx, patch),
    'report.vendor': async (input) => (await deferred()).reports.vendorReport(ctx, input),
    'report.subprocessors': async (input) => (await deferred()).reports.subprocessorReport(ctx, input),
    'report.concentration': async (input) => (await deferred()).concentrationReport.concentrationReport(ctx, input),
    'compare.get': async ({ vendorIds }) => (await deferred()).compare.compareVendors(ctx, vendorIds),
    'compare.export': async (input) => (await deferred()).compare.exportComparison(ctx, input),
    'window.list': async (input) => (await deferred()).maintenance.listWindows(ctx, input),
    'window.add': async (input) => (await deferred()).maintenance.addWindow(ctx, input),
    'window.update': async ({ id, patch }) => (await deferred()).maintenance.updateWindow(ctx, id, patch),
    'window.delete': async ({ id }) => (await deferred()).maintenance.deleteWindow(ctx, id),
    'window.import': async (input) => (await deferred()).maintenance.importWindows(ctx, input),
    'upstream.list': async (input) => (await deferred()).upstreams.listUpstreams(ctx, input),
    'upstream.add': async (input) => (await deferred()).upstreams.addUpstream(ctx, input),
    'upstream.update': async ({ id, patch }) => (await deferred()).upstreams.updateUpstream(ctx, id, patch),
    'upstream.delete': async ({ id }) => (await deferred()).upstreams.deleteUpstream(ctx, id),
    'upstream.import': async (input) => (await deferred()).upstreams.importSubprocessorList(ctx, input),
    'upstream.fromStatus': async (input) => (await deferred()).upstreamsFromStatus.upstreamsFromStatus(ctx, input),
    'upstream.catalogue': async () => (await deferred()).upstreams.upstreamCatalogue(),
    'concentration.get': async (input) => (await deferred()).concentration.concentrationView(ctx, input),
    'concentration.blastRadius': async (input) => (await deferred()).concentration.blastRadiusView(ctx, input),
    'concentration.signals': async (input) => (await deferred()).concentration.concentrationSignals(ctx, input),
    'blackout.list': () => listBlackouts(ctx),
    'blackout.add': (input) => addBlackout(ctx, input),
    'blackout.update': ({ id, patch }) => updateBlackout(ctx, id, patch),
    'blackout.delete': ({ id }) => deleteBlackout(ctx, id),
    'maintenance.warnings': async (query) => (await deferred()).maintenance.warningsFor(ctx, query),
    'maintenance.calendar': async ({ range, criticalOnly }) => (await deferred()).maintenance.maintenanceCalendar(ctx, range, criticalOnly),
    'incident.list': (input) => listIncidents(ctx, input),
    'incident.add': (input) => addIncident(ctx, input),
    'incident.update': ({ id, patch }) => updateIncident(ctx, id, patch),
    'incident.delete': ({ id }) => deleteIncident(ctx, id),
    'questionnaire.send': async (input) => (await deferred()).questionnaireSend.sendQuestionnaire(ctx, input),
    'questionnaire.requests': async (input) => (await deferred()).questionnaireSend.listRequests(ctx, input),
    'questionnaire.receive': async (input) => (await deferred()).questionnaireReceive.receiveAnswers(ctx, input),
    'status.import': async (input) => (await deferred()).statusImport.importStatus(ctx, input),
    'status.refresh': async (input) => (await deferred()).statusRefresh.refreshStatus(ctx, input),
    'status.settings': (input) => statusSettings(ctx, input),
    'incident.transparency': (input) => transparency(ctx, input),
    'incident.claimFinding': (input) => claimFinding(ctx, input),
    'security.status': () => keyStatus(ctx),
    'security.teamKey': () => teamKeyView(ctx),
    'security.shareTeamKey': (input) => shareTeamKey(ctx, input),
    'demo.load': async () => (await deferred()).demo.loadDemo(ctx),
    'register.export': async () => (await deferred()).registerExport.exportRegister(ctx),
    'register.import': async (input) => (await deferred()).registerImport.importRegister(ctx, input),
    'register.exportCsv': async () => (await deferred()).registerExport.exportRegisterCsv(ctx),
  };
}
