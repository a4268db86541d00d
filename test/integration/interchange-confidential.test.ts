// Confidential values through the register export (#17, item 2): the file carries the data key's
// id, salt and check (never the key), so the same passphrase or key file opens them after an
// import; where they cannot be opened, the import says so, names them and never reports "No conflicts".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { keyFileSource, passphraseSource, type KeySource } from '../../electron/core/crypto/key-sources';
import { openVetted, type Vetted } from '../../electron/core/vetted';
import type { ImportReport } from '../../shared/api';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

const PASSPHRASE = 'correct horse battery staple';
const SECRET = 'Pentest found an SQL injection in the billing API (SEC-1234)';
const SECRET_FILE = 'CONFIDENTIAL pentest report: admin password reuse on 3 hosts';

async function open(file: string, keySource: KeySource | null): Promise<Vetted> {
  return await openVetted(file, { keySource, logError: () => {} });
}

/** A register with one confidential comment and one confidential evidence file, and its export. */
async function exported(keySource: KeySource) {
  const dir = tempDir('vetted-conf-src-');
  const vetted = await open(path.join(dir, 'register.db'), keySource);
  const vendor = unwrap(await vetted.api['vendor.create']({ name: 'Ledgerline', category: 'database' }));
  const review = unwrap(await vetted.api['review.start']({ vendorId: vendor.id })).review;
  const template = unwrap(await vetted.api['template.get']({ id: review.templateId }));
  const question = template.sections[0]!.questions.find((q) => q.kind === 'yesno' && !q.showWhen)!;
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, value: question.options![0]!.id, comment: SECRET, confidential: true }));
  const evidence = unwrap(
    await vetted.api['evidence.add']({ vendorId: vendor.id, kind: 'pentest', fileName: 'pentest.txt', base64: Buffer.from(SECRET_FILE).toString('base64'), notes: 'only for the CISO', confidential: true }),
  );
  const file = unwrap(await vetted.api['register.export']({}));
  vetted.close();
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  return { dir, text, vendor, question, evidence };
}

async function commentIn(vetted: Vetted, vendorName: string, questionId: string) {
  const vendor = unwrap(await vetted.api['vendor.list']({})).find((v) => v.name === vendorName)!;
  return unwrap(await vetted.api['review.current']({ vendorId: vendor.id }))!.answers.find((a) => a.questionId === questionId)!;
}

const confidentialConflicts = (report: ImportReport) => report.conflicts.filter((c) => c.kind === 'confidential');

test('the export names the key (id, salt, check, source) and never holds the key or the plain text', async () => {
  const { text } = await exported(passphraseSource(PASSPHRASE));
  const data = JSON.parse(text);
  assert.deepEqual(Object.keys(data.confidential).sort(), ['createdAt', 'kdfSalt', 'keyCheck', 'registerId', 'source']);
  assert.equal(data.confidential.source, 'passphrase');
  assert.match(data.confidential.keyCheck, /^vetted-sealed:v1:/);
  for (const needle of [SECRET, 'SQL injection', SECRET_FILE, 'password reuse', 'only for the CISO']) {
    assert.equal(text.includes(needle), false, `"${needle}" is not in the export`);
  }
});

test('passphrase: imported into a fresh register with the same passphrase, the comments, files and notes open', async () => {
  const { text, question, evidence } = await exported(passphraseSource(PASSPHRASE));
  const target = await open(path.join(tempDir('vetted-conf-dst-'), 'register.db'), passphraseSource(PASSPHRASE));
  const report = unwrap(await target.api['register.import']({ text }));
  assert.equal(report.confidential.key, 'adopted', 'the fresh register takes the file key material');
  assert.deepEqual([report.confidential.locked, report.confidential.keptOut], [0, 0]);
  assert.ok(report.confidential.opened >= 3, `the comment, the file and the notes open: ${JSON.stringify(report.confidential)}`);
  assert.deepEqual(confidentialConflicts(report), []);

  const answer = await commentIn(target, 'Ledgerline', question.id);
  assert.deepEqual([answer.comment, answer.confidential, answer.locked], [SECRET, true, undefined]);
  const file = unwrap(await target.api['evidence.file']({ id: evidence.id }));
  assert.equal(Buffer.from(file.base64, 'base64').toString('utf8'), SECRET_FILE);
  const [listed] = unwrap(await target.api['evidence.list']({}));
  assert.equal(listed!.notes, 'only for the CISO');
  const status = unwrap(await target.api['security.status']({}));
  assert.deepEqual([status.enabled, status.unlocked, status.problem], [true, true, null]);
  target.close();
});

test('passphrase: with a wrong passphrase the import says the comments cannot be opened, names them, and security.status agrees', async () => {
  const { text, question } = await exported(passphraseSource(PASSPHRASE));
  const target = await open(path.join(tempDir('vetted-conf-wrong-'), 'register.db'), passphraseSource('incorrect horse battery staple'));
  const report = unwrap(await target.api['register.import']({ text }));
  assert.equal(report.confidential.key, 'adopted');
  assert.ok(report.confidential.locked >= 3, `counted: ${JSON.stringify(report.confidential)}`);
  const named = confidentialConflicts(report);
  assert.equal(named.length, report.confidential.locked, 'each one named');
  assert.ok(named.some((c) => c.name.includes('Ledgerline') && c.name.includes(question.id)), `the comment is named: ${JSON.stringify(named)}`);
  assert.match(named[0]!.reason, /cannot be opened here/);

  const answer = await commentIn(target, 'Ledgerline', question.id);
  assert.deepEqual([answer.comment, answer.locked], ['', true], 'stored sealed, shown locked');
  const status = unwrap(await target.api['security.status']({}));
  assert.equal(status.unlocked, false);
  assert.match(status.problem ?? '', /wrong key file or passphrase/, 'security.status says what is wrong');
  target.close();

  // The same register opened with the right passphrase later: everything opens.
  const right = await open(target.ctx.dbPath, passphraseSource(PASSPHRASE));
  assert.equal((await commentIn(right, 'Ledgerline', question.id)).comment, SECRET);
  right.close();
});

test('CLI: a wrong passphrase — the import summary counts and names the locked comments instead of "No conflicts"', async () => {
  const { dir, text } = await exported(passphraseSource(PASSPHRASE));
  const json = path.join(dir, 'export.json');
  fs.writeFileSync(json, text);
  const db = path.join(tempDir('vetted-conf-cli-'), 'register.db');
  const run = runCli(['import', json, '--db', db], { VETTED_KEY_FILE: '', VETTED_PASSPHRASE: 'incorrect horse battery staple' });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /No conflicts/);
  assert.match(run.stdout, /Confidential values: This register had no data key and now uses the file's .* 3 imported sealed but cannot be opened in this session/);
  assert.match(run.stdout, /confidential\s+Ledgerline: .*cannot be opened here/);
});

test('another key: the same passphrase with the other register salt re-seals them for this register; another passphrase leaves them out, named', async () => {
  const { text, question } = await exported(passphraseSource(PASSPHRASE));
  const setUpOwnKey = async (passphrase: string) => {
    const vetted = await open(path.join(tempDir('vetted-conf-own-'), 'register.db'), passphraseSource(passphrase));
    // Something confidential of its own, so the register has its own key (its own salt).
    const own = unwrap(await vetted.api['vendor.create']({ name: 'Own Provider', category: 'database' }));
    const review = unwrap(await vetted.api['review.start']({ vendorId: own.id })).review;
    unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, comment: 'ours', confidential: true }));
    return vetted;
  };

  const same = await setUpOwnKey(PASSPHRASE);
  const report = unwrap(await same.api['register.import']({ text }));
  assert.equal(report.confidential.key, 'other');
  assert.ok(report.confidential.resealed >= 3, `sealed again: ${JSON.stringify(report.confidential)}`);
  assert.deepEqual(confidentialConflicts(report), []);
  assert.equal((await commentIn(same, 'Ledgerline', question.id)).comment, SECRET);
  assert.equal((await commentIn(same, 'Own Provider', question.id)).comment, 'ours');
  same.close();

  const other = await setUpOwnKey('a different passphrase entirely');
  const left = unwrap(await other.api['register.import']({ text }));
  assert.equal(left.confidential.key, 'other');
  assert.equal(left.confidential.resealed, 0);
  assert.ok(left.confidential.keptOut >= 1, `left out: ${JSON.stringify(left.confidential)}`);
  const named = confidentialConflicts(left);
  assert.equal(named.length, left.confidential.keptOut);
  assert.ok(named.every((c) => /left out/.test(c.reason)), JSON.stringify(named));
  const answer = await commentIn(other, 'Ledgerline', question.id);
  assert.equal(answer.comment, '', 'the comment was left out, not stored unreadable');
  const status = unwrap(await other.api['security.status']({}));
  assert.deepEqual([status.unlocked, status.problem], [true, null], 'nothing here is locked: what could not be opened was left out');
  other.close();
});

test('key file: the same key file opens the import; a dry run adopts nothing', async () => {
  const keyFile = path.join(tempDir('vetted-conf-keys-'), 'register.key');
  const { text, question } = await exported(keyFileSource(() => keyFile));
  const target = await open(path.join(tempDir('vetted-conf-kf-'), 'register.db'), keyFileSource(() => keyFile));
  const dry = unwrap(await target.api['register.import']({ text, dryRun: true }));
  assert.equal(dry.confidential.key, 'adopted');
  assert.equal(unwrap(await target.api['security.status']({})).enabled, false, 'the dry run rolled the adopted key back');
  unwrap(await target.api['register.import']({ text }));
  assert.equal((await commentIn(target, 'Ledgerline', question.id)).comment, SECRET);
  target.close();
});

test('a provider matched by name: its confidential comment is sealed again for the register provider, and opens', async () => {
  const { text, question, vendor } = await exported(passphraseSource(PASSPHRASE));
  const target = await open(path.join(tempDir('vetted-conf-name-'), 'register.db'), passphraseSource(PASSPHRASE));
  const local = unwrap(await target.api['vendor.create']({ name: 'LEDGERLINE', category: 'database' }));
  assert.notEqual(local.id, vendor.id, 'the same provider under another id');
  const report = unwrap(await target.api['register.import']({ text }));
  assert.equal(report.confidential.key, 'adopted');
  assert.ok(report.confidential.resealed >= 1, `the comment follows its provider: ${JSON.stringify(report.confidential)}`);
  assert.deepEqual(confidentialConflicts(report), []);
  const answer = unwrap(await target.api['review.current']({ vendorId: local.id }))!.answers.find((a) => a.questionId === question.id)!;
  assert.equal(answer.comment, SECRET);
  target.close();
});

test('a register with providers of its own and no key does not adopt a key it cannot open: the values are left out, named, and it can still make its own key', async () => {
  const { text } = await exported(passphraseSource(PASSPHRASE));
  const target = await open(path.join(tempDir('vetted-conf-noadopt-'), 'register.db'), passphraseSource('incorrect horse battery staple'));
  unwrap(await target.api['vendor.create']({ name: 'Already here', category: 'database' }));
  const report = unwrap(await target.api['register.import']({ text }));
  assert.equal(report.confidential.key, 'other', 'the file key is not taken over');
  assert.ok(report.confidential.keptOut >= 2, `left out and counted: ${JSON.stringify(report.confidential)}`);
  assert.equal(confidentialConflicts(report).length, report.confidential.keptOut, 'each one named');
  assert.equal(await target.ctx.keys.material(), null, 'no key named in the register');
  assert.ok((await target.ctx.keys.writeKey()).length > 0, 'the register still makes its own key');
  target.close();
});

test('a register id that is not a UUID (a path) is refused by the import, naming the field, and never reaches a key file name', async () => {
  const { text } = await exported(passphraseSource(PASSPHRASE));
  const data = JSON.parse(text);
  data.confidential.registerId = '../../../../tmp/elsewhere';
  const target = await open(path.join(tempDir('vetted-conf-id-'), 'register.db'), passphraseSource(PASSPHRASE));
  const refused = await target.api['register.import']({ text: JSON.stringify(data) });
  assert.ok(!refused.ok && refused.error.code === 'validation', 'refused as bad input');
  assert.match(refused.ok ? '' : refused.error.message, /confidential\.registerId/, 'the message names the field');
  assert.equal(await target.ctx.keys.material(), null, 'nothing adopted');
  assert.throws(() => keyFileSource((id) => path.join(tempDir(), id)).load('../x', Buffer.alloc(16)), /not a register id/, 'a key source refuses it too');
  target.close();
});
