// How a question behaves while it is filled in: which of its tips show for the answers, and what
// ticking an option of a multi question selects. Pure; the app and tests use the same rules.
import { conditionRefs, evaluateCondition } from './conditions';
import type { AnswerMap } from './review';
import type { ChoiceOption, Question } from './template';

type AnswerLike = AnswerMap[string];

/**
 * Indexes of the question's tips shown for these answers, in template order: a tip without
 * `when` always, any other while its condition holds. `answerOf` gives a question's answer as
 * stored (blank text already null); an answer on a question not in `visible` counts as none, as
 * for showWhen (an answer left behind on a hidden question reveals nothing).
 */
export function shownTipIndexes(question: Pick<Question, 'tips'>, answerOf: (questionId: string) => AnswerLike | undefined, visible: ReadonlySet<string>): number[] {
  const shown: number[] = [];
  (question.tips ?? []).forEach((tip, index) => {
    if (!tip.when) {
      shown.push(index);
      return;
    }
    const answers: Record<string, AnswerLike> = {};
    for (const id of conditionRefs(tip.when)) {
      const answer = visible.has(id) ? answerOf(id) : undefined;
      if (answer) answers[id] = answer;
    }
    if (evaluateCondition(tip.when, answers)) shown.push(index);
  });
  return shown;
}

/**
 * The selection after ticking (on) or unticking (off) one option of a multi question, in the
 * template's order: an `exclusive` option ("None") is chosen alone, and ticking any other option
 * unticks it. Unticking the last one leaves [] ("none of these", an answer; null clears it).
 */
export function toggleMultiOption<O extends Pick<ChoiceOption, 'id' | 'exclusive'>>(options: readonly O[], chosen: readonly string[], optionId: string, on: boolean): string[] {
  const option = options.find((o) => o.id === optionId);
  const keep = (o: O): boolean => {
    if (o.id === optionId) return on;
    if (!chosen.includes(o.id)) return false;
    if (!on) return true;
    // Ticking: an exclusive option clears the others, any other option clears the exclusive ones.
    return !option?.exclusive && !o.exclusive;
  };
  return options.filter(keep).map((o) => o.id);
}
