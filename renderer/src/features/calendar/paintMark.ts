// The performance mark bench/calendar-month.ts waits for: set after the frame that shows a new
// grid (markAfterPaint). Shared with the bench by value (the bench may not import the renderer).
export const CALENDAR_PAINTED = 'vetted:calendar-painted';
