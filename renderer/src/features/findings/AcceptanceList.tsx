import type { AcceptanceView } from '../../../../shared/api';
import { ACCEPTANCE_STATE_LABELS } from '../../../../shared/domain/labels';
import { formatDate } from '../../lib/format';
import { formatDay } from '../workflow/formatWhen';

interface Props {
  acceptances: readonly AcceptanceView[];
  onRevoke(acceptance: AcceptanceView): void;
}

/** Every risk acceptance of the provider, newest first, with its state. */
export function AcceptanceList({ acceptances, onRevoke }: Props) {
  if (acceptances.length === 0) return <p className="muted">No risk was accepted for this provider.</p>;
  return (
    <table className="data-table acceptances-table" aria-label="Risk acceptances">
      <thead>
        <tr>
          <th scope="col">Accepted</th>
          <th scope="col">Justification</th>
          <th scope="col">By</th>
          <th scope="col">Until</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {acceptances.map((a) => (
          <tr key={a.id} className={a.state === 'expired' || a.state === 'revoked' ? 'is-inactive' : undefined}>
            <th scope="row">
              <span className="finding-title">{a.subject}</span>
              <span className="muted acceptance-kind">{a.findingId ? 'Finding' : 'Whole review'}</span>
            </th>
            <td className="acceptance-justification">{a.justification}</td>
            <td>
              {a.acceptedBy}
              <span className="muted acceptance-on"> · {formatDate(a.acceptedAt)}</span>
            </td>
            <td className="acceptance-until">{formatDay(a.expiresOn)}</td>
            <td>
              <span className={`status-badge acceptance-${a.state}`}>
                {ACCEPTANCE_STATE_LABELS[a.state]}
                {a.state === 'revoked' && a.revokedAt ? ` ${formatDate(a.revokedAt)}` : ''}
              </span>
            </td>
            <td>
              {(a.state === 'active' || a.state === 'expiring_soon') && (
                <button type="button" className="button button-small" onClick={() => onRevoke(a)} aria-label={`Revoke the acceptance: ${a.subject}`}>
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
