import { useState } from 'react';
import type { NotApplicableQuestion, OpenQuestion } from '../../../../shared/scoring';
import { useVetted } from '../../store';
import { focusQuestion } from '../questionnaire/navigation';

const FIRST = 6;

/** What the score does not rest on: questions still open (must-haves first) and those marked N/A, with the reason given. */
export function UnscoredList({ open, notApplicable }: { open: readonly OpenQuestion[]; notApplicable: readonly NotApplicableQuestion[] }) {
  const answers = useVetted((s) => s.answers);
  const [all, setAll] = useState(false);
  if (open.length === 0 && notApplicable.length === 0) return null;
  const shownOpen = all ? open : open.slice(0, FIRST);
  return (
    <div className="panel-block">
      {open.length > 0 && (
        <>
          <h3>Not answered yet</h3>
          <ul className="unscored-list" data-testid="open-questions">
            {shownOpen.map((q) => (
              <li key={q.questionId}>
                <button type="button" className="link-button" onClick={() => focusQuestion(q.questionId)}>
                  {q.questionText}
                </button>
                {q.mustHave && <span className="q-tag q-tag-must"> Must-have</span>}
                {q.naRefused && <span className="muted"> Marked N/A, which this question does not allow.</span>}
              </li>
            ))}
          </ul>
          {open.length > FIRST && (
            <button type="button" className="link-button" onClick={() => setAll((a) => !a)} aria-expanded={all}>
              {all ? 'Show fewer' : `Show all ${open.length}`}
            </button>
          )}
        </>
      )}
      {notApplicable.length > 0 && (
        <>
          <h3>Not applicable</h3>
          <ul className="unscored-list" data-testid="na-questions">
            {notApplicable.map((q) => {
              const reason = answers[q.questionId]?.comment.trim();
              return (
                <li key={q.questionId}>
                  <button type="button" className="link-button" onClick={() => focusQuestion(q.questionId)}>
                    {q.questionText}
                  </button>
                  <span className="muted"> {q.answerLabel}{reason ? `: ${reason}` : ''}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
