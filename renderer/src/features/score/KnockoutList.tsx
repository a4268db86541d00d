import type { Knockout } from '../../../../shared/scoring';
import { TierBadge } from '../../components/TierBadge';
import { focusQuestion } from '../questionnaire/navigation';

export function KnockoutList({ knockouts }: { knockouts: readonly Knockout[] }) {
  return (
    <div className="panel-block">
      <h3>Knock-outs</h3>
      {knockouts.length === 0 ? (
        <p className="muted">No answer forces a tier.</p>
      ) : (
        <ul className="knockouts" data-testid="knockouts">
          {knockouts.map((k) => (
            <li key={k.flagId ?? k.questionId} className="knockout">
              <button type="button" className="link-button knockout-question" onClick={() => focusQuestion(k.questionId)}>
                {k.questionText}
              </button>
              <span className="knockout-answer">Answered “{k.answerLabel}”</span>
              <span className="knockout-tier">
                Forces at least <TierBadge tier={k.tier} />
              </span>
              {k.raised && <span className="knockout-raised muted">One tier higher: the provider is on the critical path.</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
