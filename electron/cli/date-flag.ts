// A date flag (--due, --since, --issued, …), apart from args.ts: checking one needs shared/domain/dates,
// which builds zod schemas as it loads, and args.ts is loaded by every run, `vetted --version` included.
import { isIsoDate } from '../../shared/domain/dates';
import { inputError } from './cli-error';

/** A YYYY-MM-DD flag value (a real calendar day), or undefined when the flag was not given. */
export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw inputError(`--${flag}: expected a date written YYYY-MM-DD, got "${value}"`);
  return value;
}
