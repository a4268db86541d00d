// The request the page was made for: embedded by composeQuestionnairePage as JSON in
// <script type="application/json" id="vetted-request">.
import { REQUEST_FORMAT, type QuestionnaireRequest } from '../../shared/domain/vendor-exchange';

export const REQUEST_ELEMENT_ID = 'vetted-request';

/** The embedded request, or a sentence saying why there is none. */
export function readEmbeddedRequest(doc: Document): QuestionnaireRequest | string {
  const text = doc.getElementById(REQUEST_ELEMENT_ID)?.textContent;
  if (!text) return 'This page holds no questionnaire.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'The questionnaire in this page cannot be read: the file may have been changed or cut short.';
  }
  const r = parsed as Partial<QuestionnaireRequest> | null;
  if (!r || r.format !== REQUEST_FORMAT || typeof r.requestId !== 'string' || !Array.isArray(r.template?.sections)) {
    return `This page holds no questionnaire this version can show (expected ${REQUEST_FORMAT}).`;
  }
  return { ...r, prefill: Array.isArray(r.prefill) ? r.prefill : [] } as QuestionnaireRequest;
}
