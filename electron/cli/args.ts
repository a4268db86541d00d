// Parsing and checking command-line flags: every command reads them the same way, and a bad
// value is a one-line message naming the flag.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { inputError } from './cli-error';

const common = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends ParseArgsConfig['options']> = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof common & O; allowPositionals: true; strict: true }>
>;

/** Strict parsing with --db and --help on every command; unknown flags are usage errors. */
export function parse<O extends ParseArgsConfig['options']>(args: string[], options: O): Parsed<O> {
  return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
}

/** A whole-number flag value within [min, max], or undefined when the flag was not given. */
export function wholeNumberFlag(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw inputError(`--${flag}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** A value that must be one of `choices`. */
export function choiceFlag<C extends string>(flag: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) throw inputError(`--${flag}: expected one of ${choices.join(', ')}, got "${value}"`);
  return value as C;
}

/** Finds a record by its id or by a unique start of it (tables show the first 8 characters). */
export function byIdOrPrefix<T extends { id: string }>(items: readonly T[], ref: string, noun: string, hint: string): T {
  const exact = items.find((item) => item.id === ref);
  if (exact) return exact;
  const matches = ref.length >= 4 ? items.filter((item) => item.id.startsWith(ref)) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw inputError(`"${ref}" matches ${matches.length} ${noun}s: give more of the id (see: ${hint})`);
  throw inputError(`no ${noun} with id "${ref}" (see: ${hint})`);
}

/** The short id tables show: enough to tell records apart and to type back. */
export const shortId = (id: string) => id.slice(0, 8);

/**
 * The folder the user typed the command in. `npm run vetted -- …` runs the CLI in the package
 * folder and says where it was typed in INIT_CWD; there, relative paths the user typed mean that
 * folder. Other npm scripts (`npm run serve`, a project's own script calling vetted) carry paths
 * written relative to their package folder, so INIT_CWD counts only for the `vetted` script.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'vetted' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

/**
 * Makes the user's folder the working directory, once at start: then every relative path, --db,
 * --out or an input file, in every command, resolves where the user meant it.
 */
export function enterUserFolder(env: NodeJS.ProcessEnv = process.env): void {
  const folder = userFolder(env);
  if (folder === process.cwd()) return;
  try {
    process.chdir(folder);
  } catch (error) {
    // Never fall back to the package folder: a relative --db would then name another register.
    throw inputError(`cannot enter the folder the command was typed in (${folder}): ${(error as Error).message}`);
  }
}
