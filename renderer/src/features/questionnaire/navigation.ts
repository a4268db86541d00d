// Finding and focusing questions: "Next unanswered", section jumps, links from the score panel.
import type { Template } from '../../../../shared/domain/template';
import { scoreQuestion } from '../../../../shared/scoring';
import { profileHeldFigure } from '../../../../shared/templates/profile-held';
import { toScoringMap } from '../../store/providerSlice';
import type { LocalAnswer } from '../../store/types';
import { cardStops, entryControl, firstStop, stopTarget } from './roving';

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

/** Scrolls a question into view and puts the focus on its answer (a chosen option, if any). */
export function focusQuestion(questionId: string): boolean {
  const holder = document.getElementById(questionDomId(questionId));
  if (!holder) return false;
  const stop = firstStop(cardStops(holder));
  holder.scrollIntoView({ block: 'center' });
  (stop ? stopTarget(stop) : holder).focus({ preventScroll: true });
  return true;
}

/**
 * J/K: the focus goes to the next (1) or previous (-1) question card, on the control it was last
 * on. From outside every card, to the first card below the sticky toolbar.
 */
export function focusAdjacentQuestion(step: 1 | -1): boolean {
  const cards = [...document.querySelectorAll<HTMLElement>('.questionnaire-main [data-question-id]')];
  const id = focusedQuestionId();
  const at = id === null ? -1 : cards.findIndex((card) => card.dataset.questionId === id);
  const candidates = at < 0 ? cards.slice(firstCardInView(cards)) : step === 1 ? cards.slice(at + 1) : cards.slice(0, at).reverse();
  for (const card of candidates) {
    const control = entryControl(card);
    if (!control) continue;
    card.scrollIntoView({ block: 'nearest' });
    control.focus({ preventScroll: true });
    return true;
  }
  return false;
}

function firstCardInView(cards: HTMLElement[]): number {
  const top = document.querySelector('.q-toolbar')?.getBoundingClientRect().bottom ?? 0;
  const index = cards.findIndex((card) => card.getBoundingClientRect().bottom > top);
  return index < 0 ? 0 : index;
}

export function focusSection(sectionId: string): void {
  const section = document.getElementById(sectionDomId(sectionId));
  if (!section) return;
  section.scrollIntoView({ block: 'start' });
  section.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
}

/**
 * True when a single-key shortcut must leave this key press alone: it has a modifier (Shift is
 * allowed: "?" and capitals), it goes to a text control, or a dialog is open.
 */
export function shortcutBlocked(event: Pick<KeyboardEvent, 'defaultPrevented' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  return isTypingTarget(event.target) || document.querySelector('dialog[open]') !== null;
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
