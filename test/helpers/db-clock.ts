// The register's own clock, for tests that move time. The audit trail's rows are stamped by the
// database (the triggers call strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), migrations 002 to 009), not by
// the app's clock: a test that moves the app's clock through a provider's history must move this
// one too, or every row of the trail says "today" while the records say 2025. SQLite lets a
// connection define a function that overrides a built-in one; this one answers only the triggers'
// call and refuses any other, so nothing else can read the test's time by accident.
import type { Database } from 'better-sqlite3';

const TRIGGER_FORMAT = '%Y-%m-%dT%H:%M:%fZ';

export function databaseFollowsClock(db: Database, now: () => Date): void {
  db.function('strftime', { varargs: true, deterministic: false }, (...args: unknown[]) => {
    if (args.length === 2 && args[0] === TRIGGER_FORMAT && args[1] === 'now') return now().toISOString();
    throw new Error(`databaseFollowsClock answers only strftime('${TRIGGER_FORMAT}', 'now'), not strftime(${args.map(String).join(', ')})`);
  });
}
