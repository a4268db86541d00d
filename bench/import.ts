// Goal (issue 8): importing 1,000 providers × 80 answers through the API (register.import: parse,
// validate, merge, one transaction) costs at most 3× inserting the same rows raw in one transaction.
// Both registers have the same schema, so both pay the audit-trail triggers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegister } from '../electron/core/db/open';
import { openVetted } from '../electron/core/vetted';
import { REGISTER_FORMAT, REGISTER_FORMAT_VERSION, type RegisterExportInput } from '../shared/register/format';
import { benchOption, template80 } from './template80';

export interface ImportResult {
  providers: number;
  answers: number;
  apiMs: number;
  rawMs: number;
  ratio: number;
}

function exportFile(providers: number): RegisterExportInput {
  const template = template80();
  const questions = template.sections.flatMap((s) => s.questions);
  const at = '2026-03-15T09:30:00.000Z';
  const data: RegisterExportInput = {
    format: REGISTER_FORMAT,
    formatVersion: REGISTER_FORMAT_VERSION,
    exportedAt: at,
    templates: [template],
    vendors: [],
    reviews: [],
    answers: [],
    maintenanceWindows: [],
    blackoutPeriods: [],
    incidents: [],
    deletedIncidents: [],
    statusSettings: [],
    questionnaireRequests: [],
    settings: {},
  };
  for (let i = 0; i < providers; i++) {
    const id = `vendor-${String(i).padStart(5, '0')}`;
    data.vendors.push({
      id,
      name: `Provider ${i}`,
      legalName: `Provider ${i} Ltd`,
      service: 'Hosted service',
      category: 'database',
      website: '',
      owner: '',
      status: 'active',
      criticalPath: i % 3 === 0,
      businessImpact: 'medium',
      dataCategories: ['personal-data'],
      dataLocations: ['EU'],
      tenancy: 'multi-tenant',
      monthlyCost: 100 + i,
      costPeriod: 'month',
      currency: 'EUR',
      buildEffortDays: null,
      links: {},
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    const reviewId = `review-${String(i).padStart(5, '0')}`;
    data.reviews.push({ id: reviewId, vendorId: id, templateId: template.id, templateVersion: 1, status: 'in_review', reviewer: 'Bench', startedAt: at, updatedAt: at, completedAt: null });
    questions.forEach((q, j) => data.answers.push({ reviewId, questionId: q.id, value: benchOption(i, j), comment: '', na: false, updatedAt: at }));
  }
  return data;
}

function rawInsert(file: string, data: RegisterExportInput): number {
  const { db, close } = openRegister(file);
  try {
    const t0 = performance.now();
    db.transaction(() => {
      const template = db.prepare('INSERT INTO templates (id, version, name, definition, built_in, added_at) VALUES (?, ?, ?, ?, 0, ?)');
      for (const t of data.templates) template.run(t.id, t.version, t.name, JSON.stringify(t), data.exportedAt);
      const vendor = db.prepare(
        `INSERT INTO vendors (id, name, service, category, website, owner, status, critical_path, business_impact, data_categories,
           data_locations, tenancy, monthly_cost, currency, build_effort_days, links, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const v of data.vendors) {
        vendor.run(v.id, v.name, v.service, v.category, v.website, v.owner, v.status, v.criticalPath ? 1 : 0, v.businessImpact,
          JSON.stringify(v.dataCategories), JSON.stringify(v.dataLocations), v.tenancy, v.monthlyCost, v.currency, v.buildEffortDays,
          JSON.stringify(v.links), v.notes, v.createdAt, v.updatedAt);
      }
      const review = db.prepare(
        `INSERT INTO reviews (id, vendor_id, template_id, template_version, status, reviewer, started_at, updated_at, completed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of data.reviews) review.run(r.id, r.vendorId, r.templateId, r.templateVersion, r.status, r.reviewer, r.startedAt, r.updatedAt, r.completedAt);
      const answer = db.prepare('INSERT INTO answers (review_id, question_id, value, comment, na, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const a of data.answers) answer.run(a.reviewId, a.questionId, JSON.stringify(a.value), a.comment, a.na ? 1 : 0, a.updatedAt);
    })();
    return performance.now() - t0;
  } finally {
    close();
  }
}

export async function benchImport(providers = 1000): Promise<ImportResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-'));
  try {
    const data = exportFile(providers);
    const text = JSON.stringify(data);
    const rawMs = rawInsert(path.join(dir, 'raw.db'), data);

    const vetted = await openVetted(path.join(dir, 'api.db'));
    const t0 = performance.now();
    const result = await vetted.dispatch('register.import', { text });
    const apiMs = performance.now() - t0;
    vetted.close();
    if (!result.ok) throw new Error(result.error.message);
    return { providers, answers: data.answers.length, apiMs, rawMs, ratio: apiMs / rawMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
