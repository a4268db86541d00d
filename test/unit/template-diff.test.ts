// diffTemplates: what changed between two versions of a template, on the real VSAQ fixtures
// edited the way a user would, and on the built-in template.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Template } from '../../shared/domain/template';
import { describeTemplateChanges, diffTemplates, noTemplateChanges } from '../../shared/templates/diff';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { importVsaq } from '../../shared/templates/vsaq';
import { REPO_ROOT } from '../helpers/cli';

const read = (name: string) => fs.readFileSync(path.resolve(REPO_ROOT, 'test/fixtures/vsaq', name), 'utf8');
const WEBAPP = read('webapp.json');

/** Replaces exactly one occurrence (so an edit that no longer applies fails loudly). */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from.slice(0, 60)}" occurs once in the fixture`);
  return text.replace(from, to);
}

describe('diffTemplates', () => {
  test('the same template: nothing changed', () => {
    const { template } = importVsaq(WEBAPP, { id: 'w' });
    const changes = diffTemplates(template, { ...template, version: 2 });
    assert.equal(noTemplateChanges(changes), true, 'nothing changed');
    assert.equal(changes.fromVersion, 1);
    assert.equal(changes.toVersion, 2);
    assert.deepEqual(describeTemplateChanges(changes), ['No question or risk flag changed']);
    const renamed = diffTemplates(template, { ...template, name: 'Renamed', version: 2 });
    assert.equal(noTemplateChanges(renamed), false, 'a new name is a change');
    assert.deepEqual(describeTemplateChanges(renamed), ['Template: name changed', 'No question or risk flag changed']);
  });

  test("webapp.json edited: a question's text, an added choice, its tip's condition, a warning's severity", () => {
    let text = edit(WEBAPP, 'Does your server offer <a', 'Does every server offer <a');
    text = edit(
      text,
      '{"application_ssl_configuration_pfs_no": "No, no ciphers providing forward secrecy are enabled."}',
      '{"application_ssl_configuration_pfs_no": "No, no ciphers providing forward secrecy are enabled."},\n{"application_ssl_configuration_pfs_some": "On some servers."}',
    );
    text = edit(text, '"name": "No security quality assurance",\n                  "severity": "medium"', '"name": "No security quality assurance",\n                  "severity": "high"');
    text = edit(text, '"cond": "application_ssl_configuration_pfs_no"', '"cond": "application_ssl_configuration_pfs_no || application_ssl_configuration_pfs_some"');
    const before = importVsaq(WEBAPP, { id: 'w' }).template;
    const after = importVsaq(text, { id: 'w' }).template;
    const changes = diffTemplates(before, after);
    assert.deepEqual(changes.template, []);
    assert.deepEqual(changes.questions.added, []);
    assert.deepEqual(changes.questions.removed, []);
    assert.deepEqual(changes.questions.changed.map((c) => [c.id, c.changed]), [['application_ssl_configuration_pfs', ['text', 'options', 'tips']]]);
    assert.equal(changes.questions.changed[0]!.text, 'Does every server offer forward secrecy (https://en.wikipedia.org/wiki/Forward_secrecy) for clients that support it?');
    assert.deepEqual(changes.flags.added, []);
    assert.deepEqual(changes.flags.removed, []);
    assert.deepEqual(changes.flags.changed.map((c) => [c.id, c.changed]), [['warn_application_testing_qa_security', ['severity']]]);
    assert.deepEqual(describeTemplateChanges(changes), [
      '1 question changed: application_ssl_configuration_pfs (text, options, tips)',
      '1 risk flag changed: warn_application_testing_qa_security (severity)',
    ]);
  });

  test('test_template.json with and without its extension: a section and its question added, then removed', () => {
    const base = importVsaq(read('test_template.json'), { id: 't' }).template;
    const extended = { ...importVsaq(read('test_template.json'), { id: 't', extensions: [read('test_template_extension.json')] }).template, version: 2 };
    const added = diffTemplates(base, extended);
    assert.deepEqual(added.template, ['sections']);
    assert.deepEqual(added.questions.added, [{ id: 'mycompany.company_specific', text: 'Company specific question', sectionId: extended.sections[1]!.id }]);
    assert.deepEqual([added.questions.removed, added.questions.changed, added.flags.added], [[], [], []]);
    assert.deepEqual(describeTemplateChanges(added), ['Template: sections changed', '1 question added: mycompany.company_specific']);
    const removed = diffTemplates(extended, { ...base, version: 3 });
    assert.deepEqual(removed.questions.removed.map((r) => r.id), ['mycompany.company_specific']);
    assert.deepEqual(describeTemplateChanges(removed), ['Template: sections changed', '1 question removed: mycompany.company_specific']);
  });

  test('the built-in template: weight, must-have, N/A, showWhen, a move to another section, a removed and a new flag', () => {
    const before = INFRASTRUCTURE_TEMPLATE;
    const copy = JSON.parse(JSON.stringify(before)) as Template;
    copy.version = before.version + 1;
    copy.name = `${before.name} (edited)`;
    const [first, second] = copy.sections;
    const plain = first!.questions.find((q) => !q.showWhen && q.mustHave !== true)!;
    plain.weight += 1;
    plain.mustHave = true;
    plain.allowNa = !plain.allowNa;
    const conditional = copy.sections.flatMap((s) => s.questions).find((q) => q.showWhen)!;
    delete conditional.showWhen;
    const moved = first!.questions.find((q) => q !== plain && q !== conditional && !q.showWhen)!;
    first!.questions = first!.questions.filter((q) => q !== moved);
    second!.questions.push(moved);
    second!.flags = [{ id: 'new-flag', name: 'New flag', severity: 'high', when: { q: plain.id, answered: true } }];
    const after = Template.parse(copy);
    const changes = diffTemplates(before, after);
    assert.deepEqual(changes.template, ['name']);
    const changed = new Map(changes.questions.changed.map((c) => [c.id, c.changed]));
    assert.deepEqual(changed.get(plain.id), ['weight', 'mustHave', 'allowNa']);
    assert.deepEqual(changed.get(conditional.id), ['conditions']);
    assert.deepEqual(changed.get(moved.id), ['section']);
    assert.equal(changed.size, 3, 'nothing else changed');
    assert.deepEqual(changes.flags.added, [{ id: 'new-flag', text: 'New flag', sectionId: second!.id }]);
    const lines = describeTemplateChanges(changes);
    assert.equal(lines[0], 'Template: name changed');
    assert.ok(lines.some((l) => l.includes(`${plain.id} (weight, must-have, N/A allowed)`)), lines.join('\n'));
    assert.ok(lines.includes('1 risk flag added: new-flag'), lines.join('\n'));
    // And back: the flag is removed.
    assert.deepEqual(diffTemplates(after, before).flags.removed.map((f) => f.id), ['new-flag']);
  });
});
