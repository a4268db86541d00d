// Which questions are still undecided (docs/scoring.md, sections 1 and 5): a question whose
// condition reads an unanswered question may or may not apply once it is answered, so coverage
// counts it as open. Read with three values, like risk flags, so that answering a question never
// turns a decided one back into an undecided one (coverage is monotone).
import { evaluateCondition } from '../domain/conditions';
import type { AnswerMap } from '../domain/review';
import type { Condition, Question } from '../domain/template';
import { kleene, type Truth } from './kleene';

export type Visibility = 'shown' | 'hidden' | 'undecided';


/**
 * The three-valued visibility of every conditional question (one without a condition is always
 * shown and is left out of the map). `answered(q)` says whether question q has an
 * answer that counts (not unanswered). A leaf on a hidden question is false (as for the app's
 * showWhen); on an undecided or unanswered question it is unknown.
 */
export function visibilities(
  byId: ReadonlyMap<string, Question>,
  answers: AnswerMap,
  answered: (question: Question) => boolean,
  /** The questions the app shows: they are shown, whatever the three-valued reading says. */
  shown: { has(id: string): boolean },
): Map<string, Visibility> {
  const memo = new Map<string, Visibility>();
  const inProgress = new Set<string>();

  const stateOf = (question: Question): Visibility => {
    // Most questions have no condition: shown, and not worth a memo entry (this runs per review listed).
    if (!question.showWhen) return 'shown';
    const known = memo.get(question.id);
    if (known) return known;
    if (shown.has(question.id)) {
      memo.set(question.id, 'shown');
      return 'shown';
    }
    if (inProgress.has(question.id)) return 'hidden'; // a cycle never shows (templates are checked for them)
    inProgress.add(question.id);
    const value = truth(question.showWhen);
    inProgress.delete(question.id);
    // Not shown by the app: undecided while an open question could still show it, else hidden.
    const state: Visibility = value === null ? 'undecided' : 'hidden';
    memo.set(question.id, state);
    return state;
  };

  const truth = (c: Condition): Truth =>
    kleene(c, (leaf) => {
      const parent = byId.get(leaf.q);
      if (!parent) return false;
      const state = stateOf(parent);
      if (state === 'hidden') return false;
      if (state === 'undecided' || !answered(parent)) return null;
      return evaluateCondition(leaf, answers);
    });

  for (const question of byId.values()) if (question.showWhen) stateOf(question);
  return memo;
}
