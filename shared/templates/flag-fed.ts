// Questions that carry no weight of their own but are read by a risk flag: their answers are
// scored through the flag (an imported VSAQ questionnaire is made of these). Pure.
import { conditionRefs } from '../domain/conditions';
import type { Template } from '../domain/template';

const cache = new WeakMap<Template, ReadonlySet<string>>();

/**
 * Ids of the questions with weight 0 that some risk flag's `when` reads (a flag of any section:
 * a flag may read questions of other sections). Built once per template object.
 */
export function flagFedQuestionIds(template: Template): ReadonlySet<string> {
  let ids = cache.get(template);
  if (!ids) {
    const read = new Set<string>();
    for (const section of template.sections) {
      for (const flag of section.flags ?? []) for (const id of conditionRefs(flag.when)) read.add(id);
    }
    const fed = new Set<string>();
    for (const section of template.sections) {
      for (const question of section.questions) if (question.weight === 0 && read.has(question.id)) fed.add(question.id);
    }
    cache.set(template, (ids = fed));
  }
  return ids;
}
