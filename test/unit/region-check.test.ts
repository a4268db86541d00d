// Region codes a catalogued cloud does not list are kept as typed but named, with the code they
// probably mean (a typo would otherwise leave a provider out of that region's blast radius).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unknownRegions, unknownRegionWords } from '../../shared/upstream/region-check';

test('a code the catalogue does not list for the party is named, with the code that differs only in punctuation or case', () => {
  const unknown = unknownRegions('aws', [{ code: 'eu-central1' }, { code: 'US-East-1' }, { code: 'us-east-99' }]);
  assert.deepEqual(unknown, [
    { code: 'eu-central1', suggestion: 'eu-central-1' },
    { code: 'us-east-99', suggestion: null },
  ], 'US-East-1 is us-east-1; the two others are not AWS regions');
  assert.match(unknownRegionWords('aws', unknown)[0]!, /eu-central1 is not a region of Amazon Web Services in Vetted's catalogue \(did you mean eu-central-1\?\)/);
});

test('parties without a region list, and free-text parties, have no unknown regions', () => {
  assert.deepEqual(unknownRegions('cloudflare', [{ code: 'anywhere' }]), [], 'Cloudflare has no region list in the catalogue');
  assert.deepEqual(unknownRegions(null, [{ code: 'Frankfurt' }]), [], 'a party outside the catalogue keeps any code');
});
