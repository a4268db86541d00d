// The scoring bench's passes (bench/scoring.ts runs them as the app's build compiles them): 5,000
// reviews × 80 answers scored as the register lists them and with the explanation, against a plain
// loop that sums the chosen options' scores over the same data (the floor: no sections, weights
// per section, N/A, knock-outs, explanation or tiers).
import type { AnswerMap } from '../shared/domain/review';
import { DEFAULT_SCORING_OPTIONS, scoreReview } from '../shared/scoring';
import type { RiskProfile } from '../shared/scoring/types';
import { benchOption, template80 } from './template80';

export interface ScoringResult {
  reviews: number;
  /** As the register scores a review it lists (no explanation: services/score-cache.ts). */
  scoreMs: number;
  /** With the explanation, as the score panel, the CLI's `vetted score` and the reports do. */
  explainedMs: number;
  loopMs: number;
  ratio: number;
}

export function scoringPasses(reviews = 5000): ScoringResult {
  const template = template80();
  const questions = template.sections.flatMap((s) => s.questions);
  const maps: AnswerMap[] = [];
  for (let i = 0; i < reviews; i++) {
    const map: Record<string, { value: string; na: boolean }> = {};
    questions.forEach((q, j) => (map[q.id] = { value: benchOption(i, j), na: false }));
    maps.push(map);
  }
  const profile: RiskProfile = { criticalPath: true, businessImpact: 'high', dataCategories: ['personal-data'] };
  // The loop's lookup is as cheap as it gets: per question, option id → score, built once.
  const optionScores = questions.map((q) => new Map(q.options!.map((o) => [o.id, typeof o.score === 'number' ? o.score : 0])));

  // Warm both paths first (JIT), then time one pass each; the best of three passes.
  const run = (fn: () => number) => {
    fn();
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      fn();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  let sink = 0;
  const listing = { ...DEFAULT_SCORING_OPTIONS, explain: false };
  const scoreMs = run(() => {
    for (const m of maps) sink += scoreReview(template, m, profile, listing).overall ?? 0;
    return sink;
  });
  const explainedMs = run(() => {
    for (const m of maps) sink += scoreReview(template, m, profile).overall ?? 0;
    return sink;
  });
  const loopMs = run(() => {
    for (const m of maps) {
      let sum = 0;
      questions.forEach((q, j) => (sum += optionScores[j]!.get(m[q.id]!.value as string) ?? 0));
      sink += sum / questions.length;
    }
    return sink;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the sums alive');
  return { reviews, scoreMs, explainedMs, loopMs, ratio: scoreMs / loopMs };
}
