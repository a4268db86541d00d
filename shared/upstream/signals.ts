// Signals that connect the evidence (issue 21): several providers in trouble at the same time may
// share an upstream nobody recorded — or one that is recorded, which then says where to look.
// (a) Incidents of two or more providers open at the same moment, with the upstreams they share.
// (b) Maintenance windows of two providers that overlap and share a fourth party. Pure, bounded
// (a limit, with the total), deterministic.
//
// Overlap, precisely: an incident is open over the closed interval [startedAt, resolvedAt], or
// [startedAt, now] while unresolved. A group is a largest set of incidents of the register's
// (non-retired) providers that were all open at one moment, with at least two providers among
// them — a maximal clique of the intervals, found by one sweep. An incident open across several
// such moments is in each of their groups; an incident left open long after the fact shows in
// every group of its time (resolve it in the record).
import type { IncidentImpact } from '../domain/incidents';
import type { Upstream } from '../domain/upstream';
import { parseInstant } from '../incidents/instant';
import type { WindowOverlap } from '../maintenance/overlaps';
import type { ProviderFacts, ProviderRef } from './register-index';
import { indexRegister } from './register-index';
import { sharedUpstreams, type SharedUpstream } from './shared-upstreams';

/** An incident as the signal needs it (the stored Incident has these fields). */
export interface IncidentFacts {
  vendorId: string;
  id: string;
  title: string;
  startedAt: string;
  resolvedAt: string | null;
  impact: IncidentImpact;
}

export interface IncidentInGroup extends IncidentFacts {
  vendorName: string;
  criticalPath: boolean;
}

export interface IncidentGroup {
  /** The stretch when all of them were open at once (ISO instants). */
  from: string;
  to: string;
  /** Critical path first, then by name. */
  providers: ProviderRef[];
  /** In the providers' order, then by start. */
  incidents: IncidentInGroup[];
  /** Upstreams at least two of the providers share; empty: none recorded. */
  shared: SharedUpstream[];
  /** True when `shared` is not empty: the overlap suggests a shared upstream. */
  sharedUpstream: boolean;
}

export interface IncidentSignals {
  /** Shared upstream first, then most critical-path providers, most providers, the latest first. */
  groups: IncidentGroup[];
  /** Groups in all (the list keeps the first `limit`). */
  total: number;
  withSharedUpstream: number;
  /** Incidents of providers not in the register, or retired. */
  incidentsLeftOut: number;
  /** Incidents whose times cannot be read, or that end before they start. */
  unreadable: number;
}

export const DEFAULT_SIGNAL_LIMIT = 50;

export interface IncidentSignalOptions {
  /** Until when an unresolved incident counts as open (ISO instant). */
  now: string;
  /** Keep at most this many groups (default 50); `total` counts them all. */
  limit?: number;
}

interface Interval {
  at: number;
  start: number;
  end: number;
  incident: IncidentFacts;
}

const iso = (ms: number) => new Date(ms).toISOString();

function checkLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_SIGNAL_LIMIT;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`limit must be a whole number of 0 or more, not ${String(limit)}`);
  return n;
}

/** The maximal sets of intervals open at one moment (closed intervals: touching ends overlap). */
function maximalCliques(intervals: readonly Interval[]): Interval[][] {
  // Events: +1 start, −1 end, at equal times starts first so that touching intervals overlap.
  const events: [number, number, number][] = [];
  intervals.forEach((iv, i) => {
    events.push([iv.start, 0, i], [iv.end, 1, i]);
  });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const open = new Set<number>();
  const cliques: Interval[][] = [];
  let grown = false;
  for (const [, kind, i] of events) {
    if (kind === 0) {
      open.add(i);
      grown = true;
    } else {
      // The first end after starts closes a largest set: everything open right now.
      if (grown) cliques.push([...open].sort((a, b) => a - b).map((k) => intervals[k]!));
      grown = false;
      open.delete(i);
    }
  }
  return cliques;
}

export function overlappingIncidents(
  providers: readonly ProviderFacts[],
  upstreams: readonly Upstream[],
  incidents: readonly IncidentFacts[],
  options: IncidentSignalOptions,
): IncidentSignals {
  const limit = checkLimit(options.limit);
  const now = parseInstant(options.now);
  if (Number.isNaN(now)) throw new RangeError(`now must be an ISO instant, not ${JSON.stringify(options.now)}`);
  const index = indexRegister(providers, upstreams);
  const intervals: Interval[] = [];
  let leftOut = 0;
  let unreadable = 0;
  for (const incident of incidents) {
    const at = index.position.get(incident.vendorId);
    if (at === undefined) {
      leftOut++;
      continue;
    }
    const start = parseInstant(incident.startedAt);
    const end = incident.resolvedAt === null ? now : parseInstant(incident.resolvedAt);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
      unreadable++;
      continue;
    }
    intervals.push({ at, start, end, incident });
  }
  // A stable order first, so that equal times break ties the same way whatever the input order.
  intervals.sort((a, b) => a.at - b.at || a.start - b.start || (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0));

  const groups: (IncidentGroup & { criticalCount: number; fromMs: number; key: string })[] = [];
  for (const clique of maximalCliques(intervals)) {
    const positions = [...new Set(clique.map((iv) => iv.at))];
    if (positions.length < 2) continue;
    const fromMs = Math.max(...clique.map((iv) => iv.start));
    const toMs = Math.min(...clique.map((iv) => iv.end));
    const shared = sharedUpstreams(index, positions);
    const refs = positions.map((at) => index.providers[at]!);
    groups.push({
      from: iso(fromMs),
      to: iso(toMs),
      providers: refs,
      incidents: clique.map((iv) => ({ ...iv.incident, vendorName: index.providers[iv.at]!.name, criticalPath: index.providers[iv.at]!.criticalPath })),
      shared,
      sharedUpstream: shared.length > 0,
      criticalCount: refs.filter((p) => p.criticalPath).length,
      fromMs,
      key: clique.map((iv) => iv.incident.id).join('\u0000'),
    });
  }
  groups.sort(
    (a, b) =>
      Number(b.sharedUpstream) - Number(a.sharedUpstream) ||
      b.criticalCount - a.criticalCount ||
      b.providers.length - a.providers.length ||
      b.fromMs - a.fromMs ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    groups: groups.slice(0, limit).map(({ criticalCount: _c, fromMs: _f, key: _k, ...group }) => group),
    total: groups.length,
    withSharedUpstream: groups.filter((g) => g.sharedUpstream).length,
    incidentsLeftOut: leftOut,
    unreadable,
  };
}

/** Two providers' overlapping maintenance windows, and the fourth parties both name. */
export interface MaintenanceOnSharedUpstream {
  overlap: WindowOverlap;
  shared: SharedUpstream[];
}

export interface MaintenanceSignals {
  /** In the overlaps' own order (critical pairs first, then the first overlap). */
  pairs: MaintenanceOnSharedUpstream[];
  total: number;
}

/**
 * Of the overlapping windows `maintenanceWarnings` found (pass its `overlaps` without a limit, or
 * the pairs a limit kept are all that is looked at), those whose two providers share an upstream.
 * Pairs with a retired or unknown provider are left out.
 */
export function maintenanceOnSharedUpstreams(
  providers: readonly ProviderFacts[],
  upstreams: readonly Upstream[],
  overlaps: readonly WindowOverlap[],
  options: { limit?: number } = {},
): MaintenanceSignals {
  const limit = checkLimit(options.limit);
  const index = indexRegister(providers, upstreams);
  const pairs: MaintenanceOnSharedUpstream[] = [];
  let total = 0;
  // Many overlaps repeat the same two providers (several windows each): look each pair up once.
  const seen = new Map<string, SharedUpstream[]>();
  for (const overlap of overlaps) {
    const a = index.position.get(overlap.a.vendorId);
    const b = index.position.get(overlap.b.vendorId);
    if (a === undefined || b === undefined || a === b) continue;
    const pairKey = a < b ? `${a}:${b}` : `${b}:${a}`;
    let shared = seen.get(pairKey);
    if (!shared) seen.set(pairKey, (shared = sharedUpstreams(index, [a, b])));
    if (shared.length === 0) continue;
    total++;
    if (pairs.length < limit) pairs.push({ overlap, shared });
  }
  return { pairs, total };
}
