// The questionnaire's incident-transparency claims held against the measures
// (shared/incidents/claims.ts): first update, postmortems, status page and SLA uptime, each
// contradicted, consistent or untested, in words a report prints as they stand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { INCIDENT_CLAIM_QUESTIONS, type Incident, type IncidentClaimCheck, type TransparencyMeasures } from '../../shared/domain/incidents';
import { checkIncidentClaims } from '../../shared/incidents/claims';
import { transparencyMeasures } from '../../shared/incidents/measures';

type Over = Omit<Partial<TransparencyMeasures>, 'firstUpdate' | 'postmortems'> & {
  firstUpdate?: Partial<TransparencyMeasures['firstUpdate']>;
  postmortems?: Partial<TransparencyMeasures['postmortems']>;
};

/** Measures of a period with nothing on record, with the parts a test sets. */
function measures(over: Over = {}): TransparencyMeasures {
  const none = { median: null, measured: 0 };
  const base: TransparencyMeasures = {
    period: { from: '2026-01-01', to: '2026-03-31' },
    total: 0,
    byImpact: { none: 0, minor: 0, major: 0, critical: 0 },
    impactUnknown: 0,
    open: 0,
    notOnStatusPage: 0,
    firstUpdate: { median: null, p90: null, measured: 0, withoutUpdate: 0, notMeasured: 0 },
    timeToResolve: { none, minor: none, major: none, critical: none },
    postmortems: { due: 0, published: 0, share: null, medianDaysToPublish: null },
    updatesPerIncidentHour: null,
    longestSilence: null,
    availability: null,
  };
  return {
    ...base,
    ...over,
    firstUpdate: { ...base.firstUpdate, ...over.firstUpdate },
    postmortems: { ...base.postmortems, ...over.postmortems },
  };
}
/** Postmortems due and published, the share as the measures give it. */
const postmortems = (due: number, published: number) => ({ due, published, share: due === 0 ? null : published / due });

const answers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
function only(checks: IncidentClaimCheck[], id: IncidentClaimCheck['questionId']): IncidentClaimCheck {
  const found = checks.filter((c) => c.questionId === id);
  assert.equal(found.length, 1, `one check for ${id}`);
  return found[0]!;
}
const check = (id: IncidentClaimCheck['questionId'], value: unknown, m: TransparencyMeasures) => only(checkIncidentClaims(answers({ [id]: value }), m), id);

describe('which claims are checked', () => {
  test('answered claim questions only, in the order of INCIDENT_CLAIM_QUESTIONS', () => {
    const checks = checkIncidentClaims(
      answers({ inc_sla_uptime_percent: 99.9, inc_status_page: 'active', other_question: 5, inc_postmortems: 'public', inc_first_update_minutes: 15 }),
      measures(),
    );
    assert.deepEqual(checks.map((c) => c.questionId), [...INCIDENT_CLAIM_QUESTIONS]);
  });

  test('unanswered, non-finite, non-numeric and unknown option answers are left out', () => {
    const checks = checkIncidentClaims(
      answers({ inc_first_update_minutes: '15', inc_sla_uptime_percent: Number.NaN, inc_postmortems: 'sometimes', inc_status_page: null }),
      measures({ total: 3 }),
    );
    assert.deepEqual(checks, []);
    assert.deepEqual(checkIncidentClaims(new Map(), measures({ total: 3 })), []);
  });
});

describe('first update', () => {
  test('contradicted when the median is above the answer, with the count and the p90', () => {
    const c = check('inc_first_update_minutes', 15, measures({ total: 10, firstUpdate: { median: 42, p90: 75, measured: 9, withoutUpdate: 1 } }));
    assert.deepEqual([c.verdict, c.claimed, c.observed], ['contradicted', 15, 42]);
    assert.equal(c.words, "Answered 15 minutes to the first update; the record's median is 42 minutes over 9 incidents (90th percentile 75 minutes).");
  });

  test('consistent at or below the answer; singular minutes read as such', () => {
    const at = check('inc_first_update_minutes', 17.5, measures({ firstUpdate: { median: 17.5, p90: 90, measured: 6 } }));
    assert.deepEqual([at.verdict, at.observed], ['consistent', 17.5]);
    const one = check('inc_first_update_minutes', 1, measures({ firstUpdate: { median: 1, p90: 1, measured: 3 } }));
    assert.equal(one.verdict, 'consistent');
    assert.equal(one.words, "Answered 1 minute to the first update; the record's median is 1 minute over 3 incidents (90th percentile 1 minute).");
  });

  test('untested below MIN_INCIDENTS_FOR_VERDICT (3) incidents with a first update', () => {
    const two = check('inc_first_update_minutes', 15, measures({ firstUpdate: { median: 100, p90: 120, measured: 2 } }));
    assert.deepEqual([two.verdict, two.observed], ['untested', null]);
    assert.equal(two.words, 'Answered 15 minutes to the first update; only 2 incidents with a public update are on record in the period, too few to test it.');
    const one = check('inc_first_update_minutes', 15, measures({ firstUpdate: { median: 100, p90: 100, measured: 1 } }));
    assert.equal(one.words, 'Answered 15 minutes to the first update; only 1 incident with a public update is on record in the period, too few to test it.');
    const none = check('inc_first_update_minutes', 15, measures({ total: 4, firstUpdate: { withoutUpdate: 4 } }));
    assert.equal(none.words, 'Answered 15 minutes to the first update; no incident with a public update is on record in the period to test it.');
  });
});

describe('postmortems', () => {
  const DUE = 'resolved at least 14 days before the end of the period';

  test("'public': contradicted when fewer were published than were due", () => {
    const c = check('inc_postmortems', 'public', measures({ postmortems: postmortems(5, 3) }));
    assert.deepEqual([c.verdict, c.claimed, c.observed], ['contradicted', 'public', 0.6]);
    assert.equal(c.words, `Answered public postmortems for significant incidents; 2 of 5 major or critical incidents ${DUE} have none on record.`);
    assert.equal(
      check('inc_postmortems', 'public', measures({ postmortems: postmortems(5, 4) })).words,
      `Answered public postmortems for significant incidents; 1 of 5 major or critical incidents ${DUE} has none on record.`,
    );
    assert.equal(
      check('inc_postmortems', 'public', measures({ postmortems: postmortems(3, 0) })).words,
      `Answered public postmortems for significant incidents; none of the 3 major or critical incidents ${DUE} has one on record.`,
    );
    assert.equal(
      check('inc_postmortems', 'public', measures({ postmortems: postmortems(1, 0) })).words,
      `Answered public postmortems for significant incidents; the one major or critical incident ${DUE} has none on record.`,
    );
  });

  test("'public': consistent when every one due has one; untested when none is due", () => {
    const all = check('inc_postmortems', 'public', measures({ postmortems: postmortems(4, 4) }));
    assert.deepEqual([all.verdict, all.observed], ['consistent', 1]);
    assert.equal(all.words, `Answered public postmortems for significant incidents; all 4 major or critical incidents ${DUE} have one on record.`);
    assert.equal(
      check('inc_postmortems', 'public', measures({ postmortems: postmortems(1, 1) })).words,
      `Answered public postmortems for significant incidents; the one major or critical incident ${DUE} has one on record.`,
    );
    const untested = check('inc_postmortems', 'public', measures({ total: 4, postmortems: postmortems(0, 0) }));
    assert.deepEqual([untested.verdict, untested.observed], ['untested', null]);
    assert.equal(untested.words, `Answered public postmortems for significant incidents; no major or critical incident ${DUE} is on record to test it.`);
  });

  test("'on_request': untested, a private postmortem is not in a public record", () => {
    const c = check('inc_postmortems', 'on_request', measures({ postmortems: postmortems(5, 0) }));
    assert.deepEqual([c.verdict, c.observed], ['untested', null]);
    assert.equal(c.words, 'Answered private postmortems, on request; a private postmortem cannot be seen in a public record, so the record cannot test this.');
  });

  test("'none': always consistent; the words say when the record is better than the answer", () => {
    const none = check('inc_postmortems', 'none', measures({ postmortems: postmortems(3, 0) }));
    assert.deepEqual([none.verdict, none.observed], ['consistent', 0]);
    assert.equal(none.words, `Answered no postmortems; no postmortem is on record for a major or critical incident ${DUE}.`);
    assert.equal(check('inc_postmortems', 'none', measures()).observed, null, 'nothing due: no share');
    const some = check('inc_postmortems', 'none', measures({ postmortems: postmortems(5, 2) }));
    assert.deepEqual([some.verdict, some.observed], ['consistent', 0.4]);
    assert.equal(some.words, `Answered no postmortems; the record shows better than the answer: 2 of 5 major or critical incidents ${DUE} have a postmortem on record.`);
    assert.match(check('inc_postmortems', 'none', measures({ postmortems: postmortems(5, 1) })).words, /: 1 of 5 major or critical incidents .* has a postmortem on record\.$/);
    assert.match(check('inc_postmortems', 'none', measures({ postmortems: postmortems(3, 3) })).words, /: all 3 major or critical incidents .* have a postmortem on record\.$/);
    assert.match(check('inc_postmortems', 'none', measures({ postmortems: postmortems(1, 1) })).words, /: the one major or critical incident .* has a postmortem on record\.$/);
  });
});

describe('status page', () => {
  test("'active': contradicted by any incident your team recorded that the status page never showed", () => {
    const c = check('inc_status_page', 'active', measures({ total: 9, notOnStatusPage: 2 }));
    assert.deepEqual([c.verdict, c.claimed, c.observed], ['contradicted', 'active', 2]);
    assert.equal(c.words, 'Answered a status page updated during incidents; 2 incidents your team recorded never appeared on their status page.');
    assert.equal(
      check('inc_status_page', 'active', measures({ total: 9, notOnStatusPage: 1 })).words,
      'Answered a status page updated during incidents; 1 incident your team recorded never appeared on their status page.',
    );
  });

  test("'active': consistent when every incident appeared; untested without incidents", () => {
    const all = check('inc_status_page', 'active', measures({ total: 7 }));
    assert.deepEqual([all.verdict, all.observed], ['consistent', 0]);
    assert.equal(all.words, 'Answered a status page updated during incidents; all 7 incidents on record in the period appeared on it.');
    assert.equal(check('inc_status_page', 'active', measures({ total: 1 })).words, 'Answered a status page updated during incidents; the one incident on record in the period appeared on it.');
    const untested = check('inc_status_page', 'active', measures());
    assert.deepEqual([untested.verdict, untested.observed], ['untested', null]);
    assert.equal(untested.words, 'Answered a status page updated during incidents; no incident is on record in the period to test it.');
  });

  test("'stale' and 'none' promise nothing the record could contradict", () => {
    const stale = check('inc_status_page', 'stale', measures({ total: 5, notOnStatusPage: 3 }));
    assert.deepEqual([stale.verdict, stale.observed], ['consistent', 3]);
    assert.equal(stale.words, 'Answered that the status page is often silent while things are broken, which promises nothing the record could contradict.');
    const none = check('inc_status_page', 'none', measures({ total: 5, notOnStatusPage: 2 }));
    assert.equal(none.verdict, 'consistent');
    assert.equal(none.words, 'Answered no status page, which promises nothing the record could contradict; yet 3 incidents on record in the period appeared on a status page.');
    assert.match(check('inc_status_page', 'none', measures({ total: 2, notOnStatusPage: 1 })).words, /; yet 1 incident on record in the period appeared on a status page\.$/);
    assert.equal(check('inc_status_page', 'none', measures()).words, 'Answered no status page, which promises nothing the record could contradict.');
  });
});

describe('SLA uptime', () => {
  const availability = (month: string, percent: number, componentsUsed: string[] = []) => ({ percent: 99.9, worstMonth: { month, percent }, componentsUsed });

  test('contradicted when the worst month is below the promise', () => {
    const c = check('inc_sla_uptime_percent', 99.9, measures({ total: 4, availability: availability('2026-03', 99.41) }));
    assert.deepEqual([c.verdict, c.claimed, c.observed], ['contradicted', 99.9, 99.41]);
    assert.equal(c.words, "Promised 99.9% monthly uptime; the record's estimate for 2026-03 is 99.41% (major and critical incidents counted as down).");
    const used = check('inc_sla_uptime_percent', 99.9, measures({ total: 4, availability: availability('2026-03', 99.41, ['API']) }));
    assert.equal(used.words, "Promised 99.9% monthly uptime; the record's estimate for 2026-03 is 99.41% (major and critical incidents on the components you use counted as down).");
  });

  test('consistent at or above the promise', () => {
    const c = check('inc_sla_uptime_percent', 99.9, measures({ total: 4, availability: availability('2026-02', 99.95) }));
    assert.deepEqual([c.verdict, c.observed], ['consistent', 99.95]);
    assert.equal(c.words, "Promised 99.9% monthly uptime; the record's estimate for its worst month, 2026-02, is 99.95% (major and critical incidents counted as down).");
    assert.equal(check('inc_sla_uptime_percent', 99.9, measures({ total: 1, availability: availability('2026-02', 99.9) })).verdict, 'consistent');
    assert.equal(check('inc_sla_uptime_percent', 100, measures({ total: 1, availability: availability('2026-01', 100) })).verdict, 'consistent');
  });

  test('untested without an estimate', () => {
    const c = check('inc_sla_uptime_percent', 99.95, measures());
    assert.deepEqual([c.verdict, c.observed], ['untested', null]);
    assert.equal(c.words, 'Promised 99.95% monthly uptime; no incident whose impact is known is on record in the period to estimate it.');
  });
});

describe('from a record to the words', () => {
  test('measures of a real record held against a full set of answers', () => {
    const at = (s: string, minutes: number) => new Date(Date.parse(s) + minutes * 60_000).toISOString();
    const incident = (id: string, start: string, firstUpdate: number, resolved: number, over: Partial<Incident> = {}): Incident => ({
      id, vendorId: 'v1', title: id, impact: 'major', components: [], startedAt: start, firstUpdateAt: at(start, firstUpdate), resolvedAt: at(start, resolved),
      updates: [{ at: at(start, firstUpdate), status: 'investigating', text: '' }], postmortem: null, source: 'entered', onStatusPage: true,
      sourceUid: null, sequence: null, link: null, notes: '', createdAt: start, updatedAt: start, ...over,
    });
    const record = [
      // March: one 60 + two 120 = 180 minutes down of 44,640 → 100 · (1 − 180 / 44640) = 99.597.
      // three never appeared on the status page.
      incident('one', '2026-03-02T00:00:00Z', 10, 60, { postmortem: { publishedAt: '2026-03-05T00:00:00Z', link: null, text: 'Root cause.' } }),
      incident('two', '2026-03-03T00:00:00Z', 40, 120),
      incident('three', '2026-03-04T00:00:00Z', 60, 30, { impact: 'minor', onStatusPage: false }),
      incident('four', '2026-03-05T00:00:00Z', 5, 10, { impact: 'none', firstUpdateAt: null, updates: [] }),
      incident('five', '2026-01-10T00:00:00Z', 5, 0, { impact: 'critical' }),
    ];
    const m = transparencyMeasures(record, { from: '2026-01-01', to: '2026-03-31' }, []);
    const checks = checkIncidentClaims(
      answers({ inc_first_update_minutes: 15, inc_postmortems: 'public', inc_status_page: 'active', inc_sla_uptime_percent: 99.9 }),
      m,
    );
    // five: critical, resolved the moment it started (0 minutes down), first update at 5 minutes.
    // First updates: five 5, one 10, two 40 → median 10, p90 rank ceil(2.7) = 3 → 40 (three never
    // appeared on the status page: what the team noted is no public update).
    // Due: one, two, five (all resolved in January or by 2026-03-03, before 2026-03-18); published: one.
    assert.deepEqual(
      checks.map((c) => [c.verdict, c.words]),
      [
        ['consistent', "Answered 15 minutes to the first update; the record's median is 10 minutes over 3 incidents (90th percentile 40 minutes)."],
        ['contradicted', 'Answered public postmortems for significant incidents; 2 of 3 major or critical incidents resolved at least 14 days before the end of the period have none on record.'],
        ['contradicted', 'Answered a status page updated during incidents; 1 incident your team recorded never appeared on their status page.'],
        ['contradicted', "Promised 99.9% monthly uptime; the record's estimate for 2026-03 is 99.597% (major and critical incidents counted as down)."],
      ],
    );
  });
});

describe('the words', () => {
  const count = fc.nat({ max: 12 });
  const anyMeasures = fc
    .record({ total: count, not: count, measured: count, median: fc.integer({ min: 0, max: 3000 }).map((n) => n / 10), due: count, published: count, worst: fc.option(fc.integer({ min: 90_000, max: 100_000 }).map((n) => n / 1000), { nil: null }), used: fc.boolean() })
    .map((r) => {
      const total = Math.max(r.total, r.not);
      const due = Math.max(r.due, r.published);
      return measures({
        total,
        notOnStatusPage: r.not,
        firstUpdate: { median: r.measured === 0 ? null : r.median, p90: r.measured === 0 ? null : r.median * 2, measured: r.measured },
        postmortems: postmortems(due, r.published),
        availability: total === 0 || r.worst === null ? null : { percent: r.worst, worstMonth: { month: '2026-02', percent: r.worst }, componentsUsed: r.used ? ['API'] : [] },
      });
    });
  const anyAnswers = fc.record({
    inc_first_update_minutes: fc.integer({ min: 0, max: 240 }),
    inc_postmortems: fc.constantFrom('public', 'on_request', 'none'),
    inc_status_page: fc.constantFrom('active', 'stale', 'none'),
    inc_sla_uptime_percent: fc.integer({ min: 9_000, max: 10_000 }).map((n) => n / 100),
  });

  test('every check is one printable sentence, in the singular where one is meant', () => {
    fc.assert(
      fc.property(anyAnswers, anyMeasures, (given, m) => {
        const checks = checkIncidentClaims(answers(given), m);
        assert.equal(checks.length, 4, 'every answered claim is checked');
        for (const c of checks) {
          assert.match(c.words, /^[A-Z][^\n]*\.$/, `one sentence: ${c.words}`);
          assert.ok(!/\b(undefined|null|NaN|Infinity)\b/.test(c.words), `no missing value printed: ${c.words}`);
          assert.ok(!/(^|[^.\d])1 (minutes|incidents|days)\b/.test(c.words), `no "1 …s": ${c.words}`);
          assert.ok(!/\b(0|[2-9]|\d{2,}) (minute|incident|day)\b(?! your)/.test(c.words.replace(/\d+ of \d+ /g, '')), `plural after other numbers: ${c.words}`);
          assert.ok(c.verdict !== 'untested' || c.observed === null, `untested observes nothing: ${c.words}`);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
