// Performance marks for bench/renderer.ts (and DevTools' Performance panel): a named mark once the
// frame that shows new data has been painted. The bench measures from the arrival of the data (the
// response's end in Resource Timing) to this mark.

/**
 * Puts `performance.mark(name)` after the next painted frame: requestAnimationFrame runs just
 * before the frame's style, layout and paint, and a message posted from it is handled in the task
 * after that frame. Returns a cancel function (an effect cleanup).
 */
export function markAfterPaint(name: string): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) performance.mark(name);
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

/** Mark names, shared with bench/renderer-page.ts by value (the bench may not import the renderer). */
export const PAINT_MARKS = {
  register: 'vetted:register-painted',
  compare: 'vetted:compare-painted',
} as const;
