import { useId, useState, type FormEvent } from 'react';
import { DUE_STATE_LABELS, TIER_LABELS } from '../../../../shared/domain/labels';
import { FieldError } from '../../components/FieldError';
import { useVetted } from '../../store';
import { dayAfter, formatDay, today } from '../workflow/formatWhen';

/** When the provider is next due for review: counted from its approval by tier, or set by hand. */
export function NextReview({ vendorId }: { vendorId: string }) {
  const due = useVetted((s) => (s.historyVendorId === vendorId ? s.reassessment : null));
  const months = useVetted((s) => s.settings?.reassessmentMonths ?? null);
  const setReviewDue = useVetted((s) => s.setReviewDue);
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!due) return null;

  const save = async (value: string | null) => {
    if (!due.reviewId) return;
    if (value !== null && value === '') {
      setError('Choose a date, or cancel.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await setReviewDue(due.reviewId, value);
    setBusy(false);
    if (result.ok) setEditing(false);
    else setError(result.error.message);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(date);
  };

  const rule =
    due.source === 'manual'
      ? 'Set by hand.'
      : due.tier && months
        ? `${months[due.tier]} months after the approval on ${formatDay(due.approvedOn)} (${TIER_LABELS[due.tier]} risk).`
        : `Counted from the approval on ${formatDay(due.approvedOn)}.`;

  return (
    <section className="next-review" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Next review</h3>
      {due.state === 'not_approved' || !due.due ? (
        <p className="muted">No approved review yet: the date is counted from an approval.</p>
      ) : (
        <>
          <p className="next-review-date">
            <strong data-testid="next-review-due">{formatDay(due.due)}</strong>
            <span className={`status-badge next-due-${due.state}`}>{DUE_STATE_LABELS[due.state]}</span>
          </p>
          <p className="muted next-review-rule">{rule}</p>
          {editing ? (
            <form className="next-review-form" onSubmit={submit} noValidate>
              <label htmlFor={`${id}-date`}>Next review on</label>
              <input
                id={`${id}-date`}
                className="input"
                type="date"
                min={dayAfter(today())}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                autoFocus
              />
              <div className="button-row">
                <button type="submit" className="button button-small button-primary" disabled={busy}>
                  Save date
                </button>
                <button type="button" className="button button-small" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setDate(due.due ?? '');
                  setError(null);
                  setEditing(true);
                }}
              >
                Set the date by hand
              </button>
              {due.source === 'manual' && (
                <button type="button" className="button button-small" onClick={() => void save(null)} disabled={busy}>
                  Use the tier’s rule
                </button>
              )}
            </div>
          )}
          <FieldError id={`${id}-error`} message={error ?? undefined} />
        </>
      )}
    </section>
  );
}
