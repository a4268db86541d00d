// The rules every status page reader applies to an incident's public updates, so an incident reads
// the same whichever file it came from: updates oldest first, when it was resolved by an update,
// and the register's limit on how many updates one incident keeps.
import { MAX_UPDATES, type IncidentUpdate } from '../../../shared/domain/incidents';
import { isoInstant } from './imported';

/** One public update with its time in epoch milliseconds, before it is written out. */
export interface TimedUpdate {
  at: number;
  /** As the source spells it, lower case ("investigating", "resolved", "update"). */
  status: string;
  text: string;
}

/** The register keeps an update's status up to this length (IncidentUpdateInput). */
export const MAX_UPDATE_STATUS = 60;

/** Statuses that put an incident back into the open state. */
const OPENING = new Set(['investigating', 'identified', 'monitoring']);
/** Statuses that close it: Statuspage's resolved, and a maintenance's completed. */
const CLOSING = new Set(['resolved', 'completed']);

/**
 * Oldest first, as the register holds them. Sources serve them newest first and some out of
 * order; equal times keep the order the source gave (Array.prototype.sort is stable), so the
 * result never depends on anything but the file.
 */
export function oldestFirst(updates: readonly TimedUpdate[]): TimedUpdate[] {
  return [...updates].sort((a, b) => a.at - b.at);
}

/**
 * When the updates say the incident was resolved: the first closing update after the last one
 * that (re)opened it. Neutral updates ("update", "postmortem") after it change nothing, so a
 * postmortem posted a week later does not move the resolution. Null: the latest word is open, or
 * no update closes it.
 */
export function resolvedByUpdates(sorted: readonly TimedUpdate[]): number | null {
  let at: number | null = null;
  for (const u of sorted) {
    if (OPENING.has(u.status)) at = null;
    else if (CLOSING.has(u.status) && at === null) at = u.at;
  }
  return at;
}

/**
 * The updates as the register stores them. Past MAX_UPDATES the oldest are kept (the first
 * public words are what transparency is measured on) and `onCut` is told how many were left out.
 */
export function writeUpdates(sorted: readonly TimedUpdate[], onCut: (dropped: number) => void): IncidentUpdate[] {
  if (sorted.length > MAX_UPDATES) onCut(sorted.length - MAX_UPDATES);
  return sorted.slice(0, MAX_UPDATES).map((u) => ({ at: isoInstant(u.at), status: u.status, text: u.text }));
}
