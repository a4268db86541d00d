// The two buttons under an import preview (a subprocessor list, status page components): Import,
// only when something would change, and Cancel; both wait while the preview is checked or imported.
export type PreviewBusy = 'checking' | 'importing' | null;

interface Props {
  busy: PreviewBusy;
  changes: number;
  onImport(): void;
  onCancel(): void;
}

export function PreviewButtons({ busy, changes, onImport, onCancel }: Props) {
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-primary button-small"
        disabled={busy !== null || changes === 0}
        aria-busy={busy === 'importing' || undefined}
        onClick={onImport}
      >
        {busy === 'importing' ? 'Importing…' : 'Import'}
      </button>
      <button type="button" className="button button-small" disabled={busy !== null} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
