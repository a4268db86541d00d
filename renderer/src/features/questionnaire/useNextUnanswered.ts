import { useCallback, useEffect } from 'react';
import { useVetted } from '../../store';
import { reviewDecided } from '../../store/workflowSlice';
import { findNextUnanswered, focusQuestion, focusedQuestionId, isTypingTarget } from './navigation';

/** "Next unanswered": the button's action, also on N (when not typing) and Alt+N (anywhere). */
export function useNextUnanswered(): () => void {
  const pushToast = useVetted((s) => s.pushToast);

  const next = useCallback(() => {
    const { template, visible, answers, review } = useVetted.getState();
    // A decided review is frozen: there is nothing to answer (its button is hidden too).
    if (!template || reviewDecided({ review })) return;
    const id = findNextUnanswered(template, visible, answers, focusedQuestionId());
    if (id) focusQuestion(id);
    else pushToast('info', 'Every question is answered.');
  }, [pushToast]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.repeat) return;
      if (document.querySelector('dialog[open]')) return;
      const altN = event.altKey && event.code === 'KeyN';
      const plainN = !event.altKey && (event.key === 'n' || event.key === 'N') && !isTypingTarget(event.target);
      if (altN || plainN) {
        event.preventDefault();
        next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next]);

  return next;
}
