// Which question the "finding from an answer" dialog is open for, and where the focus goes back.
// The dialog (AnswerFindingDialog.tsx) is mounted once on the provider page, outside the question
// cards, so that what is typed in it never reaches a card's own keys; the card that opened it
// takes the focus back.
import { create } from 'zustand';

interface AnswerFindingDialogState {
  /** The question the dialog is open for; null when closed. */
  questionId: string | null;
  /** The question whose card takes the focus back once the dialog has closed. */
  focusReturn: string | null;
  open(questionId: string): void;
  close(): void;
  /** The card has taken the focus back. */
  focusReturned(): void;
}

export const useAnswerFindingDialog = create<AnswerFindingDialogState>()((set, get) => ({
  questionId: null,
  focusReturn: null,
  open: (questionId) => set({ questionId, focusReturn: null }),
  // Called twice on one closing (by the form, then by the dialog's close event): the first counts.
  close: () => {
    const questionId = get().questionId;
    if (questionId !== null) set({ questionId: null, focusReturn: questionId });
  },
  focusReturned: () => set({ focusReturn: null }),
}));
