import { useLayoutEffect, useRef } from 'react';
import { useVetted } from '../../store';
import { reviewDecided } from '../../store/workflowSlice';
import { formatDate } from '../../lib/format';
import { REVIEW_STATUS_LABELS } from '../../lib/labels';
import { VendorExchangeButtons } from '../vendor-questionnaire/VendorExchangeButtons';
import { SaveStatus } from './SaveStatus';

export function QuestionnaireToolbar({ onNext, onShortcuts }: { onNext(): void; onShortcuts(): void }) {
  const review = useVetted((s) => s.review);
  const template = useVetted((s) => s.template);
  const decided = useVetted(reviewDecided);
  const ref = useToolbarHeight();
  return (
    <div className="q-toolbar" ref={ref}>
      <div className="q-toolbar-meta">
        <SaveStatus />
        <p className="muted q-review-meta" data-testid="review-meta">
          {review
            ? `${REVIEW_STATUS_LABELS[review.status]} · started ${formatDate(review.startedAt)}${review.reviewer ? ` by ${review.reviewer}` : ''}`
            : 'Not started — answering a question starts the review.'}
          {template && ` · ${template.name} v${template.version}`}
        </p>
      </div>
      <div className="q-toolbar-actions">
        <VendorExchangeButtons />
        {/* A key cap only: the toolbar must stay one line at 1024 px. */}
        <button
          type="button"
          className="button q-shortcuts-button"
          onClick={onShortcuts}
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
        >
          <span className="visually-hidden">Keyboard shortcuts</span>
          <kbd className="kbd" aria-hidden="true">
            ?
          </kbd>
        </button>
        {/* A decided review's answers are frozen: nothing is left to answer in it. */}
        {!decided && (
          <button type="button" className="button" onClick={onNext} aria-keyshortcuts="N Alt+N">
            Next unanswered
            <kbd className="kbd" aria-hidden="true">
              N
            </kbd>
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The sticky toolbar's height as --q-toolbar-height on the questionnaire column, kept current as
 * it wraps: a section or question scrolled to (section links, Next unanswered, J/K) stops below
 * it instead of under it (scroll-margin-top in questionnaire.css).
 */
function useToolbarHeight() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const toolbar = ref.current;
    const column = toolbar?.parentElement;
    if (!toolbar || !column) return;
    const update = () => column.style.setProperty('--q-toolbar-height', `${Math.ceil(toolbar.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, []);
  return ref;
}
