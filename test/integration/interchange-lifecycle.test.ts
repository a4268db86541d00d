// The review lifecycle in the register exchange (#17, item 4): merge rules for sign-off steps,
// findings, risk acceptances, evidence and the audit trail; rows whose review or provider was not
// imported are conflicts naming them; evidence files left out of an export are said so, with counts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { exportRegister } from '../../electron/core/services/register-export';
import type { ImportReport } from '../../shared/api';
import { runCli } from '../helpers/cli';
import { dumpAnyRegister } from '../helpers/db-dump';
import { tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

function clock(start = '2026-03-01T08:00:00.000Z') {
  const state = { t: Date.parse(start) };
  return { now: () => new Date(state.t), advance: (ms = 60_000) => void (state.t += ms) };
}

const textOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');

async function demo(c = clock()) {
  const vetted = await freshVetted({ now: c.now });
  unwrap(await vetted.api['demo.load']({}));
  return vetted;
}

const exportText = async (vetted: Awaited<ReturnType<typeof freshVetted>>) => textOf(unwrap(await vetted.api['register.export']({})));
const ofKind = (report: ImportReport, kind: string) => report.conflicts.filter((c) => c.kind === kind);

test('steps, findings, acceptances and evidence of reviews and providers not imported are conflicts naming them', async () => {
  const data = JSON.parse(await exportText(await demo()));
  // A different template under the same id and version: no review on it is imported.
  data.templates[0].sections[0].questions[0].text += ' (edited)';
  const target = await freshVetted();
  const report = unwrap(await target.api['register.import']({ text: JSON.stringify(data) }));
  assert.equal(report.reviewSteps.conflicts, data.reviewSteps.length, 'every step: its review was not imported');
  assert.ok(ofKind(report, 'step').every((c) => /its review was not imported/.test(c.reason) && /StatusHarbor|Logjam Cloud/.test(c.name)), JSON.stringify(ofKind(report, 'step')));
  const reviewed = data.findings.filter((f: { reviewId: string | null }) => f.reviewId !== null).length;
  assert.ok(reviewed >= 1, 'the demo has a finding found in a review');
  assert.equal(report.findings.conflicts, reviewed);
  assert.match(ofKind(report, 'finding')[0]!.reason, /the review it was found in \(.+\) was not imported/);
  assert.match(ofKind(report, 'finding')[0]!.name, /^PagerPigeon: /);
  assert.equal(report.findings.added, data.findings.length - reviewed, 'a finding noted by hand still attaches to its provider');
  assert.equal(report.acceptances.added, data.acceptances.length);
  assert.equal(report.evidence.added, data.evidence.length, 'evidence of a provider (no review) is imported');
  assert.equal((await target.ctx.steps.allSteps()).length, 0);
});

test('merging again: the same lifecycle is unchanged, nothing is written, and the trail gains nothing', async () => {
  const text = await exportText(await demo());
  const target = await freshVetted();
  unwrap(await target.api['vendor.create']({ name: 'Local Only', category: 'database' }));
  const first = unwrap(await target.api['register.import']({ text }));
  const data = JSON.parse(text);
  assert.equal(first.reviewSteps.added, data.reviewSteps.length);
  assert.equal(first.auditTrail.added, data.auditTrail.length, 'a merge appends the file trail after its own entries');
  const before = await dumpAnyRegister(target.file);
  const again = unwrap(await target.api['register.import']({ text }));
  for (const kind of ['reviewSteps', 'findings', 'acceptances', 'evidence'] as const) {
    assert.deepEqual(again[kind], { added: 0, updated: 0, unchanged: data[kind].length, conflicts: 0 }, kind);
  }
  assert.deepEqual(again.auditTrail, { added: 0, updated: 0, unchanged: data.auditTrail.length, conflicts: 0 }, 'each entry once');
  assert.deepEqual(again.conflicts, []);
  assert.deepEqual(await dumpAnyRegister(target.file), before);
});

test('findings and acceptances: the newer change wins, a revocation stands, and the merge itself is audited', async () => {
  const c = clock();
  const source = await demo(c);
  const target = await freshVetted({ now: c.now });
  unwrap(await target.api['register.import']({ text: await exportText(source) }));

  c.advance();
  const [finding] = unwrap(await source.api['finding.list']({})).filter((f) => f.reviewId === null);
  unwrap(await source.api['finding.update']({ id: finding!.id, patch: { owner: 'Support lead' } }));
  const [acceptance] = unwrap(await source.api['acceptance.list']({}));
  unwrap(await source.api['acceptance.revoke']({ id: acceptance!.id }));
  const trailBefore = (await target.ctx.audit.list({ limit: 10_000 })).length;
  const report = unwrap(await target.api['register.import']({ text: await exportText(source) }));
  assert.equal(report.findings.updated, 1);
  assert.equal(report.acceptances.updated, 1);
  assert.equal(unwrap(await target.api['finding.list']({})).find((f) => f.id === finding!.id)!.owner, 'Support lead');
  assert.notEqual((await target.ctx.findings.acceptance(acceptance!.id))!.revokedAt, null, 'revoked here too');
  const added = (await target.ctx.audit.list({ limit: 10_000 })).length - trailBefore;
  assert.ok(added >= report.auditTrail.added + 2, `the merge's own changes are audited besides the file entries (${added} rows)`);

  // The register changes the finding later than the file: kept, and said so.
  c.advance();
  unwrap(await target.api['finding.update']({ id: finding!.id, patch: { owner: 'Kept here' } }));
  const kept = unwrap(await target.api['register.import']({ text: await exportText(source) }));
  assert.equal(kept.findings.conflicts, 1);
  assert.match(ofKind(kept, 'finding')[0]!.reason, /newer/);
  assert.equal(unwrap(await target.api['finding.list']({})).find((f) => f.id === finding!.id)!.owner, 'Kept here');
});

test('evidence files that do not fit are left out of the export, said so with counts, and the import says so too', async () => {
  const source = await demo();
  const whole = await exportRegister(source.ctx);
  assert.deepEqual(whole.warnings, [], 'the demo fits whole');
  const size = Buffer.from(whole.base64, 'base64').length;
  // A limit the rest fits under but the files do not.
  const cut = await exportRegister(source.ctx, size - 1000);
  assert.equal(cut.warnings.length, 1);
  assert.match(cut.warnings[0]!, /^2 evidence files \(0\.0 MB\) left out of the export/);
  // Named by provider and file (in evidence id order, which is random here).
  assert.match(cut.warnings[0]!, /Left out: .*StatusHarbor: statusharbor-soc2-type2\.pdf/);
  assert.match(cut.warnings[0]!, /Left out: .*Logjam Cloud: logjam-iso27001\.pdf/);
  const data = JSON.parse(textOf(cut));
  assert.ok(data.evidence.every((e: { content?: string; sha256: string }) => e.content === undefined && /^[0-9a-f]{64}$/.test(e.sha256)), 'records travel with their digest');

  const dir = tempDir();
  const json = path.join(dir, 'cut.json');
  fs.writeFileSync(json, textOf(cut));
  const run = runCli(['import', json, '--db', path.join(dir, 'register.db')]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Evidence\s+0\s+0\s+0\s+2/);
  assert.match(run.stdout, /2 evidence records arrived without their files \(left out of the export\) and were not imported\./);
  assert.match(run.stdout, /evidence\s+StatusHarbor: SOC 2 Type II report: its file \(statusharbor-soc2-type2\.pdf, SHA-256 [0-9a-f]{64}\) was left out/);
  assert.doesNotMatch(run.stdout, /No conflicts/);

  // Into a register that holds the files already, the records merge as usual.
  const holder = await freshVetted();
  unwrap(await holder.api['register.import']({ text: textOf(whole) }));
  const merged = unwrap(await holder.api['register.import']({ text: textOf(cut) }));
  assert.deepEqual([merged.evidence.unchanged, merged.evidenceFilesMissing], [2, 0]);
});

test('an evidence file that does not match its digest stops the import, naming it; the register is unchanged', async () => {
  const data = JSON.parse(await exportText(await demo()));
  data.evidence[1].content = Buffer.from('not the certificate').toString('base64');
  data.evidence[1].bytes = 'not the certificate'.length;
  const target = await freshVetted();
  const before = await dumpAnyRegister(target.file);
  const result = await target.api['register.import']({ text: JSON.stringify(data) });
  assert.equal(result.ok, false, 'refused');
  if (result.ok) return;
  assert.equal(result.error.code, 'validation');
  assert.match(result.error.message, /\$\.evidence\[1\]\.content: the file does not match its SHA-256/);
  assert.deepEqual(await dumpAnyRegister(target.file), before);
});

test('bad lifecycle rows are refused with the JSON path; an export without the lifecycle (older) still imports', async () => {
  const valid = await exportText(await demo());
  type Mutate = (d: Record<string, any>) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  const cases: [Mutate, string, RegExp][] = [
    [(d) => (d.reviewSteps[0].reviewId = 'nope'), '$.reviewSteps[0].reviewId', /no review with id "nope"/],
    [(d) => (d.findings[0].vendorId = 'nobody'), '$.findings[0].vendorId', /no provider with id "nobody"/],
    [(d) => (d.acceptances[0].findingId = 'gone'), '$.acceptances[0].findingId', /no finding with id "gone"/],
    [(d) => d.evidence.push({ ...d.evidence[0] }), '$.evidence[2].id', /used twice/],
    [(d) => (d.auditTrail[0].action = 'rewrite'), '$.auditTrail[0].action', /expected one of/],
    [(d) => (d.reviews.find((r: { snapshot: unknown }) => r.snapshot !== null).snapshot.answers = 'none'), '$.reviews', /expected a list/],
    [(d) => (d.confidential = { registerId: 'x', kdfSalt: 'zz', keyCheck: 'k', source: 'passphrase', createdAt: '2026-01-01T00:00:00Z' }), '$.confidential.kdfSalt', /hex/],
  ];
  for (const [mutate, pathAt, message] of cases) {
    const data = JSON.parse(valid);
    mutate(data);
    const target = await freshVetted();
    const result = await target.api['register.import']({ text: JSON.stringify(data) });
    assert.equal(result.ok, false, `${pathAt} refused`);
    if (result.ok) continue;
    const detail = result.error.details?.find((d) => d.path.startsWith(pathAt));
    assert.ok(detail, `${pathAt} named: ${JSON.stringify(result.error.details)}`);
    assert.match(detail.message, message, pathAt);
  }

  const older = JSON.parse(valid);
  for (const key of ['reviewSteps', 'findings', 'acceptances', 'evidence', 'auditTrail', 'auditChainHead', 'confidential']) delete older[key];
  for (const review of older.reviews) {
    delete review.snapshot;
    delete review.dueOverride;
  }
  const report = unwrap(await (await freshVetted()).api['register.import']({ text: JSON.stringify(older) }));
  assert.equal(report.reviews.added, 10);
  assert.deepEqual([report.reviewSteps.added, report.auditTrail.added, report.confidential.key], [0, 0, 'none']);
});
