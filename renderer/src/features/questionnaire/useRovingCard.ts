import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { isTypingTarget } from './navigation';
import { applyTabStops, cardStops, firstStop, stopOf, stopTarget, type Stop } from './roving';

const STEPS: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Makes a question card one tab stop (roving tabindex, as in the WAI-ARIA toolbar pattern): Tab
 * leaves for the next card, the arrow keys move between the card's controls, Home/End go to the
 * first/last. In a radio group ↑/↓ stay the browser's (move to and choose an option); ←/→ leave the
 * group. Escape in a text box puts the focus on the card itself, from where the shortcuts work.
 * The tab stop remembered is the control last focused, so Shift+Tab comes back to it.
 */
export function useRovingCard<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const current = useRef<HTMLElement | null>(null);
  const focusInside = useRef(false);

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    const dropped = () => document.activeElement === null || document.activeElement === document.body;
    // The focus fell to the page with a control that went away: back into the card, on its tab
    // stop, rather than to the top of the page, where Tab would start again.
    const reclaim = (stop: Stop | undefined) => (stop ? stopTarget(stop) : card).focus({ preventScroll: true });
    const refresh = () => {
      const stops = cardStops(card);
      const stop = stopOf(stops, current.current) ?? firstStop(stops);
      applyTabStops(card, stop);
      if (focusInside.current && dropped()) reclaim(stop);
    };
    const onFocusIn = (event: FocusEvent) => {
      focusInside.current = true;
      const target = event.target as HTMLElement;
      if (target === card) return;
      const stop = stopOf(cardStops(card), target);
      if (!stop) return;
      current.current = target;
      applyTabStops(card, stop);
    };
    const onFocusOut = (event: FocusEvent) => {
      focusInside.current = event.relatedTarget instanceof Node && card.contains(event.relatedTarget);
      // A control removed or disabled under the focus (Clear answer clears itself away; N/A
      // disables the options) loses it to nowhere; the browser says so while the control is still
      // in the page, so look again once the change is done.
      if (event.relatedTarget !== null) return;
      const lost = event.target as HTMLInputElement;
      queueMicrotask(() => {
        if (!dropped() || (lost.isConnected && !lost.disabled)) return;
        const stops = cardStops(card);
        reclaim(stopOf(stops, current.current) ?? firstStop(stops));
      });
    };
    refresh();
    const observer = new MutationObserver(refresh);
    observer.observe(card, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    card.addEventListener('focusin', onFocusIn);
    card.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      card.removeEventListener('focusin', onFocusIn);
      card.removeEventListener('focusout', onFocusOut);
    };
  }, []);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const card = ref.current;
    if (!card || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      if (target !== card && isTypingTarget(target)) {
        event.preventDefault();
        card.focus();
      }
      return;
    }
    const step = STEPS[event.key];
    if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
    if (isTypingTarget(target)) return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
    const stops = cardStops(card);
    if (stops.length === 0) return;
    const at = target === card ? -1 : stops.indexOf(stopOf(stops, target)!);
    if (target !== card && at < 0) return;
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = stops.length - 1;
    else if (at < 0) next = step === 1 ? 0 : stops.length - 1;
    else next = (at + step! + stops.length) % stops.length;
    event.preventDefault();
    stopTarget(stops[next]!).focus();
  }, []);

  return { ref, onKeyDown };
}
