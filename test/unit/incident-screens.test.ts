// The small pure parts of the Incidents tab: a local date and time typed in the form read as an
// instant (in the user's zone, stored with Z), the form's checks and the patch an edit sends (an
// imported incident changes only what the status page does not say), the API's error paths on the
// form's fields, durations and shares in words, the periods, and where the timeline puts things.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IncidentView } from '../../shared/api';
import type { IncidentInput, IncidentPatch } from '../../shared/domain/incidents';

// Loaded by URL, as maintenance-lines.test.ts does: test/tsconfig.json does not reference the
// renderer project, so the shapes the tests use are spelled out here.
interface Draft {
  title: string;
  impact: IncidentView['impact'];
  startedAt: string;
  firstUpdateAt: string;
  resolvedAt: string;
  components: string;
  notOnStatusPage: boolean;
  link: string;
  postmortemLink: string;
  postmortemPublishedAt: string;
  postmortemText: string;
  notes: string;
}
type Problem = { path: string; message: string };
type Fields = Record<string, unknown>;
const load = async <T>(path: string): Promise<T> => (await import(new URL(`../../renderer/src/features/${path}`, import.meta.url).href)) as T;
const draft = await load<{
  instantOfLocal(value: string): string | null;
  localInputOf(iso: string | null): string;
  emptyIncidentDraft(): Draft;
  draftOfIncident(i: IncidentView): Draft;
  incidentOfDraft(d: Draft): { ok: true; fields: Fields } | { ok: false; problems: Problem[] };
  incidentInputOf(vendorId: string, f: Fields): IncidentInput;
  incidentPatchOf(before: IncidentView, f: Fields): IncidentPatch;
  incidentProblems(p: readonly Problem[]): Problem[];
  componentsOf(line: string): string[];
}>('incidents/incidentDraft.ts');
const words = await load<{
  minutesText(m: number): string;
  shareText(s: number): string;
  availabilityText(p: number): string;
  impactCounts(b: Record<IncidentView['impact'], number>, unknown?: number): string;
  monthText(m: string): string;
  over(n: number): string;
}>('incidents/measureWords.ts');
const { sinceOf } = await load<{ sinceOf(key: '90d' | '12m' | '24m', today: string): string }>('incidents/periods.ts');
const { placeIncidents } = await load<{
  placeIncidents(i: readonly IncidentView[], from: number, to: number, now: number): { incident: IncidentView; start: number; end: number; open: boolean }[];
}>('incidents/timelineLayout.ts');

function incident(over: Partial<IncidentView> = {}): IncidentView {
  return {
    id: 'i1',
    vendorId: 'v1',
    vendorName: 'Northwind Cloud',
    criticalPath: false,
    title: 'Elevated API error rates',
    impact: 'major',
    components: ['API'],
    startedAt: '2026-03-01T13:05:00Z',
    firstUpdateAt: '2026-03-01T13:40:00Z',
    resolvedAt: '2026-03-01T16:05:00Z',
    updates: [],
    postmortem: null,
    source: 'statuspage',
    onStatusPage: true,
    sourceUid: 'abc',
    sequence: 1,
    link: 'https://stspg.io/abc',
    notes: '',
    createdAt: '2026-03-02T00:00:00Z',
    updatedAt: '2026-03-02T00:00:00Z',
    ...over,
  };
}

/** Runs `fn` with the process in another time zone (Node reads TZ again when it changes). */
function inZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

test('a local date and time is read in the user’s zone and stored as an instant with Z; a day that does not exist is refused', () => {
  inZone('Europe/Berlin', () => {
    assert.equal(draft.instantOfLocal('2026-03-01T14:05'), '2026-03-01T13:05:00Z', 'winter: UTC+1');
    assert.equal(draft.instantOfLocal('2026-07-01T14:05'), '2026-07-01T12:05:00Z', 'summer: UTC+2');
    assert.equal(draft.localInputOf('2026-07-01T12:05:00Z'), '2026-07-01T14:05', 'and back, for the edit form');
  });
  assert.equal(draft.instantOfLocal('2026-02-30T10:00'), null, 'no 30 February');
  assert.equal(draft.instantOfLocal('yesterday'), null);
  assert.equal(draft.localInputOf(null), '');
});

test('the form: a title and a start are needed, later times must follow the start, links are http(s), components split on commas', () => {
  inZone('UTC', () => {
    const empty = draft.incidentOfDraft(draft.emptyIncidentDraft());
    assert.ok(!empty.ok);
    assert.deepEqual(
      empty.problems.map((p) => p.path),
      ['title', 'startedAt'],
    );
    const bad = draft.incidentOfDraft({
      ...draft.emptyIncidentDraft(),
      title: 'Queues unreachable',
      startedAt: '2026-11-01T10:00',
      firstUpdateAt: '2026-11-01T09:59',
      resolvedAt: '2026-11-01T09:00',
      link: 'ftp://example.com/x',
      postmortemPublishedAt: '2026-11-05T10:00',
    });
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.problems.map((p) => [p.path, p.message]),
      [
        ['firstUpdateAt', 'must not be before the incident started'],
        ['resolvedAt', 'must not be before the incident started'],
        ['link', 'must be an http(s) link'],
        ['postmortemLink', 'Give the postmortem a link or its summary, or leave its date empty.'],
      ],
    );
    const good = draft.incidentOfDraft({
      ...draft.emptyIncidentDraft(),
      title: ' Queues unreachable ',
      startedAt: '2026-11-01T10:00',
      resolvedAt: '2026-11-01T11:30',
      components: 'Queues, eu-west-1 , Queues,',
      notOnStatusPage: true,
    });
    assert.ok(good.ok);
    assert.deepEqual(draft.incidentInputOf('v1', good.fields), {
      vendorId: 'v1',
      title: 'Queues unreachable',
      impact: 'major',
      components: ['Queues', 'eu-west-1'],
      startedAt: '2026-11-01T10:00:00Z',
      firstUpdateAt: null,
      resolvedAt: '2026-11-01T11:30:00Z',
      onStatusPage: false,
      link: null,
      postmortem: null,
    });
  });
});

test('an edit sends only what changed; an imported incident only what the status page does not say', () => {
  inZone('UTC', () => {
    const imported = incident();
    const opened = draft.draftOfIncident(imported);
    const same = draft.incidentOfDraft(opened);
    assert.ok(same.ok);
    assert.deepEqual(draft.incidentPatchOf(imported, same.fields), {}, 'nothing touched, nothing sent (seconds the form cannot show do not count)');

    const changed = draft.incidentOfDraft({ ...opened, title: 'Renamed', startedAt: '2026-03-01T12:00', impact: 'critical', postmortemLink: 'https://example.com/pm' });
    assert.ok(changed.ok);
    assert.deepEqual(
      draft.incidentPatchOf(imported, changed.fields),
      { impact: 'critical', postmortem: { publishedAt: null, link: 'https://example.com/pm', text: '' } },
      'the title and the start are the status page’s: not sent',
    );

    const entered = incident({ source: 'entered', sourceUid: null, sequence: null });
    const edited = draft.incidentOfDraft({ ...draft.draftOfIncident(entered), title: 'Renamed', resolvedAt: '', notOnStatusPage: true });
    assert.ok(edited.ok);
    assert.deepEqual(
      draft.incidentPatchOf(entered, edited.fields),
      { title: 'Renamed', firstUpdateAt: null, resolvedAt: null, onStatusPage: false },
      'never on their status page: no public update either',
    );
  });
});

test('the API’s error paths land on the form’s fields', () => {
  assert.deepEqual(
    draft.incidentProblems([
      { path: 'patch.resolvedAt', message: 'must not be before the incident started' },
      { path: 'postmortem.publishedAt', message: 'must not be before the incident started' },
      { path: 'components.3', message: 'too long' },
      { path: 'onStatusPage', message: 'x' },
      { path: 'vendorId', message: 'unknown' },
    ]).map((p) => p.path),
    ['resolvedAt', 'postmortemPublishedAt', 'components', 'notOnStatusPage'],
  );
});

test('durations, shares and counts in words', () => {
  assert.equal(words.minutesText(0.4), '0 minutes');
  assert.equal(words.minutesText(1), '1 minute');
  assert.equal(words.minutesText(42.4), '42 minutes');
  assert.equal(words.minutesText(60), '1 h');
  assert.equal(words.minutesText(190), '3 h 10 min');
  assert.equal(words.minutesText(52 * 60), '2 days 4 h');
  assert.equal(words.minutesText(48 * 60), '2 days');
  assert.equal(words.shareText(2 / 3), '67%');
  assert.equal(words.shareText(0.004), 'under 1%');
  assert.equal(words.availabilityText(99.9999), '99.99%', 'never rounded up to what was not reached');
  assert.equal(words.impactCounts({ critical: 1, major: 0, minor: 3, none: 2 }), '1 critical, 3 minor and 2 with no impact');
  assert.equal(words.impactCounts({ critical: 0, major: 1, minor: 0, none: 0 }), '1 major');
  assert.equal(words.impactCounts({ critical: 0, major: 1, minor: 0, none: 0 }, 2), '1 major and 2 with the impact not given', 'a feed gives no impact');
  assert.equal(words.monthText('2026-03'), 'March 2026');
  assert.equal(words.over(1), 'over 1 incident');
});

test('the periods end today: 90 days, and 12 or 24 months as incident.transparency counts them', () => {
  assert.equal(sinceOf('90d', '2026-12-04'), '2026-09-06');
  assert.equal(sinceOf('12m', '2026-12-04'), '2025-12-05');
  assert.equal(sinceOf('24m', '2026-12-04'), '2024-12-05');
});

test('the timeline holds the incidents that started in the period; an open one reaches now, or the end of the period', () => {
  const from = Date.parse('2026-01-01T00:00:00Z');
  const to = Date.parse('2026-04-01T00:00:00Z');
  const now = Date.parse('2026-03-20T00:00:00Z');
  const placed = placeIncidents(
    [
      incident({ id: 'late', startedAt: '2026-03-10T00:00:00Z', resolvedAt: null }),
      incident({ id: 'before', startedAt: '2025-12-31T23:00:00Z', resolvedAt: '2026-01-01T02:00:00Z' }),
      incident({ id: 'in', startedAt: '2026-02-01T10:00:00Z', resolvedAt: '2026-02-01T12:00:00Z' }),
      incident({ id: 'resolved-after', startedAt: '2026-03-31T22:00:00Z', resolvedAt: '2026-04-01T05:00:00Z' }),
    ],
    from,
    to,
    now,
  );
  assert.deepEqual(
    placed.map((p) => [p.incident.id, p.open]),
    [
      ['in', false],
      ['late', true],
      ['resolved-after', true],
    ],
    'oldest first; one that started before the period is not counted; resolved after its end is open at the end',
  );
  assert.equal(placed[1]!.end, now, 'open: up to now');
  const later = placeIncidents([incident({ id: 'resolved-after', startedAt: '2026-03-31T22:00:00Z', resolvedAt: '2026-04-01T05:00:00Z' })], from, to, Date.parse('2026-04-10T00:00:00Z'));
  assert.equal(later[0]!.end, to, 'to the end of the period at most');
});
