// The answers file as the provider's page writes it: the request's ids, the answers, and the
// digest of it all that the provider quotes in their e-mail.
import { ANSWERS_FORMAT, type AnswersFile, type AnswersFileBody, type ProviderAnswer, type QuestionnaireRequest } from '../domain/vendor-exchange';
import { answersDigest } from './digest';

export function buildAnswersFile(
  request: QuestionnaireRequest,
  answers: readonly ProviderAnswer[],
  respondent: string,
  savedAt: string,
): AnswersFile {
  const body: AnswersFileBody = {
    format: ANSWERS_FORMAT,
    requestId: request.requestId,
    vendor: { id: request.vendor.id, name: request.vendor.name },
    template: { id: request.template.id, version: request.template.version, hash: request.templateHash },
    respondent: respondent.trim().slice(0, 200),
    savedAt,
    answers: answers.map((a) => ({ questionId: a.questionId, value: a.value, na: a.na, comment: a.comment })),
  };
  return { ...body, sha256: answersDigest(body) };
}
