// The maintenance calendar as iCalendar: one UTC VEVENT per occurrence, escaped and folded by
// RFC 5545, sorted, and the same bytes for the same windows and range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import type { WindowView } from '../../shared/api';
import { rangeSpan, type DateRange, type Schedule } from '../../shared/domain/maintenance';
import { occurrences } from '../../shared/maintenance/expand';
import { scheduleWords } from '../../shared/maintenance/words';
import { buildCalendarIcs, type CalendarEntry } from '../../electron/core/exporters/ics';

const range: DateRange = { from: '2026-12-01', to: '2026-12-14' };

function view(over: Partial<WindowView> & { schedule: Schedule }): WindowView {
  const w = {
    id: 'w-a',
    vendorId: 'v-1',
    vendorName: 'Hosted DB',
    criticalPath: false,
    title: 'Patching',
    impact: 'outage',
    source: 'entered',
    status: 'confirmed',
    announcedAt: null,
    sourceUid: null,
    sequence: null,
    notes: 'internal: ask Dana before the freeze',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T10:30:00.000Z',
    ...over,
  } as WindowView;
  return { ...w, words: scheduleWords(w.schedule) };
}

const entry = (w: WindowView): CalendarEntry => ({ window: w, occurrences: occurrences(w.schedule, rangeSpan(range)) });

const sundays: Schedule = {
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [],
};

const entries = (): CalendarEntry[] => [
  entry(view({ id: 'w-b', vendorName: 'Queue Co, Inc.', criticalPath: true, title: 'Broker upgrade; phase 2', impact: 'degraded', source: 'ical', sourceUid: 'broker@queue.example', status: 'tentative',
    schedule: { kind: 'once', start: '2026-12-06T01:00:00Z', end: '2026-12-06T04:00:00Z', timeZone: 'America/New_York' }, updatedAt: '2026-11-20T08:00:00.000Z' })),
  entry(view({ schedule: sundays, title: `Patching ${'with a very long title that has to be folded '.repeat(3)}ünïcödé` })),
];

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

test('one UTC VEVENT per occurrence, sorted by start then provider, with what the register holds', () => {
  const ics = buildCalendarIcs(entries(), range, false);
  const { calendar, events } = parse(ics);
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  assert.equal(calendar.getFirstPropertyValue('prodid'), '-//Vetted//Maintenance calendar//EN');
  assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Provider maintenance 2026-12-01 to 2026-12-14');
  const rows = events.map((e) => [e.getFirstPropertyValue('uid'), String(e.getFirstPropertyValue('dtstart')), String(e.getFirstPropertyValue('dtend'))]);
  assert.deepEqual(rows, [
    ['w-a-20261206T010000Z@vetted', '2026-12-06T01:00:00Z', '2026-12-06T03:00:00Z'],
    ['w-b-20261206T010000Z@vetted', '2026-12-06T01:00:00Z', '2026-12-06T04:00:00Z'],
    ['w-a-20261213T010000Z@vetted', '2026-12-13T01:00:00Z', '2026-12-13T03:00:00Z'],
  ], 'same start: Hosted DB before Queue Co');
  const queue = events[1]!;
  assert.equal(queue.getFirstPropertyValue('summary'), 'Queue Co, Inc.: Broker upgrade; phase 2', 'commas and semicolons survive');
  assert.equal(String(queue.getFirstPropertyValue('dtstamp')), '2026-11-20T08:00:00Z', "DTSTAMP is the window's last change");
  assert.equal(queue.getFirstPropertyValue('status'), 'TENTATIVE');
  assert.deepEqual(queue.getFirstProperty('categories')!.getValues(), ['Maintenance', 'Degraded', 'Critical path']);
  assert.equal(queue.getFirstPropertyValue('x-vetted-provider'), 'Queue Co, Inc.');
  assert.equal(queue.getFirstPropertyValue('x-vetted-impact'), 'degraded');
  assert.equal(
    queue.getFirstPropertyValue('description'),
    [
      '2026-12-05 20:00–23:00 America/New_York',
      'Impact: degraded',
      "Source: imported from the provider's iCalendar file (UID broker@queue.example)",
      "Provider's local time: 2026-12-05 20:00–23:00 America/New_York (UTC-05:00)",
      'The provider is on the critical path.',
    ].join('\n'),
  );
  const patching = events[0]!;
  assert.equal(patching.getFirstPropertyValue('status'), 'CONFIRMED');
  assert.match(String(patching.getFirstPropertyValue('description')), /^Every Sunday, 02:00–04:00 Europe\/Berlin \(from 2026-01-04\)\nImpact: outage\nSource: entered in Vetted\nProvider's local time: 2026-12-06 02:00–04:00 Europe\/Berlin \(UTC\+01:00\)$/);
  assert.ok(patching.getFirstPropertyValue('summary') === `Hosted DB: Patching ${'with a very long title that has to be folded '.repeat(3)}ünïcödé`, 'a folded line unfolds to the title');
  assert.ok(!ics.includes('ask Dana'), 'notes stay in the register');
});

test('RFC 5545 lines: CRLF only, at most 75 octets, continuation lines begin with a space', () => {
  const ics = buildCalendarIcs(entries(), range, true);
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'), 'ends with a line break');
  assert.ok(!/[^\r]\n/.test(ics), 'no bare LF');
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
  assert.ok(lines.some((l) => l.startsWith(' ')), 'the long title was folded');
  assert.equal(ICAL.foldLength, 75, "ical.js's own setting is put back");
});

test('the same windows and range give the same bytes; critical-path only says so in its name', () => {
  assert.equal(buildCalendarIcs(entries(), range, false), buildCalendarIcs(entries().reverse(), range, false), 'order of the entries does not matter');
  const critical = buildCalendarIcs(entries().filter((e) => e.window.criticalPath), range, true);
  assert.equal(parse(critical).calendar.getFirstPropertyValue('x-wr-calname'), 'Provider maintenance 2026-12-01 to 2026-12-14 (critical-path providers only)');
  assert.equal(parse(critical).events.length, 1);
  const empty = parse(buildCalendarIcs([], range, false));
  assert.equal(empty.events.length, 0, 'no windows, no events: still a calendar');
});
