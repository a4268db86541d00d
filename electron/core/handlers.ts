// Wires every contract operation to the service that performs it.
import type { Context } from './context';
import type { Handlers } from './dispatcher';
import { loadDemo } from './demo';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createAcceptance, listAcceptances, revokeAcceptance } from './services/acceptances';
import { exportAudit, listAudit } from './services/audit';
import { verifyAuditChain } from './services/audit-verify';
import { keyStatus } from './services/confidential';
import { addBlackout, deleteBlackout, listBlackouts, updateBlackout } from './services/blackouts';
import { addWindow, deleteWindow, importWindows, listWindows, maintenanceCalendar, updateWindow, warningsFor } from './services/maintenance';
import { addEvidence, deleteEvidence, evidenceFile, listEvidence, updateEvidence } from './services/evidence';
import { createFinding, deleteFinding, findingFromAnswer, listFindings, updateFinding } from './services/findings';
import { attention } from './services/attention';
import { addIncident, deleteIncident, listIncidents, updateIncident } from './services/incidents';
import { listRequests, sendQuestionnaire } from './services/questionnaire-send';
import { receiveAnswers } from './services/questionnaire-receive';
import { importStatus } from './services/status-import';
import { refreshStatus } from './services/status-refresh';
import { claimFinding, statusSettings, transparency } from './services/transparency';
import { listReassessments } from './services/reassessment';
import { reviewHistory, setReviewDue, transitionReview } from './services/workflow';
import { compareVendors, exportComparison } from './services/compare';
import { exportRegister, exportRegisterCsv } from './services/register-export';
import { importRegister } from './services/register-import';
import { currentReview, migrateReview, reviewTemplateFor, saveAnswer, startReview } from './services/reviews';
import { subprocessorReport, vendorReport } from './services/reports';
import { scoreVendor } from './services/scores';
import { getSettings, updateSettings } from './services/settings';
import { exportTemplate, getTemplate, importTemplate, listTemplates } from './services/templates';
import { createVendor, deleteVendor, listVendors, updateVendor } from './services/vendors';
import { getVendor } from './services/vendor-lookup';
import { APP_VERSION } from './version';

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
    'attention.get': () => attention(ctx),
    'audit.list': (input) => listAudit(ctx, input),
    'audit.export': (input) => exportAudit(ctx, input),
    'audit.verify': () => verifyAuditChain(ctx),
    'score.get': ({ vendorId }) => scoreVendor(ctx, vendorId),
    'settings.get': () => getSettings(ctx),
    'settings.update': (patch) => updateSettings(ctx, patch),
    'report.vendor': (input) => vendorReport(ctx, input),
    'report.subprocessors': (input) => subprocessorReport(ctx, input),
    'compare.get': ({ vendorIds }) => compareVendors(ctx, vendorIds),
    'compare.export': (input) => exportComparison(ctx, input),
    'window.list': (input) => listWindows(ctx, input),
    'window.add': (input) => addWindow(ctx, input),
    'window.update': ({ id, patch }) => updateWindow(ctx, id, patch),
    'window.delete': ({ id }) => deleteWindow(ctx, id),
    'window.import': (input) => importWindows(ctx, input),
    'blackout.list': () => listBlackouts(ctx),
    'blackout.add': (input) => addBlackout(ctx, input),
    'blackout.update': ({ id, patch }) => updateBlackout(ctx, id, patch),
    'blackout.delete': ({ id }) => deleteBlackout(ctx, id),
    'maintenance.warnings': (query) => warningsFor(ctx, query),
    'maintenance.calendar': ({ range, criticalOnly }) => maintenanceCalendar(ctx, range, criticalOnly),
    'incident.list': (input) => listIncidents(ctx, input),
    'incident.add': (input) => addIncident(ctx, input),
    'incident.update': ({ id, patch }) => updateIncident(ctx, id, patch),
    'incident.delete': ({ id }) => deleteIncident(ctx, id),
    'questionnaire.send': (input) => sendQuestionnaire(ctx, input),
    'questionnaire.requests': (input) => listRequests(ctx, input),
    'questionnaire.receive': (input) => receiveAnswers(ctx, input),
    'status.import': (input) => importStatus(ctx, input),
    'status.refresh': (input) => refreshStatus(ctx, input),
    'status.settings': (input) => statusSettings(ctx, input),
    'incident.transparency': (input) => transparency(ctx, input),
    'incident.claimFinding': (input) => claimFinding(ctx, input),
    'security.status': () => keyStatus(ctx),
    'demo.load': () => loadDemo(ctx),
    'register.export': () => exportRegister(ctx),
    'register.import': (input) => importRegister(ctx, input),
    'register.exportCsv': () => exportRegisterCsv(ctx),
  };
}
