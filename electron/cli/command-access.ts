// What each command does with the register, in one table: a command that only reads, or that
// changes records that must already be there, is refused on a register file that does not exist
// (a mistyped --db) instead of silently creating an empty one; a command that can start a register
// from nothing creates it, as the app does.

/**
 * reads: only reads (list, reports, exports, backup). changes: writes, but only to records that
 * must exist first (a provider's answers, its evidence, a review step). creates: adds data that can
 * be the first thing in a register (a provider, a template, an import, the demo, the app).
 */
export type RegisterUse = 'reads' | 'changes' | 'creates';

type Entry = RegisterUse | { readonly [sub: string]: RegisterUse };

/** Every command of `vetted` (electron/cli/vetted.ts); those with subcommands by subcommand. */
export const REGISTER_USE: { readonly [command: string]: Entry } = {
  demo: 'creates',
  list: 'reads',
  vendor: { add: 'creates', set: 'changes' },
  answer: 'changes',
  score: 'reads',
  review: 'changes',
  send: 'changes',
  receive: 'changes',
  requests: 'reads',
  history: 'reads',
  findings: 'reads',
  finding: 'changes',
  due: 'reads',
  evidence: { add: 'changes', list: 'reads', save: 'reads' },
  audit: 'reads',
  window: { add: 'changes', import: 'changes', list: 'reads', remove: 'changes' },
  blackout: { add: 'creates', list: 'reads', remove: 'changes' },
  upstream: { add: 'changes', import: 'changes', list: 'reads', remove: 'changes' },
  overlaps: 'reads',
  concentration: 'reads',
  'blast-radius': 'reads',
  calendar: 'reads',
  status: 'changes',
  incidents: 'reads',
  incident: 'changes',
  transparency: 'reads',
  report: 'reads',
  subprocessors: 'reads',
  compare: 'reads',
  export: 'reads',
  import: 'creates',
  'export-csv': 'reads',
  backup: 'reads',
  // Its target may be a new file; its source is checked to exist by the command itself.
  'migrate-register': 'creates',
  // A team register on a server (--server), never a file.
  team: 'reads',
  // Restore never opens the register; it may put a backup where there was none.
  restore: 'creates',
  template: { import: 'creates', list: 'reads', export: 'reads' },
  serve: 'creates',
  settings: { set: 'changes' },
};

/**
 * How `command` (with its arguments) uses the register. Anything not in the table, or an unknown
 * subcommand, counts as reading: it never creates a register by mistake.
 */
export function registerUse(command: string, args: readonly string[]): RegisterUse {
  // A dry run writes nothing, so it must not create the register it was pointed at either.
  if (args.includes('--dry-run')) return 'reads';
  const entry = Object.hasOwn(REGISTER_USE, command) ? REGISTER_USE[command]! : 'reads';
  if (typeof entry === 'string') return entry;
  const sub = args.find((a) => Object.hasOwn(entry, a));
  return sub ? entry[sub]! : 'reads';
}
