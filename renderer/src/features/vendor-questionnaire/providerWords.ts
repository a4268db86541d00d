// How the app names the provider's side of an answer: who answered (the contact the questionnaire
// was sent to, else who filled it in), when it was received, and what a receive would change.
import type { AnsweredBy, ReceiveChange } from '../../../../shared/domain/vendor-exchange';
import { providerWho } from '../../../../shared/audit/provider-source';
import { formatDate } from '../../lib/format';


/** "Answered by the provider (Jane Doe <jane@example.com>), received 5 Dec 2026". */
export function answeredByText(by: AnsweredBy): string {
  const who = providerWho(by);
  return `Answered by the provider${who ? ` (${who})` : ''}, received ${formatDate(by.receivedAt)}`;
}

/** The kind of change in words (the diff never says it by colour alone). */
export const CHANGE_LABELS: Readonly<Record<ReceiveChange, string>> = {
  new: 'New',
  changed: 'Changed',
  unchanged: 'Unchanged',
  empty: 'Left empty',
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
