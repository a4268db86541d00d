// The register keeps each listed score in the file under the scoring model's number
// (SCORING_MODEL, migration 012's listed_scores): a build that scores differently under the same
// number would show scores stored by an older build. This test notices any change to the code that
// computes a listed score, so the change is made knowingly: bump SCORING_MODEL when scores can
// change, then record the new fingerprint below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCORING_MODEL } from '../../shared/scoring';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What a listed score is computed from: the scorer and the domain rules it calls. */
const SOURCES = [
  ...readdirSync(path.join(root, 'shared/scoring'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `shared/scoring/${f}`),
  'shared/domain/answers.ts',
  'shared/domain/conditions.ts',
  'shared/domain/tier.ts',
  'shared/domain/template.ts',
].sort();

/** Recorded with SCORING_MODEL 2. */
const RECORDED = { model: 2, fingerprint: '0161dc8714b3eddd' };

test('the code that computes listed scores is the code recorded with SCORING_MODEL', () => {
  const hash = createHash('sha256');
  for (const file of SOURCES) hash.update(`${file}\n`).update(readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n'));
  const fingerprint = hash.digest('hex').slice(0, 16);
  assert.ok(
    SCORING_MODEL === RECORDED.model && fingerprint === RECORDED.fingerprint,
    `The scoring code changed (fingerprint ${fingerprint}, recorded ${RECORDED.fingerprint} with model ${RECORDED.model}; SCORING_MODEL is ${SCORING_MODEL}). ` +
      'Registers keep listed scores under SCORING_MODEL: if this change can change any score, tier, state, completion or knock-out count, ' +
      'bump SCORING_MODEL in shared/scoring/types.ts. Then record the model and the fingerprint in test/unit/scoring-model-tripwire.test.ts.',
  );
});
