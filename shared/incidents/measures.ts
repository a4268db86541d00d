// Incident transparency measured from the record: how fast a provider speaks, how long it takes
// to recover, whether postmortems follow, how long it goes quiet, and an availability estimate.
// docs/incidents.md ("Measures") repeats these definitions word for word; change both together.
//
// The period is whole UTC days: from `from` 00:00Z (inclusive) to `to` + 1 day 00:00Z
// (exclusive). That instant is the END OF THE PERIOD, called E below. Only incidents whose
// startedAt falls in the period are counted, by every measure; one that started earlier is not
// counted even if it was still open during the period. Nothing after E is known: an update, a
// resolution or a postmortem dated after E is read as not (yet) there.
//
// - total: incidents that started in the period. byImpact: the same, per impact.
// - open: incidents with no resolvedAt, or one after E.
// - notOnStatusPage: incidents typed in as never shown on the provider's status page
//   (onStatusPage false).
// - firstUpdate: minutes from startedAt to firstUpdateAt, over incidents whose firstUpdateAt is at
//   or before E (`measured`). `median`: the middle value in ascending order, or the mean of the two
//   middle values for an even count; `p90`: nearest rank, the value at rank ceil(0.9 · n) in
//   ascending order (1-based); both rounded to 1 decimal, null when nothing is measured.
//   `withoutUpdate`: incidents with no firstUpdateAt, or one after E. (A first update posted after
//   the incident was resolved — backfilled — is measured like any other: that is how long it took.)
// - timeToResolve: per impact, the median minutes from startedAt to resolvedAt (1 decimal) over
//   incidents resolved at or before E (`measured`); null when none is.
// - postmortems: `due`: major and critical incidents resolved at least POSTMORTEM_GRACE_DAYS (14)
//   days before E (resolvedAt ≤ E − 14 days). `published`: those of them with a postmortem
//   published at or before E, or with no publishedAt known. `share`: published / due, not
//   rounded; null when due is 0. `medianDaysToPublish`: the median of days from resolvedAt to the
//   postmortem's publishedAt (1 decimal) over the published ones whose publishedAt is known; a
//   postmortem dated before the resolution counts as 0 days; null when there is none.
// - updatesPerIncidentHour: the number of public updates posted while an incident was open (an
//   update whose `at` lies between startedAt and its end, both included) divided by the hours the
//   incidents were open, summed. An incident's end is its resolvedAt when that is at or before E,
//   otherwise E. Every incident counts, those not on the status page too (they had no update: that
//   is the point). Rounded to 2 decimals; null when the open hours sum to 0.
// - longestSilence: over incidents on the status page, the longest gap between consecutive public
//   posts while the incident was open. The posts are its firstUpdateAt and every update's `at`,
//   those from startedAt to its end (as above); the gaps run from the earliest post to the next,
//   …, and from the last post to the end. The gap from startedAt to the first post is not a
//   silence (firstUpdate measures it). An incident with no post while open (none at all, or only
//   after it was resolved) is skipped. Minutes, 1 decimal, with the incident's id and title; on a
//   tie, the incident that started first (then the smaller id). Null when no incident qualifies.
// - availability: the downtime is the union (overlaps counted once) of the intervals
//   [startedAt, end) of major and critical incidents, clipped to the period, counting only
//   incidents whose components include one of `componentsUsed`. When componentsUsed is empty
//   every incident counts; an incident with no components listed counts too, since it may have hit
//   anything. `percent` = 100 · (1 − downtime / length of the period), rounded to 3 decimals.
//   `worstMonth`: of the calendar months (UTC, YYYY-MM) the period touches, each clipped to the
//   period, the one with the lowest availability computed the same way, with its percent (3
//   decimals); on a tie (100 % for all, say) the first such month. availability is null when no
//   incident started in the period at all; when it is given, worstMonth always is too.
//
// Fast enough for a register: each timestamp is parsed once (parseInstant), each incident visited
// once, and only the merged downtime and the per-measure values are sorted: O(n log n).
import { isIsoDate } from '../domain/dates';
import { parseInstant } from './instant';
import { INCIDENT_IMPACTS, POSTMORTEM_GRACE_DAYS, type Incident, type IncidentImpact, type TransparencyMeasures } from '../domain/incidents';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

/** The median of values sorted ascending: the middle one, or the mean of the middle two. */
function medianOf(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank 90th percentile of values sorted ascending: rank ceil(0.9 · n), 1-based. */
function p90Of(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // 9n / 10 rather than 0.9 · n: 9n is exact, so a whole rank is never nudged up to the next one.
  return sorted[Math.ceil((9 * n) / 10) - 1]!;
}

const ascending = (a: number, b: number) => a - b;

/** An incident of the period with its times parsed once. */
interface Timed {
  incident: Incident;
  start: number;
  /** resolvedAt when at or before E, else E (never before start). */
  end: number;
  /** resolvedAt when at or before E, else null (open at E). */
  resolved: number | null;
}

/**
 * The transparency measures of a provider's incidents over whole UTC days `period.from` …
 * `period.to` (both included, YYYY-MM-DD), availability estimated for `componentsUsed` (empty:
 * every component). The file's header defines each measure. Throws a RangeError on a date that is
 * not YYYY-MM-DD or a period that ends before it starts.
 */
export function transparencyMeasures(
  incidents: readonly Incident[],
  period: { from: string; to: string },
  componentsUsed: readonly string[],
): TransparencyMeasures {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) throw new RangeError(`a period is two dates written YYYY-MM-DD, not ${period.from} … ${period.to}`);
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const E = Date.parse(`${period.to}T00:00:00Z`) + DAY;
  if (E <= from) throw new RangeError(`the period ends (${period.to}) before it starts (${period.from})`);

  const byImpact = Object.fromEntries(INCIDENT_IMPACTS.map((i) => [i, 0])) as Record<IncidentImpact, number>;
  const resolveMinutes = Object.fromEntries(INCIDENT_IMPACTS.map((i) => [i, [] as number[]])) as Record<IncidentImpact, number[]>;
  const firstUpdateMinutes: number[] = [];
  const daysToPublish: number[] = [];
  const dueBy = E - POSTMORTEM_GRACE_DAYS * DAY;
  const used = new Set(componentsUsed);
  const down: [number, number][] = [];

  let total = 0;
  let open = 0;
  let notOnStatusPage = 0;
  let withoutUpdate = 0;
  let notMeasured = 0;
  let impactUnknown = 0;
  let impactKnown = 0;
  let due = 0;
  let published = 0;
  let updatesWhileOpen = 0;
  let openMs = 0;
  let silence: { ms: number; timed: Timed } | null = null;
  const posts: number[] = [];

  for (const incident of incidents) {
    const start = parseInstant(incident.startedAt);
    if (!(start >= from && start < E)) continue; // NaN falls out here too
    const resolvedRaw = incident.resolvedAt === null ? Number.NaN : parseInstant(incident.resolvedAt);
    const resolved = resolvedRaw <= E ? Math.max(resolvedRaw, start) : null;
    const end = resolved ?? E;
    const timed: Timed = { incident, start, end, resolved };

    total++;
    // A history feed does not say how bad an incident was (its impact is a placeholder): it counts
    // in the total but in nothing that depends on the impact.
    const knownImpact = incident.source !== 'feed';
    if (knownImpact) {
      impactKnown++;
      byImpact[incident.impact]++;
    } else {
      impactUnknown++;
    }
    if (resolved === null) open++;
    if (!incident.onStatusPage) notOnStatusPage++;

    const firstUpdate = incident.firstUpdateAt === null ? Number.NaN : parseInstant(incident.firstUpdateAt);
    if (!incident.onStatusPage) {
      // Never on the status page: whatever your team noted, nothing public was posted.
      withoutUpdate++;
    } else if (incident.source === 'feed' || incident.source === 'instatus') {
      // These sources give no start apart from the first post, so the wait cannot be measured.
      notMeasured++;
    } else if (firstUpdate <= E) {
      // A provider may post before the start it later states (started_at after created_at): no wait, not a negative one.
      firstUpdateMinutes.push(Math.max(0, firstUpdate - start) / MINUTE);
    } else {
      withoutUpdate++;
    }

    if (resolved !== null && knownImpact) resolveMinutes[incident.impact].push((resolved - start) / MINUTE);

    const significant = knownImpact && (incident.impact === 'major' || incident.impact === 'critical');
    if (significant && resolved !== null && resolved <= dueBy) {
      due++;
      const pm = incident.postmortem;
      const publishedAt = pm === null || pm.publishedAt === null ? Number.NaN : parseInstant(pm.publishedAt);
      if (pm !== null && (pm.publishedAt === null || publishedAt <= E)) {
        published++;
        if (pm.publishedAt !== null) daysToPublish.push(Math.max(0, publishedAt - resolved) / DAY);
      }
    }

    // Public posts while open: every update counts towards the rate; the status page's ones (with
    // firstUpdateAt) mark the silences.
    openMs += end - start;
    posts.length = 0;
    if (firstUpdate >= start && firstUpdate <= end) posts.push(firstUpdate);
    let sorted = true;
    for (const update of incident.updates) {
      const at = parseInstant(update.at);
      if (!(at >= start && at <= end)) continue;
      updatesWhileOpen++;
      if (posts.length > 0 && at < posts[posts.length - 1]!) sorted = false;
      posts.push(at);
    }
    if (incident.onStatusPage && posts.length > 0) {
      if (!sorted) posts.sort(ascending);
      let longest = end - posts[posts.length - 1]!;
      for (let k = 1; k < posts.length; k++) longest = Math.max(longest, posts[k]! - posts[k - 1]!);
      if (silence === null || longest > silence.ms || (longest === silence.ms && earlier(timed, silence.timed))) silence = { ms: longest, timed };
    }

    if (significant && end > start && (used.size === 0 || incident.components.length === 0 || incident.components.some((c) => used.has(c)))) {
      down.push([start, end]);
    }
  }

  firstUpdateMinutes.sort(ascending);
  const median1 = (values: number[]) => {
    const m = medianOf(values.sort(ascending));
    return m === null ? null : round(m, 1);
  };
  const p90 = p90Of(firstUpdateMinutes);

  return {
    period: { from: period.from, to: period.to },
    total,
    byImpact,
    impactUnknown,
    open,
    notOnStatusPage,
    firstUpdate: {
      median: median1(firstUpdateMinutes),
      p90: p90 === null ? null : round(p90, 1),
      measured: firstUpdateMinutes.length,
      withoutUpdate,
      notMeasured,
    },
    timeToResolve: Object.fromEntries(
      INCIDENT_IMPACTS.map((i) => [i, { median: median1(resolveMinutes[i]), measured: resolveMinutes[i].length }]),
    ) as TransparencyMeasures['timeToResolve'],
    postmortems: { due, published, share: due === 0 ? null : published / due, medianDaysToPublish: median1(daysToPublish) },
    updatesPerIncidentHour: openMs > 0 ? round(updatesWhileOpen / (openMs / HOUR), 2) : null,
    longestSilence: silence === null ? null : { minutes: round(silence.ms / MINUTE, 1), incidentId: silence.timed.incident.id, title: silence.timed.incident.title },
    availability: impactKnown === 0 ? null : availability(down, from, E, [...componentsUsed]),
  };
}

/** On equal silences: the incident that started first, then the smaller id. */
function earlier(a: Timed, b: Timed): boolean {
  return a.start !== b.start ? a.start < b.start : a.incident.id < b.incident.id;
}

/** Merges the down intervals (each within [from, E)) and measures the period and each month. */
function availability(down: [number, number][], from: number, E: number, componentsUsed: string[]): NonNullable<TransparencyMeasures['availability']> {
  down.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of down) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let downMs = 0;
  for (const [s, e] of merged) downMs += e - s;

  let worst: { month: string; ratio: number } | null = null;
  const first = new Date(from);
  let i = 0;
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
    const monthStart = Date.UTC(y, m, 1);
    if (monthStart >= E) break;
    const lo = Math.max(monthStart, from);
    const hi = Math.min(Date.UTC(y, m + 1, 1), E);
    while (i < merged.length && merged[i]![1] <= lo) i++;
    let monthDown = 0;
    for (let j = i; j < merged.length && merged[j]![0] < hi; j++) monthDown += Math.min(merged[j]![1], hi) - Math.max(merged[j]![0], lo);
    const ratio = 1 - monthDown / (hi - lo);
    if (worst === null || ratio < worst.ratio) worst = { month: new Date(monthStart).toISOString().slice(0, 7), ratio };
  }

  return {
    percent: round(100 * (1 - downMs / (E - from)), 3),
    worstMonth: worst === null ? null : { month: worst.month, percent: round(100 * worst.ratio, 3) },
    componentsUsed,
  };
}
