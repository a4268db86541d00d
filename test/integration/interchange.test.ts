// The register exchange format, the register CSV, backups and restores (docs/formats.md).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { registerAuditFunctions } from '../../electron/core/db/audit-chain';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { backupRegister, checkRegisterFile, restoreRegister } from '../../electron/core/services/backup';
import { openVetted } from '../../electron/core/vetted';
import type { ImportReport } from '../../shared/api';
import { localIsoDate } from '../../shared/domain/dates';
import { TIER_LABELS } from '../../shared/domain/labels';
import { MAX_REGISTER_IMPORT_CHARS } from '../../shared/register/format';
import { VettedError } from '../../shared/result';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { runCli } from '../helpers/cli';
import { dumpAnyRegister, dumpRegister } from '../helpers/db-dump';
import { assertSameButImportMarks } from '../helpers/register-trail';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { firstQuestion, freshVetted, onlyOnAFile, unwrap } from '../helpers/vetted';

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+/, `stack trace leaked:\n${s}`);

/** A clock the test moves by hand. */
function clock(start = '2026-03-01T08:00:00.000Z') {
  const state = { t: Date.parse(start) };
  return {
    now: () => new Date(state.t),
    set: (iso: string) => void (state.t = Date.parse(iso)),
    advance: (ms = 60_000) => void (state.t += ms),
  };
}

const fileText = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');

async function exportText(vetted: Awaited<ReturnType<typeof freshVetted>>): Promise<string> {
  const file = unwrap(await vetted.api['register.export']({}));
  assert.equal(file.mediaType, 'application/json');
  return fileText(file);
}

async function demoRegister(c = clock()) {
  const vetted = await freshVetted({ now: c.now });
  unwrap(await vetted.api['demo.load']({}));
  return vetted;
}

const totals = (r: ImportReport) =>
  (['templates', 'vendors', 'reviews', 'answers', 'settings', 'reviewSteps', 'findings', 'acceptances', 'evidence', 'auditTrail'] as const).map((k) => [k, r[k]] as const);

function assertConsistent(report: ImportReport): void {
  const sum = totals(report).reduce((n, [, c]) => n + c.conflicts, 0);
  assert.equal(sum, report.conflicts.length, 'every conflict is listed once');
}

/** An export without its audit trail: two registers that agree on their data each keep their own history. */
const withoutTrail = (text: string) => {
  const { auditTrail: _trail, auditChainHead: _head, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
};

test('round trip: demo → export → import into an empty register → export gives the same JSON', async () => {
  const c = clock();
  const source = await demoRegister(c);
  c.set('2026-03-15T09:30:00.000Z');
  const first = await exportText(source);
  const data = JSON.parse(first);
  assert.equal(data.format, 'vetted-register');
  assert.equal(data.formatVersion, 1);
  assert.equal(data.exportedAt, '2026-03-15T09:30:00.000Z', 'exportedAt comes from the context clock');
  assert.equal(data.vendors.length, 8);
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  assert.deepEqual(ids(data.vendors), [...ids(data.vendors)].sort(), 'providers ordered by id');
  assert.deepEqual(ids(data.reviews), [...ids(data.reviews)].sort(), 'reviews ordered by id');
  const answerKeys = data.answers.map((a: { reviewId: string; questionId: string }) => `${a.reviewId}\u0000${a.questionId}`);
  assert.deepEqual(answerKeys, [...answerKeys].sort(), 'answers ordered by review then question');
  assert.deepEqual(data.templates.map((t: { id: string; version: number }) => `${t.id}@${t.version}`), [`infrastructure-provider@${INFRASTRUCTURE_TEMPLATE.version}`]);

  const target = await freshVetted({ now: c.now });
  const report = unwrap(await target.api['register.import']({ text: first }));
  assert.equal(report.dryRun, false);
  assert.deepEqual(report.vendors, { added: 8, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.reviews, { added: 10, updated: 0, unchanged: 0, conflicts: 0 }); // 8 current reviews and 2 earlier approvals
  assert.deepEqual(report.answers, { added: data.answers.length, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.templates, { added: 0, updated: 0, unchanged: 1, conflicts: 0 }, 'the built-in template is already there');
  assert.deepEqual(report.conflicts, []);

  // The trail is the one thing that differs: every entry it brought says which export it came
  // from (so none passes for one this register wrote), and the import is an entry of its own.
  assert.equal(report.auditTrailHead, 'matches', "the file's trail ends at the head it states");
  const [againText, again, was] = [await exportText(target), JSON.parse(await exportText(target)), JSON.parse(first)];
  assertSameButImportMarks(againText, first);
  const origin = again.auditTrail[0].importedFrom as string;
  assert.equal(origin, 'export of 2026-03-15T09:30:00.000Z', 'the entries name the export they came from');
  const importEntry = again.auditTrail.at(-1);
  assert.deepEqual(
    [importEntry.entity, importEntry.importedFrom, importEntry.new.source, importEntry.new.trail_added, importEntry.new.trail_head, importEntry.new.stated_head],
    ['import', null, origin, was.auditTrail.length, 'matches', was.auditChainHead.hash],
    'the import is recorded by this register: what it brought and the head it matched',
  );
  assert.ok(again.auditChainHead.entries > was.auditChainHead.entries, 'the trail holds the sender’s entries and this register’s own');
  // The scores read the same too.
  const scores = async (v: typeof source) => unwrap(await v.api['vendor.list']({})).map((s) => [s.name, s.score, s.tier, s.completion]);
  assert.deepEqual(await scores(target), await scores(source));
});

test('importing the same file twice: the second time everything is unchanged and nothing is written', async () => {
  const source = await demoRegister();
  const text = await exportText(source);
  const target = await freshVetted();
  unwrap(await target.api['register.import']({ text }));
  const before = await dumpAnyRegister(target.file);
  const again = unwrap(await target.api['register.import']({ text }));
  for (const [kind, counts] of totals(again)) {
    assert.equal(counts.added + counts.updated + counts.conflicts, 0, `${kind}: ${JSON.stringify(counts)}`);
  }
  assert.equal(again.vendors.unchanged, 8);
  assert.deepEqual(again.conflicts, []);
  assert.deepEqual(await dumpAnyRegister(target.file), before);
});

test('newer data in the register is listed as a conflict and kept; older data is updated', async () => {
  const c = clock();
  const source = await demoRegister(c);
  const text = await exportText(source);
  const target = await freshVetted({ now: c.now });
  unwrap(await target.api['register.import']({ text }));

  // The register changes a provider and an answer after the export was made.
  c.advance();
  const [burrow] = unwrap(await target.api['vendor.list']({})).filter((v) => v.name === 'Burrow MQ');
  unwrap(await target.api['vendor.update']({ id: burrow!.id, patch: { owner: 'Messaging guild' } }));
  const detail = unwrap(await target.api['review.current']({ vendorId: burrow!.id }))!;
  const yesno = firstQuestion(detail.template, 'yesno', (q) => detail.answers.some((a) => a.questionId === q.id));
  unwrap(await target.api['answer.save']({ reviewId: detail.review.id, questionId: yesno.id, comment: 'asked again in March' }));

  const kept = unwrap(await target.api['register.import']({ text }));
  assertConsistent(kept);
  assert.deepEqual(kept.vendors, { added: 0, updated: 0, unchanged: 7, conflicts: 1 });
  assert.equal(kept.answers.conflicts, 1);
  assert.equal(kept.reviews.conflicts, 1, 'saving the answer made the review newer too');
  const vendorConflict = kept.conflicts.find((x) => x.kind === 'vendor')!;
  assert.equal(vendorConflict.name, 'Burrow MQ');
  assert.equal(vendorConflict.id, burrow!.id);
  assert.match(vendorConflict.reason, /newer/);
  assert.equal(kept.conflicts.find((x) => x.kind === 'answer')!.id, `${detail.review.id}/${yesno.id}`);
  assert.equal(unwrap(await target.api['vendor.get']({ id: burrow!.id })).owner, 'Messaging guild', 'kept');
  const answer = unwrap(await target.api['review.current']({ vendorId: burrow!.id }))!.answers.find((a) => a.questionId === yesno.id)!;
  assert.equal(answer.comment, 'asked again in March', 'kept');

  // Now the source moves on past the register: its newer copy replaces the older one.
  c.advance();
  unwrap(await source.api['vendor.update']({ id: burrow!.id, patch: { owner: 'Orders team (2)', monthlyCost: 410 } }));
  const srcDetail = unwrap(await source.api['review.current']({ vendorId: burrow!.id }))!;
  unwrap(await source.api['answer.save']({ reviewId: srcDetail.review.id, questionId: yesno.id, comment: 'final word' }));
  const newer = await exportText(source);
  const updated = unwrap(await target.api['register.import']({ text: newer }));
  assertConsistent(updated);
  assert.deepEqual(updated.vendors, { added: 0, updated: 1, unchanged: 7, conflicts: 0 });
  assert.deepEqual(updated.reviews, { added: 0, updated: 1, unchanged: 9, conflicts: 0 });
  assert.equal(updated.answers.updated, 1);
  assert.equal(updated.answers.conflicts, 0);
  const after = unwrap(await target.api['vendor.get']({ id: burrow!.id }));
  assert.equal(after.owner, 'Orders team (2)');
  assert.equal(after.monthlyCost, 410);
  const saved = unwrap(await target.api['review.current']({ vendorId: burrow!.id }))!.answers.find((a) => a.questionId === yesno.id)!;
  assert.equal(saved.comment, 'final word');
  assert.deepEqual(withoutTrail(await exportText(target)), withoutTrail(await exportText(source)), 'the two registers agree again (each keeps its own trail)');
});

test('providers are matched by name (regardless of case) when the ids differ', async () => {
  // Older than the file's copy: the demo adds its providers 800 days before its clock (2024-01-21).
  const c = clock('2023-06-01T08:00:00.000Z');
  const target = await freshVetted({ now: c.now });
  const local = unwrap(await target.api['vendor.create']({ name: 'burrow mq', owner: 'someone' }));
  const newerLocal = (c.set('2026-06-01T08:00:00.000Z'), unwrap(await target.api['vendor.create']({ name: 'GAUGEWORKS', owner: 'ours' })));

  const source = await demoRegister(clock('2026-03-01T08:00:00.000Z'));
  const text = await exportText(source);
  const report = unwrap(await target.api['register.import']({ text }));
  assertConsistent(report);
  assert.deepEqual(report.vendors, { added: 6, updated: 1, unchanged: 0, conflicts: 1 });
  assert.deepEqual(report.reviews, { added: 10, updated: 0, unchanged: 0, conflicts: 0 }, 'reviews attach to the matched providers');

  const list = unwrap(await target.api['vendor.list']({}));
  assert.equal(list.length, 8);
  const burrow = list.find((v) => v.name === 'Burrow MQ')!;
  assert.equal(burrow.id, local.id, 'the register keeps its own id');
  assert.equal(unwrap(await target.api['vendor.get']({ id: local.id })).owner, 'Orders team', 'updated from the newer file');
  assert.equal(unwrap(await target.api['review.current']({ vendorId: local.id }))!.review.reviewer, 'Dana Whitfield');

  const gauge = report.conflicts.find((x) => x.kind === 'vendor')!;
  assert.equal(gauge.name, 'GAUGEWORKS');
  assert.match(gauge.reason, /newer.*matched by name/);
  assert.equal(unwrap(await target.api['vendor.get']({ id: newerLocal.id })).owner, 'ours');
});

test('a dry run writes nothing and reports exactly what the real import then does', async () => {
  const c = clock();
  const source = await demoRegister(c);
  const text = await exportText(source);
  // A register with a mix: one older copy, one newer local change, one provider of its own.
  const target = await freshVetted({ now: c.now });
  unwrap(await target.api['register.import']({ text }));
  const data = JSON.parse(text);
  c.advance();
  unwrap(await target.api['vendor.update']({ id: data.vendors[0].id, patch: { notes: 'local' } }));
  unwrap(await target.api['vendor.create']({ name: 'Only Here' }));
  unwrap(await target.api['settings.update']({ organisation: 'Example Ltd' }));
  data.vendors[1].updatedAt = '2027-01-01T00:00:00.000Z';
  data.vendors[1].notes = 'from the file';
  data.answers.splice(0, 3);
  data.settings.organisation = 'Other Ltd';
  data.settings.userName = 'Dana';
  const changed = JSON.stringify(data);

  const before = await dumpAnyRegister(target.file);
  const dry = unwrap(await target.api['register.import']({ text: changed, dryRun: true }));
  assert.equal(dry.dryRun, true);
  assert.deepEqual(await dumpAnyRegister(target.file), before, 'nothing written');
  assert.equal(dry.vendors.updated, 1);
  assert.equal(dry.vendors.conflicts, 1);
  assert.equal(dry.settings.updated, 1);
  assert.equal(dry.settings.conflicts, 1);

  const real = unwrap(await target.api['register.import']({ text: changed }));
  assert.deepEqual({ ...real, dryRun: true }, dry, 'the same numbers and the same conflicts');
  assert.notDeepEqual(await dumpAnyRegister(target.file), before);
  assert.equal(unwrap(await target.api['vendor.get']({ id: data.vendors[1].id })).notes, 'from the file');
  assert.equal(unwrap(await target.api['settings.get']({})).organisation, 'Example Ltd', 'a setting the register changed is kept');
  assert.equal(unwrap(await target.api['settings.get']({})).userName, 'Dana', 'a default setting takes the file’s value');
});

test('a different template under the same id and version is a conflict, and so are the reviews on it', async () => {
  const source = await demoRegister();
  const data = JSON.parse(await exportText(source));
  data.templates[0].sections[0].questions[0].text += ' (edited)';
  const target = await freshVetted();
  const before = await dumpAnyRegister(target.file);
  const report = unwrap(await target.api['register.import']({ text: JSON.stringify(data), dryRun: true }));
  assertConsistent(report);
  assert.deepEqual(report.templates, { added: 0, updated: 0, unchanged: 0, conflicts: 1 });
  assert.deepEqual(report.vendors, { added: 8, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.reviews, { added: 0, updated: 0, unchanged: 0, conflicts: 10 });
  assert.equal(report.answers.conflicts, data.answers.length);
  assert.match(report.conflicts[0]!.reason, /different template under the same id and version/);
  assert.deepEqual(await dumpAnyRegister(target.file), before);
});

test('a name the register already uses for another provider is a conflict, never a crash', async () => {
  const c = clock();
  const source = await demoRegister(c);
  const data = JSON.parse(await exportText(source));
  const target = await freshVetted({ now: c.now });
  unwrap(await target.api['register.import']({ text: JSON.stringify(data) }));
  // The file renames a provider and adds a new one under the old name; the register changed the
  // first one later, so it keeps the old name and the newcomer cannot have it.
  const first = data.vendors[0];
  c.advance();
  unwrap(await target.api['vendor.update']({ id: first.id, patch: { notes: 'newer here' } }));
  const oldName = first.name;
  first.name = 'Renamed In File';
  data.vendors.push({ ...first, id: 'brand-new-id', name: oldName.toLowerCase() });
  data.reviews.push({ ...data.reviews[0], id: 'brand-new-review', vendorId: 'brand-new-id' });
  const report = unwrap(await target.api['register.import']({ text: JSON.stringify(data) }));
  assertConsistent(report);
  assert.equal(report.vendors.conflicts, 2);
  const clash = report.conflicts.find((x) => x.id === 'brand-new-id')!;
  assert.match(clash.reason, new RegExp(`already named "${oldName.toLowerCase()}"`));
  assert.ok(report.conflicts.some((x) => x.kind === 'review' && x.id === 'brand-new-review'));
  assert.equal(unwrap(await target.api['vendor.get']({ id: first.id })).name, oldName);
});

test('times with a zone offset are stored as UTC, so they sort and compare like the register’s own', async () => {
  const source = await demoRegister();
  const data = JSON.parse(await exportText(source));
  data.vendors[0].updatedAt = '2027-01-01T10:00:00+01:00';
  data.reviews[0].completedAt = '2027-01-02T00:30:00.5-02:00';
  const target = await freshVetted();
  unwrap(await target.api['register.import']({ text: JSON.stringify(data) }));
  const back = JSON.parse(await exportText(target));
  assert.equal(back.vendors[0].updatedAt, '2027-01-01T09:00:00.000Z');
  assert.equal(back.reviews[0].completedAt, '2027-01-02T02:30:00.500Z');
  data.vendors[0].updatedAt = '2027-01-01T09:00:00Z';
  const again = unwrap(await target.api['register.import']({ text: JSON.stringify(data) }));
  assert.equal(again.vendors.unchanged, 8, 'the same moment written differently is equal');
});

// ---------------------------------------------------------------------------------------------
// Bad input: a typed error naming the JSON path, and nothing written.

type Mutate = (d: Record<string, any>) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

const BAD_FILES: { name: string; make: (valid: string) => string; path: string; message: RegExp }[] = [
  { name: 'not JSON', make: (v) => v.slice(0, 200), path: '$', message: /not valid JSON/ },
  { name: 'a JSON list', make: () => '[1, 2]', path: '$', message: /expected a JSON object/ },
  { name: 'another format', make: () => JSON.stringify({ format: 'vetted-template', formatVersion: 1 }), path: '$.format', message: /"vetted-template" is not a Vetted register export/ },
  { name: 'no format at all', make: () => JSON.stringify({ vendors: [] }), path: '$.format', message: /not a Vetted register export/ },
  { name: 'a newer version', make: (v) => edit(v, (d) => (d.formatVersion = 2)), path: '$.formatVersion', message: /newer Vetted/ },
  { name: 'version 0', make: (v) => edit(v, (d) => (d.formatVersion = 0)), path: '$.formatVersion', message: /expected a format version/ },
  { name: 'a missing required field', make: (v) => edit(v, (d) => delete d.vendors[2].name), path: '$.vendors[2].name', message: /is required/ },
  { name: 'a string where a number belongs', make: (v) => edit(v, (d) => (d.vendors[3].monthlyCost = '380')), path: '$.vendors[3].monthlyCost', message: /^expected a number$/ },
  { name: 'an unknown key', make: (v) => edit(v, (d) => (d.reviews[1].colour = 'red')), path: '$.reviews[1].colour', message: /unknown field/ },
  { name: 'an unknown key in links', make: (v) => edit(v, (d) => (d.vendors[0].links.blog = 'https://x.example')), path: '$.vendors[0].links.blog', message: /unknown field/ },
  { name: 'a bad time', make: (v) => edit(v, (d) => (d.vendors[0].updatedAt = 'yesterday')), path: '$.vendors[0].updatedAt', message: /date and time/ },
  { name: 'an unknown template in a review', make: (v) => edit(v, (d) => (d.reviews[0].templateVersion = 99)), path: '$.reviews[0].templateId', message: /v99 is not in the file's templates/ },
  { name: 'a review of an unknown provider', make: (v) => edit(v, (d) => (d.reviews[0].vendorId = 'nobody')), path: '$.reviews[0].vendorId', message: /no provider with id "nobody"/ },
  { name: 'a duplicate provider id', make: (v) => edit(v, (d) => d.vendors.push({ ...d.vendors[0], name: 'Copy' })), path: '$.vendors[8].id', message: /used twice/ },
  { name: 'a duplicate provider name', make: (v) => edit(v, (d) => (d.vendors[1].name = d.vendors[0].name.toUpperCase())), path: '$.vendors[1].name', message: /used twice/ },
  { name: 'an answer to no such question', make: (v) => edit(v, (d) => (d.answers[0].questionId = 'no_such_question')), path: '$.answers[0].questionId', message: /not a question of template/ },
  { name: 'an answer that does not fit', make: (v) => edit(v, (d) => (d.answers.find((a: { value: unknown }) => typeof a.value === 'string').value = 'perhaps')), path: '$.answers', message: /expected one of|expected a/ },
  { name: 'an unknown setting', make: (v) => edit(v, (d) => (d.settings.theme = 'dark')), path: '$.settings.theme', message: /unknown field/ },
];

function edit(valid: string, mutate: Mutate): string {
  const data = JSON.parse(valid);
  mutate(data);
  return JSON.stringify(data, null, 2);
}

test('bad files: a typed validation error naming the JSON path, and the register unchanged', async () => {
  const source = await demoRegister();
  const valid = await exportText(source);
  const target = await demoRegister();
  unwrap(await target.api['vendor.create']({ name: 'Local Only' }));
  const before = await dumpAnyRegister(target.file);
  for (const bad of BAD_FILES) {
    for (const dryRun of [false, true]) {
      const result = await target.api['register.import']({ text: bad.make(valid), dryRun });
      assert.equal(result.ok, false, bad.name);
      if (result.ok) continue;
      assert.equal(result.error.code, 'validation', bad.name);
      const first = result.error.details![0]!;
      assert.ok(first.path.startsWith(bad.path), `${bad.name}: ${first.path}`);
      assert.match(first.message, bad.message, bad.name);
      assert.ok(result.error.message.startsWith(`${first.path}: `), `${bad.name}: ${result.error.message}`);
      noStack(result.error.message);
    }
  }
  const tooBig = await target.api['register.import']({ text: ' '.repeat(MAX_REGISTER_IMPORT_CHARS + 1) });
  assert.equal(!tooBig.ok && tooBig.error.code, 'validation');
  assert.match(!tooBig.ok ? tooBig.error.message : '', /^text: the export is larger than 50 MB/);
  assert.deepEqual(await dumpAnyRegister(target.file), before);
});

test('CLI: export, import (with --dry-run) and the report table', () => {
  const dir = tempDir();
  const src = path.join(dir, 'src.db');
  const dst = path.join(dir, 'dst.db');
  const json = path.join(dir, 'register.json');
  assert.equal(runCli(['demo', '--db', src]).status, 0);
  const exp = runCli(['export', '--out', json, '--db', src]);
  assert.equal(exp.status, 0, exp.stderr);
  assert.match(exp.stdout, /Wrote .*register\.json/);
  assert.equal(JSON.parse(fs.readFileSync(json, 'utf8')).vendors.length, 8);

  assert.equal(runCli(['vendor', 'add', 'Local Only', '--db', dst]).status, 0);
  const before = dumpRegister(dst);
  const dry = runCli(['import', json, '--dry-run', '--db', dst]);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /^Dry run: nothing was written/);
  assert.match(dry.stdout, /Providers\s+8\s+0\s+0\s+0/);
  assert.deepEqual(dumpRegister(dst), before);

  const real = runCli(['import', json, '--db', dst]);
  assert.equal(real.status, 0, real.stderr);
  assert.match(real.stdout, /^Imported /);
  assert.match(real.stdout, /Providers\s+8\s+0\s+0\s+0/);
  assert.match(real.stdout, /No conflicts\./);
  assert.equal(JSON.parse(runCli(['list', '--json', '--db', dst]).stdout).length, 9);

  // Change a provider locally, later than the export: the import keeps it and says so (exit 0).
  assert.equal(runCli(['answer', 'Burrow MQ', firstQuestion(JSON.parse(fs.readFileSync(json, 'utf8')).templates[0], 'number').id, '7', '--db', dst]).status, 0);
  const again = runCli(['import', json, '--db', dst]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /2 conflicts left as they are:/);
  assert.match(again.stdout, /review\s+Burrow MQ: review started/);
  assert.match(again.stdout, /answer\s+Burrow MQ: /);

  const csvFile = path.join(dir, 'register.csv');
  const csv = runCli(['export-csv', '--out', csvFile, '--db', dst]);
  assert.equal(csv.status, 0, csv.stderr);
  assert.ok(fs.readFileSync(csvFile, 'utf8').startsWith('\uFEFF"Name","Service"'));
});

test('CLI: bad import files exit 2 with one line naming the file and the path; the register is unchanged', () => {
  const dir = tempDir();
  const src = path.join(dir, 'src.db');
  const dst = path.join(dir, 'dst.db');
  const json = path.join(dir, 'good.json');
  assert.equal(runCli(['demo', '--db', src]).status, 0);
  assert.equal(runCli(['export', '--out', json, '--db', src]).status, 0);
  assert.equal(runCli(['vendor', 'add', 'Local Only', '--db', dst]).status, 0);
  const valid = fs.readFileSync(json, 'utf8');
  const before = dumpRegister(dst);
  const bytes = fs.readFileSync(dst);

  const cases: [string, string, RegExp][] = BAD_FILES.filter((b) =>
    ['not JSON', 'another format', 'a newer version', 'a missing required field', 'a string where a number belongs', 'an unknown template in a review'].includes(b.name),
  ).map((b, i) => {
    const file = path.join(dir, `bad-${i}.json`);
    fs.writeFileSync(file, b.make(valid));
    return [file, b.name, new RegExp(`^vetted: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${b.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)];
  });
  // Over the size limit: a sparse file, refused before it is read.
  const huge = path.join(dir, 'huge.json');
  const fd = fs.openSync(huge, 'w');
  fs.ftruncateSync(fd, 200 * 1024 * 1024 + 1);
  fs.closeSync(fd);
  cases.push([huge, 'over 200 MB', /huge\.json: the file is 201 MB; an import reads at most 200 MB/]);
  cases.push([path.join(dir, 'missing.json'), 'missing', /missing\.json: no such file/]);

  cases.forEach(([file, name, message], i) => {
    for (const extra of i < 2 ? [[], ['--dry-run']] : [[]]) {
      const run = runCli(['import', file, ...extra, '--db', dst]);
      assert.equal(run.status, 2, `${name}: ${run.stderr}`);
      assert.match(run.stderr, message, name);
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${run.stderr}`);
      noStack(run.stderr);
    }
  });
  assert.deepEqual(dumpRegister(dst), before);
  assert.deepEqual(fs.readFileSync(dst), bytes);
  assert.equal(runCli(['import', '--db', dst]).status, 1, 'no file: usage');
  assert.equal(runCli(['export', '--db', dst]).status, 1, 'no --out: usage');
});

test('the register CSV: one quoted row per provider, app wording, formulas neutralised, and which kind of tier each row has', async () => {
  const vetted = await demoRegister();
  unwrap(await vetted.api['vendor.create']({ name: '=HYPERLINK("http://evil.example","x")', service: '+1 "quoted"; semi', dataLocations: ['EU', 'Zürich'] }));
  const file = unwrap(await vetted.api['register.exportCsv']({}));
  assert.equal(file.mediaType, 'text/csv; charset=utf-8');
  const text = fileText(file);
  assert.ok(text.startsWith('\uFEFF'));
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines.at(-1), '', 'CRLF after every record');
  assert.equal(lines.length - 1, 1 + 9);
  assert.equal(
    lines[0],
    '"Name","Service","Category","Status","Critical path","Business impact","Data categories","Data locations","Tenancy","Fee","Currency","Fee period","Score","Tier","Tier basis","Completion %","Knock-outs","Last reviewed"',
  );
  for (const line of lines.slice(0, -1)) assert.match(line, /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/, `every field quoted: ${line}`);
  const evil = lines.find((l) => l.includes('HYPERLINK'))!;
  assert.ok(evil.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")","'+1 ""quoted""; semi"`), evil);
  assert.ok(evil.includes('"EU; Zürich"'));
  // Never reviewed: its inherent risk (the profile's), said to be that, and no review date.
  const evilFields = evil.slice(1, -1).split('","');
  const evilSummary = unwrap(await vetted.api['vendor.list']({})).find((v) => v.name.includes('HYPERLINK'))!;
  assert.deepEqual(evilFields.slice(-6), ['', TIER_LABELS[evilSummary.inherentTier], 'Inherent risk (not reviewed yet)', '', '', ''], evil);
  const tidewater = lines.find((l) => l.startsWith('"Tidewater Postgres"'))!;
  const fields = tidewater.slice(1, -1).split('","');
  assert.deepEqual(fields.slice(2, 12), ['Database', 'Active', 'Yes', 'High', 'Personal data, Customer content', 'Germany; Netherlands', 'Dedicated, managed by the provider', '1450', 'EUR', 'month']);
  const logjam = lines.find((l) => l.startsWith('"Logjam Cloud"'))!.slice(1, -1).split('","');
  assert.deepEqual(logjam.slice(9, 12), ['7440', 'EUR', 'year'], 'a yearly fee says so');
  const summary = unwrap(await vetted.api['vendor.list']({})).find((v) => v.name === 'Tidewater Postgres')!;
  assert.equal(fields[12], summary.score!.toFixed(1));
  // Its review is a draft: the tier comes from the answers so far, and nothing was reviewed yet.
  assert.deepEqual(fields.slice(13, 15), [TIER_LABELS[summary.tier!], 'Review not decided yet']);
  assert.equal(fields[15], String(Math.floor(summary.completion * 100 + 1e-9)));
  assert.equal(fields[17], '', 'a draft is not a review: Last reviewed stays empty until one is decided');
  // StatusHarbor was approved 715 days ago and is being reviewed again: Last reviewed is that approval.
  const harbor = lines.find((l) => l.startsWith('"StatusHarbor"'))!.slice(1, -1).split('","');
  const harborSummary = unwrap(await vetted.api['vendor.list']({})).find((v) => v.name === 'StatusHarbor')!;
  assert.ok(harborSummary.lastReviewed, 'the demo approved StatusHarbor before');
  assert.equal(harbor[17], localIsoDate(new Date(harborSummary.lastReviewed)));
  assert.equal(harbor[14], 'Review not decided yet');
});

// ---------------------------------------------------------------------------------------------
// Backup and restore.

test('a backup taken while a second connection writes opens and passes integrity_check', onlyOnAFile('a backup'), async () => {
  const vetted = await demoRegister();
  const writer = new Database(vetted.file);
  registerAuditFunctions(writer); // settings are audited (migration 009): the trail's writer needs the app's functions
  writer.pragma('busy_timeout = 5000');
  const insert = writer.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  // Enough pages that the copy takes several steps, so the writes land in the middle of it.
  writer.transaction(() => {
    for (let i = 0; i < 60; i++) insert.run(`bulk-${i}`, JSON.stringify('x'.repeat(40_000)));
  })();
  let writes = 0;
  let done = false;
  const write = () => {
    if (done || writes >= 25) return;
    insert.run(`during-${writes++}`, '"y"');
    setImmediate(write);
  };
  setImmediate(write);
  const target = path.join(tempDir(), 'backup.db');
  const result = await backupRegister(vetted.ctx, target);
  done = true;
  writer.close();
  assert.ok(writes > 0, 'the second connection wrote while the backup ran');
  assert.equal(result.file, target);
  assert.equal(result.bytes, fs.statSync(target).size);
  assert.deepEqual(fs.readdirSync(path.dirname(target)), ['backup.db'], 'one self-contained file, no partial left');

  checkRegisterFile(target, target);
  const copy = new Database(target, { readonly: true });
  assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete');
  assert.equal(copy.prepare('SELECT count(*) FROM vendors').pluck().get(), 8);
  copy.close();
  const reopened = await openVetted(target, { logError: () => {} });
  assert.equal(unwrap(await reopened.api['vendor.list']({})).length, 8);
  reopened.close();
});

test('a backup refuses to write over the live register', onlyOnAFile('a backup'), async () => {
  const vetted = await demoRegister();
  const before = await dumpAnyRegister(vetted.file);
  for (const target of [vetted.file, path.join(path.dirname(vetted.file), '.', path.basename(vetted.file)), `${vetted.file}-wal`]) {
    await assert.rejects(backupRegister(vetted.ctx, target), (e: unknown) => e instanceof VettedError && /register itself/.test(e.message));
  }
  assert.deepEqual(await dumpAnyRegister(vetted.file), before);
  const run = runCli(['backup', '--out', vetted.file, '--db', vetted.file]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /is the register itself/);
  await assert.rejects(backupRegister(vetted.ctx, path.join(tempDir(), 'no', 'such', 'folder', 'b.db')), /does not exist/);
});

/** A closed demo register on disk, made through the CLI. */
function cliRegister(dir: string, name = 'vetted.db'): string {
  const file = path.join(dir, name);
  assert.equal(runCli(['demo', '--db', file]).status, 0);
  return file;
}

test('CLI: backup, then restore keeps the register it replaces', () => {
  const dir = tempDir();
  const db = cliRegister(dir);
  const backup = path.join(tempDir(), 'backup.db');
  const b = runCli(['backup', '--out', backup, '--db', db]);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /Backed up .* to .*backup\.db/);
  const backupBytes = fs.readFileSync(backup);

  assert.equal(runCli(['vendor', 'add', 'Added After Backup', '--db', db]).status, 0);
  const r = runCli(['restore', backup, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Restored /);
  const kept = fs.readdirSync(dir).filter((f) => /^vetted\.before-restore-\d{8}-\d{6}\.db$/.test(f));
  assert.equal(kept.length, 1, fs.readdirSync(dir).join(', '));
  assert.match(r.stdout, new RegExp(kept[0]!.replace(/\./g, '\\.')));

  const names = (file: string) => (JSON.parse(runCli(['list', '--json', '--db', file]).stdout) as { name: string }[]).map((v) => v.name);
  assert.equal(names(db).length, 8, 'the backup is the register now');
  assert.ok(!names(db).includes('Added After Backup'));
  assert.ok(names(path.join(dir, kept[0]!)).includes('Added After Backup'), 'the replaced register is kept whole');
  assert.deepEqual(fs.readFileSync(backup), backupBytes, 'the backup file is only read');
});

test('restore refuses a non-register, a damaged file and a newer schema, leaving everything untouched', async () => {
  const dir = tempDir();
  const db = cliRegister(dir);
  const sources = tempDir();
  const good = path.join(sources, 'good.db');
  assert.equal(runCli(['backup', '--out', good, '--db', db]).status, 0);

  const text = path.join(sources, 'notes.db');
  fs.writeFileSync(text, 'these are not the droids you are looking for\n'.repeat(100));
  const empty = path.join(sources, 'empty.db');
  fs.writeFileSync(empty, '');
  const foreign = path.join(sources, 'foreign.db');
  const f = new Database(foreign);
  f.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
  f.close();
  const newer = path.join(sources, 'newer.db');
  fs.copyFileSync(good, newer);
  const n = new Database(newer);
  n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  n.close();
  const damaged = path.join(sources, 'damaged.db');
  const goodBytes = fs.readFileSync(good);
  fs.writeFileSync(damaged, Buffer.concat([goodBytes.subarray(0, 4096 * 3), Buffer.alloc(4096 * 2, 0x5a), goodBytes.subarray(4096 * 5)]));

  // A well-formed file whose index lost its entries: only PRAGMA integrity_check notices.
  const badIndex = path.join(sources, 'bad-index.db');
  fs.copyFileSync(good, badIndex);
  const probe = new Database(badIndex, { readonly: true });
  const page = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'vendors_name'").pluck().get() as number;
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const raw = fs.readFileSync(badIndex);
  const at = (page - 1) * pageSize;
  raw.fill(0, at, at + 8);
  raw[at] = 0x0a; // an empty leaf index page
  raw.writeUInt16BE(pageSize, at + 5);
  fs.writeFileSync(badIndex, raw);

  const listing = () => fs.readdirSync(dir).sort();
  const beforeFiles = listing();
  const beforeBytes = fs.readFileSync(db);
  const cases: [string, RegExp][] = [
    [text, /is not a Vetted register/],
    [empty, /not a Vetted register/],
    [foreign, /SQLite database but not a Vetted register/],
    [newer, /newer Vetted/],
    [damaged, /damaged|not a Vetted register/],
    [badIndex, /bad-index\.db is damaged: PRAGMA integrity_check says .*index vendors_name/],
    [path.join(sources, 'missing.db'), /does not exist/],
    [db, /is the register itself/],
  ];
  for (const [file, message] of cases) {
    const run = runCli(['restore', file, '--db', db]);
    assert.equal(run.status, 2, `${path.basename(file)}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, message, path.basename(file));
    assert.equal(run.stderr.trim().split('\n').length, 1);
    noStack(run.stderr);
    assert.deepEqual(listing(), beforeFiles, `${path.basename(file)}: no file added or removed`);
    assert.deepEqual(fs.readFileSync(db), beforeBytes, `${path.basename(file)}: register untouched`);
  }
  assert.throws(() => restoreRegister(db, newer), (e: unknown) => e instanceof VettedError && e.code === 'schema_too_new');
  assert.equal(runCli(['restore', '--db', db]).status, 1, 'no file: usage');
});

test('restore into a folder with no register yet just puts the backup there', () => {
  const good = path.join(tempDir(), 'good.db');
  assert.equal(runCli(['backup', '--out', good, '--db', cliRegister(tempDir())]).status, 0);
  const target = tempDbPath('fresh.db');
  const result = restoreRegister(target, good);
  assert.deepEqual(result, { register: target, keptAs: null });
  assert.deepEqual(fs.readFileSync(target), fs.readFileSync(good));
});

// ---------------------------------------------------------------------------------------------
// Fuzz: random damage to a valid export never gets past the importer as anything but a typed
// error (with the register unchanged) or a report.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Slot = { parent: Json[] | { [k: string]: Json }; key: string | number };

function slots(value: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value, key: i });
      slots(v, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value, key: k });
      slots(v, out);
    }
  }
  return out;
}

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom('', ' ', '2026-13-45', '=cmd|calc', 'infrastructure-provider', 'yes', '__proto__'),
) as fc.Arbitrary<Json>;

const mutation = fc.record({
  // Mostly the data: the template alone has more fields than everything else together.
  area: fc.constantFrom('vendors', 'vendors', 'reviews', 'reviews', 'answers', 'answers', 'settings', 'templates', 'top'),
  kind: fc.constantFrom('drop', 'swap', 'duplicate', 'huge', 'extra-key', 'copy-elsewhere', 'retime', 'retime', 'retime'),
  at: fc.nat(),
  from: fc.nat(),
  value: anyJson,
});

function mutate(data: Json, m: { area: string; kind: string; at: number; from: number; value: Json }): void {
  const root = data as { [k: string]: Json };
  const all = m.area === 'top' ? Object.keys(root).map((key) => ({ parent: root, key })) : slots(root[m.area] ?? null);
  if (all.length === 0) return;
  const slot = all[m.at % all.length]!;
  const { parent, key } = slot as { parent: Record<string | number, Json>; key: string | number };
  switch (m.kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'swap':
      parent[key] = m.value;
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]!));
      else parent[key] = [parent[key]!, parent[key]!];
      break;
    case 'huge':
      parent[key] = 'x'.repeat(100_000 + (m.from % 5000));
      break;
    case 'extra-key': {
      const target = parent[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[`k${m.from % 7}`] = m.value;
      else parent[key] = { unexpected: m.value };
      break;
    }
    case 'retime': {
      // A valid change: the file's copy becomes newer or older than the register's.
      const times = all.filter((s) => typeof s.key === 'string' && s.key.endsWith('At'));
      const t = times[m.at % Math.max(1, times.length)];
      if (t) (t.parent as Record<string, Json>)[t.key] = new Date(Date.UTC(2026, 0, 1) + (m.from % 1000) * 86_400_000).toISOString();
      break;
    }
    case 'copy-elsewhere': {
      // Values moved between fields: ids into names, one provider's id into a review, and so on.
      const other = all[m.from % all.length]!;
      parent[key] = structuredClone((other.parent as Record<string | number, Json>)[other.key] ?? null);
      break;
    }
  }
}

test('fuzz: mutated exports give a typed error (register unchanged) or a report, never anything else', async () => {
  const c = clock();
  const source = await freshVetted({ now: c.now });
  const a = unwrap(await source.api['vendor.create']({ name: 'Alpha DB', category: 'database', dataCategories: ['personal-data'], links: { dpa: 'https://alpha.example/dpa' } }));
  const b = unwrap(await source.api['vendor.create']({ name: 'Beta Queue', monthlyCost: 12.5 }));
  for (const vendor of [a, b]) {
    const { review, template } = unwrap(await source.api['review.start']({ vendorId: vendor.id }));
    const yesno = firstQuestion(template, 'yesno');
    const number = firstQuestion(template, 'number');
    const multi = firstQuestion(template, 'multi');
    c.advance();
    unwrap(await source.api['answer.save']({ reviewId: review.id, questionId: yesno.id, value: yesno.options![0]!.id, comment: 'checked' }));
    unwrap(await source.api['answer.save']({ reviewId: review.id, questionId: number.id, value: 12 }));
    unwrap(await source.api['answer.save']({ reviewId: review.id, questionId: multi.id, value: [multi.options![0]!.id] }));
  }
  unwrap(await source.api['settings.update']({ organisation: 'Example Ltd' }));
  const valid = JSON.parse(await exportText(source)) as Json;

  const target = await freshVetted({ now: c.now });
  unwrap(await target.api['vendor.create']({ name: 'alpha db', owner: 'local' }));
  const failures = new Map<string, number>();
  let oks = 0;

  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.boolean(), fc.boolean(), async (mutations, dryRun, truncate) => {
      const data = structuredClone(valid);
      for (const m of mutations) mutate(data, m);
      let text = JSON.stringify(data);
      if (truncate && mutations[0]!.at % 4 === 0) text = text.slice(0, mutations[0]!.from % text.length);
      const before = await dumpAnyRegister(target.file);
      const result = await target.api['register.import']({ text, dryRun });
      if (!result.ok) {
        assert.equal(result.error.code, 'validation', `${result.error.code}: ${result.error.message}`);
        assert.ok(result.error.details && result.error.details.length > 0);
        assert.ok(result.error.details.every((d) => d.path.startsWith('$')), JSON.stringify(result.error.details[0]));
        noStack(result.error.message);
        assert.deepEqual(await dumpAnyRegister(target.file), before, 'nothing written on error');
        const key = result.error.details[0]!.message.slice(0, 30);
        failures.set(key, (failures.get(key) ?? 0) + 1);
      } else {
        oks++;
        assertConsistent(result.value);
        assert.equal(result.value.dryRun, dryRun);
        for (const [, counts] of totals(result.value)) for (const n of Object.values(counts)) assert.ok(Number.isInteger(n) && n >= 0);
        if (dryRun) assert.deepEqual(await dumpAnyRegister(target.file), before, 'a dry run writes nothing');
      }
    }),
    { numRuns: 200 },
  );
  assert.ok(oks >= 5, `some mutated files still import: ${oks}`);
  assert.ok(failures.size > 3, `a variety of errors was seen: ${[...failures.keys()].join(' | ')}`);
});
