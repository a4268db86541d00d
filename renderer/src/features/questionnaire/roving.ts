// Roving focus inside a question card: the card is one tab stop, and the arrow keys move between
// its controls. Read from the DOM (not from props) so that controls other features put on the card
// (Create finding, Retry, a record link) take part without knowing about it.

const CONTROLS = 'input:not([type="hidden"]), textarea, select, button, a[href]';

/** A stop is one control, or a whole radio group (the browser moves inside it with ↑/↓). */
export type Stop = HTMLElement[];

function usable(element: HTMLElement): boolean {
  if ((element as HTMLInputElement).disabled) return false;
  if (element.closest('[hidden]')) return false;
  // display:none (by a stylesheet) leaves no boxes.
  return element.getClientRects().length > 0;
}

const isRadio = (element: Element): element is HTMLInputElement => element instanceof HTMLInputElement && element.type === 'radio';

/** The card's stops in document order; a radio group counts once. */
export function cardStops(card: HTMLElement): Stop[] {
  const stops: Stop[] = [];
  const groups = new Map<string, Stop>();
  for (const element of card.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (!usable(element)) continue;
    if (isRadio(element) && element.name !== '') {
      const group = groups.get(element.name);
      if (group) {
        group.push(element);
        continue;
      }
      const created = [element];
      groups.set(element.name, created);
      stops.push(created);
      continue;
    }
    stops.push([element]);
  }
  return stops;
}

/** The element of a stop that takes the focus: a group's checked radio, else its first. */
export function stopTarget(stop: Stop): HTMLElement {
  return stop.find((element) => isRadio(element) && element.checked) ?? stop[0]!;
}

/** Every control of the card leaves the tab order, but the current stop's (the card's one tab stop). */
export function applyTabStops(card: HTMLElement, current: Stop | undefined): void {
  const keep = new Set(current ?? []);
  for (const element of card.querySelectorAll<HTMLElement>(CONTROLS)) {
    const wanted = keep.has(element) ? 0 : -1;
    if (element.tabIndex !== wanted) element.tabIndex = wanted;
  }
}

/** The stop holding `element`, if it is one of the card's. */
export function stopOf(stops: Stop[], element: Element | null): Stop | undefined {
  return element ? stops.find((stop) => stop.includes(element as HTMLElement)) : undefined;
}

/** The tab stop of a card not visited yet: the answer (not a Retry button above it). */
export function firstStop(stops: Stop[]): Stop | undefined {
  return stops.find((stop) => stop[0]!.closest('.q-body') !== null) ?? stops[0];
}

/** Where focus goes when the card is entered by a shortcut (J/K): its current tab stop. */
export function entryControl(card: HTMLElement): HTMLElement | null {
  const stops = cardStops(card);
  const current = stops.find((stop) => stop.some((element) => element.tabIndex === 0)) ?? firstStop(stops);
  if (current) return stopTarget(current);
  return card.hasAttribute('tabindex') ? card : null;
}
