// The questions of the provider's latest review, for "which question does this evidence back".
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface QuestionChoice {
  id: string;
  text: string;
  section: string;
}

export interface ReviewQuestions {
  /** The latest review, or null when none was started (or it could not be loaded). */
  reviewId: string | null;
  questions: QuestionChoice[];
  /** Question id → text, to name the question an item backs. */
  textOf: ReadonlyMap<string, string>;
}

const NONE: ReviewQuestions = { reviewId: null, questions: [], textOf: new Map() };

/** `reviewId`: the review the page shows; when it changes (a new review started), the questions are read again. */
export function useReviewQuestions(vendorId: string, reviewId: string | null): ReviewQuestions {
  const [state, setState] = useState<ReviewQuestions>(NONE);

  useEffect(() => {
    let current = true;
    setState(NONE);
    void api['review.current']({ vendorId }).then((result) => {
      if (!current || !result.ok || !result.value) return;
      const { review, template } = result.value;
      const questions = template.sections.flatMap((section) =>
        section.questions.map((q) => ({ id: q.id, text: q.text, section: section.title })),
      );
      setState({ reviewId: review.id, questions, textOf: new Map(questions.map((q) => [q.id, q.text])) });
    });
    return () => {
      current = false;
    };
  }, [vendorId, reviewId]);

  return state;
}
