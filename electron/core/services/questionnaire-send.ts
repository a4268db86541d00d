// The vendor questionnaire out: a request kept in the register, and the page that carries it.
import type { ParsedInputOf, QuestionnaireSent } from '../../../shared/api';
import type { QuestionnaireRequestView } from '../../../shared/domain/vendor-exchange';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';

export function sendQuestionnaire(ctx: Context, input: ParsedInputOf<'questionnaire.send'>): QuestionnaireSent {
  void ctx;
  void input;
  throw new VettedError('internal', 'questionnaire.send is not implemented yet');
}

export function listRequests(ctx: Context, input: ParsedInputOf<'questionnaire.requests'>): QuestionnaireRequestView[] {
  void ctx;
  void input;
  throw new VettedError('internal', 'questionnaire.requests is not implemented yet');
}
