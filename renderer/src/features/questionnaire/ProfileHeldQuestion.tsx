import type { Question } from '../../../../shared/domain/template';
import { QuestionHeading } from './QuestionHeading';
import { keptInProfileText, type ProfileFigure } from '../../../../shared/templates/profile-held';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { questionDomId } from './navigation';

interface Props {
  question: Question;
  number: string;
  figure: ProfileFigure;
}

/**
 * A question an older template version asked whose answer the profile holds now (the fee, the
 * build effort): the profile's figure, read-only, never the review's own answer, so the screen
 * shows one fee. Editing happens in the profile; "Move to version N" drops the question.
 */
export function ProfileHeldQuestion({ question, number, figure }: Props) {
  const vendor = useVetted((s) => s.vendor);
  if (!vendor) return null;
  const legendId = `q-${question.id}-legend`;
  return (
    <fieldset id={questionDomId(question.id)} className="question is-answered is-profile-held" data-question-id={question.id} data-answered="true">
      <QuestionHeading question={question} number={number} legendId={legendId}>
        <span className="q-tag">Not scored</span>
      </QuestionHeading>
      <p className="q-body" data-testid={`profile-held-${question.id}`}>
        {keptInProfileText(figure, vendor)}. <a href={hrefs.providerTab(vendor.id, 'profile')}>Change it in the profile</a>
      </p>
    </fieldset>
  );
}
