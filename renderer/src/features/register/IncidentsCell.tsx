import { formatCount } from './countFormat';

/** Incidents that started in the last 90 days, and how many of the provider's incidents are still open ("3 · 1 open"). */
export function IncidentsCell({ recent, open }: { recent: number; open: number }) {
  if (recent === 0 && open === 0) return <span className="muted">None</span>;
  return (
    <span className="incidents-cell">
      <span className="incidents-recent">{formatCount(recent)}</span>
      {open > 0 && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">, </span>
          <span className="due-badge due-overdue incidents-open">{formatCount(open)} open</span>
        </>
      )}
    </span>
  );
}
