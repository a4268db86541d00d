// The incident rows under the grid: what each provider's incident record (not the questionnaire)
// shows over the twelve months up to today, in the words the CSV and the PDF use
// (shared/compare/incidents.ts). Closed until asked for, so the grid keeps its room.
import { INCIDENTS_SECTION, incidentRows, type CompareColumn, type CompareIncidents } from '../../../../shared/compare';

/** A cell's lines, one under the other. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <span key={i} style={{ display: 'block' }}>
          {line}
        </span>
      ))}
    </>
  );
}

export function IncidentRows({ incidents, columns }: { incidents: CompareIncidents; columns: readonly CompareColumn[] }) {
  const rows = incidentRows(incidents);
  return (
    <details className="cmp-incidents" style={{ flex: 'none', marginTop: 12, maxHeight: '45vh', overflow: 'auto' }} data-testid="compare-incidents">
      <summary>{INCIDENTS_SECTION}</summary>
      <p className="muted">
        Incidents that started from {incidents.period.from} to {incidents.period.to} and were on record by then. A claim the record contradicts is a
        finding candidate.
      </p>
      <table className="data-table" aria-label="Incident record of the compared providers">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.cells.map((text, i) => {
                const contradicted = row.claims === true && (incidents.cells[i]?.claims ?? []).some((c) => c.verdict === 'contradicted');
                return <td key={columns[i]?.id ?? i}>{contradicted ? <strong><Lines text={text} /></strong> : <Lines text={text} />}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
