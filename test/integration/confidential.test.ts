// Confidential comments and evidence: sealed with AES-256-GCM under a key kept outside the
// register (a 0600 key file or a passphrase here; the OS keychain in the desktop app).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { registerAuditFunctions } from '../../electron/core/db/audit-chain';
import { keyFileSource, passphraseSource, type KeySource } from '../../electron/core/crypto/key-sources';
import { openVetted, type Vetted } from '../../electron/core/vetted';
import { runCli } from '../helpers/cli';
import { pdfText, savePdf } from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

const SECRET = 'Pentest found an SQL injection in the billing API — ticket SEC-1234';
const SECRET_FILE = 'CONFIDENTIAL pentest report: admin password reuse on 3 hosts';

async function open(file: string, keySource: KeySource | null): Promise<Vetted> {
  return await openVetted(file, { keySource, logError: () => {} });
}

/** Every byte SQLite keeps for a register: the file and its write-ahead log. */
function registerBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

async function setUp(dir: string, keySource: KeySource | null) {
  const file = path.join(dir, 'register.db');
  const vetted = await open(file, keySource);
  const vendor = unwrap(await vetted.api['vendor.create']({ name: 'Ledgerline', category: 'database' }));
  const review = unwrap(await vetted.api['review.start']({ vendorId: vendor.id })).review;
  const template = unwrap(await vetted.api['template.get']({ id: review.templateId }));
  const question = template.sections[0]!.questions.find((q) => q.kind === 'yesno' && !q.showWhen)!;
  return { file, vetted, vendor, review, question };
}

test('a confidential comment is stored sealed: no plaintext in the register, the WAL or the audit trail', async () => {
  const dir = tempDir();
  const keyFile = path.join(tempDir(), 'keys', 'ledgerline.key');
  const { file, vetted, review, question } = await setUp(dir, keyFileSource(() => keyFile));
  const saved = unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, comment: SECRET, confidential: true }));
  assert.deepEqual([saved.comment, saved.confidential, saved.locked], [SECRET, true, undefined]);
  const current = unwrap(await vetted.api['review.current']({ vendorId: review.vendorId }))!;
  assert.equal(current.answers.find((a) => a.questionId === question.id)!.comment, SECRET);

  // The key file was made outside the register, readable by its owner only.
  assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
  assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.key')));
  const status = unwrap(await vetted.api['security.status']({}));
  assert.deepEqual([status.enabled, status.unlocked, status.source, status.problem], [true, true, 'key-file', null]);

  for (const needle of [SECRET, 'SQL injection', 'SEC-1234']) {
    assert.equal(registerBytes(file).includes(Buffer.from(needle)), false, `"${needle}" is in the register bytes`);
  }
  vetted.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  assert.equal(registerBytes(file).includes(Buffer.from('SQL injection')), false);
  const audit = unwrap(await vetted.api['audit.export']({}));
  assert.equal(Buffer.from(audit.base64, 'base64').includes(Buffer.from('SQL injection')), false);
  vetted.close();
});

test('without the key, confidential comments are locked and nothing else breaks; a wrong key is named as such', async () => {
  const dir = tempDir();
  const keys = tempDir();
  const rightKey = keyFileSource(() => path.join(keys, 'right.key'));
  const { file, vetted, review, question } = await setUp(dir, rightKey);
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, value: question.options![0]!.id, comment: SECRET, confidential: true }));
  vetted.close();

  // A different key file: the register says so, and confidential comments show as locked.
  const wrongFile = path.join(keys, 'wrong.key');
  fs.writeFileSync(wrongFile, 'ab'.repeat(32), { mode: 0o600 });
  const wrong = await open(file, keyFileSource(() => wrongFile));
  const status = unwrap(await wrong.api['security.status']({}));
  assert.equal(status.unlocked, false);
  assert.match(status.problem ?? '', /does not open this register's confidential data/);
  const locked = unwrap(await wrong.api['review.current']({ vendorId: review.vendorId }))!.answers.find((a) => a.questionId === question.id)!;
  assert.deepEqual([locked.comment, locked.locked, locked.confidential], ['', true, true]);
  // Values and N/A still save; the sealed comment is kept as it was.
  const sealedBefore = (await wrong.ctx.reviews.answer(review.id, question.id))!.comment;
  unwrap(await wrong.api['answer.save']({ reviewId: review.id, questionId: question.id, value: question.options![1]!.id }));
  assert.equal((await wrong.ctx.reviews.answer(review.id, question.id))!.comment, sealedBefore);
  // Changing the comment or its mark needs the key: a typed 'locked' error, nothing written.
  for (const change of [{ comment: 'new text' }, { confidential: false }]) {
    const refused = await wrong.api['answer.save']({ reviewId: review.id, questionId: question.id, ...change });
    assert.equal(!refused.ok && refused.error.code, 'locked', JSON.stringify(change));
  }
  assert.equal((await wrong.ctx.reviews.answer(review.id, question.id))!.comment, sealedBefore);
  // Scores, lists and the register export still work.
  assert.ok(unwrap(await wrong.api['vendor.list']({})).length === 1);
  assert.ok(unwrap(await wrong.api['score.get']({ vendorId: review.vendorId })));
  wrong.close();

  // No key source at all (and a missing key file): locked, with where it looked.
  const missing = await open(file, keyFileSource(() => path.join(keys, 'absent.key')));
  assert.match(unwrap(await missing.api['security.status']({})).problem ?? '', /not on this machine .*absent\.key/);
  missing.close();

  // The right key again: everything is there.
  const right = await open(file, rightKey);
  const opened = unwrap(await right.api['review.current']({ vendorId: review.vendorId }))!.answers.find((a) => a.questionId === question.id)!;
  assert.deepEqual([opened.comment, opened.locked], [SECRET, undefined]);
  // Un-marking it stores the text plain again.
  unwrap(await right.api['answer.save']({ reviewId: review.id, questionId: question.id, confidential: false }));
  assert.equal((await right.ctx.reviews.answer(review.id, question.id))!.comment, SECRET);
  right.close();
});

test('a tampered ciphertext is detected: the comment shows as locked, never as altered text', async () => {
  const { file, vetted, review, question } = await setUp(tempDir(), keyFileSource(() => path.join(tempDir(), 'k.key')));
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, comment: SECRET, confidential: true }));
  const sealed = (await vetted.ctx.reviews.answer(review.id, question.id))!.comment;
  const raw = Buffer.from(sealed.slice('vetted-sealed:v1:'.length), 'base64');
  raw[raw.length - 1]! ^= 0x01;
  // A raw connection writes an audited table only with the audit chain's functions (migration 008).
  const db = new Database(file);
  registerAuditFunctions(db);
  db.prepare('UPDATE answers SET comment = ? WHERE review_id = ? AND question_id = ?').run(`vetted-sealed:v1:${raw.toString('base64')}`, review.id, question.id);
  db.close();
  const answer = unwrap(await vetted.api['review.current']({ vendorId: review.vendorId }))!.answers.find((a) => a.questionId === question.id)!;
  assert.deepEqual([answer.comment, answer.locked], ['', true]);

  // A sealed comment copied to another question does not open there either (the record id is bound in).
  const other = unwrap(await vetted.api['template.get']({ id: review.templateId })).sections[0]!.questions.find((q) => q.id !== question.id && !q.showWhen)!;
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: other.id, comment: 'x', confidential: true }));
  const db2 = new Database(file);
  registerAuditFunctions(db2);
  db2.prepare('UPDATE answers SET comment = ? WHERE review_id = ? AND question_id = ?').run(sealed, review.id, other.id);
  db2.close();
  const moved = unwrap(await vetted.api['review.current']({ vendorId: review.vendorId }))!.answers.find((a) => a.questionId === other.id)!;
  assert.deepEqual([moved.comment, moved.locked], ['', true]);
  vetted.close();
});

test('a passphrase-derived key opens the register again; a wrong passphrase is named', async () => {
  const dir = tempDir();
  const { file, vetted, review, question } = await setUp(dir, passphraseSource('correct horse battery staple'));
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, comment: SECRET, confidential: true }));
  vetted.close();
  const again = await open(file, passphraseSource('correct horse battery staple'));
  assert.equal(unwrap(await again.api['review.current']({ vendorId: review.vendorId }))!.answers[0]!.comment, SECRET);
  again.close();
  const wrong = await open(file, passphraseSource('incorrect horse battery staple'));
  const status = unwrap(await wrong.api['security.status']({}));
  assert.match(status.problem ?? '', /does not open .*passphrase/);
  wrong.close();
  assert.throws(() => passphraseSource('short'), /at least 8 characters/);
});

test('a key file other users can read is refused with the command that fixes it', async () => {
  const keyFile = path.join(tempDir(), 'loose.key');
  const { vetted, review, question } = await setUp(tempDir(), keyFileSource(() => keyFile));
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, comment: SECRET, confidential: true }));
  vetted.close();
  fs.chmodSync(keyFile, 0o644);
  const loose = await open(path.join(path.dirname(vetted.ctx.dbPath), 'register.db'), keyFileSource(() => keyFile));
  assert.match(unwrap(await loose.api['security.status']({})).problem ?? '', /can be read by other users; run: chmod 600/);
  loose.close();
});

test('confidential evidence: the file and its notes are sealed, read back intact with the key, locked without it', async () => {
  const dir = tempDir();
  const key = keyFileSource(() => path.join(tempDir(), 'e.key'));
  const { file, vetted, vendor } = await setUp(dir, key);
  const added = unwrap(
    await vetted.api['evidence.add']({
      vendorId: vendor.id,
      kind: 'pentest',
      fileName: 'pentest-2026.txt',
      base64: Buffer.from(SECRET_FILE).toString('base64'),
      notes: 'Retest booked for March; contact Dana',
      confidential: true,
    }),
  );
  assert.deepEqual([added.confidential, added.notes], [true, 'Retest booked for March; contact Dana']);
  vetted.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  for (const needle of ['admin password reuse', 'Retest booked']) assert.equal(registerBytes(file).includes(Buffer.from(needle)), false, needle);
  assert.equal(Buffer.from(unwrap(await vetted.api['evidence.file']({ id: added.id })).base64, 'base64').toString(), SECRET_FILE);
  // Notes edited later are sealed too.
  const edited = unwrap(await vetted.api['evidence.update']({ id: added.id, patch: { notes: 'Retest moved to April; ask Dana' } }));
  assert.equal(edited.notes, 'Retest moved to April; ask Dana');
  vetted.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  assert.equal(registerBytes(file).includes(Buffer.from('Retest moved')), false);
  vetted.close();

  const locked = await open(file, null);
  const listed = unwrap(await locked.api['evidence.list']({ vendorId: vendor.id }))[0]!;
  assert.deepEqual([listed.notes, listed.locked, listed.fileName], ['', true, 'pentest-2026.txt']);
  const refused = await locked.api['evidence.file']({ id: added.id });
  assert.equal(!refused.ok && refused.error.code, 'locked');
  locked.close();
});

test('the register export carries a confidential comment sealed, never in plain text', async () => {
  const { vetted, review, question } = await setUp(tempDir(), keyFileSource(() => path.join(tempDir(), 'x.key')));
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, comment: SECRET, confidential: true }));
  const text = Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8');
  assert.equal(text.includes('SQL injection'), false);
  const exported = (JSON.parse(text) as { answers: { questionId: string; comment: string; commentConfidential?: boolean }[] }).answers.find((a) => a.questionId === question.id)!;
  assert.equal(exported.commentConfidential, true);
  assert.match(exported.comment, /^vetted-sealed:v1:/);
  // Into a register without that key: kept sealed, shown locked.
  const other = await open(path.join(tempDir(), 'other.db'), null);
  unwrap(await other.api['register.import']({ text }));
  const imported = unwrap(await other.api['review.current']({ vendorId: review.vendorId }))!.answers.find((a) => a.questionId === question.id)!;
  assert.deepEqual([imported.comment, imported.locked], ['', true]);
  other.close();
  vetted.close();
});

test('the review report leaves confidential comments out unless asked, and says so', async () => {
  const { vetted, review, question } = await setUp(tempDir(), keyFileSource(() => path.join(tempDir(), 'r.key')));
  unwrap(await vetted.api['answer.save']({ reviewId: review.id, questionId: question.id, value: question.options![0]!.id, comment: SECRET, confidential: true }));
  const text = async (includeConfidential: boolean) => {
    const file = unwrap(await vetted.api['report.vendor']({ vendorId: review.vendorId, includeConfidential, draft: true }));
    return pdfText(savePdf(Buffer.from(file.base64, 'base64'))).replace(/\s+/g, ' ');
  };
  const shared = await text(false);
  assert.equal(shared.includes('SQL injection'), false);
  assert.match(shared, /Comment: Confidential: left out of this report\./);
  const internal = await text(true);
  assert.match(internal, /Comment \(confidential\): Pentest found an SQL injection/);
  vetted.close();
});

test('the CLI keeps a confidential comment sealed with the key file named in VETTED_KEY_FILE', () => {
  const dir = tempDir();
  const db = path.join(dir, 'cli.db');
  const env = { VETTED_KEY_FILE: path.join(tempDir(), 'cli.key') };
  assert.equal(runCli(['vendor', 'add', 'Ledgerline', '--category', 'database', '--db', db], env).status, 0);
  const saved = runCli(['answer', 'Ledgerline', 'sec_encryption_at_rest', 'yes', '--comment', SECRET, '--confidential', '--db', db], env);
  assert.equal(saved.status, 0, saved.stderr);
  assert.equal(fs.statSync(env.VETTED_KEY_FILE).mode & 0o777, 0o600);
  assert.equal(registerBytes(db).includes(Buffer.from('SQL injection')), false);
  // With the key, the report may include it. Without the key file, asking for confidential comments
  // is refused (exit 2, nothing written): a report silently without them would read as complete.
  // Not asking for them, the report works and says what it left out.
  const pdf = path.join(dir, 'r.pdf');
  assert.equal(runCli(['report', 'Ledgerline', '--out', pdf, '--draft', '--include-confidential', '--db', db], env).status, 0);
  assert.match(pdfText(pdf).replace(/\s+/g, ' '), /SQL injection/);
  const noKey = { VETTED_KEY_FILE: path.join(dir, 'absent.key') };
  const refusedPdf = path.join(dir, 'refused.pdf');
  const refused = runCli(['report', 'Ledgerline', '--out', refusedPdf, '--draft', '--include-confidential', '--db', db], noKey);
  assert.equal(refused.status, 2, `asking for confidential comments without the key is refused:\n${refused.stdout}${refused.stderr}`);
  assert.match(refused.stderr, /1 of them cannot be opened[\s\S]*Nothing was written/, refused.stderr);
  assert.equal(fs.existsSync(refusedPdf), false, 'no file was written');
  const without = runCli(['report', 'Ledgerline', '--out', pdf, '--draft', '--db', db], noKey);
  assert.equal(without.status, 0, without.stderr);
  assert.doesNotMatch(pdfText(pdf).replace(/\s+/g, ' '), /SQL injection/);
});
