import { inherentRisk, INHERENT_POINTS } from '../../../../shared/scoring';
import type { BusinessImpact, DataCategory } from '../../../../shared/domain/vendor';
import { TierBadge } from '../../components/TierBadge';
import { DATA_CATEGORY_LABELS, IMPACT_LABELS } from '../../lib/labels';

interface Props {
  criticalPath: boolean;
  businessImpact: BusinessImpact;
  dataCategories: readonly DataCategory[];
}

/** Inherent risk as the form stands (before saving), with what the points are made of. */
export function InherentRiskPreview(props: Props) {
  const risk = inherentRisk(props);
  const name = (factor: string) =>
    factor === 'criticalPath'
      ? 'Critical path'
      : factor === 'businessImpact'
        ? `${IMPACT_LABELS[props.businessImpact]} business impact`
        : DATA_CATEGORY_LABELS[factor as DataCategory];
  return (
    <aside className="risk-preview" aria-labelledby="risk-preview-title">
      <h2 id="risk-preview-title" className="panel-title">
        Inherent risk
      </h2>
      <div className="risk-preview-head">
        <TierBadge tier={risk.tier} size="large" testId="inherent-preview" />
        <span className="muted">
          {risk.points} of {INHERENT_POINTS.cap} points
        </span>
      </div>
      {risk.contributions.length > 0 ? (
        <ul className="risk-preview-list">
          {risk.contributions.map((c) => (
            <li key={c.factor}>
              <span>{name(c.factor)}</span>
              <span className="risk-preview-points">+{c.points}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing in this profile adds risk.</p>
      )}
      <p className="hint">From the profile alone; the questionnaire's score turns it into the residual risk.</p>
    </aside>
  );
}
