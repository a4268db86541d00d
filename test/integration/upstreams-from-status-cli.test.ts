// `vetted upstream from-status VENDOR [--dry-run]` run as a user would (the bundle when built): the
// dry run prints the plan and stores nothing, the run stores it, a provider without components is
// told so, and a wrong call is a usage error that prints the usage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UpstreamView } from '../../shared/api';
import { cliRegister } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';

test('from-status: the dry run prints the plan and stores nothing; the run stores it', () => {
  const { ok, vetted, db } = cliRegister('vetted-cli-from-status-');
  ok('vendor', 'add', 'Hosted DB', '--category', 'database', '--critical-path');
  ok('vendor', 'add', 'Quiet SaaS', '--category', 'other');
  ok('incident', 'add', 'Hosted DB', '--title', 'Errors', '--impact', 'major', '--started', '2026-11-20T10:00:00Z', '--resolved', '2026-11-20T11:00:00Z', '--components', 'AWS us-east-1,Dashboard,SendGrid API');
  const before = dumpRegister(db);

  const dry = ok('upstream', 'from-status', 'hosted db', '--dry-run');
  assert.deepEqual(dumpRegister(db), before, 'the dry run stored nothing');
  assert.match(dry, /^Dry run: nothing was written\. Reading Hosted DB's 3 status page components would give: 2 added, 0 updated, 0 unchanged, 0 skipped\.\n/);
  assert.match(dry, /add\s+Amazon Web Services\s+Hosting\s+aws\s+us-east-1\s+AWS us-east-1/, 'AWS with its region and the component it was read from');
  assert.match(dry, /add\s+SendGrid \(Twilio\)\s+E-mail\s+sendgrid\s+SendGrid API/);
  assert.match(dry, /Not matched \(they name no party in the catalogue; add one by hand with vetted upstream add\): Dashboard\.\n$/, 'the unmatched component listed');

  const done = ok('upstream', 'from-status', 'Hosted DB');
  assert.match(done, /^Read Hosted DB's 3 status page components: 2 added/);
  const stored = JSON.parse(ok('upstream', 'list', 'Hosted DB', '--json')) as UpstreamView[];
  assert.deepEqual(stored.map((u) => [u.catalogueId, u.source, u.regions.map((r) => r.code)]).sort(), [['aws', 'status_components', ['us-east-1']], ['sendgrid', 'status_components', []]]);

  const quiet = ok('upstream', 'from-status', 'Quiet SaaS');
  assert.match(quiet, /^No status page component is on record for Quiet SaaS \(import its status page: vetted status import or refresh\)\. Nothing was written\.\n$/);

  const wrong = vetted('upstream', 'from-status');
  assert.equal(wrong.status, 1, 'a missing VENDOR is a usage error (exit 1)');
  assert.match(wrong.stderr, /vetted upstream from-status VENDOR \[--dry-run\]/, 'with the usage');
  assert.doesNotMatch(wrong.stderr, /\n\s+at .+:\d+/, 'no stack trace');
});
