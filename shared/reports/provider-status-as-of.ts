// A provider's status (proposed, in use, retired) on a date D, read from the audit trail: the
// register keeps only today's status on the profile, and the subprocessor annex dated D must list
// who was in use on D, not who is in use now. The trail holds the status the provider was created
// with and every change since; where it cannot tell (no rows: a register imported without its
// trail; rows that do not add up to today's status), today's status is used and the caller says so.
// Pure.
import { dayOf } from '../domain/standing';
import { VENDOR_STATUSES, type VendorStatus } from '../domain/vendor';

/** One audit row about a provider's status, oldest first: its creation, or an update that changed the status. */
export interface StatusTrailEntry {
  at: string;
  action: 'create' | 'update';
  /** The status before (null for a creation). */
  from: string | null;
  to: string | null;
}

export interface ProviderStatusOnDate {
  status: VendorStatus;
  /** YYYY-MM-DD of the change into `status`, when it happened after creation; else null. */
  since: string | null;
  /** False when the trail could not tell and `status` is today's. */
  fromTrail: boolean;
}

const isStatus = (s: string | null): s is VendorStatus => s !== null && (VENDOR_STATUSES as readonly string[]).includes(s);

/**
 * The status on D; `current` is the profile's status today, `today` the document's today (UTC).
 * The trail is read in date order (an import appends the rows it carries, with their own dates,
 * after the register's newer ones), and a creation row sets the status afresh (a merge import
 * records its own creation of a provider it carries, with the status it brings).
 */
export function providerStatusAsOf(current: VendorStatus, trail: readonly StatusTrailEntry[], asOf: string, today: string): ProviderStatusOnDate {
  const dated = trail.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.order - b.order);
  const replayed = replay(dated.map((d) => d.entry), asOf, current);
  if (replayed) return replayed;
  // Today's status is exact for a document dated today: nothing to warn about.
  return { status: current, since: null, fromTrail: asOf >= today };
}

/** The status on D from a trail in date order, or null when the trail does not add up to `current`. */
function replay(trail: readonly StatusTrailEntry[], asOf: string, current: VendorStatus): ProviderStatusOnDate | null {
  if (trail.length === 0) return null;
  const first = trail[0]!;
  // Without its creation row (a merge left it out), the first change says what came before it.
  let walked: string | null = first.action === 'create' ? first.to : first.from;
  if (!isStatus(walked)) return null;
  let status: VendorStatus = walked;
  let since: string | null = null;
  for (const [i, row] of trail.entries()) {
    if (i === 0 && row.action === 'create') continue;
    if (row.action === 'create') {
      if (!isStatus(row.to)) return null;
    } else if (row.from !== walked || !isStatus(row.to)) {
      return null; // each change starts where the last ended
    }
    const changed = row.to !== walked;
    walked = row.to;
    if (dayOf(row.at) <= asOf) {
      if (changed) since = dayOf(row.at);
      status = row.to as VendorStatus;
    }
  }
  return walked === current ? { status, since, fromTrail: true } : null;
}
