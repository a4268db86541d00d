// VSAQ's answers (its "Save": a flat map of item id → value) onto a VSAQ-imported template.
import type { Template } from '../domain/template';
import type { ProviderAnswer, ReceiveRejection } from '../domain/vendor-exchange';

export function vsaqToProviderAnswers(items: Readonly<Record<string, string>>, template: Template): { answers: ProviderAnswer[]; rejected: ReceiveRejection[] } {
  void items;
  void template;
  throw new Error('not implemented yet');
}
