import { CONTROL_BAND_MIN } from '../../../../shared/scoring';
import { DEFAULT_SCORING_OPTIONS } from '../../../../shared/scoring';
import { CompletionBar } from '../../components/CompletionBar';
import { TierBadge } from '../../components/TierBadge';
import { formatScore } from '../../lib/format';
import { TIER_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { KnockoutList } from './KnockoutList';
import { SectionChart } from './SectionChart';
import { WhyList } from './WhyList';

const THRESHOLD = Math.round(DEFAULT_SCORING_OPTIONS.completionThreshold * 100);

/** The live score, recomputed in the renderer with the same shared scoring as the CLI. */
export function ScorePanel() {
  const score = useVetted((s) => s.score);
  if (!score) return null;
  const incomplete = score.state === 'incomplete';

  return (
    <section className="score-panel" aria-label="Score">
      <h2 className="panel-title">Score</h2>
      <div className="score-headline">
        <p className="score-number">
          <span className="score-value" data-testid="overall-score">
            {formatScore(score.overall)}
          </span>
          <span className="score-max">/ 100</span>
        </p>
        <TierBadge tier={score.tier} state={incomplete ? 'incomplete' : 'scored'} size="large" testId="tier" showForcedTier />
      </div>
      {incomplete && (
        <p className="score-note">
          {score.overall === null ? 'No scored answers yet.' : 'Provisional.'} A tier needs {THRESHOLD}% of the questions answered.
          {score.tier && ` Knock-outs already set it to at least ${TIER_LABELS[score.tier]}.`}
        </p>
      )}

      <dl className="risk-grid">
        <div>
          <dt>Inherent risk</dt>
          <dd>
            <TierBadge tier={score.inherent} />
          </dd>
        </div>
        <div>
          <dt>Residual risk</dt>
          <dd>{score.residual ? <TierBadge tier={score.residual} /> : <span className="muted">Needs {THRESHOLD}%</span>}</dd>
        </div>
        <div className="risk-grid-wide">
          <dt>Completion</dt>
          <dd>
            <CompletionBar completion={score.completion} testId="completion" />
          </dd>
        </div>
      </dl>

      <KnockoutList knockouts={score.knockouts} />

      <div className="panel-block">
        <h3>By section</h3>
        <SectionChart sections={score.sections} />
        <p className="chart-legend muted">
          Bars: strong ≥ {CONTROL_BAND_MIN.strong}, adequate ≥ {CONTROL_BAND_MIN.adequate}, weak ≥ {CONTROL_BAND_MIN.weak}.
        </p>
      </div>

      <WhyList losses={score.explanation} />
    </section>
  );
}
