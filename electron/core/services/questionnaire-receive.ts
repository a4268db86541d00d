// The vendor questionnaire back: an answers file read, checked, compared and (what is accepted) taken.
import type { ParsedInputOf } from '../../../shared/api';
import type { QuestionnaireReceipt } from '../../../shared/domain/vendor-exchange';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';

export function receiveAnswers(ctx: Context, input: ParsedInputOf<'questionnaire.receive'>): QuestionnaireReceipt {
  void ctx;
  void input;
  throw new VettedError('internal', 'questionnaire.receive is not implemented yet');
}
