import type { Tier } from '../domain/tier';
import type { BusinessImpact, DataCategory } from '../domain/vendor';

/** What inherent risk is computed from: the provider's profile, not its answers. */
export interface RiskProfile {
  criticalPath: boolean;
  businessImpact: BusinessImpact;
  dataCategories: readonly DataCategory[];
}

export interface ScoringOptions {
  /** Below this completion (0..1) a review is "incomplete" and gets no residual tier. */
  completionThreshold: number;
}

export const DEFAULT_SCORING_OPTIONS: ScoringOptions = { completionThreshold: 0.8 };

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
  /** 'incomplete' when completion is under the threshold. */
  state: 'scored' | 'incomplete';
  /** 0..1 */
  completion: number;
  /** 0..100 over the answered questions (provisional when incomplete), null when nothing scored. */
  overall: number | null;
  sections: SectionScore[];
  knockouts: Knockout[];
  inherent: Tier;
  /** From the inherent × control matrix; null when incomplete. */
  residual: Tier | null;
  /** The tier to act on: residual raised by knock-outs; knock-outs alone when incomplete. */
  tier: Tier | null;
  /** Biggest loss first. */
  explanation: PointLoss[];
}
