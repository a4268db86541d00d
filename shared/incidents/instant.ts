// Epoch milliseconds of an ISO instant, as Date.parse gives them, a few times faster for the shape
// toISOString writes and imports store (YYYY-MM-DDTHH:MM:SSZ, with or without .sss). The measures
// read several timestamps per incident over whole registers; anything else (an offset such as
// +02:00, minutes without seconds, a 29th to 31st that may not exist, 24:00) goes to Date.parse.

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the digits from `at` to `at + length`, or -1 when one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let k = at; k < at + length; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Date.parse(s), with a fast path for YYYY-MM-DDTHH:MM:SS[.sss]Z. NaN for what Date.parse refuses. */
export function parseInstant(s: string): number {
  const n = s.length;
  if (
    (n === 20 || (n === 24 && s.charCodeAt(19) === 46)) && // . before the milliseconds
    s.charCodeAt(n - 1) === 90 && // Z
    s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && // -
    s.charCodeAt(10) === 84 && // T
    s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58 // :
  ) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = digits(s, 17, 2);
    const ms = n === 24 ? digits(s, 20, 3) : 0;
    const monthDays = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1];
    if (y >= 0 && monthDays !== undefined && d >= 1 && d <= monthDays && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && ms >= 0) {
      return (((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60 + sec) * 1000 + ms;
    }
  }
  return Date.parse(s);
}
