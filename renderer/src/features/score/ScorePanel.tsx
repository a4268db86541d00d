import { CONTROL_BAND_MIN } from '../../../../shared/scoring';
import { CompletionBar } from '../../components/CompletionBar';
import { TierBadge } from '../../components/TierBadge';
import { formatScore } from '../../lib/format';
import { TIER_LABELS } from '../../lib/labels';
import { useVetted } from '../../store';
import { useLastSavedScore } from './useLastSavedScore';
import { ConflictList } from './ConflictList';
import { IncidentClaimFlag } from './IncidentClaimFlag';
import { KnockoutList } from './KnockoutList';
import { SectionChart } from './SectionChart';
import { UnscoredList } from './UnscoredList';
import { WhyList } from './WhyList';

/**
 * The score: live for an open review (the same shared scoring as the CLI), frozen for a decided
 * one (with the scoring model of its day). docs/scoring.md says what each figure means.
 */
export function ScorePanel() {
  const frozen = useVetted((s) => s.frozenScore);
  const live = useVetted((s) => s.score);
  const lastSaved = useLastSavedScore();
  // While a save fails, the score is the register's, not what could not be stored.
  const score = frozen ?? lastSaved?.score ?? live;
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
      <p className="score-model muted" data-testid="score-model">
        {frozen ? `Frozen at the decision · scoring model ${score.model}` : `Scoring model ${score.model}`}
      </p>
      {!frozen && lastSaved && (
        <p className="score-note" role="status" data-testid="score-last-saved">
          As last saved: {lastSaved.failed === 1 ? '1 answer' : `${lastSaved.failed} answers`} could not be saved yet and{' '}
          {lastSaved.failed === 1 ? 'is' : 'are'} not counted until {lastSaved.failed === 1 ? 'it is' : 'they are'}.
        </p>
      )}
      {incomplete && (
        <div className="score-note" data-testid="score-blockers">
          <p>
            {score.overall === null ? 'No scored answers yet.' : 'Provisional.'} No residual tier yet
            {score.tier ? ` (knock-outs already set the tier to at least ${TIER_LABELS[score.tier]})` : ''}, because:
          </p>
          <ul>
            {score.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
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
          <dd>{score.residual ? <TierBadge tier={score.residual} /> : <span className="muted">No tier yet</span>}</dd>
        </div>
        <div className="risk-grid-wide">
          <dt>Completion</dt>
          <dd>
            <CompletionBar completion={score.completion} testId="completion" />
          </dd>
        </div>
        <div className="risk-grid-wide">
          <dt title="Share of the questionnaire's weight the answers settle">Coverage</dt>
          <dd>
            {score.coverage === null ? (
              <span className="muted" data-testid="coverage">
                Not recorded (model {score.model})
              </span>
            ) : (
              <CompletionBar completion={score.coverage} testId="coverage" />
            )}
          </dd>
        </div>
      </dl>

      <ConflictList conflicts={score.conflicts} />
      <IncidentClaimFlag />
      <KnockoutList knockouts={score.knockouts} />

      <div className="panel-block">
        <h3>By section</h3>
        <SectionChart sections={score.sections} />
        <p className="chart-legend muted">
          Bars: strong ≥ {CONTROL_BAND_MIN.strong}, adequate ≥ {CONTROL_BAND_MIN.adequate}, weak ≥ {CONTROL_BAND_MIN.weak}.
        </p>
      </div>

      <WhyList losses={score.explanation} />
      <UnscoredList open={score.open} notApplicable={score.notApplicable} />
    </section>
  );
}
