// Risk flags (docs/scoring.md, "Risk flags"): findings that fire when their condition holds.
// A flag is an implicit item of its section, weighted by severity: it loses its whole weight when
// it fires, nothing when clear, and is open (for coverage) while undecided. A firing critical flag
// is a knock-out.
import { answerLabel } from '../domain/answers';
import { evaluateCondition } from '../domain/conditions';
import { kleene, type Truth } from './kleene';
import type { AnswerMap } from '../domain/review';
import type { Condition, Question, RiskFlag, RiskFlagSeverity } from '../domain/template';
import type { Tier } from '../domain/tier';

/** A flag's weight inside its section, by severity. */
export const RISK_FLAG_WEIGHTS: Readonly<Record<RiskFlagSeverity, number>> = { medium: 1, high: 2, critical: 4 };

/** The tier a firing flag forces: only a critical flag is a knock-out. */
export const RISK_FLAG_KNOCKOUTS: Readonly<Record<RiskFlagSeverity, Tier | null>> = {
  medium: null,
  high: null,
  critical: 'critical',
};

/**
 * - 'fires': the condition holds for the answers given (it loses its weight);
 * - 'clear': the condition is false whatever the questions still open would say (a hidden question reads
 *   as not holding, as for showWhen);
 * - 'undecided': anything else (open, like an unanswered question).
 */
export type FlagStatus = 'fires' | 'clear' | 'undecided';

export interface FlagOutcome {
  status: FlagStatus;
  /** When firing: the questions whose answers (or whose being hidden) make the condition hold, in condition order. */
  trigger: string[];
  /** Of `trigger`, the shown and answered ones: the flag belongs to one of these when there is one. */
  answered: string[];
  /** When firing: those answers as a person reads them ("Yes"; several joined with "; "). */
  answerLabel: string;
}


/**
 * How a flag may read one question: 'known' (shown and answered or N/A), 'hidden' (not shown: its
 * leaves are false, as for showWhen) or 'open' (shown or undecided, and not answered yet: unknown).
 */
export type FlagRead = 'known' | 'hidden' | 'open';

/**
 * Decides a flag. `read(id)` says how question `id` may be read. `not` of an unknown is unknown,
 * so a flag like "no encryption selected" does not fire on a question nobody has answered yet; a
 * flag whose condition is false whatever the open questions say is clear.
 */
export function evaluateFlag(
  flag: RiskFlag,
  answers: AnswerMap,
  read: (questionId: string) => FlagRead,
  byId: ReadonlyMap<string, Question>,
): FlagOutcome {
  const truth = (c: Condition): Truth =>
    kleene(c, (leaf) => {
      const state = read(leaf.q);
      return state === 'known' ? evaluateCondition(leaf, answers) : state === 'hidden' ? false : null;
    });
  /** The leaves that make `c` come out as `want`. */
  const support = (c: Condition, want: boolean): string[] => {
    if ('not' in c) return support(c.not, !want);
    if ('all' in c || 'any' in c) {
      const children = 'all' in c ? c.all : c.any;
      // all=true and any=false need every child; all=false and any=true need one.
      const needsEvery = ('all' in c) === want;
      if (needsEvery) return children.flatMap((child) => support(child, want));
      const decisive = children.find((child) => truth(child) === want);
      return decisive ? support(decisive, want) : [];
    }
    return truth(c) === want ? [c.q] : [];
  };

  const value = truth(flag.when);
  if (value === true) {
    const trigger = [...new Set(support(flag.when, true))];
    // A hidden question has no answer that counts: it reads "Not shown", never the answer left behind on it.
    const label = trigger
      .map((id) => (read(id) === 'known' ? answerLabel(byId.get(id)!, answers[id]?.value ?? null, answers[id]?.na ?? false) : 'Not shown'))
      .join('; ');
    return { status: 'fires', trigger, answered: trigger.filter((id) => read(id) === 'known'), answerLabel: label };
  }
  if (value === false) {
    return { status: 'clear', trigger: [], answered: [], answerLabel: '' };
  }
  return { status: 'undecided', trigger: [], answered: [], answerLabel: '' };
}
