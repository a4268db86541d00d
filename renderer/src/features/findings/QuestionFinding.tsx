import { useCallback, useEffect, useRef } from 'react';
import { FINDING_STATUS_LABELS } from '../../../../shared/domain/labels';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { truncate } from '../history/auditText';
import { useAnswerFindingDialog } from './answerFindingDialogState';
import { findingForQuestion } from './findingMatch';

/**
 * On a question whose answer lost points (or hit a knock-out): "Create finding", which opens a short
 * dialog (AnswerFindingDialog), or, once there is one, a link to it. When the dialog closes the focus
 * comes back here: to the button after Cancel, to the link that replaced it after a save.
 */
export function QuestionFinding({ questionId, legendId }: { questionId: string; legendId: string }) {
  const lost = useVetted(
    (s) => s.score?.explanation.some((l) => l.questionId === questionId) || s.score?.knockouts.some((k) => k.questionId === questionId) || false,
  );
  const finding = useVetted((s) =>
    s.findingsVendorId === s.vendorId ? findingForQuestion(s.findings, s.review?.id ?? null, questionId) : null,
  );
  const hasReview = useVetted((s) => s.review !== null);
  const vendorId = useVetted((s) => s.vendorId);
  const highlight = useVetted((s) => s.highlightFinding);
  const flushAnswer = useVetted((s) => s.flushAnswer);
  const openDialog = useAnswerFindingDialog((s) => s.open);
  const takeFocus = useAnswerFindingDialog((s) => s.focusReturn === questionId);
  const focusReturned = useAnswerFindingDialog((s) => s.focusReturned);
  // The button, or the link that replaces it: whichever is here takes the focus back.
  const control = useRef<HTMLElement | null>(null);
  const setControl = useCallback((element: HTMLElement | null) => {
    control.current = element;
  }, []);
  const findingId = finding?.id ?? null;

  useEffect(() => {
    if (!takeFocus) return;
    // After the frame: by then the dialog has closed (a control behind an open modal cannot take focus).
    const frame = requestAnimationFrame(() => {
      control.current?.focus();
      focusReturned();
    });
    return () => cancelAnimationFrame(frame);
  }, [takeFocus, findingId, focusReturned]);

  if (finding && vendorId) {
    return (
      <a
        ref={setControl}
        className="q-finding-link"
        href={hrefs.findings(vendorId)}
        onClick={() => highlight(finding.id)}
        data-testid="question-finding"
        title={finding.title}
      >
        <span className="q-finding-flag" aria-hidden="true" />
        Finding: {truncate(finding.title, 60)} · {FINDING_STATUS_LABELS[finding.effectiveStatus]}
      </a>
    );
  }
  if (!lost || !hasReview) return null;

  return (
    <span className="q-finding">
      <button
        ref={setControl}
        type="button"
        className="link-button q-finding-create"
        aria-describedby={legendId}
        aria-haspopup="dialog"
        onClick={() => {
          // The prefill reads the score of the answer as typed: send it first.
          flushAnswer(questionId);
          openDialog(questionId);
        }}
      >
        Create finding…
      </button>
    </span>
  );
}
