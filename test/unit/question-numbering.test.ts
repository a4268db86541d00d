// Question numbers stay the template's; where hidden questions make them skip, a note says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionsById, visibleQuestionIds } from '../../shared/domain/conditions';
import { conditionInWords, questionNumbers, skippedNotes } from '../../shared/domain/question-numbering';
import { Template } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';

const T = Template.parse({
  id: 't',
  version: 1,
  name: 'T',
  sections: [
    { id: 'a', title: 'A', questions: [{ id: 'a1', kind: 'text', text: 'A1' }] },
    {
      id: 'b',
      title: 'B',
      questions: [
        { id: 'gate', kind: 'single', text: 'Gate', options: [{ id: 'on', label: 'On', score: 1 }, { id: 'off', label: 'Off', score: 0 }, { id: 'half', label: 'Half way', score: 0.5 }] },
        { id: 'x', kind: 'text', text: 'X', showWhen: { q: 'gate', is: ['on', 'half'] } },
        { id: 'y', kind: 'text', text: 'Y', showWhen: { q: 'gate', is: ['on', 'half'] } },
        { id: 'z', kind: 'text', text: 'Z', showWhen: { q: 'gate', is: ['on', 'half'] } },
        { id: 'tags', kind: 'multi', text: 'Tags', options: [{ id: 'sso', label: 'SSO', score: 1 }, { id: 'mfa', label: 'MFA', score: 1 }] },
        { id: 'w', kind: 'text', text: 'W', showWhen: { q: 'tags', is: ['sso'] } },
        { id: 'v', kind: 'text', text: 'V', showWhen: { any: [{ q: 'a1', answered: true }, { not: { q: 'gate', is: ['off'] } }] } },
      ],
    },
  ],
});
const byId = questionsById(T);
const numbers = questionNumbers(T.sections);
const section = T.sections[1]!;

test('numbers are the template positions, whatever is shown', () => {
  assert.equal(numbers.get('a1'), '1.1', 'first question of the first section');
  assert.equal(numbers.get('z'), '2.4', 'hidden or not, z is the fourth question of section 2');
});

test('a run of hidden questions with one condition is named together, with the condition in words', () => {
  const visible = visibleQuestionIds(T, { gate: { value: 'off', na: false }, tags: { value: ['sso'], na: false } });
  const notes = skippedNotes(section, visible, numbers, byId);
  assert.equal(notes.length, 2, `one note for x–z and one for v: ${JSON.stringify(notes)}`);
  assert.deepEqual(notes[0], { beforeId: 'tags', questionIds: ['x', 'y', 'z'], text: '2.2 to 2.4 are not asked: they apply only when 2.1 is “On” or “Half way”.' });
  assert.equal(notes[1]!.beforeId, null, 'v is the last question: its note closes the section');
  assert.equal(notes[1]!.text, '2.7 is not asked: it applies only when 1.1 has an answer other than N/A or 2.1 is not “Off”.', 'a negated answer reads as "is not"; N/A is not an answer here');
});

test('different conditions in one run are listed each; a multi question "includes"', () => {
  const visible = new Set(['gate', 'tags']);
  const run = { questions: [section.questions[3]!, section.questions[5]!] }; // z and w, side by side
  const [note] = skippedNotes(run, visible, numbers, byId);
  assert.equal(note!.text, '2.4 and 2.6 are not asked for these answers: 2.4 only when 2.1 is “On” or “Half way”; 2.6 only when 2.5 includes “SSO”.');
});

test('nothing hidden, nothing said', () => {
  const visible = new Set(section.questions.map((q) => q.id));
  assert.deepEqual(skippedNotes(section, visible, numbers, byId), [], 'every question shown');
});

test('the built-in template: an unanswered review names its hidden questions by number, never by id', () => {
  const visible = visibleQuestionIds(INFRASTRUCTURE_TEMPLATE, {});
  const all = INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => skippedNotes(s, visible, questionNumbers(INFRASTRUCTURE_TEMPLATE.sections), questionsById(INFRASTRUCTURE_TEMPLATE)));
  assert.ok(all.length > 0, 'the built-in template has conditional questions hidden while nothing is answered');
  for (const note of all) {
    assert.match(note.text, /^\d+\.\d+/, `starts with a number: ${note.text}`);
    assert.doesNotMatch(note.text, /[a-z]+_[a-z_]+/, `no question id in: ${note.text}`);
  }
  const hidden = all.flatMap((n) => n.questionIds).sort();
  const expected = INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions).filter((q) => !visible.has(q.id)).map((q) => q.id).sort();
  assert.deepEqual(hidden, expected, 'every hidden question is in exactly one note');
});

test('conditionInWords names an unknown option by its id rather than inventing a label, and brackets nested groups', () => {
  assert.equal(conditionInWords({ q: 'gate', is: ['gone'] }, numbers, byId), '2.1 is “gone”');
  assert.equal(conditionInWords({ not: { q: 'gate', is: ['on', 'off'] } }, numbers, byId), '2.1 is neither “On” nor “Off”');
  assert.equal(conditionInWords({ not: { q: 'tags', is: ['sso', 'mfa'] } }, numbers, byId), '2.5 includes none of “SSO”, “MFA”');
  assert.equal(
    conditionInWords({ all: [{ q: 'a1', answered: true }, { any: [{ q: 'gate', is: ['on'] }, { q: 'tags', is: ['mfa'] }] }] }, numbers, byId),
    '1.1 has an answer other than N/A and (2.1 is “On” or 2.5 includes “MFA”)',
  );
});

test('a question hidden because the question its condition reads is not asked says so, whatever answer that one still holds', () => {
  const chain = Template.parse({
    id: 'c',
    version: 1,
    name: 'C',
    sections: [
      {
        id: 's',
        title: 'S',
        questions: [
          { id: 'enc', kind: 'yesno', text: 'Encrypted?', options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0 }] },
          { id: 'keys', kind: 'yesno', text: 'Own keys?', showWhen: { q: 'enc', is: ['yes'] }, options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0 }] },
          { id: 'rotation', kind: 'text', text: 'Rotation?', showWhen: { not: { q: 'keys', is: ['no'] } } },
          { id: 'hsm', kind: 'text', text: 'HSM?', showWhen: { q: 'keys', answered: true } },
        ],
      },
    ],
  });
  // "No" hides 1.2; its answer "Yes" is left behind. 1.3's and 1.4's conditions would hold on
  // that leftover answer, but isVisible hides them: the note must say why, not quote the condition.
  const answers = { enc: { value: 'no', na: false }, keys: { value: 'yes', na: false } };
  const visible = visibleQuestionIds(chain, answers);
  assert.deepEqual([...visible], ['enc'], 'only 1.1 is asked');
  const [note] = skippedNotes(chain.sections[0]!, visible, questionNumbers(chain.sections), questionsById(chain));
  assert.equal(
    note!.text,
    '1.2 to 1.4 are not asked for these answers: 1.2 only when 1.1 is “Yes”; 1.3 and 1.4 because 1.2 is not asked.',
  );
});

test('an "or" inside an "and" is bracketed, also when it is a list of options', () => {
  assert.equal(
    conditionInWords({ all: [{ q: 'gate', is: ['on'] }, { q: 'tags', is: ['sso', 'mfa'] }] }, numbers, byId),
    '2.1 is “On” and (2.5 includes “SSO” or “MFA”)',
  );
});
