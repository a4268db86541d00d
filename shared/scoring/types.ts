import type { Tier } from '../domain/tier';
import type { BusinessImpact, DataCategory } from '../domain/vendor';

/**
 * The scoring model this code implements (docs/scoring.md). Every score carries the model that
 * produced it; a score frozen before models were numbered reads as 1.
 */
export const SCORING_MODEL = 2;

/** What inherent risk is computed from, and what the answers are checked against: the provider's profile. */
export interface RiskProfile {
  criticalPath: boolean;
  businessImpact: BusinessImpact;
  dataCategories: readonly DataCategory[];
  /** Where the data is kept; when given, a "Not disclosed" answer is checked against it. */
  dataLocations?: readonly string[];
}

export interface ScoringOptions {
  /** Below this completion (0..1) a review is "incomplete" and gets no residual tier. */
  completionThreshold: number;
  /** Below this coverage (0..1) a review is "incomplete" and gets no residual tier. */
  coverageThreshold: number;
  /**
   * False: `explanation` is left empty (every other field is the same). The register's listing
   * shows no reasons, and writing them is most of the cost of scoring a review.
   */
  explain?: boolean;
}

export const DEFAULT_SCORING_OPTIONS: ScoringOptions = { completionThreshold: 0.8, coverageThreshold: 0.8 };

export interface SectionScore {
  sectionId: string;
  title: string;
  weight: number;
  /** 0..100, or null when no scored question in it is answered (or all are N/A). */
  score: number | null;
  /** Visible, non-optional questions answered or marked N/A. */
  answered: number;
  /** Visible, non-optional questions. */
  total: number;
  /** Share (0..1) of the section's full weight the answers settle; null in a score frozen under model 1. */
  coverage: number | null;
}

export interface Knockout {
  /** The question answered; for a risk flag, the (first) question whose answer makes it fire. */
  questionId: string;
  /** The question's text; for a risk flag, the flag's name. */
  questionText: string;
  answerLabel: string;
  tier: Tier;
  /** Set when a firing critical risk flag raised this knock-out. */
  flagId?: string;
  /** True when the provider is on the critical path and this knock-out was raised one tier for it. */
  raised?: boolean;
}

/** A question the score does not rest on yet: shown, not optional, not answered. */
export interface OpenQuestion {
  questionId: string;
  sectionId: string;
  questionText: string;
  mustHave: boolean;
  /** Set when the question is marked N/A where the template does not allow it. */
  naRefused?: boolean;
}

/** A question marked not applicable (or answered with an option worth N/A). */
export interface NotApplicableQuestion {
  questionId: string;
  sectionId: string;
  questionText: string;
  /** The answer as a person reads it ("Not applicable", or the option chosen). */
  answerLabel: string;
}

/** Profile facts an answer can contradict (docs/scoring.md, "Profile and answers"). */
export type ProfileFact = 'criticalPath' | 'personalData' | 'locationsKnown';

export interface ProfileConflict {
  questionId: string;
  questionText: string;
  answerLabel: string;
  fact: ProfileFact;
  /** Both readings in words: "The answer says … ; the profile says …". */
  message: string;
}

/** One line of the "why" list: points of the overall score lost by one answer (or one firing risk flag). */
export interface PointLoss {
  /** The question answered; for a risk flag, the (first) question whose answer makes it fire. */
  questionId: string;
  sectionId: string;
  /** The question's text; for a risk flag, the flag's name. */
  questionText: string;
  answerLabel: string;
  /** Points of the overall 0..100 score this answer cost. */
  pointsLost: number;
  /** Plain words: the option's (or flag's) `why`, or a sentence built from the answer. */
  reason: string;
  knockout: Tier | null;
  /** Set when the line is a firing risk flag. */
  flagId?: string;
}

export interface ScoreResult {
  /** The scoring model that produced this result (SCORING_MODEL now; 1 for older frozen scores). */
  model: number;
  /** 'incomplete' when any of `blockers` holds: then there is no residual tier. */
  state: 'scored' | 'incomplete';
  /** Why the review gets no residual tier, in words (empty when scored). */
  blockers: string[];
  /** 0..1 */
  completion: number;
  /** 0..1: share of the questionnaire's weight the answers settle; null in a score frozen under model 1. */
  coverage: number | null;
  /** Shown must-have questions not answered: while any is open there is no residual tier. */
  mustHaveOpen: OpenQuestion[];
  /** Where the profile and the answers disagree: while any is listed there is no residual tier. */
  conflicts: ProfileConflict[];
  /** Shown, non-optional questions not answered (must-haves first, then template order). */
  open: OpenQuestion[];
  /** Questions marked not applicable, in template order. */
  notApplicable: NotApplicableQuestion[];
  /** 0..100 over the answered questions (provisional when incomplete), null when nothing scored. */
  overall: number | null;
  sections: SectionScore[];
  knockouts: Knockout[];
  inherent: Tier;
  /** From the inherent × control matrix; null when incomplete. */
  residual: Tier | null;
  /** The tier to act on: residual raised by knock-outs; knock-outs alone when incomplete. */
  tier: Tier | null;
  /** Biggest loss first (ties: knock-outs, then template order). */
  explanation: PointLoss[];
}
