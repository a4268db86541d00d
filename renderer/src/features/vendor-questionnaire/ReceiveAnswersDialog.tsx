// "Receive answers…": the provider's answers file, shown against the open review before anything
// is taken; the reviewer ticks what to accept, sees the score move, and accepts it.
import { useId, type FormEvent } from 'react';
import type { QuestionnaireReceipt, ScoreBrief } from '../../../../shared/domain/vendor-exchange';
import { formatScore } from '../../lib/format';
import { useVetted } from '../../store';
import { ModalDialog } from '../workflow/ModalDialog';
import { providerWho } from '../../../../shared/audit/provider-source';
import { plural } from './providerWords';
import { ReceiveDiff, ReceiveSummary } from './ReceiveDiff';
import { useReceiveAnswers } from './useReceiveAnswers';

interface Props {
  open: boolean;
  onClose(): void;
}

const scoreWords = (s: ScoreBrief) => `${formatScore(s.overall)} (${Math.round(s.completion * 100)}% answered${s.residual ? `, residual ${s.residual}` : ''})`;

function FileFacts({ receipt }: { receipt: QuestionnaireReceipt }) {
  return (
    <dl className="receive-facts">
      <dt>From</dt>
      <dd>
        {receipt.vendor.name}
        {receipt.contact && ` · ${receipt.contact}`}
        {receipt.respondent && ` · filled in by ${receipt.respondent}`}
      </dd>
      <dt>Request</dt>
      <dd>{receipt.request ? receipt.request.id : 'None named (VSAQ answers)'}</dd>
      <dt>Goes to</dt>
      <dd>
        {receipt.review.starts ? 'A new draft review will be started' : 'The open review'} ({receipt.review.templateId} v{receipt.review.templateVersion})
      </dd>
      <dt>SHA-256</dt>
      <dd>
        <code className="receive-digest" data-testid="receive-digest">
          {receipt.digest.stated ?? receipt.digest.computed}
        </code>
        <span className="hint">
          {receipt.digest.stated
            ? " Its content matches the digest it states. Compare it with the digest in the provider's e-mail (their page showed it when they saved): only that shows this is the file they saved."
            : ' Computed here; a VSAQ file states none. Ask the provider to confirm this digest.'}
        </span>
      </dd>
    </dl>
  );
}

export function ReceiveAnswersDialog({ open, onClose }: Props) {
  const vendor = useVetted((s) => s.vendor);
  const openProvider = useVetted((s) => s.openProvider);
  const pushToast = useVetted((s) => s.pushToast);
  const id = useId();
  const fileId = `${id}-file`;
  const receive = useReceiveAnswers((receipt) => {
    const who = providerWho(receipt);
    pushToast('success', `Accepted ${plural(receipt.accepted.length, 'answer')} into the review of ${receipt.vendor.name} as answered by the provider${who ? ` (${who})` : ''}.`);
    onClose();
    void openProvider(receipt.vendor.id);
  });
  const { phase, refusal, selected, selectionScore, busy } = receive;

  if (!vendor) return null;
  const close = () => {
    receive.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void receive.accept();
  };
  const shown = phase.step === 'preview' || phase.step === 'accepting' ? phase : null;

  return (
    <ModalDialog
      open={open}
      wide
      title={`Receive answers from ${vendor.name}`}
      lead="The answers file the provider saved from the questionnaire page (or VSAQ answers for a VSAQ template). You see what it would change first; only the answers you tick are taken, as answered by the provider."
      onClose={close}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={fileId}>Answers file (.json)</label>
        <input
          id={fileId}
          ref={receive.fileRef}
          type="file"
          className="file-input"
          accept=".json,application/json"
          disabled={busy}
          data-autofocus
          onChange={() => void receive.choose()}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? `${fileId}-error` : undefined}
        />
        {refusal && (
          <div id={`${fileId}-error`} className="form-error receive-refusal" role="alert">
            <p>{refusal.message}</p>
            {refusal.problems.length > 0 && (
              <ul>
                {refusal.problems.slice(0, 20).map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
            {refusal.movable && (
              <button type="button" className="button" disabled={busy} onClick={() => void receive.move()}>
                Move the answers to the current template version and show them
              </button>
            )}
          </div>
        )}
      </div>
      {phase.step === 'checking' && (
        <p className="muted loading" role="status">
          Checking “{phase.fileName}”…
        </p>
      )}
      {shown && (
        <>
          <FileFacts receipt={shown.dry} />
          {shown.dry.moved && (
            <p className="hint">
              The file was for template v{shown.dry.moved.fromVersion}; its answers were moved to v{shown.dry.moved.toVersion}.
            </p>
          )}
          <ReceiveSummary receipt={shown.dry} />
          <ReceiveDiff receipt={shown.dry} selected={selected} onSelect={receive.setSelected} disabled={busy} />
        </>
      )}
      <div className={shown ? 'dialog-actions receive-footer' : 'dialog-actions'}>
        {shown && selectionScore && (
          <p className="receive-score" data-testid="receive-score">
            Score {scoreWords(selectionScore.before)} → {selected.size === 0 ? 'unchanged: nothing selected' : scoreWords(selectionScore.after)}
          </p>
        )}
        <button type="button" className="button" onClick={close}>
          {shown ? 'Cancel: take nothing' : 'Cancel'}
        </button>
        {shown && (
          <button type="submit" className="button button-primary" disabled={busy || selected.size === 0} aria-busy={phase.step === 'accepting' || undefined}>
            {phase.step === 'accepting' ? 'Accepting…' : `Accept ${plural(selected.size, 'answer')}`}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
