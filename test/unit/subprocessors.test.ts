// The subprocessor annex (shared/reports/subprocessors.ts): who is listed as of a date, who is left
// out and why, and that facts come from the decided review and the profile, with disagreements said.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_REASSESSMENT_MONTHS } from '../../shared/domain/reassessment';
import { toAnswerMap, type Answer, type ReviewStatus } from '../../shared/domain/review';
import { standingAsOf } from '../../shared/domain/standing';
import { locationZone } from '../../shared/domain/transfers';
import { processesPersonalData, type VendorFields } from '../../shared/domain/vendor';
import type { ReviewStep } from '../../shared/domain/workflow';
import {
  buildSubprocessorAppendix,
  introWarnings,
  selectSubprocessors,
  type SubprocessorCandidate,
  type SubprocessorOptions,
} from '../../shared/reports/subprocessors';
import { providerStatusAsOf } from '../../shared/reports/provider-status-as-of';
import { scoreReview } from '../../shared/scoring';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { answer, answersFor, review, vendor } from '../helpers/review-fixtures';
import { textOf } from '../helpers/doc-text';

const AS_OF = '2026-06-30';
const options = (o: Partial<SubprocessorOptions> = {}): SubprocessorOptions => ({ asOf: AS_OF, includeProposed: false, includeTiers: false, ...o });
const personal: Partial<VendorFields> = { status: 'active', dataCategories: ['personal-data'], dataLocations: ['Germany'], service: 'Hosted database' };

/** A provider whose review went to `decision` on `day` (none: only a draft), with these answers. */
function candidate(name: string, fields: Partial<VendorFields>, decision: ReviewStatus | null, answers: Answer[] = answersFor(INFRASTRUCTURE_TEMPLATE, { prv_personal_data: answer('prv_personal_data', 'users') }), day = '2026-03-01'): SubprocessorCandidate {
  const v = vendor(name.toLowerCase().replace(/\W/g, '-'), name, fields);
  const r = review(v.id, INFRASTRUCTURE_TEMPLATE);
  const steps: ReviewStep[] = decision
    ? [
        { reviewId: r.id, from: 'draft', to: 'in_review', by: 'Ana', at: `${day}T09:00:00.000Z`, note: '' },
        { reviewId: r.id, from: 'in_review', to: decision, by: 'Ben', at: `${day}T10:00:00.000Z`, note: '' },
      ]
    : [];
  const score = scoreReview(INFRASTRUCTURE_TEMPLATE, toAnswerMap(answers), v);
  const standing = standingAsOf([{ review: r, steps, decidedTier: score.tier, dueOverride: null }], AS_OF, DEFAULT_REASSESSMENT_MONTHS);
  // The trail agrees with the profile: created with today's status, never changed.
  const status = providerStatusAsOf(v.status, [{ at: v.createdAt, action: 'create', from: null, to: v.status }], AS_OF, AS_OF);
  return { vendor: v, status, standing, decided: standing.decided ? { template: INFRASTRUCTURE_TEMPLATE, answers, score } : null };
}

describe('who is listed as of the date', () => {
  const candidates = [
    candidate('Zulu Store', { ...personal, category: 'database', legalName: 'Zulu Store GmbH' }, 'approved'),
    candidate('Alpha Base', { ...personal, category: 'database', legalName: 'Alpha Base Ltd' }, 'approved_with_conditions'),
    candidate('Freshly Approved', { ...personal, status: 'proposed', category: 'logging' }, 'approved'),
    candidate('Only Drafted', { ...personal, category: 'logging' }, null),
    candidate('Turned Down', { ...personal, category: 'logging' }, 'rejected'),
    candidate('Old Base', { ...personal, status: 'retired', category: 'database' }, 'approved'),
    candidate('Metrics Only', { status: 'active', category: 'metrics', dataCategories: ['logs-telemetry'] }, 'approved', answersFor(INFRASTRUCTURE_TEMPLATE, { prv_personal_data: answer('prv_personal_data', 'none') })),
    candidate('Approved Later', { ...personal, category: 'database' }, 'approved', undefined, '2026-08-01'),
  ];

  test('active providers approved by then that process personal data; everyone else named with why', () => {
    const { rows, leftOut } = selectSubprocessors(candidates, options());
    assert.deepEqual(rows.map((r) => r.vendor.name), ['Alpha Base', 'Zulu Store']);
    assert.deepEqual(
      leftOut.map((o) => [o.name, o.reason]),
      [
        ['Approved Later', 'not_approved'],
        ['Freshly Approved', 'not_active'],
        ['Metrics Only', 'no_personal_data'],
        ['Old Base', 'retired'],
        ['Only Drafted', 'not_approved'],
        ['Turned Down', 'not_approved'],
      ],
    );
    assert.match(leftOut.find((o) => o.name === 'Approved Later')!.words, /not approved as of 2026-06-30/);
    assert.match(leftOut.find((o) => o.name === 'Turned Down')!.words, /rejection/);
  });

  test('"include proposed" lists the others that process personal data, marked; never the retired', () => {
    const { rows, leftOut } = selectSubprocessors(candidates, options({ includeProposed: true }));
    const marks = Object.fromEntries(rows.map((r) => [r.vendor.name, r.mark]));
    assert.equal(marks['Zulu Store'], null);
    assert.equal(marks['Freshly Approved'], 'Proposed: approved, not in use yet');
    assert.match(marks['Only Drafted']!, /not approved as of 2026-06-30/);
    assert.deepEqual(leftOut.map((o) => o.name), ['Metrics Only', 'Old Base']);
    const text = textOf(buildSubprocessorAppendix({ selection: selectSubprocessors(candidates, options({ includeProposed: true })), options: options({ includeProposed: true }), intro: '' }).content);
    assert.ok(text.includes('Proposed: approved, not in use yet'));
    assert.ok(text.includes('Only Drafted'), 'a draft-only provider is there, marked');
  });

  test('a review that says personal data reaches the provider counts even when the profile lists none', () => {
    const c = candidate('Quiet Logs', { status: 'active', category: 'logging', dataCategories: ['logs-telemetry'], dataLocations: ['Ireland'], legalName: 'Quiet Logs Ltd', service: 'Logs' }, 'approved');
    const { rows, warnings } = selectSubprocessors([c], options());
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]!.data, { disputed: 'Personal data (per the review); the profile records no category' });
    assert.match(warnings.join('\n'), /Quiet Logs: the decided review says personal data reaches the provider/);
  });
});

describe('what each row says', () => {
  test('legal entity, purpose, locations, no transfer needed inside the EEA/UK, DPA signed with its link; no tier unless asked', () => {
    const answers = answersFor(INFRASTRUCTURE_TEMPLATE, {
      prv_personal_data: answer('prv_personal_data', 'users'),
      prv_transfer_mechanism: answer('prv_transfer_mechanism', 'not_needed'),
    });
    const c = candidate('Zulu Store', { ...personal, legalName: 'Zulu Store GmbH', links: { dpa: 'https://zulu.example/dpa' } }, 'approved', answers);
    const selection = selectSubprocessors([c], options());
    assert.deepEqual(selection.warnings, []);
    const r = selection.rows[0]!;
    assert.equal(r.entity, 'Zulu Store GmbH');
    assert.equal(r.transfer, 'Not needed: EEA/UK only');
    assert.equal(r.dpa, 'Signed');
    assert.equal(r.decision, 'Approved 2026-03-01');
    const doc = buildSubprocessorAppendix({ selection, options: options(), intro: 'Intro.', organisation: 'Acme Ltd' });
    const text = textOf(doc.content);
    for (const words of ['Zulu Store GmbH', 'Hosted database', 'Germany', 'Signed', 'https://zulu.example/dpa', 'Approved 2026-03-01']) assert.ok(text.includes(words), words);
    assert.ok(!/Tier/.test(text), 'internal tiers stay out of a customer document');
    const withTiers = buildSubprocessorAppendix({ selection: selectSubprocessors([c], options({ includeTiers: true })), options: options({ includeTiers: true }), intro: '' });
    assert.ok(textOf(withTiers.content).includes('Tier: '));
    assert.ok(textOf(doc.footer(1, 1, { width: 842, height: 595 })).includes('Acme Ltd · As of 2026-06-30'));
  });

  test('outside the EEA/UK: the transfer mechanism the decided review states, or a warning where it states none or contradicts', () => {
    const us = { ...personal, legalName: 'Beacon Inc.', dataLocations: ['United States', 'Ireland'], links: { dpa: 'https://beacon.example/dpa' } };
    const withAnswer = (value: string | null) =>
      answersFor(INFRASTRUCTURE_TEMPLATE, {
        prv_personal_data: answer('prv_personal_data', 'users'),
        prv_transfer_mechanism: value === null ? null : answer('prv_transfer_mechanism', value),
      });
    const sccs = selectSubprocessors([candidate('Beacon', us, 'approved', withAnswer('sccs'))], options());
    assert.equal(sccs.rows[0]!.transfer, 'Standard contractual clauses (United States)');
    assert.deepEqual(sccs.warnings, []);

    const silent = selectSubprocessors([candidate('Beacon', us, 'approved', withAnswer(null))], options());
    assert.deepEqual(silent.rows[0]!.transfer, { disputed: 'Not recorded in the review (United States)' });
    assert.match(silent.warnings.join('\n'), /Beacon: data is processed in United States, outside the EEA\/UK, and the decided review does not state/);

    const contradicted = selectSubprocessors([candidate('Beacon', us, 'approved', withAnswer('not_needed'))], options());
    assert.deepEqual(contradicted.rows[0]!.transfer, { disputed: 'Unconfirmed: profile lists United States; the review says not needed' });
    assert.match(contradicted.warnings.join('\n'), /Beacon: the profile lists United States, outside the EEA\/UK, but the decided review says no transfer mechanism is needed/);

    const text = textOf(buildSubprocessorAppendix({ selection: sccs, options: options(), intro: '' }).content);
    assert.ok(text.includes('Standard contractual clauses (United States)'), 'printed in the annex');

    // The review names a transfer while the profile lists only EEA places: neither is printed as fact.
    const eeaOnly = selectSubprocessors([candidate('Beacon', { ...us, dataLocations: ['Germany'] }, 'approved', withAnswer('sccs'))], options());
    assert.deepEqual(eeaOnly.rows[0]!.transfer, { disputed: 'Unconfirmed: the review names a transfer, the profile lists EEA/UK only' });
    assert.match(eeaOnly.warnings.join('\n'), /Beacon: the decided review names standard contractual clauses for transfers, but the profile lists only EEA\/UK locations/);
  });

  test('a profile changed after the date is said in the row and warned about', () => {
    const c = candidate('Moved Store', { ...personal, legalName: 'Moved Store SE' }, 'approved');
    const edited = { ...c, vendor: { ...c.vendor, updatedAt: '2026-08-01T09:00:00.000Z' } };
    const selection = selectSubprocessors([edited], options());
    assert.equal(selection.rows[0]!.profileNote, 'Profile changed after 2026-06-30: shown as recorded now');
    assert.equal(selection.rows[0]!.mark, null, 'still listed as approved, not as one asked for');
    assert.match(selection.warnings.join('\n'), /Moved Store: the profile was changed on 2026-08-01, after 2026-06-30/);
  });

  test('an unsigned DPA, and a location the review calls undisclosed, are warned about and not printed as fact', () => {
    const answers = answersFor(INFRASTRUCTURE_TEMPLATE, {
      prv_personal_data: answer('prv_personal_data', 'users'),
      prv_dpa: answer('prv_dpa', 'partial'),
      prv_data_location: answer('prv_data_location', 'unknown'),
    });
    const c = candidate('Harbor', { ...personal, legalName: 'Harbor BV', dataLocations: ['Netherlands'] }, 'approved', answers);
    const selection = selectSubprocessors([c], options());
    const r = selection.rows[0]!;
    assert.deepEqual(r.dpa, { disputed: 'Not signed (offered)' });
    assert.deepEqual(r.locations, { disputed: 'Unconfirmed: profile and review disagree' });
    assert.match(selection.warnings.join('\n'), /Harbor: the data processing agreement is offered but not signed/);
    assert.match(selection.warnings.join('\n'), /Harbor: the profile lists Netherlands, the decided review says the location is not disclosed/);
    const text = textOf(buildSubprocessorAppendix({ selection, options: options(), intro: '' }).content);
    assert.ok(!text.includes('Netherlands'), 'neither source printed as the fact');
    assert.deepEqual(introWarnings('Each works under a data processing agreement.', selection).length, 1);
    assert.deepEqual(introWarnings('We state the state of each data processing agreement.', selection), []);
  });

  test('a missing legal entity is said in the row and warned about', () => {
    const { rows, warnings } = selectSubprocessors([candidate('Nameless', personal, 'approved')], options());
    assert.equal(rows[0]!.entity, 'Nameless (legal entity not recorded)');
    assert.match(warnings.join('\n'), /Nameless: the legal entity is not recorded/);
  });

  test('the same providers in any order give the same document; none listed is said', () => {
    const cs = [candidate('B', { ...personal, legalName: 'B Ltd' }, 'approved'), candidate('A', { ...personal, legalName: 'A Ltd' }, 'approved')];
    const a = buildSubprocessorAppendix({ selection: selectSubprocessors(cs, options()), options: options(), intro: 'x' });
    const b = buildSubprocessorAppendix({ selection: selectSubprocessors([...cs].reverse(), options()), options: options(), intro: 'x' });
    assert.equal(JSON.stringify(a.content), JSON.stringify(b.content));
    const empty = buildSubprocessorAppendix({ selection: selectSubprocessors([], options()), options: options(), intro: '' });
    assert.ok(textOf(empty.content).includes('No provider in use that processes personal data was approved on or before 2026-06-30.'));
  });
});

test('payment data and special categories are personal data, telemetry alone not', () => {
  assert.equal(processesPersonalData(vendor('p', 'Pay', { dataCategories: ['payment-data'] })), true);
  assert.equal(processesPersonalData(vendor('h', 'Health', { dataCategories: ['special-personal-data'] })), true);
  assert.equal(processesPersonalData(vendor('m', 'Metrics', { dataCategories: ['logs-telemetry', 'credentials-secrets'] })), false);
});

test('locations: EEA and UK names, codes, cities and region ids are inside; the rest needs a transfer mechanism', () => {
  for (const inside of ['Germany', 'EU (Frankfurt)', 'EU', 'eu-central-1', 'UK', 'London', 'NL', 'Norway', 'europe-west4']) assert.equal(locationZone(inside), 'eea_uk', inside);
  for (const outside of ['United States', 'US', 'us-east-1', 'Switzerland', 'Tokyo', 'Virginia', 'Multi-region (US and EU)']) assert.equal(locationZone(outside), 'outside', outside);
  // One place outside is enough: a single EEA word never makes a mixed location "inside".
  for (const mixed of ['Germany, Serbia', 'Ireland / Philippines', 'EU + Ukraine', 'Dublin; Bangalore', 'Germany (support from Manila)', 'Frankfurt and Zurich', 'Jersey, UK', 'Faroe Islands, Denmark']) {
    assert.equal(locationZone(mixed), 'outside', mixed);
  }
  for (const swiss of ['eu-central-2', 'europe-west6', 'eu-zurich-1']) assert.equal(locationZone(swiss), 'outside', `${swiss} is in Zurich`);
  for (const unclear of ['Global', 'de', 'Germany and elsewhere', '']) assert.equal(locationZone(unclear), 'unclear', unclear);
});
