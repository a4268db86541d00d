// The score of the answers as last saved, while some answer's save is failing: the panel must not
// show a score (or a tier) the register does not hold. Null when nothing fails.
import { useMemo } from 'react';
import { scoreReview } from '../../../../shared/scoring';
import { useVetted } from '../../store';
import { toScoringMap } from '../../store/providerSlice';

export function useLastSavedScore(): { score: NonNullable<ReturnType<typeof scoreReview>>; failed: number } | null {
  const failed = useVetted((s) => Object.values(s.saves).filter((save) => save.status === 'failed').length);
  const stored = useVetted((s) => s.storedAnswers);
  const template = useVetted((s) => s.template);
  const vendor = useVetted((s) => s.vendor);
  return useMemo(() => {
    if (failed === 0 || !template || !vendor) return null;
    return { score: scoreReview(template, toScoringMap(stored), vendor), failed };
  }, [failed, stored, template, vendor]);
}
