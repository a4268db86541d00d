// The provider's answers against what the review holds: new, changed, unchanged, left empty; and
// what does not fit (listed, left out).
import type { AnswerValue } from '../domain/review';
import type { Template } from '../domain/template';
import type { ProviderAnswer, QuestionnaireReceipt, ReceiveRejection, ReceiveRow } from '../domain/vendor-exchange';

/** An answer the review holds, as the diff needs it. */
export interface HeldAnswer {
  value: AnswerValue;
  na: boolean;
  /** The provider comment held ('' when none). */
  providerComment: string;
}

export function diffProviderAnswers(
  template: Template,
  held: ReadonlyMap<string, HeldAnswer>,
  given: readonly ProviderAnswer[],
): { rows: ReceiveRow[]; rejected: ReceiveRejection[] } {
  void template;
  void held;
  void given;
  throw new Error('not implemented yet');
}

/** The question ids `accept` takes; throws AcceptError when it names one with nothing to take. */
export class AcceptError extends Error {
  constructor(readonly ids: string[], message: string) {
    super(message);
    this.name = 'AcceptError';
  }
}

export function resolveAccept(rows: readonly ReceiveRow[], accept: 'all' | 'none' | readonly string[]): string[] {
  void rows;
  void accept;
  throw new Error('not implemented yet');
}

export function countReceipt(rows: readonly ReceiveRow[], rejected: readonly ReceiveRejection[], accepted: readonly string[]): QuestionnaireReceipt['counts'] {
  void rows;
  void rejected;
  void accepted;
  throw new Error('not implemented yet');
}
