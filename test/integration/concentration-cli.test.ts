// `vetted concentration`, `vetted blast-radius` and the register-wide PDF from the command line
// (the built bundle: npm run build:cli), on the hand-built register of concentration-register.ts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { concentrationRegister } from '../helpers/concentration-register';
import { runCli } from '../helpers/cli';
import { pdfText } from '../helpers/pdf';
import { unwrap } from '../helpers/vetted';

async function cliOnRegister() {
  const r = await concentrationRegister();
  const vetted = (...args: string[]) => runCli([...args, '--db', r.file], { VETTED_KEY_FILE: path.join(path.dirname(r.file), 'register.key') });
  return { ...r, vetted };
}

test('vetted concentration: the table with alerts marked, --critical-only, --json; --out writes the PDF; bad flags named', async () => {
  const { vetted, file } = await cliOnRegister();
  const run = vetted('concentration');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Amazon Web Services\s+3\s+3\s+75 %\s+ABOVE THRESHOLD/, `the party row, marked:\n${run.stdout}`);
  assert.match(run.stdout, /us-east-1\s+3\s+3\s+75 %\s+ABOVE THRESHOLD/, 'the region row, marked');
  assert.match(run.stdout, /eu-west-1\s+1\s+1\s+25 %\s*\n/, 'eu-west-1 not marked');
  assert.ok(run.stdout.includes('Amazon Web Services us-east-1 carries 3 of your 4 critical-path providers (75 %)'), 'the alert in words');

  const json = JSON.parse(vetted('concentration', '--json', '--critical-only').stdout);
  assert.equal(json.concentration.criticalOnly, true, '--critical-only reaches the API');
  assert.equal(json.threshold, 0.5, 'the threshold');

  const out = path.join(path.dirname(file), 'conc.pdf');
  const written = vetted('concentration', '--out', out, '--date', '2026-11-15');
  assert.equal(written.status, 0, written.stderr);
  assert.ok(pdfText(out).includes('Concentration of fourth parties'), 'the PDF was written');

  const badDate = vetted('concentration', '--out', out, '--date', '15/11/2026');
  assert.notEqual(badDate.status, 0, 'a bad date fails');
  assert.ok(badDate.stderr.includes('--date'), `names the flag: ${badDate.stderr}`);
});

test('vetted blast-radius: every provider hit, critical path first, outcome and reason; exit 0; --json; unknown party named', async () => {
  const { vetted } = await cliOnRegister();
  const run = vetted('blast-radius', 'Amazon Web Services', '--region', 'us-east-1');
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.startsWith('Amazon Web Services us-east-1 (US East (N. Virginia)) down: 3 providers hit (3 on the critical path)'), run.stdout);
  const rows = run.stdout.split('\n').filter((l) => /^(Logjam|Queueo|Acme DB)\s/.test(l));
  assert.deepEqual(rows.map((l) => l.split(/\s{2,}/)[0]), ['Logjam', 'Queueo', 'Acme DB'], 'down, unknown, survives');
  assert.match(rows[0]!, /Goes down\s+One region, several zones/, 'Logjam goes down, and why');
  assert.match(rows[2]!, /Survives\s+States multi-region failover and runs in eu-west-1 as well/, 'Acme survives, and why');

  const json = JSON.parse(vetted('blast-radius', 'AWS', '--region', 'us-east-1', '--json').stdout);
  assert.deepEqual(json.hits.map((h: { outcome: string }) => h.outcome), ['down', 'unknown', 'survives'], '--json');

  const unknown = vetted('blast-radius', 'Nimbus Cloud');
  assert.notEqual(unknown.status, 0, 'an unknown party fails');
  assert.ok(unknown.stderr.includes('PARTY'), `names the argument: ${unknown.stderr}`);
});

test('vetted due lists the concentration above the threshold, and not once the threshold is raised', async () => {
  const { vetted, api } = await cliOnRegister();
  const run = vetted('due');
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.includes('Concentration above the threshold (2; see vetted concentration):'), run.stdout);
  assert.ok(run.stdout.includes('  Amazon Web Services us-east-1 carries 3 of your 4 critical-path providers (75 %)'), 'the alert in words');
  unwrap(await api['settings.update']({ concentrationThreshold: 0.8 }));
  assert.ok(!vetted('due').stdout.includes('Concentration'), 'nothing above 80 %');
});
