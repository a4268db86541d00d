// Reading back an answers file this page saved earlier, to go on where the provider left off.
// The service checks received files with the AnswersFile schema; the page does the few checks it
// needs by hand so that zod stays out of the page (size).
import { checkAnswerValue } from '../../shared/domain/answers';
import type { AnswerValue } from '../../shared/domain/review';
import type { SentQuestion as Question, SentTemplate as Template } from '../../shared/exchange/sent-template';
import { ANSWERS_FORMAT, MAX_ANSWERS_FILE_CHARS, MAX_PROVIDER_COMMENT_CHARS, type AnswersFileBody, type QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { answersDigest } from '../../shared/exchange/digest';
import type { Draft } from './drafts';

export interface LoadedAnswers {
  respondent: string;
  drafts: Record<string, Draft>;
  /** Answers in the file that were left out (unknown question, a value that does not fit). */
  skipped: number;
  /** The file's stated digest does not match its content: it was changed after it was saved. */
  altered: boolean;
}

/** The answers in the file, or a sentence saying why it cannot be loaded into this page. */
export function readAnswersFile(text: string, request: QuestionnaireRequest): LoadedAnswers | string {
  if (text.length > MAX_ANSWERS_FILE_CHARS) return 'This file is far larger than an answers file: it was not loaded.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'This file is not an answers file (it is not JSON): nothing was loaded.';
  }
  const file = parsed as Partial<AnswersFileBody & { sha256: unknown }> | null;
  if (!file || typeof file !== 'object' || file.format !== ANSWERS_FORMAT || !Array.isArray(file.answers)) {
    return 'This file is not an answers file saved by this questionnaire: nothing was loaded.';
  }
  if (file.requestId !== request.requestId) {
    return `This answers file is for another questionnaire (request ${String(file.requestId)}); this page is request ${request.requestId}. Nothing was loaded.`;
  }
  const byId = questionMap(request.template);
  const drafts: Record<string, Draft> = {};
  let skipped = 0;
  for (const entry of file.answers as unknown[]) {
    const a = entry as { questionId?: unknown; value?: unknown; na?: unknown; comment?: unknown } | null;
    const question = a && typeof a.questionId === 'string' ? byId.get(a.questionId) : undefined;
    if (!a || !question || !fits(question, a.value) || typeof a.na !== 'boolean' || typeof a.comment !== 'string') {
      skipped += 1;
      continue;
    }
    drafts[question.id] = { value: a.value as AnswerValue, na: a.na, comment: a.comment.slice(0, MAX_PROVIDER_COMMENT_CHARS), prefilled: false };
  }
  const { sha256, ...body } = file;
  let altered = true;
  try {
    altered = answersDigest(body as AnswersFileBody) !== sha256;
  } catch {
    // A value with no JSON form cannot have been saved by the page: treat it as altered.
  }
  return { respondent: typeof file.respondent === 'string' ? file.respondent.slice(0, 200) : '', drafts, skipped, altered };
}

function fits(question: Question, value: unknown): boolean {
  const plain = value === null || typeof value === 'string' || typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  return plain && checkAnswerValue(question, value as AnswerValue) === null;
}

function questionMap(template: Template): Map<string, Question> {
  return new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}
