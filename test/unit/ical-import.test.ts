// The iCalendar importer on the maint-notification fixtures and Vetted's own: what each VEVENT
// becomes in Vetted's schema, and that every refusal names the file, the line and the property.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseMaintenanceFile, type ParsedMaintenanceFile } from '../../electron/core/importers/maintenance-file';
import { Schedule } from '../../shared/domain/maintenance';
import { occurrences } from '../../shared/maintenance/expand';
import { VettedError } from '../../shared/result';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ical/${name}`, import.meta.url), 'utf8');
const parse = (name: string): ParsedMaintenanceFile => parseMaintenanceFile(name, fixture(name));

/** The validation error the parser throws, or a failed assertion when it does not throw one. */
function refusal(fileName: string, text: string): VettedError {
  try {
    parseMaintenanceFile(fileName, text);
  } catch (error) {
    assert.ok(error instanceof VettedError, `a VettedError, not ${String(error)}`);
    assert.equal(error.code, 'validation');
    assert.ok(error.details && error.details.length > 0 && error.details.every((d) => d.path === 'text'), 'details name the text field');
    return error;
  }
  assert.fail(`${fileName} was accepted`);
}

/** A calendar around the given VEVENT lines (CRLF, as RFC 5545 writes it). */
function calendar(events: string[][], head: string[] = []): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Vetted//EN', ...head];
  for (const e of events) lines.push('BEGIN:VEVENT', ...e, 'END:VEVENT');
  return [...lines, 'END:VCALENDAR', ''].join('\r\n');
}

const once = (over: string[] = []) => [
  'UID:m-1@provider.example',
  'DTSTAMP:20261101T100000Z',
  'SUMMARY:Switch upgrade',
  'DTSTART:20261206T010000Z',
  'DTEND:20261206T030000Z',
  'X-MAINTNOTE-IMPACT:OUTAGE',
  ...over,
];
const weekly = (rrule: string, over: string[] = []) => [
  'UID:w-1@provider.example',
  'DTSTAMP:20261101T100000Z',
  'SUMMARY:Patching',
  'DTSTART;TZID=Europe/Berlin:20260301T020000',
  'DTEND;TZID=Europe/Berlin:20260301T040000',
  `RRULE:${rrule}`,
  'X-MAINTNOTE-IMPACT:OUTAGE',
  ...over,
];
const iso = (ms: number) => new Date(ms).toISOString();
const span = (from: string, to: string) => ({ start: Date.parse(from), end: Date.parse(to) });

test('ical1: a tentative one-off in UTC with the maintenance note in words', () => {
  const parsed = parse('ical1.ics');
  assert.equal(parsed.format, 'ical');
  assert.deepEqual(parsed.warnings, [], 'every property it needs is there');
  assert.equal(parsed.events.length, 1);
  const [event] = parsed.events;
  assert.deepEqual(event, {
    uid: '42',
    sequence: 1,
    title: 'Maint Note Example',
    schedule: { kind: 'once', start: '2015-10-10T08:00:00Z', end: '2015-10-10T10:00:00Z', timeZone: 'UTC' },
    impact: 'none',
    status: 'tentative',
    announcedAt: '2015-10-10T00:10:00Z',
    notes: 'Maintenance WorkOrder-31415 by example.com for account 137.035999173.\nAffects acme-widgets-as-a-service.',
  });
});

test('ical2 and ical3: the same UID moved and confirmed, then cancelled, with rising SEQUENCE', () => {
  const [moved] = parse('ical2.ics').events;
  assert.equal(moved!.sequence, 2);
  assert.equal(moved!.status, 'confirmed');
  assert.deepEqual(moved!.schedule, { kind: 'once', start: '2015-10-12T08:00:00Z', end: '2015-10-12T10:00:00Z', timeZone: 'UTC' });
  const [cancelled] = parse('ical3.ics').events;
  assert.equal(cancelled!.sequence, 3);
  assert.equal(cancelled!.status, 'cancelled', 'X-MAINTNOTE-STATUS:CANCELLED cancels');
  assert.equal(cancelled!.uid, moved!.uid, 'the same maintenance');
});

test('a VEVENT without DTSTART is refused with the file, its line and the property', () => {
  const error = refusal('ical_no_start.ics', fixture('ical_no_start.ics'));
  assert.equal(error.message, 'ical_no_start.ics line 4: VEVENT "Maint Note Example" (UID 42) has no DTSTART');
});

test('a timed VEVENT without DTEND or DURATION is refused: RFC 5545 would make it zero-length', () => {
  const error = refusal('ical_no_end.ics', fixture('ical_no_end.ics'));
  assert.match(error.message, /^ical_no_end\.ics line 4: VEVENT "Maint Note Example" \(UID 42\) has neither DTEND nor DURATION/);
});

test('a weekly rule in Europe/Berlin with EXDATEs keeps 02:00 local across the DST change', () => {
  const parsed = parse('recurring_weekly_berlin.ics');
  assert.equal(parsed.events.length, 1);
  const [event] = parsed.events;
  assert.deepEqual(event!.schedule, {
    kind: 'recurring',
    freq: 'weekly',
    byDay: ['SU'],
    setPos: null,
    interval: 1,
    startTime: '02:00',
    durationMinutes: 120,
    timeZone: 'Europe/Berlin',
    from: '2026-03-01',
    // UNTIL=20260628T000000Z is 02:00 CEST on 28 June: an occurrence starting then is included.
    until: '2026-06-28',
    count: null,
    exDates: ['2026-04-05', '2026-05-24', '2026-05-31'],
  });
  assert.equal(event!.title, 'Weekly database patching, eu-central', 'the escaped comma is read back');
  const starts = occurrences(event!.schedule, span('2026-03-20T00:00:00Z', '2026-04-13T00:00:00Z')).map((o) => iso(o.start));
  assert.deepEqual(
    starts,
    ['2026-03-22T01:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-04-12T00:00:00.000Z'],
    '02:00 CET, then 02:00 in the spring-forward gap (03:00 CEST), Easter skipped, then 02:00 CEST',
  );
  const last = occurrences(event!.schedule, span('2026-06-01T00:00:00Z', '2026-12-31T00:00:00Z')).map((o) => iso(o.start));
  assert.deepEqual(last, ['2026-06-07T00:00:00.000Z', '2026-06-14T00:00:00.000Z', '2026-06-21T00:00:00.000Z', '2026-06-28T00:00:00.000Z']);
  assert.equal(event!.impact, 'degraded', 'no overall impact: the worst of the objects');
  assert.equal(parsed.warnings.length, 1);
  assert.match(parsed.warnings[0]!, /line 23: VEVENT "Weekly database patching, eu-central" .* has no X-MAINTNOTE-IMPACT; held as degraded/);
  assert.match(event!.notes, /db-eu-central-replica-2 \(reduced redundancy\)/, 'a folded property is read whole');
  assert.match(event!.notes, /for up to 30 seconds during the fail-over/, 'a folded DESCRIPTION is unfolded without a stray space');
  assert.equal(event!.status, 'confirmed', 'no STATUS: a published event goes ahead');
  assert.equal(event!.announcedAt, '2026-02-10T09:15:00Z', 'CREATED');
});

test('monthly rules (last Sunday; first Tuesday every three months) and a daily rule', () => {
  const { events, warnings } = parse('recurring_monthly.ics');
  assert.deepEqual(warnings, []);
  const [last, quarterly, daily] = events;
  assert.deepEqual(
    { ...last!.schedule },
    { kind: 'recurring', freq: 'monthly', byDay: ['SU'], setPos: -1, interval: 1, startTime: '23:00', durationMinutes: 180, timeZone: 'America/New_York', from: '2026-01-25', until: null, count: 12, exDates: [] },
  );
  const march = occurrences(last!.schedule, span('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'));
  assert.deepEqual(march.map((o) => [iso(o.start), iso(o.end)]), [['2026-03-30T03:00:00.000Z', '2026-03-30T06:00:00.000Z']], '29 March 23:00 EDT, three hours');
  assert.equal(occurrences(last!.schedule, span('2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).length, 12, 'COUNT=12');
  assert.equal(quarterly!.schedule.kind === 'recurring' && quarterly!.schedule.setPos, 1, 'BYDAY=TU;BYSETPOS=1: the first Tuesday');
  assert.equal(quarterly!.schedule.kind === 'recurring' && quarterly!.schedule.interval, 3);
  assert.equal(quarterly!.status, 'tentative', 'standard STATUS:TENTATIVE');
  assert.deepEqual(
    occurrences(quarterly!.schedule, span('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).map((o) => o.day),
    ['2026-01-06', '2026-04-07', '2026-07-07', '2026-10-06'],
  );
  assert.deepEqual(daily!.schedule.kind === 'recurring' && daily!.schedule.byDay, ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], 'FREQ=DAILY: every day of the week');
  assert.equal(daily!.schedule.timeZone, 'UTC', 'a Z time repeats in UTC');
  assert.equal(daily!.impact, 'none');
});

test('two versions of one UID in a file: the higher SEQUENCE wins wherever it stands; STATUS:CANCELLED cancels', () => {
  const { events, warnings } = parse('same_uid_updates.ics');
  assert.deepEqual(events.map((e) => e.uid), ['CHG0071842@edge.example', 'CHG0071901@edge.example', 'CHG0072010@edge.example']);
  const [moved, cancelled, noImpact] = events;
  assert.equal(moved!.sequence, 1);
  assert.equal(moved!.title, 'Core router software upgrade (moved)');
  assert.equal(moved!.status, 'confirmed');
  assert.equal(moved!.schedule.kind === 'once' && moved!.schedule.start, '2026-12-06T01:00:00Z');
  assert.equal(moved!.announcedAt, '2026-11-20T08:00:00Z', 'CREATED, not the later DTSTAMP');
  assert.equal(cancelled!.status, 'cancelled');
  assert.equal(cancelled!.impact, 'outage', 'the worst object impact');
  assert.match(cancelled!.notes, /circuit-FRA-0031 \(outage\), circuit-FRA-0032 \(no impact\)/);
  assert.deepEqual(noImpact!.schedule, { kind: 'once', start: '2026-12-13T02:00:00Z', end: '2026-12-13T03:30:00Z', timeZone: 'UTC' }, 'DURATION:PT90M');
  assert.equal(noImpact!.impact, 'outage', 'no impact at all: the safe assumption');
  assert.ok(warnings.some((w) => /line 42: VEVENT "Line card replacement" .* has no X-MAINTNOTE-IMPACT; held as an outage/.test(w)), warnings.join('\n'));
  assert.equal(noImpact!.sequence, 0, 'no SEQUENCE is 0');
});

test('equal SEQUENCE: the later DTSTAMP wins (RFC 5546)', () => {
  const a = once(['SEQUENCE:2', 'DTSTAMP:20261102T100000Z', 'SUMMARY:Later']).filter((l) => !l.startsWith('DTSTAMP:20261101') && l !== 'SUMMARY:Switch upgrade');
  const b = once(['SEQUENCE:2']);
  const { events } = parseMaintenanceFile('t.ics', calendar([a, b]));
  assert.equal(events.length, 1);
  assert.equal(events[0]!.title, 'Later');
});

test('a TZID that is no IANA zone is read through its VTIMEZONE for a one-off, shown in UTC', () => {
  const [event] = parse('outlook_zone_once.ics').events;
  assert.deepEqual(event!.schedule, { kind: 'once', start: '2026-07-15T20:00:00Z', end: '2026-07-15T23:00:00Z', timeZone: 'UTC' }, '22:00 CEST');
});

test('bad fixtures are refused naming the line', () => {
  assert.equal(refusal('bad_no_vevent.ics', fixture('bad_no_vevent.ics')).message, 'bad_no_vevent.ics line 1: the calendar holds no VEVENT, so there is no maintenance to import');
  assert.match(
    refusal('bad_syntax.ics', fixture('bad_syntax.ics')).message,
    /^bad_syntax\.ics line 12: "SUMMARY Power supply replacement" is not a property/,
    'the file line, counting the folded lines before it',
  );
  assert.match(refusal('bad_yearly_rule.ics', fixture('bad_yearly_rule.ics')).message, /^bad_yearly_rule\.ics line 10: RRULE of VEVENT "Year-end capacity work" .*: part FREQ=YEARLY is not supported/);
  assert.match(refusal('bad_zone_recurring.ics', fixture('bad_zone_recurring.ics')).message, /^bad_zone_recurring\.ics line 23: DTSTART of VEVENT "Weekly patch window" .*TZID "W\. Europe Standard Time" is not an IANA time zone/);
});

test('rules Vetted cannot hold are refused naming the part', () => {
  const cases: [string, RegExp][] = [
    ['FREQ=MONTHLY;BYMONTHDAY=15', /part BYMONTHDAY=15 is not supported/],
    ['FREQ=MONTHLY', /FREQ=MONTHLY without BYDAY repeats on a day of the month/],
    ['FREQ=MONTHLY;BYDAY=5SU', /BYDAY=5SU is not supported/],
    ['FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=-1', /names several weekdays/],
    ['FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-2', /BYSETPOS=-2 is not supported/],
    ['FREQ=DAILY;INTERVAL=2', /FREQ=DAILY;INTERVAL=2 \(every 2 days\) has no weekly form/],
    ['FREQ=WEEKLY;BYDAY=1SU', /BYDAY=1SU gives a position in a weekly rule/],
    ['FREQ=WEEKLY;BYHOUR=3', /part BYHOUR=3 is not supported/],
    ['FREQ=WEEKLY;X-SKIP=1', /part X-SKIP=1 is not supported/],
    ['FREQ=HOURLY', /part FREQ=HOURLY is not supported/],
    ['FREQ=WEEKLY;INTERVAL=13', /INTERVAL=13 is more than Vetted holds/],
    ['FREQ=WEEKLY;BYDAY=SU,WE;INTERVAL=2;WKST=SU', /WKST=SU changes which days fall in the same week/],
    ['FREQ=WEEKLY;UNTIL=20260201T000000Z', /UNTIL=20260201T000000Z is before DTSTART/],
  ];
  for (const [rule, expected] of cases) {
    const message = refusal('rules.ics', calendar([weekly(rule)])).message;
    assert.match(message, /^rules\.ics line 10: RRULE of VEVENT "Patching" \(UID w-1@provider\.example\): /, `${rule}: names the RRULE line`);
    assert.match(message, expected, rule);
  }
});

test('what fits is read: weekly without BYDAY takes DTSTART\'s day, monthly BYDAY=SU is every Sunday, WKST that changes nothing is fine', () => {
  const read = (rule: string) => {
    const s = parseMaintenanceFile('t.ics', calendar([weekly(rule)])).events[0]!.schedule;
    assert.equal(s.kind, 'recurring');
    return s.kind === 'recurring' ? { freq: s.freq, byDay: s.byDay, setPos: s.setPos, interval: s.interval, until: s.until, count: s.count } : null;
  };
  assert.deepEqual(read('FREQ=WEEKLY'), { freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, until: null, count: null });
  assert.deepEqual(read('FREQ=MONTHLY;BYDAY=SU'), { freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, until: null, count: null });
  assert.deepEqual(read('FREQ=WEEKLY;BYDAY=SU;INTERVAL=2;WKST=SU'), { freq: 'weekly', byDay: ['SU'], setPos: null, interval: 2, until: null, count: null });
  assert.deepEqual(read('FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;COUNT=3'), { freq: 'monthly', byDay: ['SU'], setPos: -1, interval: 1, until: null, count: 3 });
  // 01:59:59 CEST on Monday 22 June is before the 02:00 start, so the last day is Sunday 21 June.
  assert.equal(read('FREQ=WEEKLY;BYDAY=SU;UNTIL=20260621T235959Z')!.until, '2026-06-21');
  assert.equal(read('FREQ=WEEKLY;BYDAY=SU;UNTIL=20260621')!.until, '2026-06-21', 'an UNTIL date is the last day');
});

test('a DTSTART the rule does not produce, and an EXDATE at another time, are kept to the rule with a warning', () => {
  const { events, warnings } = parseMaintenanceFile('t.ics', calendar([weekly('FREQ=WEEKLY;BYDAY=WE', ['EXDATE:20260311T120000Z'])]));
  const s = events[0]!.schedule;
  assert.ok(s.kind === 'recurring' && s.from === '2026-03-01' && s.exDates[0] === '2026-03-11', JSON.stringify(s));
  assert.equal(occurrences(s, span('2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z'))[0]!.day, '2026-03-04', 'the first Wednesday after DTSTART, not DTSTART');
  assert.ok(warnings.some((w) => /line 8: DTSTART of VEVENT "Patching" .*: Sunday 2026-03-01 is not a day the RRULE gives/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /line 12: EXDATE .*2026-03-11 13:00 Europe\/Berlin is not the rule's start time \(02:00\)/.test(w)), warnings.join('\n'));
});

test('impact and status words of the maintenance-note draft', () => {
  const read = (extra: string[], head: string[] = []) => parseMaintenanceFile('t.ics', calendar([once(extra).filter((l) => l !== 'X-MAINTNOTE-IMPACT:OUTAGE')], head));
  const reduced = read(['X-MAINTNOTE-IMPACT:REDUCED-REDUNDANCY']).events[0]!;
  assert.equal(reduced.impact, 'none');
  assert.match(reduced.notes, /reduced redundancy: held as no impact/);
  assert.equal(read(['X-MAINTNOTE-IMPACT:DEGRADED']).events[0]!.impact, 'degraded');
  const inProcess = read(['X-MAINTNOTE-IMPACT:OUTAGE', 'X-MAINTNOTE-STATUS:IN-PROCESS']).events[0]!;
  assert.equal(inProcess.status, 'confirmed');
  assert.match(inProcess.notes, /The provider marks it in process\./);
  assert.equal(read(['X-MAINTNOTE-IMPACT:OUTAGE', 'X-MAINTNOTE-STATUS:COMPLETED']).events[0]!.status, 'confirmed');
  assert.equal(read(['X-MAINTNOTE-IMPACT:OUTAGE'], ['METHOD:CANCEL']).events[0]!.status, 'cancelled', 'iTIP METHOD:CANCEL withdraws the events');
  const odd = read(['X-MAINTNOTE-IMPACT:SEVERE']);
  assert.equal(odd.events[0]!.impact, 'outage');
  assert.match(odd.warnings[0]!, /t\.ics line 10: X-MAINTNOTE-IMPACT of VEVENT "Switch upgrade" .*"SEVERE" is not an impact the maintenance-note draft defines/);
});

test('floating times and all-day dates are read in X-WR-TIMEZONE (else UTC) with a warning', () => {
  const floating = ['UID:f@x', 'DTSTAMP:20261101T100000Z', 'SUMMARY:Floating', 'DTSTART:20261206T020000', 'DTEND:20261206T040000', 'X-MAINTNOTE-IMPACT:OUTAGE'];
  const allDay = ['UID:d@x', 'DTSTAMP:20261101T100000Z', 'SUMMARY:All day', 'DTSTART;VALUE=DATE:20261207', 'X-MAINTNOTE-IMPACT:OUTAGE'];
  const inBerlin = parseMaintenanceFile('t.ics', calendar([floating, allDay], ['X-WR-TIMEZONE:Europe/Berlin']));
  assert.deepEqual(inBerlin.events[0]!.schedule, { kind: 'once', start: '2026-12-06T01:00:00Z', end: '2026-12-06T03:00:00Z', timeZone: 'Europe/Berlin' });
  assert.deepEqual(inBerlin.events[1]!.schedule, { kind: 'once', start: '2026-12-06T23:00:00Z', end: '2026-12-07T23:00:00Z', timeZone: 'Europe/Berlin' }, 'an all-day date without DTEND is that one day');
  assert.deepEqual(inBerlin.warnings, ["t.ics: 2 events give their times without a time zone (floating times or all-day dates); read in Europe/Berlin, the calendar's X-WR-TIMEZONE"]);
  const inUtc = parseMaintenanceFile('t.ics', calendar([floating]));
  assert.equal(inUtc.events[0]!.schedule.kind === 'once' && inUtc.events[0]!.schedule.start, '2026-12-06T02:00:00Z');
  assert.match(inUtc.warnings[0]!, /read in UTC, since the file names no zone for them/);
});

test('impossible times and spans are refused naming the property and its line', () => {
  const cases: [string[], RegExp][] = [
    [once(['DTEND:20261206T000000Z']).filter((l) => l !== 'DTEND:20261206T030000Z'), /line 10: DTEND of VEVENT "Switch upgrade" .*: 2026-12-06T00:00:00Z is not after DTSTART 2026-12-06T01:00:00Z/],
    [once(['DTEND:20270115T000000Z']).filter((l) => l !== 'DTEND:20261206T030000Z'), /DTEND of .*makes the maintenance last 40 days; Vetted holds one-off maintenance of at most 31 days/],
    [once(['DTSTART:20261340T250000Z']).filter((l) => l !== 'DTSTART:20261206T010000Z'), /line 10: DTSTART of .*"20261340T250000Z" is not a date-time/],
    [once(['SEQUENCE:two']), /SEQUENCE of .*"two" is not a whole number/],
    [once(['DURATION:PT1H']), /DURATION of .*is given with DTEND/],
    [once(['RECURRENCE-ID:20261206T010000Z']), /RECURRENCE-ID of .*changes one occurrence of a repeating event/],
    [once(['RDATE:20261213T010000Z']), /RDATE of .*adds dates outside the RRULE/],
    [once(['DTSTART;TZID=Mars/Olympus:20261206T010000']).filter((l) => l !== 'DTSTART:20261206T010000Z'), /DTSTART of .*TZID "Mars\/Olympus" is neither an IANA time zone/],
    [once().filter((l) => !l.startsWith('UID')), /VEVENT "Switch upgrade" \(no UID\) has no UID/],
    [weekly('FREQ=WEEKLY', ['DURATION:P8D']).filter((l) => !l.startsWith('DTEND')), /DURATION of .*makes each window last 8 days; a repeating window lasts at most 7 days/],
  ];
  for (const [lines, expected] of cases) assert.match(refusal('t.ics', calendar([lines])).message, expected);
});

test('all or nothing: every bad event is reported, and a good one beside them is not imported', () => {
  const good = once();
  const noStart = once().filter((l) => !l.startsWith('DTSTART')).map((l) => l.replace('m-1@', 'm-2@'));
  const backwards = ['UID:m-3@x', 'DTSTART:20261206T030000Z', 'DTEND:20261206T010000Z'];
  const error = refusal('t.ics', calendar([good, noStart, backwards]));
  assert.equal(error.details!.length, 2, 'both bad events');
  assert.match(error.message, /^t\.ics line 12: VEVENT "Switch upgrade" \(UID m-2@provider\.example\) has no DTSTART \(and 1 more\)$/);
  assert.match(error.details![1]!.message, /^t\.ics line 22: DTEND of VEVENT \(UID m-3@x\): /);
});

test('line numbers count a byte-order mark, blank lines and LF-only files the way the file shows them', () => {
  const text = `\uFEFF\n\n${calendar([once().filter((l) => !l.startsWith('DTSTART'))]).replace(/\r\n/g, '\n')}`;
  assert.match(refusal('t.ics', text).message, /^t\.ics line 6: VEVENT "Switch upgrade" \(UID m-1@provider\.example\) has no DTSTART$/);
});

test('structure errors name their lines', () => {
  const unclosed = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VCALENDAR\r\n';
  const messages = refusal('t.ics', unclosed).details!.map((d) => d.message);
  assert.deepEqual(messages, ['t.ics line 1: BEGIN:VCALENDAR is never closed (no END:VCALENDAR)', 't.ics line 5: END:VCALENDAR closes BEGIN:VEVENT of line 3']);
  assert.match(refusal('t.ics', 'BEGIN:VCALENDAR').message, /^t\.ics line 1: BEGIN:VCALENDAR is never closed/);
  assert.match(refusal('t.ics', calendar([weekly('FREQ=WEEKLY;BYDAY=XX')])).message, /^t\.ics line 10: RRULE cannot be read: invalid BYDAY value "XX"/);
});

test('neither format: a clear message; every schedule produced passes the register schema', () => {
  assert.match(refusal('notes.txt', 'Maintenance on Sunday').message, /^notes\.txt: neither an iCalendar file nor a Statuspage scheduled-maintenances\.json \(it begins "Maintenance on Sunday"\)/);
  assert.match(refusal('empty.ics', ' \n').message, /^empty\.ics: the file is empty/);
  for (const name of ['ical1.ics', 'recurring_weekly_berlin.ics', 'recurring_monthly.ics', 'same_uid_updates.ics', 'outlook_zone_once.ics']) {
    for (const e of parse(name).events) assert.ok(Schedule.safeParse(e.schedule).success, `${name} ${e.uid}: a schedule the register accepts`);
  }
});

test('a damaged file is read into schedules the register accepts, or refused with a validation error, never a crash', () => {
  const names = ['ical1.ics', 'recurring_weekly_berlin.ics', 'recurring_monthly.ics', 'same_uid_updates.ics', 'outlook_zone_once.ics'];
  const pieces = ['20261206T010000Z', '20261206', 'TZID=Europe/Berlin', 'TZID=X', 'FREQ=MONTHLY', 'BYDAY=-1SU', 'BYSETPOS=2', 'COUNT=3', 'PT2H', '-P1D', 'VALUE=DATE', ';', ':', ',', '"'];
  fc.assert(
    fc.property(
      fc.constantFrom(...names),
      fc.array(fc.tuple(fc.nat(), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 3 }),
      (name, edits) => {
        // Replace a line's value (or its parameters and value) with pieces of other values.
        const lines = fixture(name).split(/\r?\n/);
        for (const [n, chosen, asParams] of edits) {
          const k = n % lines.length;
          const colon = lines[k]!.indexOf(':');
          if (colon > 0) lines[k] = asParams ? `${lines[k]!.slice(0, colon)};${chosen.join(';')}:${chosen.join('')}` : `${lines[k]!.slice(0, colon + 1)}${chosen.join(';')}`;
        }
        try {
          for (const e of parseMaintenanceFile(name, lines.join('\r\n')).events) {
            assert.ok(Schedule.safeParse(e.schedule).success, `${e.uid}: ${JSON.stringify(e.schedule)}`);
          }
        } catch (error) {
          assert.ok(error instanceof VettedError && error.code === 'validation', `a validation error, not ${String(error)}`);
          assert.match(error.message, new RegExp(`^${name.replace('.', '\\.')}( line \\d+)?: `), 'named by file (and line)');
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('a VTIMEZONE whose rules repeat more often than yearly is refused before ical.js expands it (a tiny file could hold the app for minutes)', () => {
  const vtimezone = [
    'BEGIN:VTIMEZONE', 'TZID:Custom Zone',
    'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'RRULE:FREQ=MINUTELY', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const text = calendar([once(['DTSTART;TZID=Custom Zone:20261206T010000', 'DTEND;TZID=Custom Zone:20261206T030000'].concat([]))].map((e) => e.filter((l) => !/^DT(START|END):/.test(l))), vtimezone);
  const error = refusal('zone.ics', text);
  assert.match(error.message, /zone\.ics line 4: VTIMEZONE "Custom Zone" has a STANDARD rule repeating MINUTELY; a time zone's rules repeat yearly/);
});

test("a UID longer than the register keeps is refused naming its line; an announcement after the start measures no notice", () => {
  const long = refusal('long.ics', calendar([once(['UID:' + 'x'.repeat(1001)]).filter((l, i) => i !== 0 || l.length > 40)]));
  assert.match(long.message, /long\.ics line \d+: UID of VEVENT .* is 1001 characters long; Vetted keeps a provider's id of at most 1000/);
  const parsed = parseMaintenanceFile('late.ics', calendar([once(['CREATED:20261207T000000Z'])]));
  assert.equal(parsed.events[0]!.announcedAt, null, 'created after the 6 December start: not an announcement');
  assert.ok(parsed.warnings.some((w) => /late\.ics line \d+: CREATED of VEVENT .* is after the maintenance started, so it does not say when it was announced/.test(w)), parsed.warnings.join('\n'));
});
