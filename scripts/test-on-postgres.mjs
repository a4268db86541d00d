/* global console */
// The integration tests that run on a team register as well (issue 22): with VETTED_TEST_BACKEND=
// postgres, test/helpers/vetted.ts's freshVetted() gives each a new database of the tests'
// PostgreSQL instead of a temp file, and the same assertions hold. `npm test` runs these after the
// whole suite, inside the same throwaway cluster (scripts/pg-cluster.mjs sets VETTED_TEST_PG).
// The other files read the register file itself (a second connection, its bytes, a backup, its
// clock) or use what a team register does not do yet (docs/team.md, "Not yet"); the list grows as
// that shrinks. A test here of what only a file has is skipped on a team register, saying why
// (test/helpers/vetted.ts onlyOnAFile).
import { spawnSync } from 'node:child_process';
import process from 'node:process';

export const ON_POSTGRES = [
  'test/integration/answer-versions.test.ts',
  'test/integration/api.test.ts',
  'test/integration/audit-trail.test.ts',
  'test/integration/bidi-report.test.ts',
  'test/integration/compare-incidents.test.ts',
  'test/integration/compare-maintenance.test.ts',
  'test/integration/compare.test.ts',
  'test/integration/cost.test.ts',
  'test/integration/http-bridge.test.ts',
  'test/integration/incidents.test.ts',
  'test/integration/interchange-incidents.test.ts',
  'test/integration/interchange-lifecycle.test.ts',
  'test/integration/interchange-maintenance.test.ts',
  'test/integration/interchange-questionnaires.test.ts',
  'test/integration/interchange.test.ts',
  'test/integration/lifecycle.test.ts',
  'test/integration/maintenance.test.ts',
  'test/integration/questionnaire-receive.test.ts',
  'test/integration/questionnaire-send.test.ts',
  'test/integration/register-tier.test.ts',
  'test/integration/report-incidents.test.ts',
  'test/integration/report-language.test.ts',
  'test/integration/report-lifecycle.test.ts',
  'test/integration/report-long-names.test.ts',
  'test/integration/report-maintenance.test.ts',
  'test/integration/report-provider-answers.test.ts',
  'test/integration/reports.test.ts',
  'test/integration/review-migrate.test.ts',
  'test/integration/separation-of-duties.test.ts',
  'test/integration/settings-audited.test.ts',
  'test/integration/template-choice.test.ts',
  'test/integration/templates.test.ts',
  'test/integration/upstreams-exchange.test.ts',
  'test/integration/upstreams-from-status.test.ts',
  'test/integration/upstreams-import.test.ts',
  'test/integration/upstreams.test.ts',
  'test/integration/vendor-listed.test.ts',
  'test/integration/window-import.test.ts',
];

if (!process.env.VETTED_TEST_PG) {
  console.error('test-on-postgres: run it inside scripts/pg-cluster.mjs (npm test does)');
  process.exit(2);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...ON_POSTGRES], {
  stdio: 'inherit',
  env: { ...process.env, VETTED_TEST_BACKEND: 'postgres' },
});
process.exit(run.status ?? 1);
