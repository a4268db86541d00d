// Profile and answers (docs/scoring.md, section 7): an option may say what choosing it implies
// about the provider's profile; where the profile says otherwise, the review lists a conflict and
// gets no tier until one side is corrected.
import { answerLabel } from '../domain/answers';
import type { AnswerMap } from '../domain/review';
import type { ChoiceOption, Question, Template } from '../domain/template';
import { processesPersonalData } from '../domain/vendor';
import type { ProfileConflict, ProfileFact, RiskProfile } from './types';

/** What the profile says about each fact; undefined when the profile does not say. */
function profileReading(profile: RiskProfile, fact: ProfileFact): boolean | undefined {
  switch (fact) {
    case 'criticalPath':
      return profile.criticalPath;
    case 'personalData':
      return processesPersonalData(profile);
    case 'locationsKnown':
      return profile.dataLocations === undefined ? undefined : profile.dataLocations.length > 0;
  }
}

const PROFILE_WORDS: Readonly<Record<ProfileFact, (value: boolean) => string>> = {
  criticalPath: (v) => (v ? 'the profile says it is on the critical path' : 'the profile says it is not on the critical path'),
  personalData: (v) => (v ? 'the profile lists personal data among its data categories' : 'the profile lists no personal data'),
  locationsKnown: (v) => (v ? 'the profile lists where the data is kept' : 'the profile lists no data location'),
};

const FACTS: readonly ProfileFact[] = ['criticalPath', 'personalData', 'locationsKnown'];

/** The questions with an option that implies something, in template order, found once per template. */
const implyingCache = new WeakMap<Template, readonly Question[]>();
function implyingQuestions(template: Template): readonly Question[] {
  let found = implyingCache.get(template);
  if (!found) {
    found = template.sections.flatMap((s) => s.questions.filter((q) => (q.options ?? []).some((o) => o.implies !== undefined)));
    implyingCache.set(template, found);
  }
  return found;
}

/** Conflicts between the profile and the shown, answered choice questions, in template order. */
export function profileConflicts(template: Template, answers: AnswerMap, visible: { has(id: string): boolean }, profile: RiskProfile): ProfileConflict[] {
  const conflicts: ProfileConflict[] = [];
  // Only questions that can disagree with the profile are read: this runs for every review listed.
  for (const question of implyingQuestions(template)) {
    if (!visible.has(question.id)) continue;
    const answer = answers[question.id];
    if (!answer || answer.na || answer.value === null) continue;
    const ids = Array.isArray(answer.value) ? answer.value : [answer.value];
    const chosen = ids
      .map((id) => question.options?.find((o) => o.id === id))
      .filter((o): o is ChoiceOption => o !== undefined && o.implies !== undefined);
    for (const fact of FACTS) {
      const implied = chosen.find((o) => o.implies![fact] !== undefined)?.implies![fact];
      const held = profileReading(profile, fact);
      if (implied === undefined || held === undefined || implied === held) continue;
      const label = answerLabel(question, answer.value);
      conflicts.push({
        questionId: question.id,
        questionText: question.text,
        answerLabel: label,
        fact,
        message: `The answer “${label}” to “${question.text}” disagrees with the profile: ${PROFILE_WORDS[fact](held)}. Correct one of them.`,
      });
    }
  }
  return conflicts;
}
