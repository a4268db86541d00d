import { contract } from '../../../shared/api';
import { answerLabel, parseAnswerText, quantity } from '../../../shared/domain/answers';
import { visibleQuestionIds } from '../../../shared/domain/conditions';
import { toAnswerMap } from '../../../shared/domain/review';
import { flagFedQuestionIds } from '../../../shared/templates/flag-fed';
import { describeIssues, summarizeProblems } from '../../../shared/validation';
import { questionIndex } from '../../../shared/domain/template';
import { implausibleWarning, numberBandWords } from '../../../shared/scoring/number-words';
import { inputError, usageError } from '../cli-error';
import { score } from '../format';
import type { Session } from '../session';
import { findVendor, must } from '../session';

export async function answerCommand(
  session: Session,
  args: string[],
  flags: { comment?: string; na?: boolean; confidential?: boolean },
): Promise<void> {
  const [vendorRef, questionId, text] = args;
  if (!vendorRef || !questionId || (text === undefined && !flags.na)) {
    throw usageError('usage: vetted answer VENDOR QUESTION VALUE [--comment TEXT] [--confidential] [--na]');
  }
  const { api } = session;
  const vendor = await findVendor(api, vendorRef);
  // Look the question up before starting a review, so a typo changes nothing.
  const current = must(await api['review.current']({ vendorId: vendor.id }));
  // No review yet: the template the first answer's review will start on (chosen by the same rule as review.start).
  const template = current?.template ?? must(await api['review.templateFor']({ vendorId: vendor.id })).template;
  const question = questionIndex(template).get(questionId)?.question;
  if (!question) throw inputError(`question "${questionId}" is not in template ${template.id} (the built-in template's questions are in docs/questionnaire.md; any template's: \`vetted template export ${template.id} --out FILE.json\`)`);
  let value;
  try {
    value = text === undefined ? undefined : parseAnswerText(question, text);
  } catch (error) {
    throw inputError(`value for ${questionId}: ${(error as Error).message}`);
  }
  // Check the whole save (comment length, value shape) before a review is started for it.
  const draft = contract['answer.save'].input.safeParse({ reviewId: 'pending', questionId, value, comment: flags.comment, na: flags.na, confidential: flags.confidential });
  if (!draft.success) throw inputError(summarizeProblems(describeIssues(draft.error.issues)));
  const review = current ?? must(await api['review.start']({ vendorId: vendor.id, templateId: template.id }));
  const saved = must(
    await api['answer.save']({ reviewId: review.review.id, questionId, value, comment: flags.comment, na: flags.na, confidential: flags.confidential }),
  );
  const result = must(await api['score.get']({ vendorId: vendor.id }));
  process.stdout.write(
    `Saved ${vendor.name} / ${questionId} = ${answerLabel(question, saved.value, saved.na)}; ` +
      `score ${score(result?.overall ?? null)}, tier ${result?.tier ?? (result?.state === 'incomplete' ? 'incomplete' : '-')}\n`,
  );
  // A number's band in words on stdout; a number outside the plausible range warned about on
  // stderr (saved all the same: the register records what was said).
  if (typeof saved.value === 'number' && !saved.na) {
    // A hidden question is not scored: its band would be a false explanation.
    const detail = must(await api['review.current']({ vendorId: vendor.id }));
    const visible = detail ? visibleQuestionIds(detail.template, toAnswerMap(detail.answers)) : null;
    const band = visible && !visible.has(questionId)
      ? `${quantity(saved.value, question.unit)}: kept, but the question is not asked for the current answers, so it is not scored.`
      : numberBandWords(question, saved.value, { flagFed: flagFedQuestionIds(template).has(questionId) });
    if (band) process.stdout.write(`  ${band}\n`);
    const warning = implausibleWarning(question, saved.value);
    if (warning) process.stderr.write(`vetted: warning: ${question.id}: ${warning}\n`);
  }
}
