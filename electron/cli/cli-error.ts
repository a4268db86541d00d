/** Exit codes: 0 ok, 1 usage, 2 input/validation (bad value, unknown provider, refused register). */
export const EXIT = { ok: 0, usage: 1, input: 2 } as const;

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
