// The schedule flags of `vetted window add` and `vetted blackout add` (electron/cli/schedule-flags.ts):
// what each spelling becomes, and that every refusal names its flag and the exit code it carries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError, EXIT } from '../../electron/cli/cli-error';
import {
  dateListFlag,
  instantFlag,
  parseEvery,
  parseMonthly,
  rangeFlags,
  scheduleFromFlags,
  timeZoneFlag,
  wholeDaysOf,
  wholeDaysSchedule,
  yearAfter,
} from '../../electron/cli/schedule-flags';

/** Asserts `fn` throws a CliError with this exit code and a message matching `message`. */
function refuses(fn: () => unknown, exitCode: number, message: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof CliError, `a CliError, not ${String(error)}`);
    assert.equal(error.exitCode, exitCode, `exit ${exitCode} for: ${error.message}`);
    assert.match(error.message, message);
    assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
    return true;
  });
}

describe('--every', () => {
  it('reads weekdays, lists, ranges and an interval into a weekly rule', () => {
    assert.deepEqual(parseEvery('sun 02:00'), { freq: 'weekly', interval: 1, byDay: ['SU'], setPos: null, startTime: '02:00' });
    assert.deepEqual(parseEvery('wed,mon 22:30').byDay, ['MO', 'WE'], 'in week order');
    assert.deepEqual(parseEvery('mon-fri 08:00').byDay, ['MO', 'TU', 'WE', 'TH', 'FR']);
    assert.deepEqual(parseEvery('fri-mon 8:00').byDay, ['MO', 'FR', 'SA', 'SU'], 'a range may wrap past Sunday');
    assert.equal(parseEvery('fri-mon 8:00').startTime, '08:00', 'the hour is padded');
    assert.deepEqual(parseEvery('2 weeks sun 02:00').interval, 2);
    assert.deepEqual(parseEvery('Every 2 weeks on Sundays at 02:00'), { freq: 'weekly', interval: 2, byDay: ['SU'], setPos: null, startTime: '02:00' });
    assert.deepEqual(parseEvery('mon , wed 22:30').byDay, ['MO', 'WE'], 'spaces around the comma');
    assert.equal(parseEvery('daily 03:00').byDay.length, 7);
  });

  it('refuses what it cannot read, naming --every (exit 2)', () => {
    refuses(() => parseEvery('sun'), EXIT.input, /^--every: expected weekdays and a time such as/);
    refuses(() => parseEvery('sonday 02:00'), EXIT.input, /^--every: "sonday" is not a weekday/);
    refuses(() => parseEvery('sun 24:00'), EXIT.input, /^--every: expected a time written HH:MM/);
    refuses(() => parseEvery('sun 2am'), EXIT.input, /^--every: expected a time written HH:MM/);
    refuses(() => parseEvery('mon-wed,tue 02:00'), EXIT.input, /^--every: names Tuesday twice/);
    refuses(() => parseEvery('13 weeks sun 02:00'), EXIT.input, /^--every: the interval is from 1 to 12/);
    refuses(() => parseEvery('0 weeks sun 02:00'), EXIT.input, /^--every: the interval is from 1 to 12/);
  });
});

describe('--monthly', () => {
  it('reads a position, one weekday, a time and an interval', () => {
    assert.deepEqual(parseMonthly('last sun 02:00'), { freq: 'monthly', interval: 1, byDay: ['SU'], setPos: -1, startTime: '02:00' });
    assert.deepEqual(parseMonthly('first tue 22:00').setPos, 1);
    assert.deepEqual(parseMonthly('2nd mon 03:00').setPos, 2);
    assert.deepEqual(parseMonthly('3 months the third wednesday at 23:00'), { freq: 'monthly', interval: 3, byDay: ['WE'], setPos: 3, startTime: '23:00' });
  });

  it('refuses a fifth weekday, two weekdays or no time, naming --monthly', () => {
    refuses(() => parseMonthly('fifth sun 02:00'), EXIT.input, /^--monthly: "fifth" is not a position in the month/);
    refuses(() => parseMonthly('last sun,sat 02:00'), EXIT.input, /^--monthly: expected a position, a weekday and a time/);
    refuses(() => parseMonthly('last sun'), EXIT.input, /^--monthly: expected a position, a weekday and a time/);
  });
});

describe('--tz, --except, --at', () => {
  it('takes IANA zones, correcting only their case', () => {
    assert.equal(timeZoneFlag('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(timeZoneFlag('europe/berlin'), 'Europe/Berlin');
    assert.equal(timeZoneFlag('UTC'), 'UTC');
    refuses(() => timeZoneFlag('Mars/Base'), EXIT.input, /^--tz: expected an IANA time zone such as Europe\/Berlin, got "Mars\/Base"$/);
  });

  it('reads --except as sorted distinct days', () => {
    assert.deepEqual(dateListFlag('except', '2026-12-27, 2026-12-20,2026-12-27'), ['2026-12-20', '2026-12-27']);
    assert.deepEqual(dateListFlag('except', undefined), []);
    refuses(() => dateListFlag('except', '2026-12-20,2026-02-30'), EXIT.input, /^--except: expected dates written YYYY-MM-DD, separated by commas, got "2026-02-30"$/);
  });

  it('reads --at as local to the zone unless it carries Z or an offset', () => {
    assert.equal(instantFlag('at', '2026-12-06T02:00', 'Europe/Berlin').iso, '2026-12-06T01:00:00.000Z', 'CET is UTC+1');
    assert.equal(instantFlag('at', '2026-07-06 02:00', 'Europe/Berlin').iso, '2026-07-06T00:00:00.000Z', 'CEST is UTC+2');
    assert.equal(instantFlag('announced', '2026-12-01T09:00Z', 'Europe/Berlin').iso, '2026-12-01T09:00:00.000Z');
    assert.equal(instantFlag('announced', '2026-12-01T09:00+0530', 'UTC').iso, '2026-12-01T03:30:00.000Z');
    refuses(() => instantFlag('at', '2026-12-06', 'UTC'), EXIT.input, /^--at: expected a date and time such as/);
    refuses(() => instantFlag('at', '2026-02-30T02:00', 'UTC'), EXIT.input, /^--at: /);
  });

  it('moves a local time in the spring-forward gap as RFC 5545 does, and says so', () => {
    const gap = instantFlag('at', '2027-03-28T02:30', 'Europe/Berlin');
    assert.equal(gap.iso, '2027-03-28T01:30:00.000Z', '02:30 does not exist; read with the offset before the gap (03:30 CEST)');
    assert.match(gap.warning ?? '', /^--at: 2027-03-28 02:30 does not exist in Europe\/Berlin/);
    assert.equal(instantFlag('at', '2027-03-28T04:00', 'Europe/Berlin').warning, undefined, 'no warning outside the gap');
  });
});

describe('scheduleFromFlags', () => {
  const now = Date.parse('2026-12-05T23:30:00Z'); // already Sunday 6 December in Berlin

  it('builds a recurring schedule, from today in the zone unless --from', () => {
    const { schedule } = scheduleFromFlags({ every: 'sun 02:00', duration: '120', tz: 'Europe/Berlin' }, now);
    assert.deepEqual(schedule, {
      kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
      timeZone: 'Europe/Berlin', from: '2026-12-06', until: null, count: null, exDates: [],
    });
    const bounded = scheduleFromFlags({ monthly: 'last sun 02:00', duration: '60', tz: 'UTC', from: '2026-01-01', count: '6', except: '2026-03-29' }, now).schedule;
    assert.ok(bounded.kind === 'recurring' && bounded.count === 6 && bounded.from === '2026-01-01', `bounds carried: ${JSON.stringify(bounded)}`);
    assert.ok(bounded.kind === 'recurring' && bounded.exDates[0] === '2026-03-29', 'the exception carried');
  });

  it('builds a one-off from --at and --duration', () => {
    const { schedule } = scheduleFromFlags({ at: '2026-12-06T02:00', duration: '90', tz: 'Europe/Berlin' }, now);
    assert.deepEqual(schedule, { kind: 'once', start: '2026-12-06T01:00:00.000Z', end: '2026-12-06T02:30:00.000Z', timeZone: 'Europe/Berlin' });
  });

  it('refuses missing or clashing flags as usage (exit 1), on one line', () => {
    refuses(() => scheduleFromFlags({ duration: '60', tz: 'UTC' }, now), EXIT.usage, /^give --every, --monthly or --at/);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', at: '2026-12-06T02:00', duration: '60', tz: 'UTC' }, now), EXIT.usage, /^give only one of --every, --monthly or --at/);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', tz: 'UTC' }, now), EXIT.usage, /^--duration: /);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', duration: '60' }, now), EXIT.usage, /^--tz: /);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', duration: '60', tz: 'UTC', until: '2027-01-01', count: '3' }, now), EXIT.usage, /--until or --count, not both/);
    refuses(() => scheduleFromFlags({ at: '2026-12-06T02:00', duration: '60', tz: 'UTC', count: '3' }, now), EXIT.usage, /^--count bounds a recurring schedule/);
  });

  it('refuses bad values as input (exit 2), naming the flag', () => {
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', duration: '10081', tz: 'UTC' }, now), EXIT.input, /^--duration: expected a whole number from 1 to 10080/);
    refuses(() => scheduleFromFlags({ at: '2026-12-06T02:00', duration: '44641', tz: 'UTC' }, now), EXIT.input, /^--duration: expected a whole number from 1 to 44640/);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', duration: '60', tz: 'UTC', until: '2026-12-01' }, now), EXIT.input, /^--until: 2026-12-01 is before the first day, 2026-12-05 \(today in UTC; give --from\)$/);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', duration: '60', tz: 'UTC', count: '1001' }, now), EXIT.input, /^--count: /);
    refuses(() => scheduleFromFlags({ every: 'sun 02:00', duration: '60', tz: 'Mars/Base' }, now), EXIT.input, /^--tz: expected an IANA time zone/);
  });
});

describe('whole days and ranges', () => {
  it('makes a blackout of whole local days, --to included, and reads it back', () => {
    const schedule = wholeDaysSchedule({ from: '2026-12-20', to: '2027-01-05', tz: 'Europe/Berlin' });
    assert.deepEqual(schedule, { kind: 'once', start: '2026-12-19T23:00:00.000Z', end: '2027-01-05T23:00:00.000Z', timeZone: 'Europe/Berlin' });
    assert.deepEqual(wholeDaysOf(schedule), { from: '2026-12-20', to: '2027-01-05' });
    assert.equal(wholeDaysSchedule({ from: '2026-12-20', to: '2026-12-20' }).timeZone, 'UTC', 'UTC unless --tz');
    assert.equal(wholeDaysOf({ kind: 'once', start: '2026-12-10T18:00:00Z', end: '2026-12-10T22:00:00Z', timeZone: 'UTC' }), null, 'not whole days');
    refuses(() => wholeDaysSchedule({ from: '2026-12-20', to: '2026-12-19' }), EXIT.input, /^--to: 2026-12-19 is before --from, 2026-12-20$/);
    assert.equal(wholeDaysOf(wholeDaysSchedule({ from: '2026-11-15', to: '2027-01-31' }))?.to, '2027-01-31', 'a freeze of two and a half months');
    refuses(() => wholeDaysSchedule({ from: '2026-12-01', to: '2028-01-31' }), EXIT.input, /^--to: a blackout period of whole days is at most 366 days/);
  });

  it('defaults the range to today and a year ahead, and says when it did', () => {
    assert.deepEqual(rangeFlags({}, '2026-12-04'), { range: { from: '2026-12-04', to: '2027-12-04' }, defaulted: true });
    assert.deepEqual(rangeFlags({ from: '2027-01-01' }, '2026-12-04'), { range: { from: '2027-01-01', to: '2028-01-01' }, defaulted: false });
    assert.equal(yearAfter('2028-02-29'), '2029-03-01');
    refuses(() => rangeFlags({ from: '2027-01-01', to: '2026-12-31' }, '2026-12-04'), EXIT.input, /^--to: 2026-12-31 is before the first day, 2027-01-01$/);
    refuses(() => rangeFlags({ from: '2026-01-01', to: '2029-01-02' }, '2026-12-04'), EXIT.input, /^--to: a range is at most three years/);
    refuses(() => rangeFlags({ from: '2026-1-1' }, '2026-12-04'), EXIT.input, /^--from: expected a date written YYYY-MM-DD/);
  });
});
