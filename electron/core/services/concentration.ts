// Concentration (issue 21): gathers what the register holds — providers, their upstreams, their
// stated failover — as of a day, and hands it to the pure functions in shared/upstream. One job:
// the rules live there (docs/concentration.md), the reading of the register lives here.
import type { Settings } from '../../../shared/domain/settings';
import type { BlastRadiusView, ConcentrationAttention, ConcentrationSignals, ConcentrationView } from '../../../shared/api';
import { addDays } from '../../../shared/domain/dates';
import { rangeSpan } from '../../../shared/domain/maintenance';
import type { Answer } from '../../../shared/domain/review';
import { dayOf, onOrBefore } from '../../../shared/domain/standing';
import type { Upstream } from '../../../shared/domain/upstream';
import { regionKey } from '../../../shared/domain/upstream';
import type { Vendor } from '../../../shared/domain/vendor';
import { maintenanceWarnings } from '../../../shared/maintenance/overlaps';
import { providerStatusAsOf } from '../../../shared/reports/provider-status-as-of';
import { removedUpstreamsAsOf } from '../../../shared/reports/concentration-removed-upstreams';
import { alertWords } from '../../../shared/reports/concentration-words';
import { VettedError } from '../../../shared/result';
import { blastRadius, NO_FAILOVER_ANSWER, NO_FAILOVER_ANSWER_REASON, resolvePartyKey, type BlastRadius, type FailoverStatement } from '../../../shared/upstream/blast-radius';
import { concentration, concentrationAlerts } from '../../../shared/upstream/concentration';
import type { ProviderConcentration, ProviderUpstreamFacts } from '../../../shared/reports/concentration-part';
import { regionName } from '../../../shared/upstream/catalogue';
import { canonicalPartyKey, indexRegister, type ProviderFacts } from '../../../shared/upstream/register-index';
import { maintenanceOnSharedUpstreams, overlappingIncidents } from '../../../shared/upstream/signals';
import type { Context } from '../context';
import { windowsWithProviders } from './maintenance';
import { decidedContent, documentToday, standingOf } from './standing';

/** The tenancy questions a blast radius reads (infrastructure-definition template). */
const REGIONS_QUESTION = 'ten_regions';
const FAILOVER_QUESTION = 'ten_ha_failover';

/** How far ahead the maintenance signal looks: the attention list's horizon, so both show the same overlaps. */
export const SIGNAL_MAINTENANCE_DAYS = 90;

/** The register as a document dated `asOf` may state it. */
export interface RegisterAsOf {
  asOf: string;
  /** Every provider created on or before the day, with its status on the day (from the trail). */
  providers: ProviderFacts[];
  /** Upstreams recorded on or before the day (as they are recorded today), and those deleted since, rebuilt from the trail. */
  upstreams: Upstream[];
  /** Upstreams deleted after the day that the audit trail cannot rebuild (or whose provider is gone): left out, counted. */
  upstreamsRemovedNotShown: number;
  /** Upstreams recorded after the day: left out, counted. */
  upstreamsRecordedAfter: number;
  /** Ids of the upstreams kept that were changed after the day: shown as recorded today. */
  upstreamsChangedAfter: Set<string>;
  /** Providers created after the day: left out, counted. */
  providersAddedAfter: number;
  /** Providers whose profile (and with it the critical-path mark) changed after the day. */
  profilesChangedAfter: number;
  /** Providers whose status on the day the audit trail could not tell (today's is used). */
  statusNotFromTrail: number;
  failover: Map<string, FailoverStatement>;
}

function answerValue(answers: readonly Answer[], questionId: string): string | null {
  const a = answers.find((x) => x.questionId === questionId);
  if (!a || a.na || typeof a.value !== 'string' || a.value === '') return null;
  return a.value;
}

/**
 * A provider's stated failover as of the day: the tenancy answers of its review decided on or
 * before it (as signed off), else those of the review open on it (basis 'open': never decides an
 * outcome), else none.
 */
export async function failoverOf(ctx: Context, vendorId: string, asOf: string, monthsGiven?: Settings['reassessmentMonths']): Promise<FailoverStatement> {
  const months = monthsGiven ?? (await ctx.settings.get()).reassessmentMonths;
  const standing = await standingOf(ctx, vendorId, asOf, months);
  if (standing.decided) {
    const content = await decidedContent(ctx, standing.decided);
    if (content) return { regions: answerValue(content.answers, REGIONS_QUESTION), zones: answerValue(content.answers, FAILOVER_QUESTION), basis: 'decided' };
  }
  if (standing.open) {
    const answers = (await ctx.reviews.answers(standing.open.review.id)).filter((a) => onOrBefore(a.updatedAt, asOf));
    return { regions: answerValue(answers, REGIONS_QUESTION), zones: answerValue(answers, FAILOVER_QUESTION), basis: 'open' };
  }
  return NO_FAILOVER_ANSWER;
}

/**
 * The reasons a document dated `asOf` gives: a provider whose review was open on the day and had no
 * tenancy answer by then did not "answer nothing" — its review was not decided by the day (the
 * pure judge words every missing answer alike; the basis says which it was).
 */
export function datedReasons(blast: BlastRadius, asOf: string): BlastRadius {
  const hits = blast.hits.map((h) =>
    h.failover.basis === 'open' && h.failover.regions === null && h.reason === NO_FAILOVER_ANSWER_REASON
      ? { ...h, reason: `Review not decided by ${asOf}; no answer on regional failover by then` }
      : h,
  );
  return { ...blast, hits };
}

/** Call inside a read transaction. */
export async function registerAsOf(ctx: Context, asOf: string): Promise<RegisterAsOf> {
  const today = documentToday(ctx);
  const months = (await ctx.settings.get()).reassessmentMonths;
  const trails = asOf >= today ? null : await ctx.audit.vendorStatusTrails();
  const vendors: Vendor[] = [];
  let providersAddedAfter = 0;
  let profilesChangedAfter = 0;
  let statusNotFromTrail = 0;
  const providers: ProviderFacts[] = [];
  for (const v of await ctx.vendors.list()) {
    if (!onOrBefore(v.createdAt, asOf)) {
      providersAddedAfter++;
      continue;
    }
    vendors.push(v);
    if (!onOrBefore(v.updatedAt, asOf)) profilesChangedAfter++;
    let status: string = v.status;
    if (trails) {
      const onDay = providerStatusAsOf(v.status, trails.get(v.id) ?? [], asOf, today);
      status = onDay.status;
      if (!onDay.fromTrail) statusNotFromTrail++;
    }
    providers.push({ vendorId: v.id, name: v.name, status, criticalPath: v.criticalPath });
  }
  const upstreams: Upstream[] = [];
  const upstreamsChangedAfter = new Set<string>();
  let upstreamsRecordedAfter = 0;
  for (const u of await ctx.upstreams.list()) {
    if (!onOrBefore(u.createdAt, asOf)) {
      upstreamsRecordedAfter++;
      continue;
    }
    if (!onOrBefore(u.updatedAt, asOf)) upstreamsChangedAfter.add(u.id);
    upstreams.push(u);
  }
  // Deleted since the day: the register no longer holds them, the trail does (dated today: nothing to add).
  let upstreamsRemovedNotShown = 0;
  if (asOf < today) {
    const removed = removedUpstreamsAsOf(await ctx.audit.removedUpstreamTrails(), asOf);
    const known = new Set(vendors.map((v) => v.id));
    for (const u of removed.rebuilt) {
      // A provider deleted since took its upstreams with it; without the provider they cannot be placed.
      if (known.has(u.vendorId)) upstreams.push(u);
      else upstreamsRemovedNotShown++;
    }
    upstreamsRemovedNotShown += removed.notRebuilt;
  }
  // A provider's status on the day decides: one retired after it still had its failover then.
  const retiredOnDay = new Set(providers.filter((p) => p.status === 'retired').map((p) => p.vendorId));
  const failover = new Map<string, FailoverStatement>();
  for (const v of vendors) if (!retiredOnDay.has(v.id)) failover.set(v.id, await failoverOf(ctx, v.id, asOf, months));
  return {
    asOf,
    providers,
    upstreams,
    upstreamsRemovedNotShown,
    upstreamsRecordedAfter,
    upstreamsChangedAfter,
    providersAddedAfter,
    profilesChangedAfter,
    statusNotFromTrail,
    failover,
  };
}

/** The providers as they stand today (status and critical path from the profile). */
async function providersToday(ctx: Context): Promise<ProviderFacts[]> {
  return (await ctx.vendors.list()).map((v) => ({ vendorId: v.id, name: v.name, status: v.status, criticalPath: v.criticalPath }));
}

export async function concentrationView(ctx: Context, input: { criticalOnly?: boolean }): Promise<ConcentrationView> {
  return await ctx.read(async (ctx) => {
    const threshold = (await ctx.settings.get()).concentrationThreshold;
    const c = concentration(await providersToday(ctx), await ctx.upstreams.list(), { criticalOnly: input.criticalOnly ?? false });
    return { concentration: c, alerts: concentrationAlerts(c, threshold), threshold, asOf: documentToday(ctx) };
  });
}

/** For Needs attention (call inside a read transaction). */
export async function concentrationAttention(ctx: Context): Promise<ConcentrationAttention[]> {
  const c = concentration(await providersToday(ctx), await ctx.upstreams.list());
  return concentrationAlerts(c, (await ctx.settings.get()).concentrationThreshold).map((a) => ({ ...a, words: alertWords(a) }));
}

/**
 * The blast radius today. A party no provider records is not_found (naming `party`); a region that
 * no provider records for the party is answered (nobody is hit, or only those without regions
 * recorded) with a `note` saying so.
 */
export async function blastRadiusView(ctx: Context, input: { party: string; region?: string | null | undefined }): Promise<BlastRadiusView> {
  return await ctx.read(async (ctx) => {
    const reg = await registerAsOf(ctx, documentToday(ctx));
    const counted = new Set(reg.providers.filter((p) => p.status !== 'retired').map((p) => p.vendorId));
    const key = resolvePartyKey(input.party);
    const ofParty = reg.upstreams.filter((u) => counted.has(u.vendorId) && canonicalPartyKey(u) === key);
    // Not recorded by anyone counted, and nobody hit through another service of the same company
    // (blastRadius decides that: a whole cloud's outage reaches its company's other services).
    const result = blastRadius(reg.providers, reg.upstreams, reg.failover, { party: input.party, region: input.region ?? null });
    if (ofParty.length === 0 && result.hits.length === 0) {
      const message = `no provider of the register records "${input.party.trim()}" as a fourth party`;
      throw new VettedError('not_found', `party: ${message}`, [{ path: 'party', message }]);
    }
    let note: string | null = null;
    if (result.region) {
      const rk = regionKey(result.region.code);
      const recorded = ofParty.some((u) => u.regions.some((r) => regionKey(r.code) === rk));
      if (!recorded) {
        const unplaced = result.hits.length;
        note =
          `No provider records ${result.region.code} of ${result.party.name}` +
          (unplaced === 0 ? ': nobody is hit.' : `: only providers that record no region of it may be hit (${unplaced}).`);
      }
    }
    return { ...result, note };
  });
}

/**
 * Incidents of several providers open in the same hours (those started on or after `since`), and
 * overlapping maintenance windows over the attention list's horizon whose providers share a fourth party.
 */
export async function concentrationSignals(ctx: Context, input: { since?: string; limit?: number }): Promise<ConcentrationSignals> {
  return await ctx.read(async (ctx) => {
    const providers = await providersToday(ctx);
    const upstreams = await ctx.upstreams.list();
    const since = input.since;
    const incidents = (await ctx.incidents.incidents()).filter((i) => since === undefined || dayOf(i.startedAt) >= since);
    const limit = input.limit === undefined ? {} : { limit: input.limit };
    const day = documentToday(ctx);
    // Without a limit: every overlap is looked at (signals.ts), the signal keeps its own limit.
    const overlaps = maintenanceWarnings(await windowsWithProviders(ctx), await ctx.maintenance.blackouts(), rangeSpan({ from: day, to: addDays(day, SIGNAL_MAINTENANCE_DAYS - 1) }), {
      criticalOnly: false,
      minimumNoticeHours: (await ctx.settings.get()).minimumNoticeHours,
    }).overlaps;
    return {
      incidents: overlappingIncidents(providers, upstreams, incidents, { now: ctx.now().toISOString(), ...limit }),
      maintenance: maintenanceOnSharedUpstreams(providers, upstreams, overlaps, limit),
    };
  });
}

/**
 * The review report's Concentration part of one provider, as of the report's date (call inside a
 * read transaction): its upstreams recorded by then, who else names each party, and its outcome
 * in the loss of each recorded region (or of the whole party when none is recorded).
 */
export async function providerConcentration(ctx: Context, vendorId: string, asOf: string): Promise<ProviderConcentration> {
  const reg = await registerAsOf(ctx, asOf);
  const index = indexRegister(reg.providers, reg.upstreams);
  const at = index.position.get(vendorId);
  const own = reg.upstreams.filter((u) => u.vendorId === vendorId);
  const recordedAfter = (await ctx.upstreams.list(vendorId)).filter((u) => !onOrBefore(u.createdAt, asOf)).length;
  const upstreams: ProviderUpstreamFacts[] = own.map((u) => {
    const key = canonicalPartyKey(u);
    const sharedWith = index.providers.filter((p, i) => i !== at && index.partiesOf[i]!.some((e) => e.partyKey === key));
    const outageOf = (region: string | null) => {
      const hit = datedReasons(blastRadius(reg.providers, reg.upstreams, reg.failover, { party: key, region }), asOf).hits.find((h) => h.vendorId === vendorId);
      return hit ? { outcome: hit.outcome, reason: hit.reason } : { outcome: 'unknown' as const, reason: 'Not counted (retired on the date)' };
    };
    const regions = u.regions.map((r) => ({ code: r.code, name: regionName(u.catalogueId, r.code) }));
    return {
      party: u.party,
      kind: u.kind,
      source: u.source,
      regions,
      changedAfter: reg.upstreamsChangedAfter.has(u.id),
      sharedWith,
      outages: at === undefined ? [] : regions.length > 0 ? regions.map((r) => ({ region: r, ...outageOf(r.code) })) : [{ region: null, ...outageOf(null) }],
    };
  });
  return { asOf, upstreams, recordedAfter, retired: at === undefined && reg.providers.some((p) => p.vendorId === vendorId) };
}
