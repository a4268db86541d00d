/**
 * Exit codes: 0 ok, 1 usage, 2 input/validation (bad value, unknown provider, refused register),
 * 70 an unexpected error (a bug; sysexits' EX_SOFTWARE), 75 busy: another Vetted held the register
 * past the wait and nothing was changed by the step that met it (EX_TEMPFAIL: run it again).
 */
export const EXIT = { ok: 0, usage: 1, input: 2, internal: 70, busy: 75 } as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
export const inputError = (message: string) => new CliError(EXIT.input, message);
export const busyExit = (message: string) => new CliError(EXIT.busy, message);
