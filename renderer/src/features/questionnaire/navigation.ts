// Finding and focusing questions: "Next unanswered", section jumps, links from the score panel.
import type { Template } from '../../../../shared/domain/template';
import { scoreQuestion } from '../../../../shared/scoring';
import { profileHeldFigure } from '../../../../shared/templates/profile-held';
import { toScoringMap } from '../../store/providerSlice';
import type { LocalAnswer } from '../../store/types';

export const sectionDomId = (sectionId: string) => `section-${sectionId}`;
export const questionDomId = (questionId: string) => `question-${questionId}`;

/**
 * The next visible question without an answer after `afterId` (wrapping round); required
 * questions first, optional ones only when every required one is answered. A question the profile
 * answers now (an older version's fee) is never one to go to: it has nothing to fill in.
 */
export function findNextUnanswered(
  template: Template,
  visible: ReadonlySet<string>,
  answers: Readonly<Record<string, LocalAnswer>>,
  afterId: string | null,
): string | null {
  const map = toScoringMap(answers);
  const order = template.sections
    .flatMap((s) => s.questions)
    .filter((q) => visible.has(q.id) && profileHeldFigure(template.id, q.id) === null);
  const open = order.filter((q) => scoreQuestion(q, map[q.id]).status === 'unanswered');
  const position = new Map(order.map((q, i) => [q.id, i]));
  const start = afterId ? (position.get(afterId) ?? -1) : -1;
  const pick = (list: typeof open) => list.find((q) => position.get(q.id)! > start) ?? list[0];
  return (pick(open.filter((q) => !q.optional)) ?? pick(open.filter((q) => q.optional)))?.id ?? null;
}

/** The question the keyboard focus is in, if any. */
export function focusedQuestionId(): string | null {
  const active = document.activeElement;
  const holder = active instanceof Element ? active.closest<HTMLElement>('[data-question-id]') : null;
  return holder?.dataset.questionId ?? null;
}

/** Scrolls a question into view and puts the focus on its first control. */
export function focusQuestion(questionId: string): boolean {
  const holder = document.getElementById(questionDomId(questionId));
  if (!holder) return false;
  const control = holder.querySelector<HTMLElement>(
    'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled])',
  );
  holder.scrollIntoView({ block: 'center' });
  (control ?? holder).focus({ preventScroll: true });
  return true;
}

export function focusSection(sectionId: string): void {
  const section = document.getElementById(sectionDomId(sectionId));
  if (!section) return;
  section.scrollIntoView({ block: 'start' });
  section.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
}

/** True when a key press goes to a text control (shortcut letters must not steal it). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}
