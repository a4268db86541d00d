// Template import and export through the real CLI and the API, on real registers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Template } from '../../shared/domain/template';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { exportTemplateJson } from '../../shared/templates/format';
import { REPO_ROOT, runCli } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { tempDbPath, tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

const FIXTURES = path.resolve(REPO_ROOT, 'test/fixtures/vsaq');
const fixture = (name: string) => path.join(FIXTURES, name);
const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+/, `stack trace leaked:\n${s}`);

function ok(args: string[]) {
  const run = runCli(args);
  assert.equal(run.status, 0, `${args.join(' ')}\n${run.stderr}`);
  return run;
}

describe('vetted template import / list / export', () => {
  test('a VSAQ import round-trips: export → import into an empty register → export gives the same file', () => {
    const dir = tempDir();
    const first = tempDbPath();
    const imported = ok(['template', 'import', fixture('test_template.json'), '--extension', fixture('test_template_extension.json'), '--db', first]);
    assert.match(imported.stdout, /^Imported vsaq-test_template v1 “My questionnaire” \(4 sections, 4 questions\)\n$/);
    ok(['template', 'import', fixture('webapp.json'), '--id', 'webapp', '--db', first]);

    const list = JSON.parse(ok(['template', 'list', '--json', '--db', first]).stdout) as { id: string; version: number; builtIn: boolean }[];
    assert.deepEqual(
      list.filter((t) => !t.builtIn).map((t) => [t.id, t.version]).sort(),
      [['vsaq-test_template', 1], ['webapp', 1]],
    );
    assert.match(ok(['template', 'list', '--db', first]).stdout, /webapp\s+1\s+Web Application Security Questionnaire/);

    for (const id of ['vsaq-test_template', 'webapp']) {
      const out1 = path.join(dir, `${id}-1.json`);
      const out2 = path.join(dir, `${id}-2.json`);
      ok(['template', 'export', id, '--version', '1', '--out', out1, '--db', first]);
      const second = tempDbPath();
      const again = ok(['template', 'import', out1, '--db', second]);
      assert.match(again.stdout, new RegExp(`^Imported ${id} v1 `));
      ok(['template', 'export', id, '--out', out2, '--db', second]);
      assert.equal(fs.readFileSync(out2, 'utf8'), fs.readFileSync(out1, 'utf8'), id);
      const parsed = JSON.parse(fs.readFileSync(out1, 'utf8')) as Template & { $schema: string };
      assert.equal(parsed.$schema, 'vetted-template/1');
      // The same file again changes nothing.
      const before = dumpRegister(second);
      assert.match(ok(['template', 'import', out1, '--db', second]).stdout, /^Already in the register, unchanged: /);
      assert.deepEqual(dumpRegister(second), before);
    }
  });

  test('bad files exit 2 naming the file and the JSON path, and write nothing', () => {
    const dir = tempDir();
    const db = tempDbPath();
    ok(['template', 'import', fixture('test_template.json'), '--db', db]);
    const before = dumpRegister(db);
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const vsaqText = (items: unknown[]) =>
      `// header\n${JSON.stringify({ questionnaire: [{ type: 'block', text: 'T', items: [{ type: 'block', id: 's', text: 'S', items }] }] }, null, 2)}`;
    const good = JSON.parse(exportTemplateJson(BUILT_IN_TEMPLATES[0]!));
    good.id = 'copy';
    good.sections[0].questions[0].weight = 'heavy';

    const cases: [string, RegExp][] = [
      [write('not-json.json', '{"id": "x", oops'), /^vetted: .*not-json\.json: \$\.oops: not valid JSON: expected ":"/],
      [write('unknown.json', vsaqText([{ type: 'check', id: 'a', text: 'A' }, { type: 'line', id: 'b', text: 'B', cond: 'a || ghost' }])), /^vetted: .*unknown\.json: \$\.questionnaire\[0\]\.items\[0\]\.items\[1\]\.cond: unknown id "ghost" \(at character 6 of "a \|\| ghost"\)$/],
      [write('cycle.json', vsaqText([{ type: 'check', id: 'a', text: 'A', cond: 'b' }, { type: 'check', id: 'b', text: 'B', cond: 'a' }])), /^vetted: .*cycle\.json: \$\.questionnaire\[0\]\.items\[0\]\.items\[\d\]\.cond: the conditions go round in a circle/],
      [write('string.json', JSON.stringify(good)), /^vetted: .*string\.json: \$\.sections\[0\]\.questions\[0\]\.weight: expected number, found a string \("heavy"\)$/],
    ];
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    cases.push([big, /^vetted: .*big\.json: \$: the file is 10\.0 MB; templates larger than 10 MB are refused$/]);

    for (const [file, message] of cases) {
      const run = runCli(['template', 'import', file, '--db', db]);
      assert.equal(run.status, 2, `${file}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr.trim(), message);
      assert.ok(run.stderr.includes(file), run.stderr);
      noStack(run.stderr);
    }
    // An error in an extension names the extension file.
    const ext = write('ext.json', '{"version": 1, "extensions": [{"type": "line", "id": "x", "text": "X", "insertAfter": "nowhere"}]}');
    const run = runCli(['template', 'import', fixture('test_template.json'), '--extension', ext, '--id', 'other', '--db', db]);
    assert.equal(run.status, 2);
    assert.match(run.stderr.trim(), /^vetted: .*ext\.json: \$\.extensions\[0\]\.insertAfter: no item with id "nowhere" in the base template$/);
    assert.deepEqual(dumpRegister(db), before);
  });

  test('versions: an edited file becomes the next version with its changes listed, --version N stores N, a lower one is refused', () => {
    const dir = tempDir();
    const db = tempDbPath();
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const original = fs.readFileSync(fixture('test_template.json'), 'utf8');
    assert.match(ok(['template', 'import', fixture('test_template.json'), '--id', 'tt', '--db', db]).stdout, /^Imported tt v1 .*\n$/);

    // The VSAQ file edited: one question's text and the warning's severity. It says version 1 still.
    const edited = write(
      'edited.json',
      original.replace('Click me to trigger a warning.', 'Tick to trigger a warning.').replace('"severity": "critical"', '"severity": "high"'),
    );
    const second = ok(['template', 'import', edited, '--id', 'tt', '--db', db]);
    assert.equal(
      second.stdout,
      [
        'Imported tt v2 “My questionnaire” (3 sections, 3 questions)',
        'Changes from v1:',
        '  1 question changed: data_warning (text)',
        '  1 risk flag changed: data_tip (severity)',
        'New reviews use v2; reviews already started keep their version. Move an open one with `vetted review migrate VENDOR` (in the app: “Move to version 2”).',
        '',
      ].join('\n'),
    );
    // The same again, or the original (stored as v1): nothing changes.
    let before = dumpRegister(db);
    assert.match(ok(['template', 'import', edited, '--id', 'tt', '--db', db]).stdout, /^Already in the register, unchanged: tt v2 /);
    assert.match(ok(['template', 'import', fixture('test_template.json'), '--id', 'tt', '--db', db]).stdout, /^Already in the register, unchanged: tt v1 /);
    assert.deepEqual(dumpRegister(db), before);

    // --version: not above the latest is refused naming the flag, and writes nothing.
    const third = write('third.json', original.replace('Click me to trigger a warning.', 'Third wording.'));
    for (const version of ['1', '2']) {
      const refused = runCli(['template', 'import', third, '--id', 'tt', '--version', version, '--db', db]);
      assert.equal(refused.status, 2, refused.stderr);
      assert.equal(refused.stdout, '');
      assert.match(refused.stderr, /^vetted: --version: must be above 2, the latest stored version of tt \(or leave it out to store this as version 3\)\n$/);
      noStack(refused.stderr);
    }
    for (const bad of ['0', 'two', '1.5']) {
      const refused = runCli(['template', 'import', third, '--id', 'tt', '--version', bad, '--db', db]);
      assert.equal(refused.status, 2, refused.stderr);
      assert.match(refused.stderr, /--version: expected a whole number from 1/);
    }
    assert.deepEqual(dumpRegister(db), before);
    assert.match(ok(['template', 'import', third, '--id', 'tt', '--version', '5', '--db', db]).stdout, /^Imported tt v5 [^\n]*\nChanges from v2:\n {2}1 question changed: data_warning \(text\)\n {2}1 risk flag changed: data_tip \(severity\)\n/);

    // A Vetted file keeps its own version when that is above the latest, else becomes the next one.
    const v1 = path.join(dir, 'tt-v1.json');
    ok(['template', 'export', 'tt', '--version', '1', '--out', v1, '--db', db]);
    const vetted = JSON.parse(fs.readFileSync(v1, 'utf8'));
    vetted.name = 'Renamed';
    assert.match(ok(['template', 'import', write('renamed.json', JSON.stringify(vetted)), '--db', db]).stdout, /^Imported tt v6 “Renamed” [^\n]*\nChanges from v5:\n {2}Template: name changed\n/);
    vetted.version = 9;
    vetted.description = 'Described.';
    assert.match(ok(['template', 'import', write('nine.json', JSON.stringify(vetted)), '--db', db]).stdout, /^Imported tt v9 “Renamed” [^\n]*\nChanges from v6:\n {2}Template: description changed\n {2}No question or risk flag changed\n/);
    before = dumpRegister(db);
    assert.match(ok(['template', 'import', v1, '--db', db]).stdout, /^Already in the register, unchanged: tt v1 /);
    assert.deepEqual(dumpRegister(db), before);

    const list = JSON.parse(ok(['template', 'list', '--json', '--db', db]).stdout) as { id: string; version: number; name: string }[];
    assert.deepEqual(list.filter((t) => t.id === 'tt').map((t) => t.version).sort((a, b) => a - b), [1, 2, 5, 6, 9]);
  });

  test('usage errors exit 1', () => {
    assert.equal(runCli(['template']).status, 1);
    assert.equal(runCli(['template', 'import']).status, 1);
    assert.equal(runCli(['template', 'export', 'x']).status, 1);
    assert.equal(runCli(['template', 'export', 'x', '--out', 'x.json', '--version', 'two']).status, 1);
    const missing = runCli(['template', 'import', '/nonexistent/file.json', '--db', tempDbPath()]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /file\.json: no such file/);
  });
});

describe('template.import through the API', () => {
  test('a review on a VSAQ-imported template: a critical tip fires → tier critical, named in the explanation', async () => {
    const { api } = await freshVetted();
    const text = fs.readFileSync(fixture('test_template.json'), 'utf8');
    const extension = fs.readFileSync(fixture('test_template_extension.json'), 'utf8');
    const imported = unwrap(await api['template.import']({ text, extensions: [extension], id: 'vsaq-test' }));
    assert.deepEqual(imported, {
      template: { id: 'vsaq-test', version: 1, name: 'My questionnaire', sections: 4, questions: 4, builtIn: false },
      added: true,
      warnings: [],
      changes: null,
    });
    const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ' }));
    const review = unwrap(await api['review.start']({ vendorId: vendor.id, templateId: 'vsaq-test' }));
    const standards = review.template.sections[0]!.questions[0]!;
    const answer = async (questionId: string, value: string | string[]) =>
      unwrap(await api['answer.save']({ reviewId: review.review.id, questionId, value }));
    await answer(standards.id, ['standard_1']);
    await answer('mycompany.company_specific', 'We sign a DPA.');
    await answer('declaration', 'yes');
    const calm = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
    assert.equal(calm.knockouts.length, 0);
    await answer('data_warning', 'yes');
    const score = unwrap(await api['score.get']({ vendorId: vendor.id }))!;
    assert.equal(score.tier, 'critical');
    assert.deepEqual(score.knockouts.map((k) => [k.flagId, k.questionText, k.tier]), [['data_tip', "You shouldn't click the box above.", 'critical']]);
    const line = score.explanation.find((l) => l.flagId === 'data_tip');
    assert.ok(line);
    assert.equal(line.questionText, "You shouldn't click the box above.");
    assert.equal(line.questionId, 'data_warning');

    // Export is a JSON file that imports back unchanged.
    const file = unwrap(await api['template.export']({ id: 'vsaq-test' }));
    assert.equal(file.mediaType, 'application/json');
    assert.equal(file.fileName, 'vsaq-test-v1.json');
    const again = unwrap(await api['template.import']({ text: Buffer.from(file.base64, 'base64').toString('utf8') }));
    assert.equal(again.added, false);
  });

  test('re-importing an edited template stores the next version with its changes, and an open review moves to it', async () => {
    const { api } = await freshVetted();
    const text = fs.readFileSync(fixture('webapp.json'), 'utf8');
    const first = unwrap(await api['template.import']({ text, id: 'webapp' }));
    assert.equal(first.template.version, 1);
    assert.equal(first.changes, null, 'nothing to compare a new id with');
    const vendor = unwrap(await api['vendor.create']({ name: 'Quillmark' }));
    const review = unwrap(await api['review.start']({ vendorId: vendor.id, templateId: 'webapp' }));
    unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'application_ssl_configuration_pfs', value: 'application_ssl_configuration_pfs_yes' }));

    // VSAQ files carry no version of their own: an edited one is the next version.
    const edited = text
      .replace('Does your server offer <a', 'Does every server offer <a')
      .replace('"Yes, the server supports ECDHE and DHE ciphers that offer forward secrecy."', '"Yes: ECDHE and DHE ciphers."');
    const second = unwrap(await api['template.import']({ text: edited, id: 'webapp' }));
    assert.equal(second.added, true);
    assert.equal(second.template.version, 2);
    assert.ok(second.changes, 'changes against v1');
    assert.equal(second.changes.fromVersion, 1);
    assert.equal(second.changes.toVersion, 2);
    assert.deepEqual(second.changes.questions.changed.map((c) => [c.id, c.changed]), [['application_ssl_configuration_pfs', ['text', 'options']]]);
    assert.deepEqual([second.changes.questions.added, second.changes.questions.removed, second.changes.flags.added, second.changes.flags.removed], [[], [], [], []]);
    assert.equal(unwrap(await api['template.get']({ id: 'webapp' })).version, 2);

    // The same content again: nothing changes. An explicit version at or below the latest is refused naming it.
    const again = unwrap(await api['template.import']({ text: edited, id: 'webapp' }));
    assert.deepEqual([again.added, again.template.version, again.changes], [false, 2, null]);
    const low = await api['template.import']({ text, id: 'webapp', version: 2 });
    assert.ok(!low.ok, 'version 2 is not above the latest');
    assert.equal(low.error.code, 'validation');
    assert.match(low.error.message, /^version: must be above 2/);
    assert.deepEqual(low.error.details?.map((d) => d.path), ['version']);
    const zero = await api['template.import']({ text, id: 'webapp', version: 0 });
    assert.ok(!zero.ok && zero.error.code === 'validation', 'version 0 is refused');
    const tenth = unwrap(await api['template.import']({ text, id: 'webapp', version: 10 }));
    assert.deepEqual([tenth.added, tenth.template.version, tenth.changes?.fromVersion], [true, 10, 2]);
    assert.deepEqual(unwrap(await api['template.list']({})).filter((t) => t.id === 'webapp').map((t) => t.version).sort((a, b) => a - b), [1, 2, 10]);

    // The review stays on v1 until moved; moving to v2 carries the answer (its option was relabelled).
    assert.equal(unwrap(await api['review.current']({ vendorId: vendor.id }))!.review.templateVersion, 1);
    const moved = unwrap(await api['review.migrate']({ reviewId: review.review.id, toVersion: 2 }));
    assert.equal(moved.review.review.templateVersion, 2);
    assert.deepEqual([moved.carried, moved.unmatched], [['application_ssl_configuration_pfs'], []]);
  });

  test('validation and conflicts come back as typed errors', async () => {
    const { api } = await freshVetted();
    const text = fs.readFileSync(fixture('test_template.json'), 'utf8');
    const noId = await api['template.import']({ text });
    assert.equal(noId.ok, false);
    assert.equal(!noId.ok && noId.error.code, 'validation');
    const bad = await api['template.import']({ text: text.replace('data_warning/yes', 'ghost'), id: 'x' });
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'validation');
    assert.match(bad.error.message, /^\$\.questionnaire\[0\]\.items\[1\]\.items\[1\]\.cond: unknown id "ghost"/);
    assert.deepEqual(bad.error.details?.[0]?.path, 'text');
    const builtIn = await api['template.import']({ text, id: 'infrastructure-provider' });
    assert.ok(!builtIn.ok);
    assert.equal(builtIn.error.code, 'conflict');
    const tooBig = await api['template.import']({ text: ' '.repeat(5 * 1024 * 1024 + 1), id: 'x' });
    assert.ok(!tooBig.ok);
    assert.match(tooBig.error.message, /larger than 5 MB/);
    const missing = await api['template.export']({ id: 'nope' });
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'not_found');
  });
});
