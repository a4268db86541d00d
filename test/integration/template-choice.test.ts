// Which template a new review uses (issue #13): a template named explicitly, else the previous
// review's (reassessment), else the category's default in Settings, else the built-in one — on a
// real register through the API, and through the real CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_TEMPLATE_ID } from '../../shared/templates';
import { runCli } from '../helpers/cli';
import { dumpAnyRegister } from '../helpers/db-dump';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { templateText } from '../helpers/template-file';
import { freshVetted, unwrap } from '../helpers/vetted';
import { openVetted } from '../../electron/core/vetted';

async function registerWithTemplates() {
  const vetted = await freshVetted();
  const { api } = vetted;
  unwrap(await api['template.import']({ text: templateText('db-review', 'Database review') }));
  unwrap(await api['template.import']({ text: templateText('db-review', 'Database review', 2) }));
  unwrap(await api['template.import']({ text: templateText('saas-lite', 'SaaS lite') }));
  return vetted;
}

describe('the template of a new review', () => {
  test('explicit > category default > built-in, always the newest version', async () => {
    const { api } = await registerWithTemplates();
    unwrap(await api['settings.update']({ defaultTemplates: { database: 'db-review' } }));

    // Category default: a database provider's first review (started lazily, no id named).
    const pg = unwrap(await api['vendor.create']({ name: 'Tidewater Postgres', category: 'database' }));
    assert.equal(unwrap(await api['review.current']({ vendorId: pg.id })), null, 'no review before the first answer');
    const forPg = unwrap(await api['review.templateFor']({ vendorId: pg.id }));
    assert.deepEqual([forPg.template.id, forPg.template.version, forPg.source], ['db-review', 2, 'category']);
    const pgReview = unwrap(await api['review.start']({ vendorId: pg.id }));
    assert.deepEqual([pgReview.review.templateId, pgReview.review.templateVersion], ['db-review', 2]);

    // No default for the category: the built-in template.
    const mq = unwrap(await api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
    const forMq = unwrap(await api['review.templateFor']({ vendorId: mq.id }));
    assert.deepEqual([forMq.template.id, forMq.source], [DEFAULT_TEMPLATE_ID, 'built-in']);
    assert.equal(unwrap(await api['review.start']({ vendorId: mq.id })).review.templateId, DEFAULT_TEMPLATE_ID);

    // Explicit wins over the category default, on review.start and on vendor.create.
    const other = unwrap(await api['vendor.create']({ name: 'Cellar DB', category: 'database' }));
    const forOther = unwrap(await api['review.templateFor']({ vendorId: other.id, templateId: 'saas-lite' }));
    assert.deepEqual([forOther.template.id, forOther.source], ['saas-lite', 'chosen']);
    assert.equal(unwrap(await api['review.start']({ vendorId: other.id, templateId: 'saas-lite' })).review.templateId, 'saas-lite');
    const created = unwrap(await api['vendor.create']({ name: 'Vault DB', category: 'database', templateId: DEFAULT_TEMPLATE_ID }));
    assert.ok(!('templateId' in created), 'the provider does not carry the template id');
    const first = unwrap(await api['review.current']({ vendorId: created.id }));
    assert.ok(first, 'vendor.create with a templateId starts the first review');
    assert.deepEqual([first.review.templateId, first.review.status, first.answers.length], [DEFAULT_TEMPLATE_ID, 'draft', 0]);
    const v2 = unwrap(await api['vendor.create']({ name: 'Deep DB', category: 'other', templateId: 'db-review' }));
    assert.equal(unwrap(await api['review.current']({ vendorId: v2.id }))!.review.templateVersion, 2, 'the newest version');
  });

  test('a reassessment keeps the decided review’s template and answers; another template starts empty', async () => {
    const { api } = await registerWithTemplates();
    unwrap(await api['settings.update']({ userName: 'Ada', defaultTemplates: { database: 'db-review' } }));
    const vendor = unwrap(await api['vendor.create']({ name: 'Tidewater Postgres', category: 'database' }));
    const started = unwrap(await api['review.start']({ vendorId: vendor.id }));
    unwrap(await api['answer.save']({ reviewId: started.review.id, questionId: 'db_review_q1', value: 'yes' }));
    unwrap(await api['review.transition']({ reviewId: started.review.id, to: 'in_review' }));
    unwrap(await api['review.transition']({ reviewId: started.review.id, to: 'approved' }));

    // The category default changes; the reassessment still continues on the decided review's template.
    unwrap(await api['settings.update']({ defaultTemplates: { database: 'saas-lite' } }));
    assert.equal(unwrap(await api['review.templateFor']({ vendorId: vendor.id })).source, 'previous');
    const next = unwrap(await api['review.start']({ vendorId: vendor.id }));
    assert.equal(next.review.templateId, 'db-review');
    assert.deepEqual(next.answers.map((a) => a.questionId), ['db_review_q1'], 'the answers carried over');
    unwrap(await api['review.transition']({ reviewId: next.review.id, to: 'in_review' }));
    unwrap(await api['review.transition']({ reviewId: next.review.id, to: 'approved' }));

    const other = unwrap(await api['review.start']({ vendorId: vendor.id, templateId: 'saas-lite' }));
    assert.deepEqual([other.review.templateId, other.answers.length], ['saas-lite', 0]);
  });

  test('an open review: the same template (or none named) returns it; another template is a conflict that writes nothing', async () => {
    const vetted = await registerWithTemplates();
    const { api } = vetted;
    const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
    const open = unwrap(await api['review.start']({ vendorId: vendor.id }));
    assert.equal(unwrap(await api['review.start']({ vendorId: vendor.id })).review.id, open.review.id);
    assert.equal(unwrap(await api['review.start']({ vendorId: vendor.id, templateId: DEFAULT_TEMPLATE_ID })).review.id, open.review.id);
    const before = await dumpAnyRegister(vetted.file);
    const refused = await api['review.start']({ vendorId: vendor.id, templateId: 'saas-lite' });
    assert.ok(!refused.ok, 'another template while a review is open is refused');
    assert.equal(refused.error.code, 'conflict');
    assert.match(refused.error.message, /^Burrow MQ already has an open review \(draft\) on “Infrastructure provider review” \(infrastructure-provider v\d+\): decide it before starting one on “SaaS lite” \(saas-lite\)\.$/);
    assert.deepEqual(await dumpAnyRegister(vetted.file), before, 'nothing was written');
  });

  test('an unknown template id is a validation error naming templateId and listing the known ids; nothing is created', async () => {
    const vetted = await registerWithTemplates();
    const { api } = vetted;
    const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ' }));
    const before = await dumpAnyRegister(vetted.file);
    const known = `known: db-review, ${DEFAULT_TEMPLATE_ID}, saas-lite`;
    for (const result of [
      await api['review.start']({ vendorId: vendor.id, templateId: 'ghost' }),
      await api['review.templateFor']({ vendorId: vendor.id, templateId: 'ghost' }),
      await api['vendor.create']({ name: 'Phantom DB', category: 'database', templateId: 'ghost' }),
    ]) {
      assert.ok(!result.ok, 'refused');
      assert.equal(result.error.code, 'validation');
      assert.equal(result.error.message, `templateId: no template with id "ghost" in the register (${known})`);
      assert.deepEqual(result.error.details, [{ path: 'templateId', message: `no template with id "ghost" in the register (${known})` }]);
    }
    assert.deepEqual(await dumpAnyRegister(vetted.file), before, 'no provider, no review');
    // The name is checked too, in the same transaction: a taken name with a good template creates no review.
    const taken = await api['vendor.create']({ name: 'burrow mq', templateId: 'saas-lite' });
    assert.ok(!taken.ok && taken.error.code === 'conflict', 'a duplicate name is refused');
    assert.deepEqual(await dumpAnyRegister(vetted.file), before, 'still nothing');
  });
});

describe('Settings: a default template per provider category', () => {
  test('saved, read back and replaced as a whole; an unknown id is refused naming defaultTemplates.<category>', async () => {
    const vetted = await registerWithTemplates();
    const { api } = vetted;
    assert.deepEqual(unwrap(await api['settings.get']({})).defaultTemplates, {}, 'empty by default: the built-in template');
    const saved = unwrap(await api['settings.update']({ defaultTemplates: { database: 'db-review', hosting: 'saas-lite' } }));
    assert.deepEqual(saved.defaultTemplates, { database: 'db-review', hosting: 'saas-lite' });
    assert.deepEqual(unwrap(await api['settings.update']({ defaultTemplates: { hosting: 'saas-lite' } })).defaultTemplates, { hosting: 'saas-lite' });

    const before = await dumpAnyRegister(vetted.file);
    const unknown = await api['settings.update']({ organisation: 'Example Ltd', defaultTemplates: { logging: 'ghost' } });
    assert.ok(!unknown.ok, 'an unknown template is refused');
    assert.equal(unknown.error.code, 'validation');
    assert.match(unknown.error.message, /^defaultTemplates\.logging: no template with id "ghost" in the register \(known: db-review, infrastructure-provider, saas-lite\)$/);
    assert.equal(unknown.error.details?.[0]?.path, 'defaultTemplates.logging');
    const badCategory = await api['settings.update']({ defaultTemplates: { mainframe: 'saas-lite' } as never });
    assert.ok(!badCategory.ok && badCategory.error.code === 'validation', 'an unknown category is refused');
    assert.match(badCategory.error.message, /^defaultTemplates/);
    const empty = await api['settings.update']({ defaultTemplates: { database: ' ' } });
    assert.ok(!empty.ok && empty.error.details?.[0]?.path === 'defaultTemplates.database', 'an empty id is refused, naming the category');
    assert.deepEqual(await dumpAnyRegister(vetted.file), before, 'nothing was saved, not even the organisation');
  });

  test('the register export carries the default and its template; an import into another register takes both', async () => {
    const source = await registerWithTemplates();
    unwrap(await source.api['settings.update']({ defaultTemplates: { database: 'db-review' } }));
    const file = unwrap(await source.api['register.export']({}));
    const data = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
      settings: { defaultTemplates: Record<string, string> };
      templates: { id: string; version: number }[];
    };
    assert.deepEqual(data.settings.defaultTemplates, { database: 'db-review' });
    assert.deepEqual(data.templates.map((t) => `${t.id}@${t.version}`), ['db-review@2'], 'the default’s newest version, though no review uses it');

    const target = await freshVetted();
    const report = unwrap(await target.api['register.import']({ text: Buffer.from(file.base64, 'base64').toString('utf8') }));
    assert.equal(report.templates.added, 1);
    assert.deepEqual(unwrap(await target.api['settings.get']({})).defaultTemplates, { database: 'db-review' });
    const vendor = unwrap(await target.api['vendor.create']({ name: 'Tidewater Postgres', category: 'database' }));
    assert.equal(unwrap(await target.api['review.templateFor']({ vendorId: vendor.id })).template.id, 'db-review');

    // A file whose default names a template neither it nor the register holds: that setting is a conflict, kept.
    const orphan = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as typeof data;
    orphan.templates = [];
    orphan.settings.defaultTemplates = { hosting: 'nowhere' };
    const third = await freshVetted();
    const refused = unwrap(await third.api['register.import']({ text: JSON.stringify(orphan) }));
    assert.deepEqual(refused.conflicts.map((c) => [c.kind, c.id]), [['setting', 'defaultTemplates']]);
    assert.match(refused.conflicts[0]!.reason, /neither in the file nor in the register \(nowhere\)/);
    assert.deepEqual(unwrap(await third.api['settings.get']({})).defaultTemplates, {});
  });
});

describe('the CLI', () => {
  function ok(args: string[]) {
    const run = runCli(args);
    assert.equal(run.status, 0, `${args.join(' ')}\n${run.stderr}`);
    return run;
  }
  function setup(): string {
    const dir = tempDir();
    const db = tempDbPath();
    fs.writeFileSync(path.join(dir, 'db.json'), templateText('db-review', 'Database review'));
    ok(['template', 'import', path.join(dir, 'db.json'), '--db', db]);
    return db;
  }

  test('vendor add --template starts the first review on it; an unknown id exits 2 naming templateId and creates nothing', async () => {
    const db = setup();
    const added = ok(['vendor', 'add', 'Cellar DB', '--category', 'database', '--template', 'db-review', '--db', db]);
    assert.match(added.stdout, /^Added Cellar DB \([0-9a-f-]+\); its first review starts on “Database review” \(db-review v1\)\n$/);
    const history = ok(['history', 'Cellar DB', '--db', db]);
    assert.match(history.stdout, /\(db-review v1\): draft/i);
    // Its questions are the template's: answer says so, and knows them.
    assert.match(ok(['answer', 'Cellar DB', 'db_review_q1', 'yes', '--db', db]).stdout, /^Saved Cellar DB \/ db_review_q1 = Yes;/);

    const before = await dumpAnyRegister(db);
    const bad = runCli(['vendor', 'add', 'Phantom DB', '--template', 'ghost', '--db', db]);
    assert.equal(bad.status, 2, bad.stderr);
    assert.equal(bad.stderr, 'vetted: --template: no template with id "ghost" in the register (known: db-review, infrastructure-provider)\n');
    assert.deepEqual(await dumpAnyRegister(db), before, 'nothing was created');
  });

  test('answer starts the first review on the category default from Settings', async () => {
    const db = setup();
    // No CLI command sets it: the API on the same file, closed before the CLI opens it.
    const direct = await openVetted(db, { logError: () => {} });
    try {
      unwrap(await direct.api['settings.update']({ defaultTemplates: { database: 'db-review' } }));
    } finally {
      direct.close();
    }
    ok(['vendor', 'add', 'Tidewater Postgres', '--category', 'database', '--db', db]);
    assert.match(ok(['answer', 'Tidewater Postgres', 'db_review_q1', 'no', '--db', db]).stdout, /^Saved Tidewater Postgres \/ db_review_q1 = No;/);
    assert.match(ok(['history', 'Tidewater Postgres', '--db', db]).stdout, /\(db-review v1\)/);
    // A question of the built-in template is not in it: the message names the template.
    const wrong = runCli(['answer', 'Tidewater Postgres', 'sec_encryption_at_rest', 'yes', '--db', db]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /question "sec_encryption_at_rest" is not in template db-review/);
  });

  test('review new --template: a new review on it; an open review on another template is a conflict (exit 2, nothing written)', async () => {
    const db = setup();
    ok(['vendor', 'add', 'Burrow MQ', '--category', 'message-queue', '--db', db]);
    const first = ok(['review', 'new', 'Burrow MQ', '--template', 'db-review', '--db', db]);
    assert.match(first.stdout, /^Started review [0-9a-f]{8} of Burrow MQ \(draft\)\.\nQuestionnaire: “Database review” \(db-review v1\)\.\n$/);
    const again = ok(['review', 'new', 'Burrow MQ', '--template', 'db-review', '--db', db]);
    assert.match(again.stdout, /^Burrow MQ already has an open review [0-9a-f]{8} \(Draft\): nothing started\.\nQuestionnaire: “Database review” \(db-review v1\)\.\n$/);

    const before = await dumpAnyRegister(db);
    const refused = runCli(['review', 'new', 'Burrow MQ', '--template', DEFAULT_TEMPLATE_ID, '--db', db]);
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /^vetted: Burrow MQ already has an open review \(draft\) on “Database review” \(db-review v1\): decide it before starting one on “Infrastructure provider review” \(infrastructure-provider\)\.\n$/);
    const unknown = runCli(['review', 'new', 'Burrow MQ', '--template', 'ghost', '--db', db]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^vetted: templateId: no template with id "ghost" in the register \(known: db-review, infrastructure-provider\)\n$/);
    assert.deepEqual(await dumpAnyRegister(db), before, 'nothing was written');

    // Decided: the next review on another template starts empty, and says so.
    ok(['answer', 'Burrow MQ', 'db_review_q1', 'yes', '--db', db]);
    ok(['review', 'submit', 'Burrow MQ', '--by', 'Ada', '--db', db]);
    ok(['review', 'approve', 'Burrow MQ', '--by', 'Ada', '--db', db]);
    const next = ok(['review', 'new', 'Burrow MQ', '--template', DEFAULT_TEMPLATE_ID, '--db', db]);
    assert.match(next.stdout, /\(draft, empty: answers carry over only to the same template\)\.\nQuestionnaire: “Infrastructure provider review” \(infrastructure-provider v\d+\)\.\n$/);
  });

  test('the help names --template for vendor add and review new', () => {
    const help = ok(['--help']).stdout;
    assert.match(help, /vetted vendor add NAME [^]*?\[--template ID\][^]*?the fee is N/);
    assert.match(help, /vetted review new VENDOR \[--template ID\]/);
  });
});
