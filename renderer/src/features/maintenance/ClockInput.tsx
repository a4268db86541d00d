import type { InputHTMLAttributes } from 'react';

/**
 * A time of day typed as HH:MM on the 24-hour clock, in the schedule's zone. A text box, not
 * type="time", so the draft keeps what was typed: "2.30" is read as 02:30, and "25:00" stays on
 * screen and is refused on its field (see normalizeClock).
 */
export function ClockInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input className="input input-clock" placeholder="HH:MM" inputMode="numeric" autoComplete="off" {...props} />;
}
