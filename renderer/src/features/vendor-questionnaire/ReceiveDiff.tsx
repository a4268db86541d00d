// What the provider's answers file would change, question by question: what the review holds, what
// the provider gave, their comment, and the kind of change in words. A tick per answer that can
// be taken (none ticked to begin with: the reviewer decides), answers left out with their reason,
// and the digest the provider should confirm.
import type { QuestionnaireReceipt, ReceiveRow } from '../../../../shared/domain/vendor-exchange';
import { CHANGE_LABELS, plural } from './providerWords';
import { CountList } from '../../components/CountList';

interface Props {
  receipt: QuestionnaireReceipt;
  selected: ReadonlySet<string>;
  onSelect(next: ReadonlySet<string>): void;
  disabled: boolean;
}

function Side({ side }: { side: ReceiveRow['held'] }) {
  if (!side) return <span className="muted">No answer</span>;
  return <>{side.label}</>;
}

export function ReceiveSummary({ receipt }: { receipt: QuestionnaireReceipt }) {
  const { counts } = receipt;
  const items = [
    { n: counts.new, text: 'new' },
    { n: counts.changed, text: 'changed' },
    { n: counts.unchanged, text: 'unchanged' },
    { n: counts.empty, text: 'left empty by the provider' },
    { n: counts.rejected, text: 'left out: they do not fit' },
  ];
  return (
    <CountList lines={items} className="receive-counts" label="What the file holds" />
  );
}

export function ReceiveDiff({ receipt, selected, onSelect, disabled }: Props) {
  const acceptable = receipt.rows.filter((r) => r.acceptable);
  const newAndChanged = acceptable.filter((r) => r.change === 'new' || r.change === 'changed').map((r) => r.questionId);
  const toggle = (questionId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(questionId);
    else next.delete(questionId);
    onSelect(next);
  };
  const rows = receipt.rows.filter((r) => r.change !== 'unchanged' || r.acceptable);
  const quietUnchanged = receipt.counts.unchanged - receipt.rows.filter((r) => r.change === 'unchanged' && r.acceptable).length;

  return (
    <div className="receive-diff">
      <div className="receive-select">
        <button type="button" className="button" disabled={disabled || newAndChanged.length === 0} onClick={() => onSelect(new Set([...selected, ...newAndChanged]))}>
          Select all new and changed ({newAndChanged.length})
        </button>
        <button type="button" className="button" disabled={disabled || selected.size === 0} onClick={() => onSelect(new Set())}>
          Select none
        </button>
        <span className="muted" role="status">
          {plural(selected.size, 'answer')} of {acceptable.length} selected
        </span>
      </div>
      <div className="receive-table-wrap">
        <table className="receive-table" data-testid="receive-diff">
          <caption className="visually-hidden">The provider’s answers against the review</caption>
          <thead>
            <tr>
              <th scope="col">Take</th>
              <th scope="col">Section</th>
              <th scope="col">Question</th>
              <th scope="col">The review holds</th>
              <th scope="col">The provider gave</th>
              <th scope="col">Provider’s comment</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.questionId} className={`receive-row is-${row.change}`} data-question-id={row.questionId} data-change={row.change}>
                <td>
                  {row.acceptable ? (
                    <input
                      type="checkbox"
                      checked={selected.has(row.questionId)}
                      disabled={disabled}
                      aria-label={`Take the provider’s answer to ${row.questionId}: ${row.questionText}`}
                      onChange={(e) => toggle(row.questionId, e.target.checked)}
                    />
                  ) : (
                    <span className="muted" aria-label="Nothing to take">
                      –
                    </span>
                  )}
                </td>
                <td>{row.sectionTitle}</td>
                <th scope="row" className="receive-question">
                  <span className="receive-qid">{row.questionId}</span> {row.questionText}
                </th>
                <td>
                  <Side side={row.held} />
                </td>
                <td>{row.change === 'empty' ? <span className="muted">Left empty</span> : <Side side={row.given} />}</td>
                <td className="receive-comment">
                  {row.comment || <span className="muted">None</span>}
                  {row.comment && !row.commentChanged && <span className="muted"> (as held)</span>}
                </td>
                <td>
                  <span className={`receive-change change-${row.change}`}>{CHANGE_LABELS[row.change]}</span>
                  {row.change === 'unchanged' && row.commentChanged && <span className="muted"> · new comment</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {quietUnchanged > 0 && <p className="muted">{plural(quietUnchanged, 'answer')} the same as the review holds, not listed.</p>}
      {receipt.rejected.length > 0 && (
        <div className="receive-rejected">
          <h3>Left out: {receipt.rejected.length === 1 ? 'one answer that does not fit' : `${receipt.rejected.length} answers that do not fit`}</h3>
          <ul>
            {receipt.rejected.map((r, i) => (
              <li key={`${r.questionId}-${i}`}>
                <span className="receive-qid">{r.questionId}</span>: gave {r.given} — {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
