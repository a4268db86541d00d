// The tips a question shows for the current answers, as a store selector can return them.
import { shownTipIndexes } from '../../../../shared/domain/question-view';
import type { Question } from '../../../../shared/domain/template';
import { effectiveValue } from '../../store/answerSaver';
import type { LocalAnswer } from '../../store/types';

/**
 * The indexes of the tips shown, joined with "," (a string, so that a store selector returning
 * it re-renders the question only when the set changes).
 */
export function shownTipKey(question: Question, answers: Readonly<Record<string, LocalAnswer>>, visible: ReadonlySet<string>): string {
  if (!question.tips || question.tips.length === 0) return '';
  const answerOf = (id: string) => {
    const answer = answers[id];
    return answer ? { value: effectiveValue(answer.value), na: answer.na } : undefined;
  };
  return shownTipIndexes(question, answerOf, visible).join(',');
}

/** The tips a key from shownTipKey names, in template order. */
export function tipsOf(question: Question, key: string): NonNullable<Question['tips']> {
  if (key === '') return [];
  const indexes = new Set(key.split(',').map(Number));
  return (question.tips ?? []).filter((_, index) => indexes.has(index));
}
