// An incident as the add and edit form holds it (times as the user's own local date-times, the
// components as one comma-separated line), and how it becomes incident.add's input or
// incident.update's patch (only what changed). An imported incident is edited in part: its title,
// times, updates and link are the status page's and a newer import would bring them back, so the
// form changes only what the page does not say (impact, components, postmortem, notes).
import type { IncidentView } from '../../../../shared/api';
import type { IncidentImpact, IncidentInput, IncidentPatch, Postmortem } from '../../../../shared/domain/incidents';
import type { FieldProblem } from '../../../../shared/validation';

export interface IncidentDraft {
  title: string;
  impact: IncidentImpact;
  /** "YYYY-MM-DDTHH:MM" as an <input type="datetime-local"> holds it, in the user's zone. */
  startedAt: string;
  firstUpdateAt: string;
  resolvedAt: string;
  /** Comma-separated. */
  components: string;
  /** Ticked: the provider's status page never showed it. */
  notOnStatusPage: boolean;
  link: string;
  postmortemLink: string;
  postmortemPublishedAt: string;
  postmortemText: string;
  notes: string;
}

export const INCIDENT_LABELS: Readonly<Record<keyof IncidentDraft, string>> = {
  title: 'Title',
  impact: 'Impact',
  startedAt: 'Started',
  firstUpdateAt: 'First public update',
  resolvedAt: 'Resolved',
  components: 'Components',
  notOnStatusPage: 'Not on their status page',
  link: 'Link',
  postmortemLink: 'Postmortem link',
  postmortemPublishedAt: 'Postmortem published',
  postmortemText: 'Postmortem summary',
  notes: 'Notes',
};

/** The fields an imported incident can change here. */
export const IMPORTED_EDITABLE: ReadonlySet<keyof IncidentDraft> = new Set(['impact', 'components', 'postmortemLink', 'postmortemPublishedAt', 'postmortemText', 'notes']);

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local value in the user's zone ("" for none). */
export function localInputOf(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A datetime-local value read in the user's zone as an instant with Z ("2026-03-01T13:05:00Z"),
 * or null when it is not a date and time.
 */
export function instantOfLocal(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s);
  // 2026-02-30 rolls over to March: not the day typed.
  if (date.getDate() !== d || Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

export function emptyIncidentDraft(): IncidentDraft {
  return {
    title: '',
    // The register's cautious reading of an incident nobody graded; said here so it can be changed.
    impact: 'major',
    startedAt: '',
    firstUpdateAt: '',
    resolvedAt: '',
    components: '',
    notOnStatusPage: false,
    link: '',
    postmortemLink: '',
    postmortemPublishedAt: '',
    postmortemText: '',
    notes: '',
  };
}

export function draftOfIncident(i: IncidentView): IncidentDraft {
  return {
    title: i.title,
    impact: i.impact,
    startedAt: localInputOf(i.startedAt),
    firstUpdateAt: localInputOf(i.firstUpdateAt),
    resolvedAt: localInputOf(i.resolvedAt),
    components: i.components.join(', '),
    notOnStatusPage: !i.onStatusPage,
    link: i.link ?? '',
    postmortemLink: i.postmortem?.link ?? '',
    postmortemPublishedAt: localInputOf(i.postmortem?.publishedAt ?? null),
    postmortemText: i.postmortem?.text ?? '',
    notes: i.notes,
  };
}

export interface IncidentFields {
  title: string;
  impact: IncidentImpact;
  components: string[];
  startedAt: string;
  firstUpdateAt: string | null;
  resolvedAt: string | null;
  onStatusPage: boolean;
  link: string | null;
  postmortem: Postmortem | null;
  notes: string;
}

export type IncidentCheck = { ok: true; fields: IncidentFields } | { ok: false; problems: FieldProblem[] };

/** "API, eu-west-1 database, API" → ["API", "eu-west-1 database"]. */
export function componentsOf(line: string): string[] {
  return [...new Set(line.split(',').map((c) => c.trim()).filter((c) => c !== ''))];
}

const isLink = (s: string) => /^https?:\/\/\S+$/i.test(s);

/** The incident a draft describes, or every problem with it on its field. */
export function incidentOfDraft(draft: IncidentDraft): IncidentCheck {
  const problems: FieldProblem[] = [];
  const time = (key: 'startedAt' | 'firstUpdateAt' | 'resolvedAt' | 'postmortemPublishedAt', required: boolean): string | null => {
    const value = draft[key].trim();
    if (value === '') {
      if (required) problems.push({ path: key, message: 'Give the day and time the incident started.' });
      return null;
    }
    const instant = instantOfLocal(value);
    if (instant === null) problems.push({ path: key, message: `${INCIDENT_LABELS[key]}: give a day and a time, such as 2026-03-01 14:05.` });
    return instant;
  };
  const title = draft.title.trim();
  if (title === '') problems.push({ path: 'title', message: 'Give the incident a title.' });
  const startedAt = time('startedAt', true);
  // Never on their status page: nothing public was posted, whatever the field held.
  const firstUpdateAt = draft.notOnStatusPage ? null : time('firstUpdateAt', false);
  const resolvedAt = time('resolvedAt', false);
  const publishedAt = time('postmortemPublishedAt', false);
  if (startedAt !== null) {
    const start = Date.parse(startedAt);
    if (firstUpdateAt !== null && Date.parse(firstUpdateAt) < start) problems.push({ path: 'firstUpdateAt', message: 'must not be before the incident started' });
    if (resolvedAt !== null && Date.parse(resolvedAt) < start) problems.push({ path: 'resolvedAt', message: 'must not be before the incident started' });
    if (publishedAt !== null && Date.parse(publishedAt) < start) problems.push({ path: 'postmortemPublishedAt', message: 'must not be before the incident started' });
  }
  const link = draft.link.trim();
  if (link !== '' && !isLink(link)) problems.push({ path: 'link', message: 'must be an http(s) link' });
  const pmLink = draft.postmortemLink.trim();
  const pmText = draft.postmortemText.trim();
  if (pmLink !== '' && !isLink(pmLink)) problems.push({ path: 'postmortemLink', message: 'must be an http(s) link' });
  if (pmLink === '' && pmText === '' && publishedAt !== null) {
    problems.push({ path: 'postmortemLink', message: 'Give the postmortem a link or its summary, or leave its date empty.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      title,
      impact: draft.impact,
      components: componentsOf(draft.components),
      startedAt: startedAt!,
      firstUpdateAt,
      resolvedAt,
      onStatusPage: !draft.notOnStatusPage,
      link: link === '' ? null : link,
      postmortem: pmLink === '' && pmText === '' ? null : { publishedAt, link: pmLink === '' ? null : pmLink, text: pmText },
      notes: draft.notes.trim(),
    },
  };
}

/** incident.add's input for a provider. */
export function incidentInputOf(vendorId: string, f: IncidentFields): IncidentInput {
  return {
    vendorId,
    title: f.title,
    impact: f.impact,
    components: f.components,
    startedAt: f.startedAt,
    firstUpdateAt: f.firstUpdateAt,
    resolvedAt: f.resolvedAt,
    onStatusPage: f.onStatusPage,
    link: f.link,
    postmortem: f.postmortem,
    ...(f.notes ? { notes: f.notes } : {}),
  };
}

/** Compared to the minute: the form cannot show a stored time's seconds. */
const sameMinute = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);

const samePostmortem = (a: Postmortem | null, b: Postmortem | null) =>
  a === null || b === null ? a === b : a.link === b.link && a.text === b.text && sameMinute(a.publishedAt, b.publishedAt);

/** incident.update's patch: only what differs from the stored incident (and, imported, only what the form may change). */
export function incidentPatchOf(before: IncidentView, f: IncidentFields): IncidentPatch {
  const patch: IncidentPatch = {};
  const entered = before.source === 'entered';
  if (entered) {
    if (f.title !== before.title) patch.title = f.title;
    if (!sameMinute(f.startedAt, before.startedAt)) patch.startedAt = f.startedAt;
    if (!sameMinute(f.firstUpdateAt, before.firstUpdateAt)) patch.firstUpdateAt = f.firstUpdateAt;
    if (!sameMinute(f.resolvedAt, before.resolvedAt)) patch.resolvedAt = f.resolvedAt;
    if (f.onStatusPage !== before.onStatusPage) patch.onStatusPage = f.onStatusPage;
    if (f.link !== before.link) patch.link = f.link;
  }
  if (f.impact !== before.impact) patch.impact = f.impact;
  if (f.components.join('\n') !== before.components.join('\n')) patch.components = f.components;
  if (!samePostmortem(f.postmortem, before.postmortem)) patch.postmortem = f.postmortem;
  if (f.notes !== before.notes) patch.notes = f.notes;
  return patch;
}

/** The API's own paths and the form fields they land on ("patch.postmortem.link" → the postmortem link). */
const PATHS: Readonly<Record<string, keyof IncidentDraft>> = {
  title: 'title',
  impact: 'impact',
  components: 'components',
  startedAt: 'startedAt',
  firstUpdateAt: 'firstUpdateAt',
  resolvedAt: 'resolvedAt',
  onStatusPage: 'notOnStatusPage',
  link: 'link',
  notes: 'notes',
  postmortem: 'postmortemLink',
  'postmortem.link': 'postmortemLink',
  'postmortem.publishedAt': 'postmortemPublishedAt',
  'postmortem.text': 'postmortemText',
};

/** The API's validation details on the form's fields; those naming no field of the form are left out. */
export function incidentProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const p of problems) {
    const parts = p.path.replace(/^patch\./, '').split('.');
    const field = PATHS[parts.slice(0, 2).join('.')] ?? PATHS[parts[0] ?? ''];
    if (field) out.push({ path: field, message: p.message });
  }
  return out;
}
