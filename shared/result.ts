// The one shape every API call returns: no exceptions cross a process boundary.
export const ERROR_CODES = [
  'validation', // the input does not fit the operation's schema
  'not_found', // the vendor, review, template or question does not exist
  'conflict', // the request is valid but clashes with what is stored
  'schema_too_new', // the register was written by a newer Vetted
  'locked', // confidential data without its key (key file missing, wrong passphrase, no keychain)
  'busy', // another Vetted (the app, a CLI command) held the register's write lock too long; nothing was changed, try again
  'unknown_operation',
  'unauthorized', // transport-level: missing or wrong token, foreign origin
  'forbidden', // a team register's database refused this to the reviewer's role (issue 22)
  'unavailable', // the bridge cannot be reached, or a provider's status page did not answer
  'internal', // a bug: the message says so without a stack trace
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For validation errors: one entry per problem, naming the field path. */
  details?: { path: string; message: string }[];
  /** For a conflict on an answer changed by someone else: the version stored now (answer.save). */
  version?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: ApiError['details']): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Thrown inside services to produce a typed error; the dispatcher turns it into a Result. */
export class VettedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
    /** ApiError.version: the stored version a conflict on an answer met. */
    readonly version?: number,
  ) {
    super(message);
    this.name = 'VettedError';
  }
}
