import { useState } from 'react';
import type { PointLoss } from '../../../../shared/scoring';
import { formatPoints } from '../../lib/format';
import { TIER_LABELS } from '../../lib/labels';
import { focusQuestion } from '../questionnaire/navigation';

const FIRST = 6;

/** Where the score went: biggest loss first, with the answer that caused it and why it matters. */
export function WhyList({ losses }: { losses: readonly PointLoss[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? losses : losses.slice(0, FIRST);
  return (
    <div className="panel-block">
      <h3>Why points were lost</h3>
      {losses.length === 0 ? (
        <p className="muted">No points lost so far.</p>
      ) : (
        <>
          <ol className="why-list" data-testid="why-list">
            {shown.map((loss) => (
              <li key={loss.flagId ?? loss.questionId} className="why-item">
                <div className="why-head">
                  <button type="button" className="link-button why-question" onClick={() => focusQuestion(loss.questionId)}>
                    {loss.questionText}
                  </button>
                  <span className="why-points" title="Points of the overall score">
                    {formatPoints(loss.pointsLost)}
                  </span>
                </div>
                <p className="why-answer">
                  Answered “{loss.answerLabel}”
                  {loss.knockout && <span className="why-ko"> · knock-out: at least {TIER_LABELS[loss.knockout]}</span>}
                </p>
                <p className="why-reason">{loss.reason}</p>
              </li>
            ))}
          </ol>
          {losses.length > FIRST && (
            <button type="button" className="link-button" onClick={() => setAll((a) => !a)} aria-expanded={all}>
              {all ? 'Show fewer' : `Show all ${losses.length}`}
            </button>
          )}
        </>
      )}
    </div>
  );
}
