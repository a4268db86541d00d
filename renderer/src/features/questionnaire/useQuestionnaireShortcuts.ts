import { useEffect, useState } from 'react';
import { focusAdjacentQuestion, shortcutBlocked } from './navigation';

/**
 * The page-wide shortcuts of the questionnaire: J/K to the next/previous question, ? for the list
 * of shortcuts (N is useNextUnanswered's; the keys acting on one question are the card's own).
 */
export function useQuestionnaireShortcuts() {
  const [listOpen, setListOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (shortcutBlocked(event)) return;
      if (event.key === '?' && !event.repeat) setListOpen(true);
      else if (event.key === 'j' || event.key === 'J') focusAdjacentQuestion(1);
      else if (event.key === 'k' || event.key === 'K') focusAdjacentQuestion(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return { listOpen, openList: () => setListOpen(true), closeList: () => setListOpen(false) };
}
