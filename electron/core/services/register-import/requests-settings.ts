// Questionnaires sent and the register's settings in a register import.
import { DEFAULT_SETTINGS, type DefaultTemplates, type Settings } from '../../../../shared/domain/settings';
import { canonicalJson, type ExportedRequest } from '../../../../shared/register/format';
import { byText, order, type ImportState } from './state';

/** What a questionnaire sent is for life: only when answers came back for it changes. */
const requestIdentity = (r: Omit<ExportedRequest, 'receivedAt' | 'receivedSha256'>) =>
  canonicalJson({ ...r, receivedAt: undefined, receivedSha256: undefined });

/**
 * Questionnaires sent merge by id, under the provider they were imported as. What was sent never
 * changes, so a register's request that differs in it is another one (a conflict, kept); when the
 * answers came back is taken from whichever copy saw them later.
 */
export async function importQuestionnaireRequests(s: ImportState): Promise<void> {
  const { requests } = s.ctx;
  for (const file of [...s.data.questionnaireRequests].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorNames.get(file.vendorId) ?? file.vendorId;
    const name = `${vendorName}: questionnaire sent ${file.sentAt.slice(0, 10)}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('request', file.id, name, `its provider "${vendorName}" was not imported, so neither was the questionnaire`);
      continue;
    }
    if (s.templateUsable.get(`${file.templateId}@${file.templateVersion}`) === false) {
      s.conflict('request', file.id, name, `it asked template ${file.templateId} v${file.templateVersion}, which differs from the register's copy`);
      continue;
    }
    const mapped = { ...file, vendorId };
    const local = await requests.get(file.id);
    if (!local) {
      await requests.insert(mapped);
      s.report.questionnaireRequests.added += 1;
    } else if (requestIdentity(local) !== requestIdentity(mapped)) {
      s.conflict('request', file.id, name, "the register holds another questionnaire under this id; it was kept");
    } else if (local.receivedAt === mapped.receivedAt && local.receivedSha256 === mapped.receivedSha256) {
      s.report.questionnaireRequests.unchanged += 1;
    } else if (mapped.receivedAt === null || (local.receivedAt !== null && order(local.receivedAt, mapped.receivedAt) !== 'file-newer')) {
      s.conflict('request', file.id, name, `the register's copy received answers later (${local.receivedAt ?? 'never'}; the file's ${mapped.receivedAt ?? 'never'}) and was kept`);
    } else {
      await requests.markReceived(file.id, mapped.receivedAt, mapped.receivedSha256!);
      s.report.questionnaireRequests.updated += 1;
    }
  }
}

/**
 * Settings carry no change time, so a value is taken only where the register still has the
 * default; a value the register changed itself is never replaced (a conflict when they differ).
 */
export async function importSettings(s: ImportState): Promise<void> {
  const current = await s.ctx.settings.get();
  const patch: Partial<Record<keyof Settings, unknown>> = {};
  // Values may be objects (reassessment months): compare them by content.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = s.data.settings[key];
    if (value === undefined) continue;
    const missing = key === 'defaultTemplates' ? await missingTemplates(s, value as DefaultTemplates) : [];
    if (same(value, current[key]) || same(value, DEFAULT_SETTINGS[key])) {
      s.report.settings.unchanged += 1;
    } else if (missing.length > 0) {
      s.conflict('setting', key, key, `it names templates that are neither in the file nor in the register (${missing.join(', ')}); the register's value was kept`);
    } else if (same(current[key], DEFAULT_SETTINGS[key])) {
      patch[key] = value;
      s.report.settings.updated += 1;
    } else {
      s.conflict('setting', key, key, "the register has its own value, which was kept");
    }
  }
  await s.ctx.settings.set(patch as Partial<Settings>);
}

/** Template ids a category default names that neither the file nor the register holds. */
async function missingTemplates(s: ImportState, defaults: DefaultTemplates): Promise<string[]> {
  // The file's own templates are not read back from the register (a dry run's rows are rolled back).
  const inFile = new Set(s.data.templates.map((t) => t.id));
  const ids = new Set(Object.values(defaults).filter((id): id is string => id !== undefined));
  const missing: string[] = [];
  for (const id of ids) if (!inFile.has(id) && !(await s.ctx.templates.get(id))) missing.push(id);
  return missing.sort();
}
