// The short form of a finding made from an answer: what it starts with, and what is refused
// before anything is sent (each problem names its field).
import { answerFindingSeverity, answerFindingTitle } from '../../../../shared/domain/answer-finding';
import type { FindingSeverity } from '../../../../shared/domain/findings';
import type { PointLoss } from '../../../../shared/scoring/types';

export interface AnswerFindingDraft {
  title: string;
  severity: FindingSeverity;
  owner: string;
  dueDate: string;
}

export const ANSWER_FINDING_LABELS: Readonly<Record<keyof AnswerFindingDraft, string>> = {
  title: 'Title',
  severity: 'Severity',
  owner: 'Owner',
  dueDate: 'Due date',
};

export const EMPTY_ANSWER_FINDING: AnswerFindingDraft = { title: '', severity: 'medium', owner: '', dueDate: '' };

/** Prefilled from the score: the reason's first sentence as the title, the severity from the loss. */
export function answerFindingDraft(loss: PointLoss): AnswerFindingDraft {
  return { title: answerFindingTitle(loss.reason), severity: answerFindingSeverity(loss), owner: '', dueDate: '' };
}

/**
 * Problems with the form as filled in, each naming its field (messages read after the label:
 * "Due date is before today…"). `dateUnfinished`: the date field holds a date typed only in part,
 * which the browser reports as an empty value.
 */
export function answerFindingProblems(
  draft: AnswerFindingDraft,
  today: string,
  dateUnfinished: boolean,
): { path: keyof AnswerFindingDraft; message: string }[] {
  const problems: { path: keyof AnswerFindingDraft; message: string }[] = [];
  if (draft.title.trim() === '') problems.push({ path: 'title', message: 'is empty: say in a few words what is wrong' });
  if (dateUnfinished) problems.push({ path: 'dueDate', message: 'is not a whole date: give day, month and year, or clear it' });
  else if (draft.dueDate !== '' && draft.dueDate < today) {
    problems.push({ path: 'dueDate', message: `is before today (${today}): a new finding is due today or later` });
  }
  return problems;
}
