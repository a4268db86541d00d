// The scoring model (docs/scoring.md): one import for the app, the CLI, reports and tests.
export type {
  Knockout,
  PointLoss,
  RiskProfile,
  ScoreResult,
  ScoringOptions,
  SectionScore,
  OpenQuestion,
  NotApplicableQuestion,
  ProfileConflict,
  ProfileFact,
} from './types';
export { DEFAULT_SCORING_OPTIONS, SCORING_MODEL } from './types';
export { storedScore } from './stored';
export { profileConflicts } from './consistency';
export type { QuestionOutcome, QuestionStatus } from './score';
export { LOSS_TOLERANCE, findBand, roundScore, scoreQuestion, scoreReview } from './score';
export type { FlagOutcome, FlagStatus } from './flags';
export { RISK_FLAG_KNOCKOUTS, RISK_FLAG_WEIGHTS, evaluateFlag } from './flags';
export type { InherentContribution, InherentPointTable, InherentRisk } from './inherent';
export { INHERENT_POINTS, inherentRisk, inherentTier, inherentTierForPoints } from './inherent';
export type { ControlBand } from './residual';
export { BAND_TOLERANCE, CONTROL_BANDS, CONTROL_BAND_MIN, RESIDUAL_MATRIX, controlBand, residualTier } from './residual';
