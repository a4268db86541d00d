// Wires every contract operation to the service that performs it.
import type { Context } from './context';
import type { Handlers } from './dispatcher';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createAcceptance, listAcceptances, revokeAcceptance } from './services/acceptances';
import { exportAudit, listAudit } from './services/audit';
import { verifyAuditChain } from './services/audit-verify';
import { keyStatus } from './services/confidential';
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
import { exportTemplate, getTemplate, importTemplate, listTemplates } from './services/templates';
import { createVendor, deleteVendor, listVendors, updateVendor } from './services/vendors';
import { getVendor } from './services/vendor-lookup';
import { APP_VERSION } from './version';

/**
 * A service module loaded on the first call of one of its operations, not when a register opens.
 * Only the heavy ones, which bring code nothing else on the way to a first answer needs (the PDF
 * reports, the demo, the maintenance and status importers with ical.js and an XML parser, register
 * import and export, the questionnaire page, the comparison): together about two thirds of the
 * code, which `vetted list`, or `vetted serve` up to listening, would otherwise read and run.
 * The others are small or already loaded with the register (vendors, reviews, findings, templates).
 */
function onDemand<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () => (loading ??= load());
}

const demo = onDemand(() => import('./demo'));
const attentionService = onDemand(() => import('./services/attention'));
const compareService = onDemand(() => import('./services/compare'));
const maintenanceService = onDemand(() => import('./services/maintenance'));
const questionnaireReceiveService = onDemand(() => import('./services/questionnaire-receive'));
const questionnaireSendService = onDemand(() => import('./services/questionnaire-send'));
const registerExportService = onDemand(() => import('./services/register-export'));
const registerImportService = onDemand(() => import('./services/register-import'));
const reportsService = onDemand(() => import('./services/reports'));
const statusImportService = onDemand(() => import('./services/status-import'));
const statusRefreshService = onDemand(() => import('./services/status-refresh'));

export function createHandlers(ctx: Context): Handlers {
  return {
    'app.info': () => ({
      dbPath: ctx.dbPath,
      schemaVersion: LATEST_SCHEMA_VERSION,
      vendors: ctx.vendors.count(),
      version: APP_VERSION,
    }),
    'vendor.list': () => listVendors(ctx),
    'vendor.get': ({ id }) => getVendor(ctx, id),
    'vendor.create': ({ templateId, ...fields }) => createVendor(ctx, fields, templateId),
    'vendor.update': ({ id, patch }) => updateVendor(ctx, id, patch),
    'vendor.delete': ({ id }) => deleteVendor(ctx, id),
    'template.list': () => listTemplates(ctx),
    'template.get': ({ id, version }) => getTemplate(ctx, id, version),
    'template.import': (input) => importTemplate(ctx, input),
    'template.export': ({ id, version }) => exportTemplate(ctx, id, version),
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
    'attention.get': async () => (await attentionService()).attention(ctx),
    'audit.list': (input) => listAudit(ctx, input),
    'audit.export': (input) => exportAudit(ctx, input),
    'audit.verify': () => verifyAuditChain(ctx),
    'score.get': ({ vendorId }) => scoreVendor(ctx, vendorId),
    'settings.get': () => getSettings(ctx),
    'settings.update': (patch) => updateSettings(ctx, patch),
    'report.vendor': async (input) => (await reportsService()).vendorReport(ctx, input),
    'report.subprocessors': async (input) => (await reportsService()).subprocessorReport(ctx, input),
    'compare.get': async ({ vendorIds }) => (await compareService()).compareVendors(ctx, vendorIds),
    'compare.export': async (input) => (await compareService()).exportComparison(ctx, input),
    'window.list': async (input) => (await maintenanceService()).listWindows(ctx, input),
    'window.add': async (input) => (await maintenanceService()).addWindow(ctx, input),
    'window.update': async ({ id, patch }) => (await maintenanceService()).updateWindow(ctx, id, patch),
    'window.delete': async ({ id }) => (await maintenanceService()).deleteWindow(ctx, id),
    'window.import': async (input) => (await maintenanceService()).importWindows(ctx, input),
    'blackout.list': () => listBlackouts(ctx),
    'blackout.add': (input) => addBlackout(ctx, input),
    'blackout.update': ({ id, patch }) => updateBlackout(ctx, id, patch),
    'blackout.delete': ({ id }) => deleteBlackout(ctx, id),
    'maintenance.warnings': async (query) => (await maintenanceService()).warningsFor(ctx, query),
    'maintenance.calendar': async ({ range, criticalOnly }) => (await maintenanceService()).maintenanceCalendar(ctx, range, criticalOnly),
    'incident.list': (input) => listIncidents(ctx, input),
    'incident.add': (input) => addIncident(ctx, input),
    'incident.update': ({ id, patch }) => updateIncident(ctx, id, patch),
    'incident.delete': ({ id }) => deleteIncident(ctx, id),
    'questionnaire.send': async (input) => (await questionnaireSendService()).sendQuestionnaire(ctx, input),
    'questionnaire.requests': async (input) => (await questionnaireSendService()).listRequests(ctx, input),
    'questionnaire.receive': async (input) => (await questionnaireReceiveService()).receiveAnswers(ctx, input),
    'status.import': async (input) => (await statusImportService()).importStatus(ctx, input),
    'status.refresh': async (input) => (await statusRefreshService()).refreshStatus(ctx, input),
    'status.settings': (input) => statusSettings(ctx, input),
    'incident.transparency': (input) => transparency(ctx, input),
    'incident.claimFinding': (input) => claimFinding(ctx, input),
    'security.status': () => keyStatus(ctx),
    'demo.load': async () => (await demo()).loadDemo(ctx),
    'register.export': async () => (await registerExportService()).exportRegister(ctx),
    'register.import': async (input) => (await registerImportService()).importRegister(ctx, input),
    'register.exportCsv': async () => (await registerExportService()).exportRegisterCsv(ctx),
  };
}
