import type { Review } from '../../../../shared/domain/review';
import { REVIEW_STATUS_LABELS } from '../../lib/labels';
import { formatDate } from '../../lib/format';
import { decisionStep, STEP_LABELS } from '../workflow/workflowText';
import type { LatestDecision } from './useLatestDecision';

export type WhichReview = 'decided' | 'draft';

interface Props {
  idPrefix: string;
  vendorName: string;
  /** The review in progress (draft or in review). */
  openReview: Review;
  latestDecision: LatestDecision;
  value: WhichReview;
  onChange(value: WhichReview): void;
}

/** What the decided option reports, or why it cannot. */
function decidedHint(vendorName: string, latest: LatestDecision): string {
  if (latest === 'loading') return 'Looking up the latest decision…';
  if (latest === 'unknown') return 'The review that was signed off last, with its frozen answers and score.';
  if (latest === 'none') return `No review of ${vendorName} has been decided yet: only the draft can be reported.`;
  const step = decisionStep(latest.review, latest.steps);
  const when = step ? ` on ${formatDate(step.at)}` : '';
  const who = step?.by ? ` by ${step.by}` : '';
  return `${STEP_LABELS[latest.review.status]}${when}${who}: the answers and score frozen at the decision.`;
}

/** Which review the report shows, when the provider has one in progress besides its decided one. */
export function ReportChoice({ idPrefix, vendorName, openReview, latestDecision, value, onChange }: Props) {
  const decidedId = `${idPrefix}-decided`;
  const draftId = `${idPrefix}-draft`;
  const noDecision = latestDecision === 'none';
  return (
    <fieldset className="field report-choice">
      <legend className="field-legend">Which review</legend>
      <div className="field-check">
        <input
          id={decidedId}
          type="radio"
          name={`${idPrefix}-which`}
          checked={value === 'decided'}
          disabled={noDecision}
          onChange={() => onChange('decided')}
          aria-describedby={`${decidedId}-hint`}
        />
        <label htmlFor={decidedId}>Decided: the latest signed-off review</label>
        <p id={`${decidedId}-hint`} className="hint">
          {decidedHint(vendorName, latestDecision)}
        </p>
      </div>
      <div className="field-check">
        <input
          id={draftId}
          type="radio"
          name={`${idPrefix}-which`}
          checked={value === 'draft'}
          onChange={() => onChange('draft')}
          aria-describedby={`${draftId}-hint`}
        />
        <label htmlFor={draftId}>Draft: the review in progress, marked DRAFT</label>
        <p id={`${draftId}-hint`} className="hint">
          {REVIEW_STATUS_LABELS[openReview.status]}, not signed off: its answers may still change, and every page says DRAFT.
        </p>
      </div>
    </fieldset>
  );
}
