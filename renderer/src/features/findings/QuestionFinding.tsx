import { useState } from 'react';
import { FINDING_STATUS_LABELS } from '../../../../shared/domain/labels';
import { hrefs } from '../../app/router';
import { useVetted } from '../../store';
import { truncate } from '../history/auditText';
import { findingForQuestion } from './findingMatch';

/**
 * On a question whose answer lost points (or hit a knock-out): "Create finding" in one click, or,
 * once there is one, a link to it.
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
  const fromAnswer = useVetted((s) => s.findingFromAnswer);
  const highlight = useVetted((s) => s.highlightFinding);
  const pushToast = useVetted((s) => s.pushToast);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (finding && vendorId) {
    return (
      <a
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

  const create = async () => {
    setBusy(true);
    setError(null);
    const result = await fromAnswer(questionId);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    pushToast('success', `Finding created: ${result.value.title}`);
    if (vendorId) highlight(result.value.id);
  };

  return (
    <span className="q-finding">
      <button
        type="button"
        className="link-button q-finding-create"
        aria-describedby={legendId}
        onClick={() => void create()}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {busy ? 'Creating finding…' : 'Create finding'}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

