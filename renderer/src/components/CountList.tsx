// The counts of an import or a received file, one line each ("3 new: added"); a count of 0 is dimmed.
export interface CountLine {
  n: number;
  text: string;
}

export function CountList({ lines, className = 'import-counts', label }: { lines: readonly CountLine[]; className?: string; label?: string }) {
  return (
    <ul className={className} aria-label={label}>
      {lines.map((l) => (
        <li key={l.text} className={l.n === 0 ? 'muted' : undefined}>
          <span className="import-count">{l.n}</span> {l.text}
        </li>
      ))}
    </ul>
  );
}
