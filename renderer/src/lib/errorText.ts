// An API error as the app shows it: a validation problem becomes sentences ("Write down the
// conditions."), never the register's "field: message" line meant for logs and the command line.
import type { ApiError } from '../../../shared/result';

export function errorText(error: ApiError): string {
  if (error.code !== 'validation' || !error.details?.length) return error.message;
  return error.details.map((d) => `${d.message.charAt(0).toUpperCase()}${d.message.slice(1)}.`).join(' ');
}
