// Imports a register export (docs/formats.md) into the open register: all or nothing, in one
// transaction, never overwriting newer data. A dry run performs exactly the same work and rolls
// it back, so its report is what the real import would do.
import type { Incident, StatusSettings } from '../../../shared/domain/incidents';
import { INCIDENT_SOURCE_LABELS, WINDOW_SOURCE_LABELS } from '../../../shared/domain/labels';
import type { BlackoutPeriod, MaintenanceWindow } from '../../../shared/domain/maintenance';
import type { Answer, Review } from '../../../shared/domain/review';
import { DEFAULT_SETTINGS, type DefaultTemplates, type Settings } from '../../../shared/domain/settings';
import type { Vendor } from '../../../shared/domain/vendor';
import {
  canonicalJson,
  parseRegisterExport,
  type ExportedRequest,
  type ExportedVendor,
  type ImportConflict,
  type ImportCounts,
  type ImportReport,
  type RegisterExport,
} from '../../../shared/register/format';
import { VettedError } from '../../../shared/result';
import { summarizeProblems } from '../../../shared/validation';
import type { Context } from '../context';
import { writeTransaction } from '../db/transactions';

export interface ImportInput {
  text: string;
  dryRun?: boolean;
}

const MAX_DETAILS = 100;

/** Thrown inside the transaction to roll a dry run back; never leaves this module. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

export function importRegister(ctx: Context, input: ImportInput): ImportReport {
  const parsed = parseRegisterExport(input.text);
  if (!parsed.ok) {
    // The message counts them all; the list stays short enough to show (a broken file can have thousands).
    throw new VettedError('validation', summarizeProblems(parsed.problems), parsed.problems.slice(0, MAX_DETAILS));
  }
  const dryRun = input.dryRun ?? false;
  try {
    return writeTransaction(ctx.db, () => {
      const report = new Importer(ctx, parsed.data, dryRun).run();
      if (dryRun) throw new DryRunRollback(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const counts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0, conflicts: 0 });

type Order = 'local-newer' | 'same-time' | 'file-newer';

/** Compares two instants by time (not as text: "…:00Z" and "…:00.000Z" are the same moment). */
function order(local: string, file: string): Order {
  const a = Date.parse(local);
  const b = Date.parse(file);
  if (a === b) return 'same-time';
  return a > b ? 'local-newer' : 'file-newer';
}

const vendorContent = (v: Vendor | ExportedVendor) => {
  const { id: _id, ...rest } = v;
  return canonicalJson(rest);
};
const reviewContent = (r: Review) => canonicalJson({ ...r, vendorId: '' });
const answerContent = (a: Pick<Answer, 'value' | 'comment' | 'na' | 'updatedAt' | 'confidential' | 'providerComment' | 'answeredBy'>) =>
  canonicalJson({
    value: a.value,
    comment: a.comment,
    na: a.na,
    updatedAt: a.updatedAt,
    confidential: a.confidential ?? false,
    providerComment: a.providerComment ?? '',
    answeredBy: a.answeredBy ?? null,
  });
/** What a questionnaire sent is for life: only when answers came back for it changes. */
const requestIdentity = (r: Omit<ExportedRequest, 'receivedAt' | 'receivedSha256'>) =>
  canonicalJson({ ...r, receivedAt: undefined, receivedSha256: undefined });
const recordContent = (r: MaintenanceWindow | BlackoutPeriod | Incident) => canonicalJson(r);
/** Component names as a set: the order they were chosen in says nothing. */
const sameComponents = (a: readonly string[], b: readonly string[]) => canonicalJson([...a].sort(byText)) === canonicalJson([...b].sort(byText));

class Importer {
  private readonly report: ImportReport;
  /** File template key (id@version) → false when the register holds a different one. */
  private readonly templateUsable = new Map<string, boolean>();
  /** File vendor id → the register's vendor id it became (null: not imported). */
  private readonly vendorIds = new Map<string, string | null>();
  private readonly vendorNames = new Map<string, string>();
  /** File review ids whose answers can be imported. */
  private readonly reviewsImported = new Set<string>();
  /** File review id → the name of its provider, for naming answers. */
  private readonly reviewVendorNames = new Map<string, string>();
  private readonly stamp: string;

  constructor(
    private readonly ctx: Context,
    private readonly data: RegisterExport,
    dryRun: boolean,
  ) {
    this.report = {
      dryRun,
      templates: counts(),
      vendors: counts(),
      reviews: counts(),
      answers: counts(),
      windows: counts(),
      blackouts: counts(),
      incidents: counts(),
      deletedIncidents: counts(),
      statusSettings: counts(),
      questionnaireRequests: counts(),
      settings: counts(),
      conflicts: [],
    };
    this.stamp = ctx.now().toISOString();
  }

  run(): ImportReport {
    this.templates();
    this.vendors();
    this.reviews();
    this.answers();
    this.windows();
    this.blackouts();
    this.incidents();
    this.deletedIncidents();
    this.statusSettings();
    this.questionnaireRequests();
    this.settings();
    return this.report;
  }

  private conflict(kind: ImportConflict['kind'], id: string, name: string, reason: string): void {
    const group = {
      template: 'templates',
      vendor: 'vendors',
      review: 'reviews',
      answer: 'answers',
      window: 'windows',
      blackout: 'blackouts',
      incident: 'incidents',
      'deleted-incident': 'deletedIncidents',
      status: 'statusSettings',
      request: 'questionnaireRequests',
      setting: 'settings',
    } as const;
    this.report[group[kind]].conflicts += 1;
    this.report.conflicts.push({ kind, id, name, reason });
  }

  private newerReason(local: string, file: string): string {
    return `the register's copy is newer (changed ${local}; the file's ${file}) and was kept`;
  }

  private templates(): void {
    const sorted = [...this.data.templates].sort((a, b) => byText(a.id, b.id) || a.version - b.version);
    for (const template of sorted) {
      const key = `${template.id}@${template.version}`;
      const stored = this.ctx.templates.get(template.id, template.version);
      if (!stored) {
        // Never read back inside this transaction: the repository caches what it reads, and a
        // dry run rolls the row back.
        this.ctx.templates.add(template, false, this.stamp);
        this.report.templates.added += 1;
        this.templateUsable.set(key, true);
      } else if (canonicalJson(stored.template) === canonicalJson(template)) {
        this.report.templates.unchanged += 1;
        this.templateUsable.set(key, true);
      } else {
        this.templateUsable.set(key, false);
        this.conflict(
          'template',
          key,
          `${template.name} v${template.version}`,
          'the register holds a different template under the same id and version; it was kept, and reviews using this version were not imported',
        );
      }
    }
  }

  private vendors(): void {
    const { vendors } = this.ctx;
    const fileIds = new Set(this.data.vendors.map((v) => v.id));
    type Plan = { file: ExportedVendor; local: Vendor | undefined; byName: boolean };
    const plans: Plan[] = [...this.data.vendors]
      .sort((a, b) => byText(a.id, b.id))
      .map((file) => {
        const byId = vendors.get(file.id);
        if (byId) return { file, local: byId, byName: false };
        // By name only when that provider is not itself in the file under its own id.
        const byName = vendors.findByName(file.name);
        return byName && !fileIds.has(byName.id) ? { file, local: byName, byName: true } : { file, local: undefined, byName: false };
      });
    for (const { file } of plans) this.vendorNames.set(file.id, file.name);

    // Updates before additions, so a provider renamed in the file frees its old name first.
    for (const { file, local, byName } of plans) {
      if (!local) continue;
      this.vendorIds.set(file.id, local.id);
      const matched = byName ? ` (matched by name to the register's "${local.name}")` : '';
      const when = order(local.updatedAt, file.updatedAt);
      if (when === 'local-newer') {
        this.conflict('vendor', file.id, local.name, this.newerReason(local.updatedAt, file.updatedAt) + matched);
      } else if (when === 'same-time') {
        if (vendorContent(local) === vendorContent(file)) this.report.vendors.unchanged += 1;
        else this.conflict('vendor', file.id, local.name, `same change time as the register's copy but different content; the register's was kept${matched}`);
      } else if (this.nameTaken(file.name, local.id)) {
        this.conflict('vendor', file.id, file.name, `another provider in the register is already named "${file.name}"; the register's copy was kept${matched}`);
      } else {
        vendors.update({ ...file, id: local.id });
        this.report.vendors.updated += 1;
      }
    }
    for (const { file, local } of plans) {
      if (local) continue;
      if (this.nameTaken(file.name, file.id)) {
        this.vendorIds.set(file.id, null);
        this.conflict('vendor', file.id, file.name, `another provider in the register is already named "${file.name}"; this one and its reviews were not imported`);
        continue;
      }
      vendors.insert(file);
      this.vendorIds.set(file.id, file.id);
      this.report.vendors.added += 1;
    }
  }

  private nameTaken(name: string, exceptId: string): boolean {
    const other = this.ctx.vendors.findByName(name);
    return other !== undefined && other.id !== exceptId;
  }

  private reviews(): void {
    const { reviews } = this.ctx;
    for (const file of [...this.data.reviews].sort((a, b) => byText(a.id, b.id))) {
      const vendorName = this.vendorNames.get(file.vendorId) ?? file.vendorId;
      const name = `${vendorName}: review started ${file.startedAt.slice(0, 10)}`;
      this.reviewVendorNames.set(file.id, vendorName);
      const vendorId = this.vendorIds.get(file.vendorId);
      if (!vendorId) {
        this.conflict('review', file.id, name, `its provider "${vendorName}" was not imported, so neither was the review`);
        continue;
      }
      if (this.templateUsable.get(`${file.templateId}@${file.templateVersion}`) === false) {
        this.conflict('review', file.id, name, `it uses template ${file.templateId} v${file.templateVersion}, which differs from the register's copy`);
        continue;
      }
      const mapped: Review = { ...file, vendorId };
      const local = reviews.get(file.id);
      if (!local) {
        reviews.insert(mapped);
        this.report.reviews.added += 1;
        this.reviewsImported.add(file.id);
        continue;
      }
      if (local.vendorId !== vendorId) {
        this.conflict('review', file.id, name, 'a review with this id belongs to another provider in the register; it was kept');
        continue;
      }
      if (local.templateId !== file.templateId || local.templateVersion !== file.templateVersion) {
        this.conflict('review', file.id, name, `the register's review with this id uses template ${local.templateId} v${local.templateVersion}; it was kept`);
        continue;
      }
      // The same review: its answers merge one by one, whatever happens to the review's own fields.
      this.reviewsImported.add(file.id);
      const when = order(local.updatedAt, file.updatedAt);
      if (when === 'local-newer') {
        this.conflict('review', file.id, name, this.newerReason(local.updatedAt, file.updatedAt));
      } else if (when === 'same-time') {
        if (reviewContent(local) === reviewContent(mapped)) this.report.reviews.unchanged += 1;
        else this.conflict('review', file.id, name, "same change time as the register's copy but different content; the register's was kept");
      } else {
        reviews.update(mapped);
        this.report.reviews.updated += 1;
      }
    }
  }

  private answers(): void {
    const { reviews } = this.ctx;
    const sorted = [...this.data.answers].sort((a, b) => byText(a.reviewId, b.reviewId) || byText(a.questionId, b.questionId));
    for (const file of sorted) {
      const id = `${file.reviewId}/${file.questionId}`;
      const name = `${this.reviewVendorNames.get(file.reviewId) ?? file.reviewId}: ${file.questionId}`;
      if (!this.reviewsImported.has(file.reviewId)) {
        this.conflict('answer', id, name, 'its review was not imported');
        continue;
      }
      const answer: Answer = { questionId: file.questionId, value: file.value, comment: file.comment, na: file.na, updatedAt: file.updatedAt };
      if (file.commentConfidential) answer.confidential = true;
      if (file.providerComment) answer.providerComment = file.providerComment;
      if (file.answeredBy) answer.answeredBy = file.answeredBy;
      const local = reviews.answer(file.reviewId, file.questionId);
      if (!local) {
        reviews.putAnswer(file.reviewId, answer);
        this.report.answers.added += 1;
        continue;
      }
      const when = order(local.updatedAt, file.updatedAt);
      if (when === 'local-newer') {
        this.conflict('answer', id, name, this.newerReason(local.updatedAt, file.updatedAt));
      } else if (when === 'same-time') {
        if (answerContent(local) === answerContent(answer)) this.report.answers.unchanged += 1;
        else this.conflict('answer', id, name, "same change time as the register's answer but a different answer; the register's was kept");
      } else {
        reviews.putAnswer(file.reviewId, answer);
        this.report.answers.updated += 1;
      }
    }
  }

  /**
   * Maintenance windows merge like reviews: by id, under the provider they were imported as, the
   * newer change winning. A window keeps its provider, origin (source and the provider's event id)
   * and creation time for life (reports cut windows to a date by when they were created), so a
   * register's window that differs in any of them is a different record: a conflict, kept.
   */
  private windows(): void {
    const { maintenance } = this.ctx;
    for (const file of [...this.data.maintenanceWindows].sort((a, b) => byText(a.id, b.id))) {
      const vendorName = this.vendorNames.get(file.vendorId) ?? file.vendorId;
      const name = `${vendorName}: ${file.title.trim() || 'Maintenance window'}`;
      const vendorId = this.vendorIds.get(file.vendorId);
      if (!vendorId) {
        this.conflict('window', file.id, name, `its provider "${vendorName}" was not imported, so neither was the window`);
        continue;
      }
      const mapped: MaintenanceWindow = { ...file, vendorId };
      const local = maintenance.window(file.id);
      if (!local) {
        const same = file.sourceUid === null ? undefined : maintenance.windowBySourceUid(vendorId, file.source, file.sourceUid);
        if (same) {
          const source = WINDOW_SOURCE_LABELS[file.source];
          this.conflict('window', file.id, name, `the register holds this ${source} event ("${file.sourceUid}") of the provider under another id (${same.id}); it was kept`);
          continue;
        }
        maintenance.insertWindow(mapped);
        this.report.windows.added += 1;
        continue;
      }
      if (local.vendorId !== vendorId) {
        this.conflict('window', file.id, name, 'a window with this id belongs to another provider in the register; it was kept');
        continue;
      }
      if (local.source !== file.source || local.sourceUid !== file.sourceUid || order(local.createdAt, file.createdAt) !== 'same-time') {
        this.conflict('window', file.id, name, "the register's window with this id has another origin or creation time; it was kept");
        continue;
      }
      const when = order(local.updatedAt, file.updatedAt);
      if (when === 'local-newer') {
        this.conflict('window', file.id, name, this.newerReason(local.updatedAt, file.updatedAt));
      } else if (when === 'same-time') {
        if (recordContent(local) === recordContent({ ...mapped, createdAt: local.createdAt })) this.report.windows.unchanged += 1;
        else this.conflict('window', file.id, name, "same change time as the register's copy but different content; the register's was kept");
      } else {
        maintenance.updateWindow(mapped);
        this.report.windows.updated += 1;
      }
    }
  }

  /** Blackout periods merge by id, the newer change winning; a different creation time is another record. */
  private blackouts(): void {
    const { maintenance } = this.ctx;
    for (const file of [...this.data.blackoutPeriods].sort((a, b) => byText(a.id, b.id))) {
      const local = maintenance.blackout(file.id);
      if (!local) {
        maintenance.insertBlackout(file);
        this.report.blackouts.added += 1;
        continue;
      }
      if (order(local.createdAt, file.createdAt) !== 'same-time') {
        this.conflict('blackout', file.id, file.name, "the register's blackout period with this id has another creation time; it was kept");
        continue;
      }
      const when = order(local.updatedAt, file.updatedAt);
      if (when === 'local-newer') {
        this.conflict('blackout', file.id, local.name, this.newerReason(local.updatedAt, file.updatedAt));
      } else if (when === 'same-time') {
        if (recordContent(local) === recordContent({ ...file, createdAt: local.createdAt })) this.report.blackouts.unchanged += 1;
        else this.conflict('blackout', file.id, local.name, "same change time as the register's copy but different content; the register's was kept");
      } else {
        maintenance.updateBlackout(file);
        this.report.blackouts.updated += 1;
      }
    }
  }

  /**
   * Incidents merge like windows: by id, under the provider they were imported as, the newer change
   * winning; an incident keeps its provider and creation time for life. Its origin (the source and
   * the provider's id for it) may change only as the status page import changes it — a feed
   * entry taken over by the page's JSON — so the file's newer origin is taken when the register
   * holds no other row of it. Besides the id, an imported incident is known by its origin:
   * - one the register holds under another id (both registers imported the same page) is the same
   *   incident: matched to the register's row, which keeps its id and creation time, rather than
   *   added twice (and a JSON incident matches the register's feed entry of it, as the status page
   *   import does); a conflict on a matched one says so. Not matched when the register's id is
   *   itself in the file: that row is merged on its own.
   * - one deleted in this register is not brought back (a conflict says so), as a status page
   *   import would not bring it back.
   * The fields of an imported incident edited here travel with it: a merge keeps every field either
   * register marked as edited, so a later import from the source leaves them as edited.
   */
  private incidents(): void {
    const { incidents } = this.ctx;
    const fileIds = new Set(this.data.incidents.map((i) => i.id));
    for (const file of [...this.data.incidents].sort((a, b) => byText(a.id, b.id))) {
      const vendorName = this.vendorNames.get(file.vendorId) ?? file.vendorId;
      const name = `${vendorName}: ${file.title}`;
      const vendorId = this.vendorIds.get(file.vendorId);
      if (!vendorId) {
        this.conflict('incident', file.id, name, `its provider "${vendorName}" was not imported, so neither was the incident`);
        continue;
      }
      const { editedFields, ...fields } = file;
      const mapped: Incident = { ...fields, vendorId };
      const what = file.sourceUid === null ? '' : `this ${INCIDENT_SOURCE_LABELS[file.source].toLowerCase()} incident ("${file.sourceUid}")`;
      // Another row of the register already holding the file's origin (undefined: the origin is free).
      const holder = (exceptId: string) => {
        if (file.sourceUid === null) return undefined;
        const held = incidents.bySourceUid(vendorId, file.source, file.sourceUid);
        return held && held.id !== exceptId ? held : undefined;
      };
      const deletedAt = file.sourceUid === null ? undefined : incidents.deletedAt(vendorId, file.source, file.sourceUid);

      let local = incidents.incident(file.id);
      let matched = '';
      if (local) {
        if (local.vendorId !== vendorId) {
          this.conflict('incident', file.id, name, 'an incident with this id belongs to another provider in the register; it was kept');
          continue;
        }
        if (order(local.createdAt, file.createdAt) !== 'same-time') {
          this.conflict('incident', file.id, name, "the register's incident with this id has another creation time; it was kept");
          continue;
        }
        const moved = local.source !== file.source || local.sourceUid !== file.sourceUid;
        if (moved && (local.sourceUid === null || file.sourceUid === null || holder(local.id) || deletedAt)) {
          const why = holder(local.id) ? `; the register holds ${what} under the id ${holder(local.id)!.id}` : deletedAt ? `; ${what} was deleted here on ${deletedAt}` : '';
          this.conflict('incident', file.id, name, `the register's incident with this id has another origin${why}; it was kept`);
          continue;
        }
      } else {
        if (deletedAt) {
          this.conflict('incident', file.id, name, `${what} was deleted in this register on ${deletedAt}; it was not brought back`);
          continue;
        }
        const same = holder('') ?? this.feedEntryOf(vendorId, file);
        if (same && fileIds.has(same.id)) {
          this.conflict('incident', file.id, name, `the register holds ${what} under the id ${same.id}, which the file gives another incident; it was kept`);
          continue;
        }
        if (!same) {
          const pageCopy = this.pageCopyOf(vendorId, file);
          if (pageCopy) {
            this.conflict('incident', file.id, name, `the register holds this incident from the status page's JSON (id ${pageCopy.id}); the feed entry of it was not added`);
            continue;
          }
          incidents.insert(mapped);
          if (editedFields.length > 0) incidents.setEditedFields(file.id, editedFields);
          this.report.incidents.added += 1;
          continue;
        }
        local = same;
        matched = ` (the register holds ${same.source === file.source ? what : `its ${INCIDENT_SOURCE_LABELS[same.source].toLowerCase()} entry`} under the id ${same.id})`;
      }

      // The register's row keeps its id and creation time (a matched one has its own).
      const next: Incident = { ...mapped, id: local.id, createdAt: local.createdAt };
      const localEdited = incidents.editedFields(local.id);
      const when = order(local.updatedAt, file.updatedAt);
      if (when === 'local-newer') {
        this.conflict('incident', file.id, name, this.newerReason(local.updatedAt, file.updatedAt) + matched);
      } else if (when === 'same-time') {
        const sameEdits = canonicalJson([...localEdited].sort(byText)) === canonicalJson([...editedFields].sort(byText));
        if (recordContent(local) === recordContent(next) && sameEdits) this.report.incidents.unchanged += 1;
        else this.conflict('incident', file.id, name, `same change time as the register's copy but different content; the register's was kept${matched}`);
      } else {
        if (local.source !== next.source || local.sourceUid !== next.sourceUid) incidents.reassign(local.id, next.source, next.sourceUid!);
        incidents.update(next);
        const edited = [...new Set([...localEdited, ...editedFields])];
        if (edited.length !== localEdited.length) incidents.setEditedFields(local.id, edited);
        this.report.incidents.updated += 1;
      }
    }
  }

  /** A Statuspage JSON incident's entry read earlier from the page's feed (its link ends /incidents/<id>). */
  private feedEntryOf(vendorId: string, file: RegisterExport['incidents'][number]): Incident | undefined {
    if (file.source !== 'statuspage' || file.sourceUid === null || !/^[A-Za-z0-9]+$/.test(file.sourceUid)) return undefined;
    return this.ctx.incidents.byLinkSuffix(vendorId, 'feed', `/incidents/${file.sourceUid}`);
  }

  /** A feed entry's incident the register holds from the page's JSON (the entry's link names its id). */
  private pageCopyOf(vendorId: string, file: RegisterExport['incidents'][number]): Incident | undefined {
    const pageId = file.source === 'feed' && file.link ? /\/incidents\/([A-Za-z0-9]+)\/?$/.exec(file.link)?.[1] : undefined;
    return pageId ? this.ctx.incidents.bySourceUid(vendorId, 'statuspage', pageId) : undefined;
  }

  /**
   * Imported incidents deleted in the exporting register: remembered here too, so a later status
   * page import here leaves them out. An import never deletes: one the register still holds is
   * kept, and a conflict says it was deleted there.
   */
  private deletedIncidents(): void {
    const { incidents } = this.ctx;
    const sorted = [...this.data.deletedIncidents].sort((a, b) => byText(a.vendorId, b.vendorId) || byText(a.source, b.source) || byText(a.sourceUid, b.sourceUid));
    for (const file of sorted) {
      const vendorName = this.vendorNames.get(file.vendorId) ?? file.vendorId;
      const id = `${file.vendorId}/${file.source}/${file.sourceUid}`;
      const name = `${vendorName}: ${INCIDENT_SOURCE_LABELS[file.source].toLowerCase()} incident "${file.sourceUid}"`;
      const vendorId = this.vendorIds.get(file.vendorId);
      if (!vendorId) {
        this.conflict('deleted-incident', id, name, `its provider "${vendorName}" was not imported`);
        continue;
      }
      if (incidents.deletedAt(vendorId, file.source, file.sourceUid) !== undefined) {
        this.report.deletedIncidents.unchanged += 1;
        continue;
      }
      const held = incidents.bySourceUid(vendorId, file.source, file.sourceUid);
      if (held) {
        this.conflict('deleted-incident', id, name, `deleted in the exported register on ${file.deletedAt}, but this register holds it (id ${held.id}), which was kept; delete it here if it should go`);
        continue;
      }
      incidents.tombstone(vendorId, file.source, file.sourceUid, file.deletedAt);
      this.report.deletedIncidents.added += 1;
    }
  }

  /**
   * Status page settings carry no change time. The components you use are taken only where the
   * register has chosen none (a different choice of its own is a conflict, kept); the last refresh
   * is a moment, so the later of the two is kept, with the address it read.
   */
  /**
   * Questionnaires sent merge by id, under the provider they were imported as. What was sent never
   * changes, so a register's request that differs in it is another one (a conflict, kept); when the
   * answers came back is taken from whichever copy saw them later.
   */
  private questionnaireRequests(): void {
    const { requests } = this.ctx;
    for (const file of [...this.data.questionnaireRequests].sort((a, b) => byText(a.id, b.id))) {
      const vendorName = this.vendorNames.get(file.vendorId) ?? file.vendorId;
      const name = `${vendorName}: questionnaire sent ${file.sentAt.slice(0, 10)}`;
      const vendorId = this.vendorIds.get(file.vendorId);
      if (!vendorId) {
        this.conflict('request', file.id, name, `its provider "${vendorName}" was not imported, so neither was the questionnaire`);
        continue;
      }
      if (this.templateUsable.get(`${file.templateId}@${file.templateVersion}`) === false) {
        this.conflict('request', file.id, name, `it asked template ${file.templateId} v${file.templateVersion}, which differs from the register's copy`);
        continue;
      }
      const mapped = { ...file, vendorId };
      const local = requests.get(file.id);
      if (!local) {
        requests.insert(mapped);
        this.report.questionnaireRequests.added += 1;
      } else if (requestIdentity(local) !== requestIdentity(mapped)) {
        this.conflict('request', file.id, name, "the register holds another questionnaire under this id; it was kept");
      } else if (local.receivedAt === mapped.receivedAt && local.receivedSha256 === mapped.receivedSha256) {
        this.report.questionnaireRequests.unchanged += 1;
      } else if (mapped.receivedAt === null || (local.receivedAt !== null && order(local.receivedAt, mapped.receivedAt) !== 'file-newer')) {
        this.conflict('request', file.id, name, `the register's copy received answers later (${local.receivedAt ?? 'never'}; the file's ${mapped.receivedAt ?? 'never'}) and was kept`);
      } else {
        requests.markReceived(file.id, mapped.receivedAt, mapped.receivedSha256!);
        this.report.questionnaireRequests.updated += 1;
      }
    }
  }

  private statusSettings(): void {
    const { incidents } = this.ctx;
    for (const file of [...this.data.statusSettings].sort((a, b) => byText(a.vendorId, b.vendorId))) {
      const vendorName = this.vendorNames.get(file.vendorId) ?? file.vendorId;
      const name = `${vendorName}: status page settings`;
      const vendorId = this.vendorIds.get(file.vendorId);
      if (!vendorId) {
        this.conflict('status', file.vendorId, name, `its provider "${vendorName}" was not imported, so neither were its status page settings`);
        continue;
      }
      const local = incidents.settings(vendorId);
      const next: StatusSettings = { ...local };
      const reasons: string[] = [];
      if (file.componentsUsed.length > 0 && !sameComponents(file.componentsUsed, local.componentsUsed)) {
        if (local.componentsUsed.length === 0) next.componentsUsed = [...file.componentsUsed];
        else reasons.push(`the register has its own choice of the components you use (${local.componentsUsed.join(', ')}), which was kept`);
      }
      if (file.refreshedAt !== null) {
        const when = local.refreshedAt === null ? 'file-newer' : order(local.refreshedAt, file.refreshedAt);
        if (when === 'file-newer') {
          next.refreshedAt = file.refreshedAt;
          next.refreshedFrom = file.refreshedFrom;
        } else if (when === 'same-time' && local.refreshedFrom !== file.refreshedFrom) {
          reasons.push(`the last refresh at the same time read another address (${local.refreshedFrom ?? 'none'}), which was kept`);
        }
      }
      const changed = canonicalJson(next) !== canonicalJson(local);
      if (changed) incidents.saveSettings(next);
      const untouched = local.componentsUsed.length === 0 && local.refreshedAt === null && local.refreshedFrom === null;
      if (reasons.length > 0) this.conflict('status', file.vendorId, name, reasons.join('; ') + (changed ? ' (the rest was taken from the file)' : ''));
      else if (!changed) this.report.statusSettings.unchanged += 1;
      else if (untouched) this.report.statusSettings.added += 1;
      else this.report.statusSettings.updated += 1;
    }
  }

  /**
   * Settings carry no change time, so a value is taken only where the register still has the
   * default; a value the register changed itself is never replaced (a conflict when they differ).
   */
  private settings(): void {
    const current = this.ctx.settings.get();
    const patch: Partial<Record<keyof Settings, unknown>> = {};
    // Values may be objects (reassessment months): compare them by content.
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const value = this.data.settings[key];
      if (value === undefined) continue;
      const missing = key === 'defaultTemplates' ? this.missingTemplates(value as DefaultTemplates) : [];
      if (same(value, current[key]) || same(value, DEFAULT_SETTINGS[key])) {
        this.report.settings.unchanged += 1;
      } else if (missing.length > 0) {
        this.conflict('setting', key, key, `it names templates that are neither in the file nor in the register (${missing.join(', ')}); the register's value was kept`);
      } else if (same(current[key], DEFAULT_SETTINGS[key])) {
        patch[key] = value;
        this.report.settings.updated += 1;
      } else {
        this.conflict('setting', key, key, "the register has its own value, which was kept");
      }
    }
    this.ctx.settings.set(patch as Partial<Settings>);
  }

  /** Template ids a category default names that neither the file nor the register holds. */
  private missingTemplates(defaults: DefaultTemplates): string[] {
    // The file's own templates are not read back from the register (a dry run's rows are rolled back).
    const inFile = new Set(this.data.templates.map((t) => t.id));
    const ids = new Set(Object.values(defaults).filter((id): id is string => id !== undefined));
    return [...ids].filter((id) => !inFile.has(id) && !this.ctx.templates.get(id)).sort();
  }
}
