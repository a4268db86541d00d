import { after } from 'node:test';
import type { Question, Template } from '../../shared/domain/template';
import { openVetted, type Vetted, type VettedOptions } from '../../electron/core/vetted';
import type { Result } from '../../shared/result';
import { freshDatabase, teamMemberUrl } from './postgres';
import { tempDbPath } from './tmp';

/**
 * A real register, closed when the test file ends: on a temp file, or with
 * VETTED_TEST_BACKEND=postgres on a new database of the tests' PostgreSQL (issue 22), where `file`
 * is its URL (the files that run on both backends: scripts/test-on-postgres.mjs).
 */
export async function freshVetted(options: VettedOptions = {}): Promise<Vetted & { file: string }> {
  const file = process.env.VETTED_TEST_BACKEND === 'postgres' ? (await freshDatabase('vetted_api')).url : tempDbPath();
  const vetted = await openVetted(file, { logError: () => {}, ...options });
  after(() => vetted.close());
  return Object.assign(vetted, { file });
}

/**
 * Someone else at the same register. On a file, the same register: people there are told apart by
 * the user name in Settings, which the test sets. On a team register, another member signed in as
 * their own approver role: there the server's record of the role tells people apart.
 */
export async function anotherPerson(vetted: Vetted & { file: string }, login: string): Promise<Vetted> {
  if (process.env.VETTED_TEST_BACKEND !== 'postgres') return vetted;
  const database = new URL(vetted.file).pathname.slice(1);
  const member = await openVetted(await teamMemberUrl(vetted.file, `${login}_${database}`, 'approver', `${login}-pw`), { logError: () => {} });
  after(() => member.close());
  return member;
}

/**
 * Options for a test of what only a register file has (a backup of it, its bytes): on a team
 * register (VETTED_TEST_BACKEND=postgres) it is skipped, saying why, rather than passed off as run.
 */
export function onlyOnAFile(what: string): { skip?: string } {
  return process.env.VETTED_TEST_BACKEND === 'postgres' ? { skip: `${what} is a register file's own, not a team register's (docs/team.md)` } : {};
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The first question of a kind (optionally matching a predicate), for tests that must not hard-code ids. */
export function firstQuestion(
  template: Template,
  kind: Question['kind'],
  where: (q: Question) => boolean = () => true,
  { evenIfConditional = false } = {},
): Question {
  for (const s of template.sections) {
    for (const q of s.questions) if (q.kind === kind && (evenIfConditional || !q.showWhen) && where(q)) return q;
  }
  throw new Error(`template has no ${kind} question`);
}
