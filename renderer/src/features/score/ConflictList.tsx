import type { ProfileConflict } from '../../../../shared/scoring';
import { focusQuestion } from '../questionnaire/navigation';

/** Where the profile and the answers disagree: the review gets no tier until one side is corrected. */
export function ConflictList({ conflicts }: { conflicts: readonly ProfileConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <div className="panel-block score-conflicts" role="group" aria-label="Profile and answers disagree">
      <h3>Profile and answers disagree</h3>
      <ul data-testid="conflicts">
        {conflicts.map((c) => (
          <li key={`${c.questionId}-${c.fact}`}>
            <button type="button" className="link-button" onClick={() => focusQuestion(c.questionId)}>
              {c.questionText}
            </button>
            <p>{c.message}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
