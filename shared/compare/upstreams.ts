// The fourth parties the compared providers share (issue 21): two providers on the same cloud
// region fail together, which a side-by-side of their answers never shows. Pure: from the compared
// providers' upstreams recorded on or before the comparison's date.
import { onOrBefore } from '../domain/standing';
import type { Upstream } from '../domain/upstream';
import { sharedText } from '../reports/concentration-words';
import { indexRegister } from '../upstream/register-index';
import { sharedUpstreams, type SharedUpstream } from '../upstream/shared-upstreams';
import type { CompareEntry } from './model';

export const UPSTREAMS_SECTION = "Shared upstreams (from the register's records, not the questionnaire)";
/** What each line starts with: "Shared upstreams: Amazon Web Services eu-west-1 — Acme DB, Logjam". */
export const SHARED_UPSTREAMS_LABEL = 'Shared upstreams';

export interface CompareUpstreams {
  asOf: string;
  /** Upstreams at least two compared providers name, most shared first. */
  shared: SharedUpstream[];
  /** One line each: "Amazon Web Services eu-west-1 — Acme DB, Logjam" (a shared region), or the party alone when no region is shared. */
  lines: string[];
  /** The compared providers' upstreams recorded after the date: left out. */
  recordedLater: number;
  /** Recorded by the date but changed after it: shown as recorded today. */
  changedSince: number;
}

export function compareUpstreams(entries: readonly CompareEntry[], upstreams: readonly Upstream[], asOf: string): CompareUpstreams {
  const ids = new Set(entries.map((e) => e.vendor.id));
  const compared = upstreams.filter((u) => ids.has(u.vendorId));
  const held = compared.filter((u) => onOrBefore(u.createdAt, asOf));
  // Every compared provider counts (a retired one too: the reader chose it).
  const index = indexRegister(
    entries.map((e) => ({ vendorId: e.vendor.id, name: e.vendor.name, status: 'active', criticalPath: e.vendor.criticalPath })),
    held,
  );
  const shared = sharedUpstreams(index, index.providers.map((_, at) => at));
  const names = new Map(entries.map((e) => [e.vendor.id, e.vendor.name]));
  return {
    asOf,
    shared,
    lines: shared.map((s) => sharedText(s, names)),
    recordedLater: compared.length - held.length,
    changedSince: held.filter((u) => !onOrBefore(u.updatedAt, asOf)).length,
  };
}

/** The note under the lines: what was left out or is shown as recorded today; '' when nothing. */
export function upstreamsNote(u: CompareUpstreams): string {
  const parts: string[] = [];
  if (u.recordedLater > 0) parts.push(`${u.recordedLater} fourth ${u.recordedLater === 1 ? 'party' : 'parties'} recorded after ${u.asOf} left out`);
  if (u.changedSince > 0) parts.push(`${u.changedSince} changed after ${u.asOf}, shown as recorded today`);
  return parts.join('; ');
}
