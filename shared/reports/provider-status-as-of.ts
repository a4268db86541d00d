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

/** The status on D; `current` is the profile's status today. */
export function providerStatusAsOf(current: VendorStatus, trail: readonly StatusTrailEntry[], asOf: string): ProviderStatusOnDate {
  const unknown: ProviderStatusOnDate = { status: current, since: null, fromTrail: false };
  if (trail.length === 0) return unknown;
  const [first, ...rest] = trail;
  // Without its creation row (a merge left it out), the first change says what came before it.
  const created = first!.action === 'create' ? first!.to : first!.from;
  const changes = first!.action === 'create' ? rest : trail;
  if (!isStatus(created)) return unknown;
  // The trail must add up: each change starts where the last ended, and the last ends at today's status.
  let walked: VendorStatus = created;
  for (const change of changes) {
    if (change.action !== 'update' || change.from !== walked || !isStatus(change.to)) return unknown;
    walked = change.to;
  }
  if (walked !== current) return unknown;

  let status: VendorStatus = created;
  let since: string | null = null;
  for (const change of changes) {
    if (dayOf(change.at) > asOf) break;
    status = change.to as VendorStatus;
    since = dayOf(change.at);
  }
  return { status, since, fromTrail: true };
}
