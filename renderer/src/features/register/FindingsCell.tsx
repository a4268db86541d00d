import { formatCount } from './countFormat';

/** Open findings, with those past their due date called out. */
export function FindingsCell({ open, overdue }: { open: number; overdue: number }) {
  if (open === 0) return <span className="muted">None open</span>;
  return (
    <span className="two-line-cell">
      <span className="findings-open">{formatCount(open)} open</span>
      {overdue > 0 && <span className="due-badge due-overdue">{formatCount(overdue)} overdue</span>}
    </span>
  );
}
