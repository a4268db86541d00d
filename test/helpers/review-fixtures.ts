// Hand-built providers, reviews and answers for tests of pure code (comparison, layouts): no
// register needed. Every timestamp is FIXTURE_TIME so outputs are deterministic.
import type { Answer, AnswerValue, Review } from '../../shared/domain/review';
import type { Question, Template } from '../../shared/domain/template';
import type { Vendor, VendorFields } from '../../shared/domain/vendor';
import { VENDOR_DEFAULTS } from '../../shared/domain/vendor';

export const FIXTURE_TIME = '2025-03-04T10:00:00.000Z';
const T = FIXTURE_TIME;

export function vendor(id: string, name: string, fields: Partial<VendorFields> = {}): Vendor {
  return { ...VENDOR_DEFAULTS, name, ...fields, links: { ...fields.links }, id, createdAt: T, updatedAt: T };
}

export function review(vendorId: string, template: Template): Review {
  return {
    id: `review-${vendorId}`,
    vendorId,
    templateId: template.id,
    templateVersion: template.version,
    status: 'in_review',
    reviewer: 'Dana Whitfield',
    startedAt: T,
    updatedAt: T,
    completedAt: null,
  };
}

export const answer = (questionId: string, value: AnswerValue, comment = '', na = false): Answer => ({
  questionId,
  value,
  comment,
  na,
  updatedAt: T,
});

/** The best single answer: the top option, the top multi option, a number in the best band. */
export function bestValue(q: Question): AnswerValue {
  const numeric = (q.options ?? []).filter((o) => typeof o.score === 'number' && !o.knockout);
  const top = [...numeric].sort((a, b) => (b.score as number) - (a.score as number))[0];
  switch (q.kind) {
    case 'yesno':
    case 'single':
      return top!.id;
    case 'multi':
      return [top!.id];
    case 'number': {
      const band = [...(q.bands ?? [])].sort((a, b) => b.score - a.score)[0];
      if (!band) return 100;
      return band.min ?? (band.max !== undefined ? band.max - 1 : 0);
    }
    case 'date':
      return '2024-11-01';
    default:
      return 'Checked with the provider.';
  }
}

/** An answer to every question of `template`, then `overrides` (null leaves the question unanswered). */
export function answersFor(template: Template, overrides: Record<string, Answer | null> = {}): Answer[] {
  const out: Answer[] = [];
  for (const section of template.sections) {
    for (const q of section.questions) {
      if (q.id in overrides) {
        const o = overrides[q.id];
        if (o) out.push(o);
      } else {
        out.push(answer(q.id, bestValue(q)));
      }
    }
  }
  return out;
}
