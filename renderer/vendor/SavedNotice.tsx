// After "Save answers": the file's name and its SHA-256 digest, to quote in the e-mail.
import { useEffect, useRef } from 'react';

export interface SavedFile {
  fileName: string;
  sha256: string;
  answers: number;
  /** Answers changed since: the file saved no longer holds them. */
  stale: boolean;
}

export function SavedNotice({ saved, requestedBy, onClose }: { saved: SavedFile; requestedBy: string; onClose(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [saved.sha256]);
  return (
    <div ref={box} className="saved" role="status" tabIndex={-1} aria-labelledby="saved-title">
      <p id="saved-title" className="saved-title">
        Saved <strong>{saved.fileName}</strong> ({saved.answers} answer{saved.answers === 1 ? '' : 's'}) to your downloads.
      </p>
      <p>
        Send it to {requestedBy || 'the person who asked'} by e-mail and quote this SHA-256 digest in your message, so that they can check the file they receive is the one
        you saved:
      </p>
      <p className="digest">
        <code data-testid="answers-digest">{saved.sha256}</code>
      </p>
      {saved.stale && <p className="message message-warning">You have changed answers since: save again to include them.</p>}
      <button type="button" className="link-button" onClick={onClose}>
        Hide this note
      </button>
    </div>
  );
}
