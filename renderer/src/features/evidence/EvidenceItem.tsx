// One stored document: what it is, until when it holds, its SHA-256, and what can be done with it.
import { useEffect, useId, useRef, useState } from 'react';
import type { EvidenceView } from '../../../../shared/api';
import { EVIDENCE_KIND_LABELS, EVIDENCE_STATE_LABELS, labelOf } from '../../../../shared/domain/labels';
import { api } from '../../api/client';
import { formatDay } from '../attention/dates';
import { LockIcon } from '../settings/LockIcon';
import { lockedReason, useKeyStatus } from '../settings/useKeyStatus';
import { EvidenceEditForm } from './EvidenceEditForm';
import { formatBytes, shortHash } from './formatEvidence';
import { useSaveEvidenceCopy } from './useSaveEvidenceCopy';

interface Props {
  item: EvidenceView;
  /** The text of the question it backs, when known. */
  questionText: string | null;
  onChanged(): void;
  /** After a delete (this item and its buttons are gone): where focus goes. */
  onDeleted(): void;
}

type Mode = 'view' | 'edit' | 'confirm-delete';

export function EvidenceItem({ item, questionText, onChanged, onDeleted }: Props) {
  const uid = useId();
  const titleId = `${uid}-title`;
  const [mode, setMode] = useState<Mode>('view');
  // Back from editing or from the delete question, focus returns to the button that started it.
  const returnTo = useRef<'edit' | 'delete' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [copied, setCopied] = useState(false);
  const saveCopy = useSaveEvidenceCopy();
  const title = item.title || item.fileName;
  const keyStatus = useKeyStatus(item.locked === true);
  const lockedId = `${uid}-locked`;

  useEffect(() => {
    if (mode !== 'view' || returnTo.current === null) return;
    (returnTo.current === 'edit' ? editButton : deleteButton).current?.focus();
    returnTo.current = null;
  }, [mode]);

  const leave = (from: 'edit' | 'delete') => {
    returnTo.current = from;
    setMode('view');
  };

  const remove = async () => {
    setDeleting(true);
    const result = await api['evidence.delete']({ id: item.id });
    setDeleting(false);
    if (!result.ok) {
      setProblem(`“${title}” was not deleted: ${result.error.message}`);
      return;
    }
    onDeleted();
  };

  const copyHash = async () => {
    try {
      await navigator.clipboard.writeText(item.sha256);
      setCopied(true);
    } catch {
      setProblem(`The browser did not allow copying. The SHA-256 is ${item.sha256}`);
    }
  };

  return (
    <li
      className={`evidence-item evidence-${item.state}${item.confidential ? ' is-confidential' : ''}`}
      aria-labelledby={titleId}
      data-testid="evidence-item"
      data-confidential={item.confidential ? 'true' : undefined}
    >
      <div className="evidence-head">
        <div className="evidence-name">
          <span className="evidence-kind">
            {labelOf(EVIDENCE_KIND_LABELS, item.kind)}
            {item.confidential && (
              <span className="confidential-badge" data-testid="evidence-confidential">
                <LockIcon />
                Confidential
              </span>
            )}
          </span>
          <h3 id={titleId} className="evidence-title">
            {title}
          </h3>
        </div>
        <span className={`evidence-flag flag-${item.state}`} data-testid="evidence-state">
          {labelOf(EVIDENCE_STATE_LABELS, item.state)}
        </span>
      </div>

      {mode === 'edit' ? (
        <EvidenceEditForm
          item={item}
          onCancel={() => leave('edit')}
          onSaved={() => {
            leave('edit');
            onChanged();
          }}
        />
      ) : (
        <>
          <dl className="evidence-facts">
            <div>
              <dt>File</dt>
              <dd>
                {item.fileName} <span className="muted">· {formatBytes(item.bytes)}</span>
              </dd>
            </div>
            <div>
              <dt>Issued</dt>
              <dd>{formatDay(item.issuedOn)}</dd>
            </div>
            <div>
              <dt>Expires</dt>
              <dd className={item.state === 'expired' || item.state === 'expiring_soon' ? 'evidence-expiry-warn' : undefined}>
                {formatDay(item.expiresOn)}
              </dd>
            </div>
            <div className="evidence-hash-fact">
              <dt>SHA-256</dt>
              <dd>
                <code className="evidence-hash" title={item.sha256} data-sha256={item.sha256}>
                  {shortHash(item.sha256)}
                </code>
                <button type="button" className="link-button evidence-copy" onClick={() => void copyHash()} aria-describedby={titleId}>
                  {copied ? 'Copied' : 'Copy SHA-256'}
                </button>
              </dd>
            </div>
            {item.questionId && (
              <div className="evidence-question-fact">
                <dt>Backs</dt>
                <dd>{questionText ?? <span className="muted">Question {item.questionId} (not in the current template)</span>}</dd>
              </div>
            )}
          </dl>
          {item.locked ? (
            <p id={lockedId} className="confidential-locked" data-testid="evidence-locked">
              <LockIcon />
              <span>
                <strong>Confidential — locked:</strong> {lockedReason(keyStatus)} The file and its notes cannot be opened
                until the key is back.
              </span>
            </p>
          ) : (
            item.notes && <p className="evidence-notes">{item.notes}</p>
          )}
          <p className="evidence-added muted">
            Added {formatDay(item.addedAt.slice(0, 10))}
            {item.addedBy ? ` by ${item.addedBy}` : ''}
          </p>
        </>
      )}

      {problem && (
        <p className="form-error evidence-problem" role="alert">
          {problem}
        </p>
      )}

      {mode === 'view' && (
        <div className="evidence-actions">
          <button
            type="button"
            className="button button-small"
            disabled={saveCopy.busy || item.locked === true}
            aria-busy={saveCopy.busy || undefined}
            aria-describedby={item.locked ? `${titleId} ${lockedId}` : titleId}
            title={item.locked ? 'Locked: the key for confidential data is not available' : undefined}
            onClick={() => {
              setProblem(null);
              void saveCopy.save(item).then((message) => setProblem(message));
            }}
          >
            {saveCopy.busy ? 'Preparing…' : 'Save a copy'}
          </button>
          <button ref={editButton} type="button" className="button button-small" aria-describedby={titleId} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="button button-small"
            aria-describedby={titleId}
            onClick={() => setMode('confirm-delete')}
          >
            Delete
          </button>
          {item.locked && (
            <span className="hint evidence-locked-reason" data-testid="save-copy-reason">
              No copy can be saved while it is locked.
            </span>
          )}
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className="evidence-confirm" role="group" aria-label={`Delete ${title}`}>
          <p>
            Delete “{title}”? The stored file is removed from the register.
          </p>
          <div className="button-row">
            <button type="button" className="button button-small button-danger" disabled={deleting} onClick={() => void remove()}>
              {deleting ? 'Deleting…' : 'Yes, delete'}
            </button>
            {/* The safe answer has the focus. */}
            <button type="button" className="button button-small" onClick={() => leave('delete')} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
