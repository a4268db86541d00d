// The small pure parts of the maintenance screens: the minimum notice as typed in Settings, the
// notice a scheduled maintenance gave, the answers the claims are checked with, a freeze said as
// whole days, and the Needs attention lines for overlaps, blackouts and short notice (and for
// incidents: open on the critical path, a postmortem missing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MaintenanceWindow, Schedule } from '../../shared/domain/maintenance';
import type { MaintenanceWarnings, WindowRef } from '../../shared/maintenance/overlaps';
import type { Attention, IncidentView } from '../../shared/api';

// Loaded by URL, as answer-saver.test.ts does: test/tsconfig.json does not reference the renderer
// project, so the shapes the tests use are spelled out here.
interface Line {
  key: string;
  href: string;
  vendorName: string;
  text: string;
  when: string;
  tone: 'danger' | 'warning';
  partner?: { vendorName: string; href: string };
}
interface LocalAnswer {
  value: string | string[] | number | null;
  comment: string;
  na: boolean;
}
const load = async <T>(path: string): Promise<T> => (await import(new URL(`../../renderer/src/features/${path}`, import.meta.url).href)) as T;
const { checkNotice, sameNotice } = await load<{
  checkNotice(draft: string): { ok: true; hours: number | null } | { ok: false; error: string };
  sameNotice(draft: string, stored: number | null): boolean;
}>('settings/noticeDraft.ts');
const { noticeOf, hoursText } = await load<{
  noticeOf(w: Pick<MaintenanceWindow, 'schedule' | 'announcedAt'>, promised: number | null, minimum: number | null): { hours: number; shortOf: { hours: number; whose: string } | null } | null;
  hoursText(hours: number): string;
}>('maintenance/windowNotice.ts');
const { claimAnswers } = await load<{ claimAnswers(a: Record<string, LocalAnswer>): Map<string, number> }>('maintenance/claims.ts');
const { periodWords } = await load<{ periodWords(s: Schedule): string }>('maintenance/periodWords.ts');
const { attentionGroups } = await load<{
  attentionGroups(a: Attention): { lines: Line[]; counts?: { danger: number; warning: number }; more?: { count: number; href: string; label: string } }[];
}>('attention/attentionItems.ts');
const { maintenanceLines } = await load<{ maintenanceLines(m: MaintenanceWarnings, timeZone?: string): Line[] }>('attention/maintenanceLines.ts');
const { incidentLines } = await load<{ incidentLines(i: Attention['incidents'], now?: number, timeZone?: string): Line[] }>('attention/incidentLines.ts');

test('the minimum notice: whole hours up to 90 days, empty for none', () => {
  assert.deepEqual(checkNotice(''), { ok: true, hours: null });
  assert.deepEqual(checkNotice(' 48 '), { ok: true, hours: 48 });
  assert.deepEqual(checkNotice('2160'), { ok: true, hours: 2160 });
  for (const bad of ['2161', '1.5', '-1', 'two days']) {
    const check = checkNotice(bad);
    assert.ok(!check.ok && check.error.startsWith('Minimum notice: give whole hours from 0 to 2160'), `“${bad}” is refused in words`);
  }
  assert.ok(sameNotice('', null) && sameNotice('48', 48) && !sameNotice('abc', null), 'the draft is compared as it will be stored');
});

test('the notice a scheduled maintenance gave, held against the promise and the Settings minimum', () => {
  const window = { schedule: { kind: 'once', start: '2027-01-10T02:00:00Z', end: '2027-01-10T04:00:00Z', timeZone: 'UTC' } as Schedule, announcedAt: '2027-01-09T02:00:00Z' };
  assert.deepEqual(noticeOf(window, null, null), { hours: 24, shortOf: null });
  assert.deepEqual(noticeOf(window, 72, 12), { hours: 24, shortOf: { hours: 72, whose: 'promised' } });
  assert.deepEqual(noticeOf(window, 12, 48), { hours: 24, shortOf: { hours: 48, whose: 'minimum' } });
  assert.deepEqual(noticeOf(window, 24, 24), { hours: 24, shortOf: null }, 'exactly the notice required is enough');
  assert.equal(noticeOf({ ...window, announcedAt: null }, 72, null), null, 'no announcement: nothing to measure');
  assert.equal(hoursText(64.27), '64.2 hours');
  assert.equal(hoursText(1), '1 hour');
});

test('the claims are checked with numeric answers only (N/A and empty answers claim nothing)', () => {
  const answers: Record<string, LocalAnswer> = {
    mnt_notice_hours: { value: 72, comment: '', na: false },
    mnt_duration_minutes: { value: 30, comment: '', na: true },
    mnt_frequency_per_month: { value: null, comment: '', na: false },
    sec_mfa: { value: 'yes', comment: '', na: false },
  };
  assert.deepEqual([...claimAnswers(answers)], [['mnt_notice_hours', 72]]);
});

test('a one-off span from midnight to midnight is said as whole days; other spans as the register says them', () => {
  assert.equal(periodWords({ kind: 'once', start: '2026-12-19T23:00:00Z', end: '2027-01-05T23:00:00Z', timeZone: 'Europe/Berlin' }), '2026-12-20 to 2027-01-05, whole days, Europe/Berlin');
  assert.equal(periodWords({ kind: 'once', start: '2026-12-24T00:00:00Z', end: '2026-12-25T00:00:00Z', timeZone: 'UTC' }), '2026-12-24, the whole day, UTC');
  assert.equal(periodWords({ kind: 'once', start: '2027-01-10T01:00:00Z', end: '2027-01-10T03:00:00Z', timeZone: 'Europe/Berlin' }), '2027-01-10 02:00–04:00 Europe/Berlin');
});

test('Needs attention: overlaps name both providers (critical pairs in the danger tone), then blackouts, then short notice', () => {
  const ref = (vendorId: string, vendorName: string, criticalPath: boolean, title: string): WindowRef => ({
    windowId: `w-${vendorId}`,
    vendorId,
    vendorName,
    criticalPath,
    title,
    impact: 'outage',
    words: '',
  });
  const aster = ref('a', 'Aster Compute', true, 'Host patching');
  const birch = ref('b', 'Birch Storage', true, 'Storage rollout');
  const cedar = ref('c', 'Cedar Mail', false, 'Mail relay upgrade');
  const first = { start: '2027-01-10T03:00:00Z', end: '2027-01-10T04:00:00Z' };
  const lines = maintenanceLines(
    {
      span: { start: '2027-01-01T00:00:00Z', end: '2027-04-01T00:00:00Z' },
      windows: 3,
      occurrences: 10,
      overlaps: [
        { a: aster, b: birch, critical: 2, times: 13, first, minutes: 780 },
        { a: aster, b: cedar, critical: 1, times: 1, first, minutes: 60 },
      ],
      blackouts: [{ window: cedar, blackoutId: 'q', blackoutName: 'Quarter close', times: 1, first }],
      shortNotice: [{ window: cedar, start: '2027-01-10T12:00:00Z', announcedAt: '2027-01-09T20:00:00Z', noticeHours: 16, requiredHours: 48, missed: ['minimum'] }],
      totals: { overlaps: 2, blackouts: 1, shortNotice: 1, critical: 1 },
    },
    'UTC',
  );
  assert.deepEqual(
    lines.map((l) => [l.vendorName, l.partner?.vendorName ?? null, l.tone, l.href]),
    [
      ['Aster Compute', 'Birch Storage', 'danger', '#/vendor/a/maintenance'],
      ['Aster Compute', 'Cedar Mail', 'warning', '#/vendor/a/maintenance'],
      ['Cedar Mail', null, 'warning', '#/vendor/c/maintenance'],
      ['Cedar Mail', null, 'warning', '#/vendor/c/maintenance'],
    ],
  );
  assert.equal(lines[0]!.partner?.href, '#/vendor/b/maintenance', 'the second provider has its own link');
  assert.equal(lines[0]!.text, 'in maintenance at the same time, both on the critical path');
  assert.match(lines[0]!.when, /^first .*03:00.*04:00.*UTC.* · 13 times in 90 days$/, lines[0]!.when);
  assert.doesNotMatch(lines[1]!.when, /times in 90 days/, 'once is not counted');
  assert.equal(lines[2]!.text, '“Mail relay upgrade” falls in the blackout period “Quarter close”');
  assert.equal(lines[3]!.text, '“Mail relay upgrade” announced with 16 hours’ notice, 48 needed (the Settings minimum)');
  assert.match(lines[3]!.when, /^starts .*12:00.*UTC/, lines[3]!.when);
});

test('Needs attention on a large register: the first warnings listed, the chips count them all, a last line points to the calendar', () => {
  const ref = (id: string, vendorName: string, criticalPath: boolean): WindowRef => ({ windowId: id, vendorId: id, vendorName, criticalPath, title: 'Patching', impact: 'outage', words: '' });
  const first = { start: '2027-01-10T03:00:00Z', end: '2027-01-10T04:00:00Z' };
  const listed = Array.from({ length: 25 }, (_, i) => ({ a: ref(`a${i}`, `A ${i}`, true), b: ref(`b${i}`, `B ${i}`, true), critical: 2 as const, times: 1, first, minutes: 60 }));
  const attention = {
    today: '2027-01-01', reviews: [], findings: [], evidence: [], acceptances: [],
    incidents: { openCritical: [], missingPostmortems: [] },
    concentration: [],
    maintenance: {
      span: { start: '2027-01-01T00:00:00Z', end: '2027-04-01T00:00:00Z' }, windows: 900, occurrences: 9000,
      overlaps: listed, blackouts: [], shortNotice: [],
      totals: { overlaps: 4000, blackouts: 12, shortNotice: 0, critical: 30 },
    },
  } satisfies Attention;
  const [group] = attentionGroups(attention);
  assert.equal(group!.lines.length, 25, 'the 25 sent are listed');
  assert.deepEqual(group!.counts, { danger: 30, warning: 3982 }, 'the chips count every warning, not the listed ones');
  assert.equal(group!.more?.count, 3987);
  assert.equal(group!.more?.href, '#/calendar');
  assert.equal(group!.more?.label, '3987 more warnings: see them all in the maintenance calendar');
});

test('Needs attention: an open incident on a critical-path provider (danger), a major one without a postmortem after 14 days (warning), each to the Incidents tab', () => {
  const incident = (id: string, vendorId: string, vendorName: string, over: Partial<IncidentView>): IncidentView => ({
    id,
    vendorId,
    vendorName,
    criticalPath: true,
    title: 'Incident',
    impact: 'major',
    components: [],
    startedAt: '2027-01-09T22:00:00Z',
    firstUpdateAt: null,
    resolvedAt: null,
    updates: [],
    postmortem: null,
    source: 'statuspage',
    onStatusPage: true,
    sourceUid: null,
    sequence: null,
    link: null,
    notes: '',
    createdAt: '2027-01-09T22:00:00Z',
    updatedAt: '2027-01-09T22:00:00Z',
    ...over,
  });
  const now = Date.parse('2027-01-12T09:00:00Z');
  const lines = incidentLines(
    {
      openCritical: [incident('i1', 'a', 'Aster Compute', { title: 'Database failover', impact: 'critical' })],
      missingPostmortems: [incident('i2', 'b', 'Birch Storage', { title: 'Storage outage', resolvedAt: '2026-12-01T10:00:00Z', criticalPath: false })],
    },
    now,
    'UTC',
  );
  assert.deepEqual(
    lines.map((l) => [l.vendorName, l.tone, l.href]),
    [
      ['Aster Compute', 'danger', '#/vendor/a/incidents'],
      ['Birch Storage', 'warning', '#/vendor/b/incidents'],
    ],
  );
  assert.equal(lines[0]!.text, 'Open incident on a critical-path provider: Database failover');
  assert.match(lines[0]!.when, /^since .*22:00.*UTC.*\(2 days ago\)$/, lines[0]!.when);
  assert.equal(lines[1]!.text, 'No postmortem 14 days after a major incident: Storage outage');
  assert.match(lines[1]!.when, /^resolved .*10:00.*UTC.*\(41 days ago\)$/, lines[1]!.when);

  const attention = {
    today: '2027-01-12', reviews: [], findings: [], evidence: [], acceptances: [],
    incidents: { openCritical: [incident('i1', 'a', 'Aster Compute', {})], missingPostmortems: [] },
    concentration: [],
    maintenance: { span: { start: '2027-01-12T00:00:00Z', end: '2027-04-12T00:00:00Z' }, windows: 0, occurrences: 0, overlaps: [], blackouts: [], shortNotice: [], totals: { overlaps: 0, blackouts: 0, shortNotice: 0, critical: 0 } },
  } satisfies Attention;
  const groups = attentionGroups(attention);
  assert.equal(groups.length, 1, 'only the incident group has lines');
  assert.equal(groups[0]!.lines[0]!.href, '#/vendor/a/incidents');
});
