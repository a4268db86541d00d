// flagFedQuestionIds: the weight-0 questions a risk flag reads ("Scored through risk flags").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { conditionRefs } from '../../shared/domain/conditions';
import { Template, type TemplateInput } from '../../shared/domain/template';
import { flagFedQuestionIds } from '../../shared/templates';
import { importVsaq } from '../../shared/templates/vsaq';
import { REPO_ROOT } from '../helpers/cli';

const read = (name: string) => fs.readFileSync(path.resolve(REPO_ROOT, 'test/fixtures/vsaq', name), 'utf8');
const YESNO = [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'no', label: 'No', score: 0 },
];

describe('flagFedQuestionIds', () => {
  test('test_template.json: the box the critical tip reads, and nothing else', () => {
    const { template } = importVsaq(read('test_template.json'), { id: 't' });
    assert.deepEqual([...flagFedQuestionIds(template)], ['data_warning']);
  });

  test('webapp.json: exactly the questions the warnings read', () => {
    const { template } = importVsaq(read('webapp.json'), { id: 'w' });
    const read_ = new Set(template.sections.flatMap((s) => (s.flags ?? []).flatMap((f) => conditionRefs(f.when))));
    const fed = flagFedQuestionIds(template);
    assert.ok(fed.size > 20, `many questions feed flags (${fed.size})`);
    assert.deepEqual([...fed].sort(), [...read_].sort());
    // Questions no flag reads (free text, most choices) are plain "not scored".
    const all = template.sections.flatMap((s) => s.questions);
    assert.ok(all.some((q) => !fed.has(q.id)), 'some questions feed no flag');
    // Built once per template object.
    assert.equal(flagFedQuestionIds(template), fed);
  });

  test('weight above 0 is scored on its own; a flag may read a question of another section', () => {
    const input: TemplateInput = {
      id: 'tiny',
      version: 1,
      name: 'Tiny',
      sections: [
        {
          id: 'a',
          title: 'A',
          questions: [
            { id: 'weighted', kind: 'yesno', text: 'W?', options: YESNO },
            { id: 'zero', kind: 'yesno', text: 'Z?', weight: 0, options: YESNO },
            { id: 'plain', kind: 'yesno', text: 'P?', weight: 0, options: YESNO },
          ],
        },
        {
          id: 'b',
          title: 'B',
          questions: [{ id: 'notes', kind: 'text', text: 'Notes', weight: 0 }],
          flags: [{ id: 'f', name: 'F', severity: 'high', when: { all: [{ q: 'weighted', is: ['no'] }, { not: { q: 'zero', is: ['yes'] } }, { q: 'notes', answered: true }] } }],
        },
      ],
    };
    assert.deepEqual([...flagFedQuestionIds(Template.parse(input))].sort(), ['notes', 'zero']);
  });
});
