// The register-wide concentration PDF (report.concentration): gathers the register as of the date
// (concentration.ts), picks the top exposures for their blast radius, cuts the incident and
// maintenance records to the date, and hands it all to the pure layout.
import type { GeneratedFile } from '../../../shared/api';
import { addDays } from '../../../shared/domain/dates';
import { rangeSpan } from '../../../shared/domain/maintenance';
import { onOrBefore } from '../../../shared/domain/standing';
import { maintenanceWarnings } from '../../../shared/maintenance/overlaps';
import { buildConcentrationReport, MAX_SIGNALS, TOP_EXPOSURES, type ConcentrationReportData } from '../../../shared/reports/concentration-report';
import { blastRadius } from '../../../shared/upstream/blast-radius';
import { concentration, concentrationAlerts } from '../../../shared/upstream/concentration';
import { maintenanceOnSharedUpstreams, overlappingIncidents } from '../../../shared/upstream/signals';
import type { Context } from '../context';
import { renderPdf } from '../reports/render';
import { datedReasons, registerAsOf, SIGNAL_MAINTENANCE_DAYS, type RegisterAsOf } from './concentration';
import { asFile } from './generated-file';
import { windowsWithProviders } from './maintenance';
import { reportLanguageOf } from './report-language';
import { documentDate, documentToday } from './standing';

/** The incident record as it stood at the end of the day: recorded by then, still open if resolved later. */
async function incidentsAsOf(ctx: Context, asOf: string) {
  return (await ctx.incidents
      .incidents())
    .filter((i) => onOrBefore(i.createdAt, asOf) && onOrBefore(i.startedAt, asOf))
    .map((i) => (i.resolvedAt !== null && !onOrBefore(i.resolvedAt, asOf) ? { ...i, resolvedAt: null } : i));
}

async function gather(ctx: Context, asOf: string): Promise<ConcentrationReportData> {
  const reg: RegisterAsOf = await registerAsOf(ctx, asOf);
  const settings = await ctx.settings.get();
  const c = concentration(reg.providers, reg.upstreams);
  const blasts = c.parties
    .filter((p) => p.providers.length > 0)
    .slice(0, TOP_EXPOSURES)
    .map((p) => datedReasons(blastRadius(reg.providers, reg.upstreams, reg.failover, { party: p.partyKey, region: p.regions[0]?.region.code ?? null }), asOf));
  // An unresolved incident counts as open until the end of the report's day (or now, dated today).
  const today = documentToday(ctx);
  const now = asOf >= today ? ctx.now().toISOString() : `${asOf}T23:59:59.999Z`;
  const span = { from: asOf, to: addDays(asOf, SIGNAL_MAINTENANCE_DAYS - 1) };
  const allWindows = await windowsWithProviders(ctx);
  const windows = allWindows.filter((w) => onOrBefore(w.window.createdAt, asOf));
  // Blackout periods are not read: the signal is overlaps of two providers' windows, which they do not change.
  const overlaps = maintenanceWarnings(windows, [], rangeSpan(span), { criticalOnly: false, minimumNoticeHours: null }).overlaps;
  const names = new Map(reg.providers.map((p) => [p.vendorId, p.name]));
  const recorded = new Set(reg.upstreams.map((u) => u.vendorId));
  return {
    asOf,
    organisation: settings.organisation,
    threshold: settings.concentrationThreshold,
    concentration: c,
    alerts: concentrationAlerts(c, settings.concentrationThreshold),
    blasts,
    incidents: overlappingIncidents(reg.providers, reg.upstreams, await incidentsAsOf(ctx, asOf), { now, limit: MAX_SIGNALS }),
    maintenance: maintenanceOnSharedUpstreams(reg.providers, reg.upstreams, overlaps, { limit: MAX_SIGNALS }),
    maintenanceSpan: span,
    leftOut: {
      withoutUpstreams: reg.providers.filter((p) => p.status !== 'retired' && !recorded.has(p.vendorId)).map((p) => p.name).sort((a, b) => a.localeCompare(b)),
      upstreamsRecordedAfter: reg.upstreamsRecordedAfter,
      upstreamsRemovedNotShown: reg.upstreamsRemovedNotShown,
      upstreamsChangedAfter: reg.upstreams.filter((u) => reg.upstreamsChangedAfter.has(u.id)).map((u) => `${names.get(u.vendorId) ?? u.vendorId}: ${u.party}`),
      providersAddedAfter: reg.providersAddedAfter,
      incidentsRecordedAfter: (await ctx.incidents.incidents()).filter((i) => !onOrBefore(i.createdAt, asOf)).length,
      windowsRecordedAfter: allWindows.length - windows.length,
      profilesChangedAfter: reg.profilesChangedAfter,
      statusNotFromTrail: reg.statusNotFromTrail,
    },
  };
}

export async function concentrationReport(ctx: Context, input: { date?: string }): Promise<GeneratedFile> {
  const asOf = documentDate(ctx, input.date);
  const data = await ctx.read(async (ctx) => gather(ctx, asOf));
  const { pdf, warnings } = await renderPdf(buildConcentrationReport(data), {
    title: 'Concentration of fourth parties',
    subject: 'Register-wide concentration report',
    generatedAt: asOf,
    language: await reportLanguageOf(ctx),
  });
  return asFile(`vetted-concentration-${asOf}.pdf`, pdf, warnings);
}
