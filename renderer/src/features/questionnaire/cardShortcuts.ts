// The single-key shortcuts that act on the question the focus is in (the list: shortcuts.ts).
import type { KeyboardEvent } from 'react';
import { shortcutBlocked } from './navigation';

export interface CardShortcutActions {
  /** 1–9: choose the option at this position (in a multiple choice: tick or untick it). */
  pick(position: number): void;
  /** A: Not applicable on or off. */
  toggleNa(): void;
  /** C: the focus into the comment box, opening it. */
  openComment(): void;
}

export function handleCardShortcut(event: KeyboardEvent<HTMLElement>, actions: CardShortcutActions): void {
  if (event.repeat || shortcutBlocked(event.nativeEvent)) return;
  const key = event.key;
  if (key >= '1' && key <= '9' && key.length === 1) actions.pick(Number(key));
  else if (key === 'a' || key === 'A') actions.toggleNa();
  else if (key === 'c' || key === 'C') actions.openComment();
  else return;
  // Handled: the letter must not also reach a control (or be typed into the box it opened).
  event.preventDefault();
}
