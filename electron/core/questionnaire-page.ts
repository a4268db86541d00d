// The provider's questionnaire page: the built page script and style (dist/vendor) and the request,
// put together into one self-contained HTML file under a strict Content-Security-Policy.
import type { QuestionnaireRequest } from '../../shared/domain/vendor-exchange';

/** The whole HTML page for one request. Throws a VettedError when the page script is not built. */
export function composeQuestionnairePage(request: QuestionnaireRequest): string {
  void request;
  throw new Error('not implemented yet');
}
