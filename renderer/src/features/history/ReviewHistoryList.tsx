import type { ReviewHistoryEntry } from '../../../../shared/api';
import { CompletionBar } from '../../components/CompletionBar';
import { TierBadge } from '../../components/TierBadge';
import { formatDate, formatScore } from '../../lib/format';
import { formatDay } from '../workflow/formatWhen';
import { ReviewStatusBadge } from '../workflow/ReviewStatusBadge';
import { decisionStep } from '../workflow/workflowText';

/** Every review of the provider, newest first: its status, who decided when, its (frozen) score. */
export function ReviewHistoryList({ entries }: { entries: readonly ReviewHistoryEntry[] }) {
  return (
    <table className="data-table history-table" aria-label="Reviews">
      <thead>
        <tr>
          <th scope="col">Review</th>
          <th scope="col">Status</th>
          <th scope="col">Decision</th>
          <th scope="col">Score</th>
          <th scope="col">Tier</th>
          <th scope="col">Completion</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const step = decisionStep(entry.review, entry.steps);
          return (
            <tr key={entry.review.id} data-testid="history-review">
              <th scope="row">
                <span className="history-started">Started {formatDate(entry.review.startedAt)}</span>
                <span className="muted history-template">
                  {entry.review.templateId} v{entry.review.templateVersion}
                  {entry.review.reviewer && ` · ${entry.review.reviewer}`}
                </span>
              </th>
              <td>
                <ReviewStatusBadge status={entry.review.status} />
              </td>
              <td>
                {step ? (
                  <>
                    <span>
                      {step.by || 'Someone unnamed'} · {formatDate(step.at)}
                    </span>
                    {step.note && <span className="history-note">“{step.note}”</span>}
                    {entry.dueOverride && <span className="muted history-note">Next review set to {formatDay(entry.dueOverride)}</span>}
                  </>
                ) : (
                  <span className="muted">Not decided</span>
                )}
              </td>
              <td className="history-score">
                {formatScore(entry.score)}
                <span className="muted history-frozen">{entry.frozen ? 'frozen' : 'live'}</span>
              </td>
              <td>
                <TierBadge tier={entry.tier} />
              </td>
              <td>
                <CompletionBar completion={entry.completion} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
