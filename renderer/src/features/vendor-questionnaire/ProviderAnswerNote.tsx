// Under a question: that its answer came from the provider (an accepted answers file), and the
// provider's own comment, read-only and apart from the reviewer's comment.
import { useVetted } from '../../store';
import { answerOf } from '../../store/providerSlice';
import { answeredByText } from './providerWords';

export function ProviderAnswerNote({ questionId }: { questionId: string }) {
  const answer = useVetted((s) => answerOf(s.answers, questionId));
  const { answeredBy, providerComment } = answer;
  if (!answeredBy && !providerComment) return null;
  return (
    <div className="q-provider" data-testid="provider-answer-note">
      {answeredBy && (
        <p className="q-provider-by">
          <span className="q-provider-mark" aria-hidden="true">
            ↩
          </span>{' '}
          {answeredByText(answeredBy)}
        </p>
      )}
      {providerComment && (
        <figure className="q-provider-comment">
          <figcaption>Provider’s comment</figcaption>
          <blockquote>{providerComment}</blockquote>
        </figure>
      )}
    </div>
  );
}
