// The subprocessor annex as of a date D (#12 review): who was in use on D (from the status trail,
// not today's status), who was not in the register yet, what the decision cell says of a
// reassessment overdue or in progress, locations that name no country, a DPA without its link, and
// an introduction that stays true when proposed providers are listed on request.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_REASSESSMENT_MONTHS } from '../../shared/domain/reassessment';
import { toAnswerMap, type Answer, type Review, type ReviewStatus } from '../../shared/domain/review';
import { standingAsOf, type StandingReview } from '../../shared/domain/standing';
import { partsNamingNoCountry } from '../../shared/domain/transfers';
import type { VendorFields } from '../../shared/domain/vendor';
import { providerStatusAsOf, type StatusTrailEntry } from '../../shared/reports/provider-status-as-of';
import { buildSubprocessorAppendix, introWarnings, selectSubprocessors, type SubprocessorCandidate, type SubprocessorOptions } from '../../shared/reports/subprocessors';
import { scoreReview } from '../../shared/scoring';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { answer, answersFor, review, vendor } from '../helpers/review-fixtures';
import { textOf } from '../helpers/doc-text';

const options = (asOf: string, o: Partial<SubprocessorOptions> = {}): SubprocessorOptions => ({ asOf, includeProposed: false, includeTiers: false, ...o });
const personal: Partial<VendorFields> = {
  status: 'active',
  category: 'logging',
  dataCategories: ['personal-data'],
  dataLocations: ['Germany'],
  service: 'Log search',
  links: { dpa: 'https://logjam.example/dpa' },
};
const goodAnswers = () =>
  answersFor(INFRASTRUCTURE_TEMPLATE, { prv_personal_data: answer('prv_personal_data', 'users'), prv_transfer_mechanism: answer('prv_transfer_mechanism', 'not_needed') });

const created = (at: string, to: string): StatusTrailEntry => ({ at, action: 'create', from: null, to });
const changed = (at: string, from: string, to: string): StatusTrailEntry => ({ at, action: 'update', from, to });

interface Setup {
  fields?: Partial<VendorFields>;
  createdAt?: string;
  trail?: StatusTrailEntry[];
  /** The first review's decision and its day (null: no decision). */
  decision?: [ReviewStatus, string] | null;
  /** A later review opened on this day and left a draft. */
  reopened?: string;
  answers?: Answer[];
}

/** A provider as the list reads it on `asOf`, built through the real rules (standing, status trail). */
function candidate(name: string, asOf: string, s: Setup = {}): SubprocessorCandidate {
  const createdAt = s.createdAt ?? '2024-10-01T09:00:00.000Z';
  const v = { ...vendor(name.toLowerCase().replace(/\W/g, '-'), name, { legalName: `${name} GmbH`, ...personal, ...s.fields }), createdAt, updatedAt: createdAt };
  const first: Review = { ...review(v.id, INFRASTRUCTURE_TEMPLATE), startedAt: createdAt };
  const [decision, day] = s.decision === undefined ? (['approved', '2024-11-05'] as const) : (s.decision ?? [null, null]);
  const entries: StandingReview[] = [
    {
      review: first,
      steps: decision ? [{ reviewId: first.id, from: 'in_review', to: decision, by: 'Ben', at: `${day}T10:00:00.000Z`, note: '' }] : [],
      decidedTier: 'medium',
      dueOverride: null,
    },
  ];
  if (s.reopened) entries.push({ review: { ...first, id: `${first.id}-2`, status: 'draft', startedAt: `${s.reopened}T09:00:00.000Z` }, steps: [], decidedTier: null, dueOverride: null });
  const answers = s.answers ?? goodAnswers();
  const standing = standingAsOf(entries, asOf, DEFAULT_REASSESSMENT_MONTHS);
  const trail = s.trail ?? [created(createdAt, v.status)];
  return {
    vendor: v,
    status: providerStatusAsOf(v.status, trail, asOf, TODAY),
    standing,
    decided: standing.decided ? { template: INFRASTRUCTURE_TEMPLATE, answers, score: scoreReview(INFRASTRUCTURE_TEMPLATE, toAnswerMap(answers), v) } : null,
  };
}

/** The documents' today in these tests. */
const TODAY = '2026-12-04';

/** Created proposed on 2024-10-01, in use from its approval on 2024-11-05, retired on 2026-12-01. */
const RETIRED_TODAY = [created('2024-10-01T09:00:00.000Z', 'proposed'), changed('2024-11-05T10:00:00.000Z', 'proposed', 'active'), changed('2026-12-01T08:00:00.000Z', 'active', 'retired')];

describe('the status on the date comes from the trail', () => {
  test('the status at creation, then each change on or before D; today’s status only where the trail cannot tell', () => {
    assert.deepEqual(providerStatusAsOf('retired', RETIRED_TODAY, '2024-10-15', TODAY), { status: 'proposed', since: null, fromTrail: true });
    assert.deepEqual(providerStatusAsOf('retired', RETIRED_TODAY, '2025-06-01', TODAY), { status: 'active', since: '2024-11-05', fromTrail: true });
    assert.deepEqual(providerStatusAsOf('retired', RETIRED_TODAY, '2026-12-01', TODAY), { status: 'retired', since: '2026-12-01', fromTrail: true });
    // No rows (a register imported without its trail), or rows that do not end at today's status.
    assert.deepEqual(providerStatusAsOf('retired', [], '2025-06-01', TODAY), { status: 'retired', since: null, fromTrail: false });
    assert.equal(providerStatusAsOf('retired', RETIRED_TODAY.slice(0, 2), '2025-06-01', TODAY).fromTrail, false);
    assert.equal(providerStatusAsOf('retired', [RETIRED_TODAY[0]!, RETIRED_TODAY[2]!], '2025-06-01', TODAY).fromTrail, false, 'a change that does not start where the last ended');
    // Without the creation row, the first change says what came before it.
    assert.deepEqual(providerStatusAsOf('retired', RETIRED_TODAY.slice(1), '2024-10-15', TODAY), { status: 'proposed', since: null, fromTrail: true });
    // Dated today, today's status is exact: nothing to warn about even without a trail.
    assert.deepEqual(providerStatusAsOf('retired', [], TODAY, TODAY), { status: 'retired', since: null, fromTrail: true });
  });

  test('a merge import: its own creation row (dated at the import) after the rows it carries (with their dates) still reads', () => {
    // The register's own rows come first in the trail; the file's older rows are appended after them.
    const importedToday = created('2026-12-04T10:00:00.000Z', 'retired');
    const merged = [importedToday, ...RETIRED_TODAY];
    assert.deepEqual(providerStatusAsOf('retired', merged, '2025-06-01', TODAY), { status: 'active', since: '2024-11-05', fromTrail: true });
    assert.deepEqual(providerStatusAsOf('retired', merged, '2024-10-15', TODAY), { status: 'proposed', since: null, fromTrail: true });
  });

  test('a status the trail cannot give is said on the row itself, not only in the warnings', () => {
    const june = selectSubprocessors([candidate('Logjam Cloud', '2025-06-01', { trail: [] })], options('2025-06-01'));
    assert.match(june.rows[0]!.profileNote ?? '', /Status on 2025-06-01 not known from the audit trail: shown as it is now \(in use\)/);
    assert.ok(june.warnings.some((w) => w.includes('does not tell its status on 2025-06-01')), june.warnings.join('\n'));
  });

  test('retired today but in use on D: listed; retired on or before D: left out and said so', () => {
    const june = selectSubprocessors([candidate('Logjam Cloud', '2025-06-01', { fields: { status: 'retired' }, trail: RETIRED_TODAY })], options('2025-06-01'));
    assert.deepEqual(june.rows.map((r) => r.vendor.name), ['Logjam Cloud'], 'in use and approved on 2025-06-01');
    assert.equal(june.rows[0]!.mark, null);

    const later = selectSubprocessors([candidate('Logjam Cloud', '2026-12-02', { fields: { status: 'retired' }, trail: RETIRED_TODAY })], options('2026-12-02', { includeProposed: true }));
    assert.deepEqual(later.rows, [], 'a retired provider is never listed, not even on request');
    assert.deepEqual(later.leftOut.map((o) => [o.reason, o.words]), [['retired', 'retired on 2026-12-01, on or before 2026-12-02']]);
    const text = textOf(buildSubprocessorAppendix({ selection: later, options: options('2026-12-02'), intro: '' }).content);
    assert.match(text, /retired on or before 2026-12-02/, 'the reading note names retired providers');

    // Proposed on D (approved, but not activated until later): not listed as in use.
    const before = selectSubprocessors([candidate('Logjam Cloud', '2024-10-20', { fields: { status: 'retired' }, trail: RETIRED_TODAY, decision: ['approved', '2024-10-15'] })], options('2024-10-20'));
    assert.deepEqual(before.leftOut.map((o) => o.reason), ['not_active']);
  });

  test('where the trail cannot tell, today’s status is used and a warning says so', () => {
    const { leftOut, warnings } = selectSubprocessors([candidate('Logjam Cloud', '2025-06-01', { fields: { status: 'retired' }, trail: [] })], options('2025-06-01'));
    assert.deepEqual(leftOut.map((o) => [o.reason, o.words]), [['retired', 'retired on or before 2025-06-01']]);
    assert.deepEqual(warnings, [
      'Logjam Cloud: the audit trail does not tell its status on 2025-06-01 (no complete record of its status changes); its status today (retired) is used.',
    ]);
  });
});

describe('providers not in the register on the date', () => {
  test('a provider added after D is not part of the annex, not even with proposed ones included', () => {
    const late = candidate('Newcomer', '2025-01-02', { createdAt: '2026-05-01T09:00:00.000Z', decision: null });
    for (const includeProposed of [false, true]) {
      const { rows, leftOut } = selectSubprocessors([late], options('2025-01-02', { includeProposed }));
      assert.deepEqual(rows, [], `includeProposed ${includeProposed}`);
      assert.deepEqual(leftOut.map((o) => [o.reason, o.words]), [['added_after', 'added after 2025-01-02 (on 2026-05-01)']]);
    }
  });

  test('with proposed ones included, the introduction is not theirs: they follow in a part of their own, and its DPA claim is held only against the rows it covers', () => {
    const asOf = '2025-06-01';
    const approved = candidate('Logjam Cloud', asOf);
    const proposed = candidate('Burrow MQ', asOf, { fields: { status: 'proposed' }, decision: null });
    const opts = options(asOf, { includeProposed: true });
    const selection = selectSubprocessors([approved, proposed], opts);
    const intro = 'The providers below process personal data under a data processing agreement, as established in our latest decided review.';
    const text = textOf(buildSubprocessorAppendix({ selection, options: opts, intro }).content);
    const part = text.indexOf('Listed on request: not part of this statement');
    assert.ok(part > 0, 'the part of its own');
    assert.ok(text.indexOf('Logjam Cloud GmbH') < part && text.indexOf('Burrow MQ GmbH') > part, 'approved rows under the introduction, the rest after');
    assert.match(text, /The introduction above does not apply to the provider below/);
    assert.deepEqual(introWarnings(intro, selection), [], 'Burrow MQ is not under the introduction');
    const without = textOf(buildSubprocessorAppendix({ selection: selectSubprocessors([approved, proposed], options(asOf)), options: options(asOf), intro }).content);
    assert.ok(!without.includes('Listed on request'), 'no such part without the flag');
    assert.ok(!without.includes('Burrow MQ'), 'and no proposed row');
  });

  test('a proposed provider whose review was rejected is said to be rejected, and when', () => {
    const c = candidate('Turned Down', '2025-06-01', { fields: { status: 'proposed' }, decision: ['rejected', '2025-02-03'] });
    const { leftOut } = selectSubprocessors([c], options('2025-06-01'));
    assert.deepEqual(leftOut.map((o) => o.words), ['proposed, not in use; rejected on 2025-02-03; listed, marked, when proposed providers are included']);
    const listed = selectSubprocessors([c], options('2025-06-01', { includeProposed: true }));
    assert.equal(listed.rows[0]!.mark, 'Proposed: rejected on 2025-02-03');
  });
});

describe('what the decision cell says of the next review', () => {
  test('overdue: said in the cell and named in the warnings', () => {
    // Medium tier, approved 2024-11-05: due 18 months later.
    const { rows, warnings } = selectSubprocessors([candidate('Logjam Cloud', '2026-06-01')], options('2026-06-01'));
    assert.equal(rows[0]!.decision, 'Approved 2024-11-05; reassessment overdue since 2026-05-05');
    assert.ok(
      warnings.includes('Logjam Cloud: its reassessment was due on 2026-05-05 and is overdue as of 2026-06-01; the row rests on the decision of 2024-11-05.'),
      warnings.join('\n'),
    );
  });

  test('in progress: said in the cell; not due yet: nothing added', () => {
    const open = selectSubprocessors([candidate('Logjam Cloud', '2026-03-01', { reopened: '2026-02-15' })], options('2026-03-01'));
    assert.equal(open.rows[0]!.decision, 'Approved 2024-11-05; reassessment in progress since 2026-02-15');
    assert.deepEqual(open.warnings, []);
    const both = selectSubprocessors([candidate('Logjam Cloud', '2026-06-01', { reopened: '2026-02-15' })], options('2026-06-01'));
    assert.equal(both.rows[0]!.decision, 'Approved 2024-11-05; reassessment in progress since 2026-02-15, overdue since 2026-05-05');
    const quiet = selectSubprocessors([candidate('Logjam Cloud', '2025-06-01')], options('2025-06-01'));
    assert.equal(quiet.rows[0]!.decision, 'Approved 2024-11-05');
  });
});

describe('locations and the DPA link', () => {
  test('a location that names no country: printed as recorded, and warned about', () => {
    for (const fine of ['Germany', 'Germany (Frankfurt)', 'US', 'Ireland, United States', 'eu-central-1 (Germany)', 'Chile']) {
      assert.deepEqual(partsNamingNoCountry(fine), [], fine);
    }
    assert.deepEqual(partsNamingNoCountry('EU'), ['EU']);
    assert.deepEqual(partsNamingNoCountry('EU (Frankfurt)'), ['EU']);
    assert.deepEqual(partsNamingNoCountry('us-east-1'), ['us-east-1']);
    assert.deepEqual(partsNamingNoCountry('europe-west4'), ['europe-west4']);
    assert.deepEqual(partsNamingNoCountry('Global'), ['Global']);
    assert.deepEqual(partsNamingNoCountry('Multi-region (US and EU)'), ['Multi-region', 'EU']);
    assert.deepEqual(partsNamingNoCountry('Virginia'), ['Virginia']);

    const c = candidate('Logjam Cloud', '2025-06-01', { fields: { dataLocations: ['EU (Frankfurt)', 'Germany', 'us-east-1'] } });
    const { rows, warnings } = selectSubprocessors([c], options('2025-06-01'));
    assert.equal(rows[0]!.locations, 'EU (Frankfurt), Germany, us-east-1', 'printed as recorded');
    assert.ok(warnings.includes("Logjam Cloud: the processing location 'EU (Frankfurt)' ('EU') names no country: name the countries in the profile."), warnings.join('\n'));
    assert.ok(warnings.includes("Logjam Cloud: the processing location 'us-east-1' names no country: name the countries in the profile."), warnings.join('\n'));
    assert.ok(!warnings.some((w) => w.includes("'Germany'")), 'a country is fine');
  });

  test('a signed DPA with no link says so and warns; beside a disputed DPA the link is labelled as the profile’s', () => {
    const unlinked = selectSubprocessors([candidate('Logjam Cloud', '2025-06-01', { fields: { links: {} } })], options('2025-06-01'));
    assert.deepEqual(unlinked.rows[0]!.dpa, { disputed: 'Signed (no link recorded)' });
    assert.ok(unlinked.warnings.includes('Logjam Cloud: the data processing agreement is signed, but no link to it is recorded in the profile.'), unlinked.warnings.join('\n'));
    assert.deepEqual(introWarnings('All under a data processing agreement.', unlinked), [], 'signed is signed');

    const disputedAnswers = answersFor(INFRASTRUCTURE_TEMPLATE, { prv_personal_data: answer('prv_personal_data', 'users'), prv_dpa: answer('prv_dpa', 'no') });
    const disputed = selectSubprocessors([candidate('Logjam Cloud', '2025-06-01', { answers: disputedAnswers })], options('2025-06-01'));
    assert.deepEqual(disputed.rows[0]!.dpa, { disputed: 'Unconfirmed: profile and review disagree' });
    const text = textOf(buildSubprocessorAppendix({ selection: disputed, options: options('2025-06-01'), intro: '' }).content);
    assert.match(text, /Link in the profile: +https:\/\/logjam\.example\/dpa/, 'labelled as the profile’s');
    const signed = textOf(buildSubprocessorAppendix({ selection: selectSubprocessors([candidate('Logjam Cloud', '2025-06-01')], options('2025-06-01')), options: options('2025-06-01'), intro: '' }).content);
    assert.ok(signed.includes('https://logjam.example/dpa') && !signed.includes('Link in the profile'), 'beside a signed agreement the link is the agreement');
  });
});
