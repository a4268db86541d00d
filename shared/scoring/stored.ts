// A score read back from a decided review's snapshot. Snapshots keep the score exactly as their
// decision froze it; one frozen before scoring models were numbered is model 1 and lacks what
// model 2 added (coverage, open questions, conflicts). Those read as "not recorded", never as
// recomputed: a decided review's score does not move (docs/scoring.md).
import type { ScoreResult, SectionScore } from './types';

type Frozen = Omit<Partial<ScoreResult>, 'sections'> & Pick<ScoreResult, 'state' | 'completion' | 'overall' | 'inherent' | 'residual' | 'tier'> & {
  sections?: (Omit<SectionScore, 'coverage'> & { coverage?: number | null })[];
};

export function storedScore(frozen: Frozen): ScoreResult {
  return {
    ...frozen,
    model: frozen.model ?? 1,
    blockers: frozen.blockers ?? [],
    coverage: frozen.coverage ?? null,
    mustHaveOpen: frozen.mustHaveOpen ?? [],
    conflicts: frozen.conflicts ?? [],
    open: frozen.open ?? [],
    notApplicable: frozen.notApplicable ?? [],
    sections: (frozen.sections ?? []).map((s) => ({ ...s, coverage: s.coverage ?? null })),
    knockouts: frozen.knockouts ?? [],
    explanation: frozen.explanation ?? [],
  };
}
