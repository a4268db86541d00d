import { formatPoints } from '../../lib/format';
import { TIER_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';

/**
 * What this answer cost, on the answer itself: its own lost points and every risk flag it raises
 * (a flag belongs to the answer that raises it: docs/scoring.md, section 7a).
 */
export function QuestionLosses({ questionId }: { questionId: string }) {
  // Select the list itself (a stable reference) and filter here: a selector that builds a new
  // array on every call would re-render for ever.
  const explanation = useVetted((s) => (s.frozenScore ?? s.score)?.explanation);
  const lines = explanation?.filter((l) => l.questionId === questionId) ?? [];
  if (lines.length === 0) return null;
  return (
    <ul className="q-losses" data-testid="question-losses">
      {lines.map((l) => (
        <li key={l.flagId ?? 'answer'} className={l.flagId ? 'q-loss q-loss-flag' : 'q-loss'}>
          {l.flagId ? (
            <>
              <span className="q-loss-kind">Risk flag</span> {l.questionText}
            </>
          ) : (
            <span className="q-loss-kind">This answer</span>
          )}
          {l.pointsLost > 0 && <span className="q-loss-points"> · {formatPoints(l.pointsLost)} points</span>}
          {l.knockout && <span className="q-loss-ko"> · knock-out: at least {TIER_LABELS[l.knockout]}</span>}
        </li>
      ))}
    </ul>
  );
}
