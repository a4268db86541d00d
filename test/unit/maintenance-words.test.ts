// Schedules in words (shared/maintenance/words.ts), as the provider page, the report and the CLI print them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RecurringSchedule } from '../../shared/domain/maintenance';
import { clockSpan, scheduleWords } from '../../shared/maintenance/words';

const weekly = (over: Partial<RecurringSchedule> = {}): RecurringSchedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [], ...over,
});
const monthly = (over: Partial<RecurringSchedule> = {}): RecurringSchedule => weekly({ freq: 'monthly', setPos: 1, ...over });

describe('clockSpan', () => {
  test('a window within the day', () => assert.equal(clockSpan('02:00', 120), '02:00–04:00'));
  test('a window across midnight says so', () => assert.equal(clockSpan('23:00', 180), '23:00–02:00 (next day)'));
  test('a window ending at midnight ends on the next day', () => assert.equal(clockSpan('23:00', 60), '23:00–00:00 (next day)'));
  test('a day or more is a start and a length in hours', () => {
    assert.equal(clockSpan('02:00', 24 * 60), '02:00 for 24 hours');
    assert.equal(clockSpan('22:00', 30 * 60), '22:00 for 30 hours');
    assert.equal(clockSpan('22:00', 25 * 60 + 30), '22:00 for 25.5 hours');
    assert.equal(clockSpan('22:00', 25 * 60 + 10), '22:00 for 25.2 hours');
  });
  test('one minute before a day is still a clock span', () => assert.equal(clockSpan('00:30', 24 * 60 - 1), '00:30–00:29 (next day)'));
});

describe('scheduleWords, recurring', () => {
  test('weekly', () => {
    assert.equal(scheduleWords(weekly()), 'Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  });

  test('weekly on several days, in the order of the week whatever order the rule lists them', () => {
    assert.equal(scheduleWords(weekly({ byDay: ['SA', 'TU', 'SU'] })), 'Every Tuesday, Saturday and Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
    assert.equal(scheduleWords(weekly({ byDay: ['FR', 'MO'] })), 'Every Monday and Friday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  });

  test('every day, and Monday to Friday, read as people say them', () => {
    const all = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
    assert.equal(scheduleWords(weekly({ byDay: [...all] })), 'Every day, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
    assert.equal(scheduleWords(weekly({ byDay: ['FR', 'MO', 'TU', 'WE', 'TH'], startTime: '08:00', durationMinutes: 720 })), 'Every weekday (Monday to Friday), 08:00–20:00 Europe/Berlin (from 2026-01-04)');
    assert.equal(scheduleWords(weekly({ interval: 2, byDay: [...all] })), 'Every 2 weeks, every day, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
    assert.equal(scheduleWords(weekly({ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'] })), 'Every Monday, Tuesday, Wednesday, Thursday, Friday and Saturday, 02:00–04:00 Europe/Berlin (from 2026-01-04)', 'six days are named');
  });

  test('every 2 weeks', () => {
    assert.equal(scheduleWords(weekly({ interval: 2, byDay: ['MO', 'TH'] })), 'Every 2 weeks on Monday and Thursday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  });

  test('monthly: the last Sunday, across midnight, in New York', () => {
    assert.equal(
      scheduleWords(monthly({ setPos: -1, startTime: '23:00', durationMinutes: 120, timeZone: 'America/New_York' })),
      'The last Sunday of every month, 23:00–01:00 (next day) America/New_York (from 2026-01-04)',
    );
  });

  test('monthly: the second Tuesday every 3 months', () => {
    assert.equal(scheduleWords(monthly({ byDay: ['TU'], setPos: 2, interval: 3 })), 'The second Tuesday of every 3 months, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  });

  test('longer than a day', () => {
    assert.equal(scheduleWords(weekly({ byDay: ['SA'], startTime: '20:00', durationMinutes: 36 * 60 })), 'Every Saturday, 20:00 for 36 hours Europe/Berlin (from 2026-01-04)');
  });

  test('until, count and exceptions (sorted)', () => {
    assert.equal(scheduleWords(weekly({ until: '2026-06-28' })), 'Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04 until 2026-06-28)');
    assert.equal(scheduleWords(weekly({ count: 1 })), 'Every Sunday, 02:00–04:00 Europe/Berlin (1 time from 2026-01-04)');
    assert.equal(
      scheduleWords(weekly({ count: 10, exDates: ['2026-02-15', '2026-01-18', '2026-03-01'] })),
      'Every Sunday, 02:00–04:00 Europe/Berlin (10 times from 2026-01-04; except 2026-01-18, 2026-02-15 and 2026-03-01)',
    );
    assert.equal(scheduleWords(weekly({ exDates: ['2026-01-18'] })), 'Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04; except 2026-01-18)');
  });
});

describe('scheduleWords, once', () => {
  test('within one local day', () => {
    assert.equal(scheduleWords({ kind: 'once', start: '2026-12-06T01:00:00Z', end: '2026-12-06T03:00:00Z', timeZone: 'Europe/Berlin' }), '2026-12-06 02:00–04:00 Europe/Berlin');
  });

  test('across days, in its own zone (the UTC day differs from the local one)', () => {
    assert.equal(
      scheduleWords({ kind: 'once', start: '2026-03-28T21:00:00Z', end: '2026-03-29T03:00:00Z', timeZone: 'Europe/Berlin' }),
      '2026-03-28 22:00–2026-03-29 05:00 Europe/Berlin',
    );
    assert.equal(
      scheduleWords({ kind: 'once', start: '2026-12-05T13:00:00Z', end: '2026-12-05T15:00:00Z', timeZone: 'Australia/Sydney' }),
      '2026-12-06 00:00–02:00 Australia/Sydney',
    );
  });

  test('an offset with minutes', () => {
    assert.equal(scheduleWords({ kind: 'once', start: '2026-07-01T20:00:00Z', end: '2026-07-01T21:00:00Z', timeZone: 'Asia/Kolkata' }), '2026-07-02 01:30–02:30 Asia/Kolkata');
  });
});
